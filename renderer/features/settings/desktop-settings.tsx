// Settings for the desktop surroundings: OS notifications when long work finishes, and the tray icon.
import { Caption1, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../preload/contract';
import { getBridge } from '../../bridge';
import { useSettingsStore } from '../../stores/settings-store';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export function DesktopSettings({ settings }: { settings: Settings }) {
  const styles = useStyles();
  const update = useSettingsStore((state) => state.update);
  const current = settings.desktop;
  const [preview, setPreview] = useState(false);
  useEffect(() => {
    let live = true;
    void getBridge()
      .app.getInfo()
      .then((result) => {
        if (live && result.ok) setPreview(result.value.runtime === 'preview');
      });
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className={styles.section}>
      <Subtitle2 as="h2" className={styles.heading}>
        Desktop
      </Subtitle2>
      {preview && (
        <Caption1>The browser preview has no tray or OS notifications: these take effect in the desktop app.</Caption1>
      )}
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
