// Whether this copy of Cloud Desk was packaged with a default client id (CLOUD_DESK_CLIENT_ID), read once from
// main's app info and shared by every view that offers the sign-in client choice.
import { useEffect, useState } from 'react';
import { getBridge } from '../../bridge';

let builtin: Promise<string | undefined> | undefined;

/** The built-in client id, undefined while loading or when there is none. */
export function useBuiltinClientId(): string | undefined {
  const [id, setId] = useState<string>();
  useEffect(() => {
    let live = true;
    builtin ??= getBridge()
      .app.getInfo()
      .then((result) => (result.ok ? result.value.builtinClientId : undefined));
    void builtin.then((value) => {
      if (live) setId(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return id;
}
