// Settings: the theme for now. Each change is saved by main at once and comes back through the event.
import { Field, Radio, RadioGroup, Spinner, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { themeSchema, type Theme } from '../../../preload/contract';
import { ErrorBar } from '../../components/error-bar';
import { useSettingsStore } from '../../stores/settings-store';

const themeLabels: Record<Theme, string> = {
  system: 'Use system setting',
  light: 'Light',
  dark: 'Dark',
};

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  spinner: { justifyContent: 'flex-start' },
});

export function SettingsView() {
  const styles = useStyles();
  const settings = useSettingsStore((state) => state.settings);
  const error = useSettingsStore((state) => state.error);
  const update = useSettingsStore((state) => state.update);

  return (
    <section className={styles.view} aria-labelledby="settings-heading">
      <Title2 as="h1" id="settings-heading">
        Settings
      </Title2>
      {error && <ErrorBar error={error} />}
      <div className={styles.section}>
        <Subtitle2 as="h2">Appearance</Subtitle2>
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
    </section>
  );
}
