// First run without a client id: asks, in plain words, how Cloud Desk should sign in to a cloud that has no
// app registration of its own (the organisation's registration, the Azure CLI's public client, or the default
// built into this copy) and saves the choice in Settings, where it stays visible and changeable.
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Cloud } from '../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { useSettingsStore } from '../../stores/settings-store';
import {
  checkClientChoice,
  clientChoiceLabels,
  nationalCloudId,
  shownChoice,
  type ChosenClient,
} from '../settings/client-choice-draft';
import { useBuiltinClientId } from '../settings/use-builtin-client';
import { AppRegistrationHelp } from './app-registration-help';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export function ClientChoice({ cloud }: { cloud: Cloud }) {
  const styles = useStyles();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const saveError = useSettingsStore((state) => state.error);
  const builtinClientId = useBuiltinClientId();
  const headingId = useId();
  // A national cloud runs its own Entra ID: its choice is its own, and Azure's registrations do not exist there.
  const national = nationalCloudId(cloud.id);
  const own = national ? settings?.nationalCloudClients[national] : undefined;
  const [choice, setChoice] = useState<ChosenClient | undefined>(() =>
    national ? own?.choice : settings ? shownChoice(settings.clientChoice, false) : undefined,
  );
  const [clientId, setClientId] = useState((national ? own?.clientId : settings?.clientId) ?? '');
  const [tried, setTried] = useState(false);
  const checked = checkClientChoice({ choice, clientId });
  const options: ChosenClient[] =
    builtinClientId && !national ? ['builtin', 'organisation', 'azure_cli'] : ['organisation', 'azure_cli'];
  const label = (option: ChosenClient): string =>
    national && option === 'organisation'
      ? `Use my organisation’s app registration in ${cloud.name}`
      : clientChoiceLabels[option];

  const save = async (): Promise<void> => {
    setTried(true);
    if (!checked.ok) return;
    if (!national || !settings || checked.patch.clientChoice === 'builtin') return update(checked.patch);
    await update({
      nationalCloudClients: {
        ...settings.nationalCloudClients,
        [national]: {
          choice: checked.patch.clientChoice === 'azure_cli' ? 'azure_cli' : 'organisation',
          clientId: checked.patch.clientId ?? '',
        },
      },
    });
  };

  return (
    // A group, not a form: it sits inside the sign-in form, and forms do not nest.
    <div role="group" className={styles.box} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Choose how Cloud Desk signs in to {cloud.name}
      </Subtitle2>
      <Text as="p" block>
        Cloud Desk signs you in through an application registered in Microsoft Entra ID. You can change this later in
        Settings.
        {national &&
          ` ${cloud.name} runs its own Microsoft Entra ID: an app registered in Azure does not exist there, so use ` +
            'a registration made in this cloud, or the Azure CLI’s public client.'}
      </Text>
      <RadioGroup
        aria-labelledby={headingId}
        value={choice ?? ''}
        onChange={(_event, data) => setChoice(options.find((option) => option === data.value))}
      >
        {options.map((option) => (
          <Radio key={option} value={option} label={label(option)} />
        ))}
      </RadioGroup>
      {choice === 'organisation' && (
        <>
          <Field
            label="Application (client) ID"
            hint="Your administrator can give you one, or register it as below."
            validationMessage={tried && !checked.ok ? checked.problem : null}
          >
            <Input
              className={styles.mono}
              placeholder="00000000-0000-0000-0000-000000000000"
              value={clientId}
              onChange={(_event, data) => setClientId(data.value)}
            />
          </Field>
          <AppRegistrationHelp cloud={cloud} />
        </>
      )}
      {tried && saveError && <ErrorBar error={saveError} action="Could not save the choice" />}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={choice === undefined} onClick={() => void save()}>
          Use this choice
        </Button>
        {tried && !checked.ok && choice !== 'organisation' && <Text className={styles.problem}>{checked.problem}</Text>}
      </div>
    </div>
  );
}
