// Starts a sign-in to a new Microsoft account: pick the cloud, optionally the email to sign in as, then the
// browser (the usual way) or a device code. Says why it cannot start when the cloud has no app registration yet
// or a sign-in runs; a cloud main could not reach is said too, but never stops the attempt. Used by the first-run
// panel and by the "Add account" dialog.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Globe20Regular, Key20Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useAccountsStore, useSignInRunning, type SignInMethod } from '../../stores/accounts-store';
import { useNow } from '../../components/use-now';
import { useUnreachable } from '../../stores/status-store';
import { ClientChoice } from './client-choice';
import { CloudField } from './cloud-field';
import { describeUnreachable } from './freshness';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-start' },
  field: { minWidth: '240px', flexGrow: 1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  why: { color: tokens.colorNeutralForeground3 },
});

export function SignInForm({ onStarted }: { onStarted?: () => void }) {
  const styles = useStyles();
  const clouds = useAccountsStore((state) => state.clouds);
  const busy = useSignInRunning();
  const signIn = useAccountsStore((state) => state.signIn);
  const [chosen, setChosen] = useState<string>();
  const [loginHint, setLoginHint] = useState('');
  const whyId = useId();

  const cloud = clouds.find((candidate) => candidate.id === chosen) ?? clouds.find((c) => c.signInReady) ?? clouds[0];
  const unreachable = useUnreachable(cloud?.id);
  const now = useNow(30_000);
  const blocked = !cloud
    ? 'Cloud Desk has no cloud to sign in to.'
    : !cloud.signInReady
      ? `Sign-in to ${cloud.name} needs an app registration first.`
      : busy
        ? 'A sign-in is already running: finish or cancel it first.'
        : undefined;
  const why = blocked ?? (cloud && unreachable ? describeUnreachable(cloud.name, unreachable, { now }) : undefined);

  const start = (method: SignInMethod): void => {
    if (!cloud || blocked) return;
    onStarted?.();
    const hint = loginHint.trim();
    void signIn({ kind: 'account', cloudId: cloud.id, ...(hint ? { loginHint: hint } : {}) }, method);
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        start('browser');
      }}
    >
      <div className={styles.fields}>
        <CloudField className={styles.field} value={cloud?.id ?? ''} onChange={setChosen} />
        <Field label="Email (optional)" hint="Fills in the sign-in page for you." className={styles.field}>
          <Input
            type="email"
            autoComplete="username"
            value={loginHint}
            onChange={(_event, data) => setLoginHint(data.value)}
          />
        </Field>
      </div>
      {cloud && !cloud.signInReady && <ClientChoice cloud={cloud} />}
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={<Globe20Regular />}
          disabledFocusable={blocked !== undefined}
          aria-describedby={why ? whyId : undefined}
        >
          Sign in with the browser
        </Button>
        <Button
          icon={<Key20Regular />}
          disabledFocusable={blocked !== undefined}
          aria-describedby={why ? whyId : undefined}
          onClick={() => start('device_code')}
        >
          Sign in with a code
        </Button>
        {why && (
          <Text id={whyId} className={styles.why}>
            {why}
          </Text>
        )}
      </div>
    </form>
  );
}
