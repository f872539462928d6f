// Settings, Sign-in, national clouds: how Cloud Desk signs in to Azure operated by 21Vianet and Azure US
// Government, each of which runs its own Microsoft Entra ID where an app registered in Azure does not exist. Each
// follows the main choice (which carries over only as the Azure CLI's client), uses the Azure CLI's public client,
// or an app registration made in that cloud. Checked here, saved together; main validates again.
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Settings } from '../../../preload/contract';
import { nationalCloudIds, type NationalCloudId } from '../../../preload/contract-client';
import { useAccountsStore } from '../../stores/accounts-store';
import { useSettingsStore } from '../../stores/settings-store';
import { checkNationalClients, type NationalClientDraft } from './client-choice-draft';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
  cloud: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const fallbackNames: Record<NationalCloudId, string> = {
  'azure-china': 'Azure operated by 21Vianet',
  'azure-us-government': 'Azure US Government',
};

function savedDraft(settings: Settings, cloudId: NationalCloudId): NationalClientDraft {
  const own = settings.nationalCloudClients[cloudId];
  return own ? { choice: own.choice, clientId: own.clientId } : { choice: 'inherit', clientId: '' };
}

export function NationalCloudsSettings({ settings }: { settings: Settings }) {
  const styles = useStyles();
  const update = useSettingsStore((state) => state.update);
  const clouds = useAccountsStore((state) => state.clouds);
  const names = Object.fromEntries(
    nationalCloudIds.map((id) => [id, clouds.find((cloud) => cloud.id === id)?.name ?? fallbackNames[id]]),
  ) as Record<NationalCloudId, string>;
  const [edited, setEdited] = useState<Partial<Record<NationalCloudId, NationalClientDraft>>>({});
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string>();
  const drafts = Object.fromEntries(
    nationalCloudIds.map((id) => [id, edited[id] ?? savedDraft(settings, id)]),
  ) as Record<NationalCloudId, NationalClientDraft>;
  const checked = checkNationalClients(drafts, names);
  const changed = Object.keys(edited).length > 0;
  const inheritWords =
    settings.clientChoice === 'azure_cli'
      ? 'Same as above: the Azure CLI’s public client'
      : 'Same as above (only the Azure CLI’s client carries over; until then, sign-in here is off)';

  const edit = (cloudId: NationalCloudId, change: Partial<NationalClientDraft>): void => {
    setEdited((current) => ({ ...current, [cloudId]: { ...drafts[cloudId], ...change } }));
    setSaved(undefined);
  };

  const save = async (): Promise<void> => {
    setTried(true);
    if (!checked.ok || !changed) return;
    await update({ nationalCloudClients: checked.value });
    if (useSettingsStore.getState().error) return;
    setEdited({});
    setTried(false);
    setSaved('National cloud sign-in saved.');
  };

  return (
    <form
      className={styles.section}
      aria-labelledby="national-clouds-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Text as="h3" weight="semibold" size={400} id="national-clouds-heading" block className={styles.flush}>
        National clouds
      </Text>
      <Text as="p" block className={styles.flush}>
        Azure operated by 21Vianet and Azure US Government each run their own Microsoft Entra ID: an app registered in
        Azure does not exist there, so each needs a registration made in that cloud, or the Azure CLI’s public client,
        which exists in both.
      </Text>
      {nationalCloudIds.map((cloudId) => {
        const draft = drafts[cloudId];
        const problem =
          tried && !checked.ok && checked.problem.startsWith(`${names[cloudId]}:`) ? checked.problem : null;
        return (
          <div key={cloudId} className={styles.cloud} role="group" aria-label={`Sign-in to ${names[cloudId]}`}>
            <Field label={`How Cloud Desk signs in to ${names[cloudId]}`}>
              <RadioGroup
                value={draft.choice}
                onChange={(_event, data) => {
                  const choice = (['inherit', 'azure_cli', 'organisation'] as const).find((c) => c === data.value);
                  if (choice) edit(cloudId, { choice });
                }}
              >
                <Radio value="inherit" label={inheritWords} />
                <Radio value="azure_cli" label="The Azure CLI’s public client (sign-ins show as Azure CLI)" />
                <Radio value="organisation" label={`An app registration made in ${names[cloudId]}`} />
              </RadioGroup>
            </Field>
            {draft.choice === 'organisation' && (
              <Field label={`Application (client) ID in ${names[cloudId]}`} validationMessage={problem}>
                <Input
                  className={styles.mono}
                  placeholder="00000000-0000-0000-0000-000000000000"
                  value={draft.clientId}
                  onChange={(_event, data) => edit(cloudId, { clientId: data.value })}
                />
              </Field>
            )}
          </div>
        );
      })}
      <div className={styles.row}>
        <Button type="submit" disabled={!changed}>
          Save national cloud sign-in
        </Button>
        <Text role="status">{saved}</Text>
      </div>
    </form>
  );
}
