// What the Settings forms share: their layout styles and the row that saves a form and says how it went.
import { Button, Text, makeStyles, tokens, type ButtonProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export const useSettingsStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** The form's submit button, any other buttons, then the form's status (what the last save did). */
export function SaveRow({
  label,
  disabled,
  status,
  appearance = 'primary',
  children,
}: {
  label: string;
  disabled: boolean;
  status: string | undefined;
  appearance?: ButtonProps['appearance'];
  children?: ReactNode;
}) {
  const styles = useSettingsStyles();
  return (
    <div className={styles.row}>
      <Button type="submit" appearance={appearance} disabled={disabled}>
        {label}
      </Button>
      {children}
      <Text role="status">{status}</Text>
    </div>
  );
}
