// About's support actions: open main's own logs folder (main knows the path; the renderer never names one) and
// copy diagnostics (versions, platform, cloud kinds, storage; nothing personal). Where main has no clipboard
// (the browser preview) the text is shown to copy by hand.
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppError } from '../../../preload/contract';
import { getBridge } from '../../bridge';
import { ErrorBar } from '../../components/error-bar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  text: { fontFamily: tokens.fontFamilyMonospace },
});

export function DiagnosticsActions() {
  const styles = useStyles();
  const [error, setError] = useState<AppError>();
  const [copied, setCopied] = useState(false);
  const [manual, setManual] = useState<string>();

  const openLogs = async () => {
    const result = await getBridge().app.openLogsFolder();
    setError(result.ok ? undefined : result.error);
  };
  const copy = async () => {
    const result = await getBridge().app.copyDiagnostics();
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setCopied(result.value.copied);
    setManual(result.value.copied ? undefined : result.value.text);
  };

  return (
    <div className={styles.section}>
      {error && <ErrorBar error={error} />}
      <div className={styles.actions}>
        <Button onClick={() => void openLogs()}>Open logs folder</Button>
        <Button onClick={() => void copy()}>Copy diagnostics</Button>
        <Text role="status">{copied ? 'Diagnostics copied to the clipboard.' : ''}</Text>
      </div>
      {manual !== undefined && (
        <Field label="Diagnostics" hint="Select the text and copy it into your report.">
          <Textarea readOnly value={manual} rows={8} className={styles.text} resize="vertical" />
        </Field>
      )}
    </div>
  );
}
