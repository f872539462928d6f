// A small button that copies one value (a tenant id, a client id, a correlation id) to the clipboard and says, to
// eyes and screen readers, whether it worked. The value itself is shown by the caller; this never shows it.
import { Button, Tooltip, makeStyles } from '@fluentui/react-components';
import { Checkmark16Regular, Copy16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  srOnly: visuallyHidden,
});

export function CopyButton({ value, label }: { value: string; label: string }) {
  const styles = useStyles();
  const [note, setNote] = useState('');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setNote('Copied.');
    } catch {
      setNote('Could not copy: select the text and copy it yourself.');
    }
  };
  return (
    <>
      <Tooltip content={note || label} relationship="inaccessible" withArrow>
        <Button
          size="small"
          appearance="subtle"
          icon={note === 'Copied.' ? <Checkmark16Regular /> : <Copy16Regular />}
          aria-label={label}
          onClick={() => void copy()}
          onBlur={() => setNote('')}
        />
      </Tooltip>
      <span role="status" className={styles.srOnly}>
        {note}
      </span>
    </>
  );
}
