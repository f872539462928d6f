// Settings, Custom clouds: private clouds (e.g. Azure Stack Hub) the user signs in to besides the Azure clouds.
// Each entry is checked against the contract's schema here, with the bad field named; main validates again.
// Removing a cloud leaves its accounts listed (marked "not configured") until they are signed out.
import { Button, Field, Input, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Settings } from '../../../preload/contract';
import { checkDraft, emptyDraft, type Draft } from './custom-cloud-draft';
import { useSettingsStore } from '../../stores/settings-store';
import { useSettingsStyles } from './settings-form';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    listStyleType: 'none',
  },
  grow: { flexGrow: 1, display: 'flex', flexDirection: 'column' },
});

export function CustomCloudsSettings({ settings }: { settings: Settings }) {
  const styles = useStyles();
  const shared = useSettingsStyles();
  const update = useSettingsStore((state) => state.update);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string>();
  const checked = checkDraft(draft);
  const problems = tried && 'problems' in checked ? checked.problems : {};

  const field = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (_event: unknown, data: { value: string }) => {
      setDraft({ ...draft, [key]: data.value });
      setSaved(undefined);
    },
  });

  const add = async (): Promise<void> => {
    setTried(true);
    if (!('cloud' in checked)) return;
    await update({ customClouds: [...settings.customClouds, checked.cloud] });
    if (useSettingsStore.getState().error) return;
    setSaved(`${checked.cloud.name} added. Choose it when you add an account.`);
    setDraft(emptyDraft);
    setTried(false);
  };

  return (
    <section className={shared.section} aria-labelledby="custom-clouds-heading">
      <Subtitle2 as="h2" id="custom-clouds-heading" className={shared.heading}>
        Custom clouds
      </Subtitle2>
      <Text className={shared.note}>
        Besides Azure, Azure operated by 21Vianet and Azure US Government, Cloud Desk can sign in to a private cloud
        such as Azure Stack Hub. Ask its administrator for these endpoints.
      </Text>
      {settings.customClouds.length > 0 && (
        <ul className={styles.list} aria-label="Custom clouds">
          {settings.customClouds.map((cloud) => (
            <li key={cloud.name} className={styles.item}>
              <span className={styles.grow}>
                <Text weight="semibold">{cloud.name}</Text>
                <Text size={200} className={shared.mono}>
                  {cloud.authorityHost} · {cloud.armEndpoint}
                </Text>
              </span>
              <Button
                icon={<Delete20Regular />}
                aria-label={`Remove ${cloud.name}`}
                onClick={() =>
                  void update({ customClouds: settings.customClouds.filter((other) => other.name !== cloud.name) })
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className={shared.section}
        aria-label="Add a custom cloud"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <Field label="Name" required validationMessage={problems.name ?? null}>
          <Input placeholder="Contoso Stack Hub" {...field('name')} />
        </Field>
        <Field
          label="Sign-in authority"
          required
          hint="https, e.g. https://login.contoso.local"
          validationMessage={problems.authorityHost ?? null}
        >
          <Input className={shared.mono} {...field('authorityHost')} />
        </Field>
        <Field
          label="Resource Manager endpoint"
          required
          hint="https, e.g. https://management.contoso.local"
          validationMessage={problems.armEndpoint ?? null}
        >
          <Input className={shared.mono} {...field('armEndpoint')} />
        </Field>
        <Field
          label="Resource Manager audience"
          hint="Optional: the resource tokens are for. Default: the Resource Manager endpoint."
          validationMessage={problems.armAudience ?? null}
        >
          <Input className={shared.mono} {...field('armAudience')} />
        </Field>
        <Field
          label="Cloud's client ID"
          hint="Optional: an app registration in that cloud. Default: the client ID above."
          validationMessage={problems.clientId ?? null}
        >
          <Input className={shared.mono} placeholder="00000000-0000-0000-0000-000000000000" {...field('clientId')} />
        </Field>
        <Field
          label="CA certificates (PEM)"
          hint="Optional: certificates to trust for this cloud's endpoints, if its administrator uses a private CA."
          validationMessage={problems.caPem ?? null}
        >
          <Textarea className={shared.mono} resize="vertical" rows={3} {...field('caPem')} />
        </Field>
        <div>
          <Button type="submit" appearance="primary">
            Add cloud
          </Button>
        </div>
        {saved && <Text role="status">{saved}</Text>}
      </form>
    </section>
  );
}
