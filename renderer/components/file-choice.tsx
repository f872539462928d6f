// A button that lets the user pick one file and hands its content to the caller, as text (PEM) or base64 (PFX),
// read here in the renderer; says what was read or why not. The file never leaves the form except as that value.
import { Button, Text, makeStyles, tokens, useFieldControlProps_unstable } from '@fluentui/react-components';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import { useRef, useState, type ChangeEvent } from 'react';
import { bytesToBase64 } from './base64';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  input: { display: 'none' },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface FileChoiceProps {
  label: string;
  accept: string;
  read: 'text' | 'base64';
  maxBytes: number;
  onRead: (content: string) => void;
}

export function FileChoice({ label, accept, read, maxBytes, onRead }: FileChoiceProps) {
  // Inside a <Field>, its hint and validation message describe the button (the button keeps its own name).
  const field = useFieldControlProps_unstable();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxBytes) {
      setNote(`${file.name} is larger than ${Math.round(maxBytes / 1024)} KB; is it the right file?`);
      return;
    }
    const reading = read === 'text' ? file.text() : file.arrayBuffer().then((b) => bytesToBase64(new Uint8Array(b)));
    reading.then(
      (content) => {
        onRead(content);
        setNote(`Read ${file.name}.`);
      },
      () => setNote(`Could not read ${file.name}.`),
    );
  };

  return (
    <div className={styles.row}>
      <Button
        icon={<DocumentArrowUp20Regular />}
        aria-describedby={field?.['aria-describedby']}
        aria-invalid={field?.['aria-invalid']}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className={styles.input}
        tabIndex={-1}
        aria-hidden
        onChange={choose}
      />
      <Text role="status" className={styles.note}>
        {note}
      </Text>
    </div>
  );
}
