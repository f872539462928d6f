// Settings: appearance and sign-in. Each change is saved by main and comes back through the event. When another
// view sends the user here to a particular field, that field gets focus.
import { Field, Radio, RadioGroup, Spinner, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { themeSchema, type Theme } from '../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { useFocusRequest } from '../../components/use-focus-request';
import { useSettingsStore } from '../../stores/settings-store';
import { CustomCloudsSettings } from './custom-clouds-settings';
import { NetworkSettings } from './network-settings';
import { NationalCloudsSettings } from './national-clouds-settings';
import { SignInSettings } from './sign-in-settings';
import { UpdateSettings } from '../updates/update-settings';
import { DesktopSettings } from './desktop-settings';
import { ActivitySettings } from '../activity/activity-settings';

const themeLabels: Record<Theme, string> = {
  system: 'Use system setting',
  light: 'Light',
  dark: 'Dark',
};

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL, maxWidth: '640px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  spinner: { justifyContent: 'flex-start' },
});

export function SettingsView() {
  const styles = useStyles();
  const settings = useSettingsStore((state) => state.settings);
  const error = useSettingsStore((state) => state.error);
  const update = useSettingsStore((state) => state.update);
  useFocusRequest(settings, 'drop');

  return (
    <section className={styles.view} aria-labelledby="settings-heading">
      <Title2 as="h1" id="settings-heading" className={styles.heading}>
        Settings
      </Title2>
      {error && <ErrorBar error={error} />}
      <div className={styles.section}>
        <Subtitle2 as="h2" className={styles.heading}>
          Appearance
        </Subtitle2>
        {settings ? (
          <Field label="Theme" hint="High-contrast mode from your operating system always applies.">
            <RadioGroup
              value={settings.theme}
              onChange={(_event, data) => {
                const theme = themeSchema.safeParse(data.value);
                if (theme.success) void update({ theme: theme.data });
              }}
            >
              {themeSchema.options.map((theme) => (
                <Radio key={theme} value={theme} label={themeLabels[theme]} />
              ))}
            </RadioGroup>
          </Field>
        ) : (
          !error && <Spinner size="small" labelPosition="after" label="Loading settings…" className={styles.spinner} />
        )}
      </div>
      {settings && <SignInSettings settings={settings} />}
      {settings && <NationalCloudsSettings settings={settings} />}
      {settings && <CustomCloudsSettings settings={settings} />}
      {settings && <NetworkSettings />}
      {settings && <UpdateSettings settings={settings} />}
      {settings && <DesktopSettings settings={settings} />}
      {settings && <ActivitySettings />}
    </section>
  );
}
