// Settings for updates: download in the background or not, and which channel to follow.
import { Field, Radio, RadioGroup, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Settings } from '../../../preload/contract';
import { updateChannelSchema, type UpdateChannel } from '../../../preload/contract-updates';
import { useSettingsStore } from '../../stores/settings-store';

const channelLabels: Record<UpdateChannel, string> = {
  stable: 'Stable releases',
  beta: 'Beta releases (earlier, less tested)',
};

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

export function UpdateSettings({ settings }: { settings: Settings }) {
  const styles = useStyles();
  const update = useSettingsStore((state) => state.update);
  const current = settings.updates;
  return (
    <div className={styles.section}>
      <Subtitle2 as="h2" className={styles.heading}>
        Updates
      </Subtitle2>
      <Switch
        checked={current.autoDownload}
        label="Download updates in the background"
        onChange={(_event, data) => void update({ updates: { ...current, autoDownload: data.checked } })}
      />
      <Field label="Update channel">
        <RadioGroup
          value={current.channel}
          onChange={(_event, data) => {
            const channel = updateChannelSchema.safeParse(data.value);
            if (channel.success) void update({ updates: { ...current, channel: channel.data } });
          }}
        >
          {updateChannelSchema.options.map((channel) => (
            <Radio key={channel} value={channel} label={channelLabels[channel]} />
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}
