// Settings for the desktop surroundings: OS notifications when long work finishes, and the tray icon.
import { Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Settings } from '../../../preload/contract';
import { useSettingsStore } from '../../stores/settings-store';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export function DesktopSettings({ settings }: { settings: Settings }) {
  const styles = useStyles();
  const update = useSettingsStore((state) => state.update);
  const current = settings.desktop;
  return (
    <div className={styles.section}>
      <Subtitle2 as="h2" className={styles.heading}>
        Desktop
      </Subtitle2>
      <Switch
        checked={current.notifyWhenDone}
        label="Notify me when a long refresh or an action finishes while Cloud Desk is in the background"
        onChange={(_event, data) => void update({ desktop: { ...current, notifyWhenDone: data.checked } })}
      />
      <Switch
        checked={current.trayIcon}
        label="Show Cloud Desk in the tray (closing the window keeps it running there)"
        onChange={(_event, data) => void update({ desktop: { ...current, trayIcon: data.checked } })}
      />
    </div>
  );
}
