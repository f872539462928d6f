// Settings, Network: how Cloud Desk reaches Azure (the system proxy, HTTPS_PROXY, a proxy server typed here, or
// directly), the proxy's user name and password (the password is sent to main once and never shown again), and
// extra CA certificates for networks that inspect TLS. Fields are checked with the contract's schema; main checks
// again and has the last word.
import { Button, Field, Input, Radio, RadioGroup, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { proxyModeSchema, type NetworkState, type ProxyMode } from '../../../preload/contract-network';
import { ErrorBar } from '../../components/error-bar';
import { listenForNetwork, useNetworkStore } from '../../stores/network-store';
import { NetworkCertificates } from './network-certificates';
import { checkNetworkDraft, draftOf, type NetworkDraft } from './network-draft';
import { SaveRow, useSettingsStyles } from './settings-form';

export function NetworkSettings() {
  const styles = useSettingsStyles();
  const network = useNetworkStore((state) => state.network);
  const error = useNetworkStore((state) => state.error);
  const load = useNetworkStore((state) => state.load);

  useEffect(() => {
    void load();
    return listenForNetwork();
  }, [load]);

  return (
    <section className={styles.section} aria-labelledby="network-settings-heading">
      <Subtitle2 as="h2" id="network-settings-heading" className={styles.heading}>
        Network
      </Subtitle2>
      <Text className={styles.note}>
        How Cloud Desk reaches Azure for sign-in and for your resources. Sign-in pages in your browser use the browser’s
        own settings.
      </Text>
      {error && <ErrorBar error={error} action="Network settings not saved" />}
      {network ? (
        <>
          <ProxyForm network={network} />
          <ProxyPassword network={network} />
          <NetworkCertificates network={network} />
        </>
      ) : (
        !error && <Spinner size="small" labelPosition="after" label="Loading network settings…" />
      )}
    </section>
  );
}

function modeLabel(mode: ProxyMode, network: NetworkState): string {
  switch (mode) {
    case 'system':
      return 'Use the system proxy settings (including automatic configuration scripts)';
    case 'environment':
      return `Use HTTPS_PROXY and NO_PROXY from the environment (${network.environmentProxy ?? 'not set'})`;
    case 'manual':
      return 'Use this proxy server';
    case 'none':
      return 'Connect directly, without a proxy';
  }
}

function ProxyForm({ network }: { network: NetworkState }) {
  const styles = useSettingsStyles();
  const update = useNetworkStore((state) => state.update);
  const [draft, setDraft] = useState<NetworkDraft>(() => draftOf(network));
  const [base, setBase] = useState(() => JSON.stringify(draftOf(network)));
  const [tried, setTried] = useState(false);
  // Settings changed by main (another window): follow them unless the user has edits of their own.
  const current = JSON.stringify(draftOf(network));
  if (current !== base) {
    setBase(current);
    if (JSON.stringify(draft) === base) setDraft(draftOf(network));
  }
  const [saved, setSaved] = useState<string>();
  const checked = checkNetworkDraft(draft);
  const problems = tried && 'problems' in checked ? checked.problems : {};
  const changed = JSON.stringify(draft) !== current;
  const manual = draft.proxyMode === 'manual';

  const edit = (change: Partial<NetworkDraft>): void => {
    setDraft({ ...draft, ...change });
    setSaved(undefined);
  };
  const field = (key: 'proxyUrl' | 'proxyBypass' | 'proxyUsername') => ({
    value: draft[key],
    onChange: (_event: unknown, data: { value: string }) => edit({ [key]: data.value }),
  });
  const save = async (): Promise<void> => {
    setTried(true);
    if (!('patch' in checked)) return;
    if (!(await update(checked.patch))) return;
    // Main's answer is the saved form (e.g. without a trailing slash); show that.
    const saved = useNetworkStore.getState().network;
    if (saved) setDraft(draftOf(saved));
    setTried(false);
    setSaved('Network settings saved. New connections use them.');
  };

  return (
    <form
      className={styles.section}
      aria-label="Proxy"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label="Proxy">
        <RadioGroup
          value={draft.proxyMode}
          onChange={(_event, data) => {
            const mode = proxyModeSchema.safeParse(data.value);
            if (mode.success) edit({ proxyMode: mode.data });
          }}
        >
          {proxyModeSchema.options.map((mode) => (
            <Radio key={mode} value={mode} label={modeLabel(mode, network)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Proxy server URL"
        hint="http:// or https://, host and port, e.g. http://proxy.contoso.com:8080"
        validationMessage={problems.proxyUrl ?? null}
      >
        <Input
          className={styles.mono}
          disabled={!manual}
          placeholder="http://proxy.contoso.com:8080"
          {...field('proxyUrl')}
        />
      </Field>
      <Field
        label="Do not use the proxy for"
        hint="Host names, separated by commas: contoso.com also covers its subdomains; *.corp.contoso.com, 10.0.0.5, intranet:8443."
        validationMessage={problems.proxyBypass ?? null}
      >
        <Input className={styles.mono} disabled={!manual} {...field('proxyBypass')} />
      </Field>
      <Field
        label="Proxy user name"
        hint="Only for a proxy that asks for a user name and password. Used with whichever proxy is chosen above."
        validationMessage={problems.proxyUsername ?? null}
      >
        <Input autoComplete="off" {...field('proxyUsername')} />
      </Field>
      <SaveRow label="Save network settings" disabled={!changed} status={saved} />
    </form>
  );
}

function ProxyPassword({ network }: { network: NetworkState }) {
  const styles = useSettingsStyles();
  const setPassword = useNetworkStore((state) => state.setPassword);
  const clearPassword = useNetworkStore((state) => state.clearPassword);
  const [password, setTyped] = useState('');
  const [saved, setSaved] = useState<string>();

  return (
    <form
      className={styles.section}
      aria-label="Proxy credentials"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (password === '') return;
        void setPassword(password).then((ok) => {
          if (!ok) return;
          setTyped('');
          setSaved('Proxy password saved.');
        });
      }}
    >
      <Field
        label="Proxy password"
        hint={
          network.proxyPasswordSet
            ? 'A password is saved, encrypted. Type a new one to replace it.'
            : 'Stored encrypted, like your sign-ins; Cloud Desk never shows it again.'
        }
      >
        <Input
          type="password"
          autoComplete="off"
          value={password}
          onChange={(_event, data) => {
            setTyped(data.value);
            setSaved(undefined);
          }}
        />
      </Field>
      <SaveRow label="Save password" appearance="secondary" disabled={password === ''} status={saved}>
        {network.proxyPasswordSet && (
          <Button
            onClick={() =>
              void clearPassword().then((ok) => {
                if (ok) setSaved('Proxy password removed.');
              })
            }
          >
            Remove password
          </Button>
        )}
      </SaveRow>
    </form>
  );
}
