// Settings, Sign-in: which app registration signs in (the built-in default, the organisation's client id or the
// Azure CLI's public client), the tenant sign-in starts at, and the explicit opt-in to keep sign-in data on disk
// without a keyring. The choice and the text fields are checked here and saved together by "Save"; the opt-in
// saves at once. Main validates again and has the last word.
import { Field, Input, Radio, RadioGroup, Subtitle2, Switch, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { secretStorageText, type Settings } from '../../../preload/contract';
import { useSettingsStore } from '../../stores/settings-store';
import { useStatusStore } from '../../stores/status-store';
import { checkClientChoice, clientChoiceLabels, shownChoice, type ChosenClient } from './client-choice-draft';
import { checkClientId, checkDefaultTenant, clientIdFieldId, weakStorageFieldId } from './sign-in-fields';
import { SaveRow, useSettingsStyles } from './settings-form';
import { useBuiltinClientId } from './use-builtin-client';

export function SignInSettings({ settings }: { settings: Settings }) {
  const styles = useSettingsStyles();
  const update = useSettingsStore((state) => state.update);
  const status = useStatusStore((state) => state.status);
  const builtinClientId = useBuiltinClientId();
  const savedChoice = shownChoice(settings.clientChoice, builtinClientId !== undefined);
  const [editedChoice, setEditedChoice] = useState<ChosenClient>();
  const choice = editedChoice ?? savedChoice;
  const [clientId, setClientId] = useState(settings.clientId);
  const [tenant, setTenant] = useState(settings.defaultTenant);
  const [saved, setSaved] = useState<string>();
  const checkedChoice = choice === undefined ? undefined : checkClientChoice({ choice, clientId });
  const clientIdProblem =
    checkedChoice && !checkedChoice.ok && choice === 'organisation'
      ? checkedChoice.problem
      : checkClientId(clientId.trim());
  const tenantProblem = checkDefaultTenant(tenant.trim());
  const changed =
    choice !== savedChoice || clientId.trim() !== settings.clientId || tenant.trim() !== settings.defaultTenant;
  const options: ChosenClient[] = builtinClientId
    ? ['builtin', 'organisation', 'azure_cli']
    : ['organisation', 'azure_cli'];

  const save = async (): Promise<void> => {
    if (clientIdProblem || tenantProblem || !changed || (checkedChoice && !checkedChoice.ok)) return;
    await update({
      clientId: clientId.trim(),
      defaultTenant: tenant.trim(),
      ...(checkedChoice?.ok ? checkedChoice.patch : {}),
    });
    setEditedChoice(undefined);
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
        label="How Cloud Desk signs in"
        hint="Applies to Azure and to custom clouds without a client ID of their own. The national clouds have their own choice below."
      >
        <RadioGroup
          value={choice ?? ''}
          onChange={(_event, data) => {
            setEditedChoice(options.find((option) => option === data.value));
            setSaved(undefined);
          }}
        >
          {options.map((option) => (
            <Radio
              key={option}
              value={option}
              label={
                option === 'builtin'
                  ? `${clientChoiceLabels.builtin} (${builtinClientId ?? ''})`
                  : clientChoiceLabels[option]
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Application (client) ID"
        hint="Your organisation’s app registration: a public client with the redirect URI http://localhost and the Azure Service Management user_impersonation permission. Your administrator can give you one."
        validationMessage={clientIdProblem}
      >
        <Input
          id={clientIdFieldId}
          className={styles.mono}
          placeholder="00000000-0000-0000-0000-000000000000"
          value={clientId}
          onChange={(_event, data) => {
            setClientId(data.value);
            // Typing an organisation's client id is choosing it.
            if (data.value.trim() !== '') setEditedChoice('organisation');
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
      <SaveRow
        label="Save sign-in settings"
        disabled={!changed || Boolean(clientIdProblem || tenantProblem) || checkedChoice?.ok === false}
        status={saved}
      />
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
          Sign-in data is now {secretStorageText[status.secretStorage.mode].phrase}
          {status.secretStorage.backend ? ` (backend: ${status.secretStorage.backend})` : ''}.
          {settings.allowWeakSecretStorage &&
            status.secretStorage.mode === 'session_only' &&
            ' Your system offers no way to keep it on disk, not even with weak protection, so sign-ins last only until you quit.'}
        </Text>
      )}
    </form>
  );
}
