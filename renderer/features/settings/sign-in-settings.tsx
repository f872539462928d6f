// Settings, Sign-in: the app registration's client id, the tenant sign-in starts at, and the explicit opt-in to
// keep sign-in data on disk without a keyring. Text fields are checked here and saved together by "Save"; the
// opt-in saves at once. Main validates again and has the last word.
import { Button, Field, Input, Subtitle2, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Settings } from '../../../preload/contract';
import { useSettingsStore } from '../../stores/settings-store';
import { useStatusStore } from '../../stores/status-store';
import { checkClientId, checkDefaultTenant, clientIdFieldId, weakStorageFieldId } from './sign-in-fields';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export function SignInSettings({ settings }: { settings: Settings }) {
  const styles = useStyles();
  const update = useSettingsStore((state) => state.update);
  const status = useStatusStore((state) => state.status);
  const [clientId, setClientId] = useState(settings.clientId);
  const [tenant, setTenant] = useState(settings.defaultTenant);
  const [saved, setSaved] = useState<string>();
  const clientIdProblem = checkClientId(clientId.trim());
  const tenantProblem = checkDefaultTenant(tenant.trim());
  const changed = clientId.trim() !== settings.clientId || tenant.trim() !== settings.defaultTenant;

  const save = async (): Promise<void> => {
    if (clientIdProblem || tenantProblem || !changed) return;
    await update({ clientId: clientId.trim(), defaultTenant: tenant.trim() });
    setSaved(useSettingsStore.getState().error ? undefined : 'Sign-in settings saved.');
  };

  return (
    <form
      className={styles.section}
      aria-labelledby="sign-in-settings-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h2" id="sign-in-settings-heading" className={styles.heading}>
        Sign-in
      </Subtitle2>
      <Field
        label="Application (client) ID"
        hint="The app registration Cloud Desk signs in with: a public client with the redirect URI http://localhost and the Azure Service Management user_impersonation permission. Your administrator can give you one."
        validationMessage={clientIdProblem}
      >
        <Input
          id={clientIdFieldId}
          className={styles.mono}
          placeholder="00000000-0000-0000-0000-000000000000"
          value={clientId}
          onChange={(_event, data) => {
            setClientId(data.value);
            setSaved(undefined);
          }}
        />
      </Field>
      <Field
        label="Default tenant"
        hint="Where sign-in starts: organizations (any work or school account), a tenant ID or a domain such as contoso.onmicrosoft.com."
        validationMessage={tenantProblem}
      >
        <Input
          value={tenant}
          onChange={(_event, data) => {
            setTenant(data.value);
            setSaved(undefined);
          }}
        />
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={!changed || Boolean(clientIdProblem || tenantProblem)}>
          Save sign-in settings
        </Button>
        <Text role="status">{saved}</Text>
      </div>
      <Field
        hint={
          'Only matters when your system has no keyring (some Linux desktops). Without this, Cloud Desk keeps your ' +
          'sign-ins in memory and you sign in again after each restart. With it, sign-ins and service principal ' +
          'secrets are saved on disk with weak protection: anyone who can read your files can use them. Installing ' +
          'or unlocking a keyring (GNOME Keyring, KWallet) is the better fix.'
        }
      >
        <Switch
          id={weakStorageFieldId}
          label="Store sign-in data on disk when no keyring is available"
          checked={settings.allowWeakSecretStorage}
          onChange={(_event, data) => void update({ allowWeakSecretStorage: data.checked })}
        />
      </Field>
      {status && (
        <Text className={styles.note} role="status">
          Sign-in data is now {storageWords[status.secretStorage.mode]}
          {status.secretStorage.backend ? ` (backend: ${status.secretStorage.backend})` : ''}.
          {settings.allowWeakSecretStorage &&
            status.secretStorage.mode === 'session_only' &&
            ' Your system offers no way to keep it on disk, not even with weak protection, so sign-ins last only until you quit.'}
        </Text>
      )}
    </form>
  );
}

const storageWords: Record<'encrypted' | 'session_only' | 'weak', string> = {
  encrypted: 'encrypted by your system’s keyring',
  session_only: 'kept in memory for this session only',
  weak: 'stored on disk with weak protection',
};
