// Settings, Network: extra CA certificates (a PEM file read here and sent as text) that Cloud Desk trusts besides
// the built-in and system roots, e.g. the root of a gateway that inspects TLS. Main parses every certificate
// before it accepts the file and answers with their subjects, which are listed here.
import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { NetworkState } from '../../../preload/contract-network';
import { useNetworkStore } from '../../stores/network-store';
import { checkCaFile } from './network-draft';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  subject: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export function NetworkCertificates({ network }: { network: NetworkState }) {
  const styles = useStyles();
  const update = useNetworkStore((state) => state.update);
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string>();

  const choose = async (file: File): Promise<void> => {
    setSaved(undefined);
    const text = await file.text();
    const fileProblem = checkCaFile(text);
    setProblem(fileProblem);
    if (fileProblem) return;
    if (await update({ extraCaPem: text })) setSaved(`Certificates from ${file.name} are trusted now.`);
  };

  return (
    <div className={styles.section} role="group" aria-labelledby="extra-ca-label">
      <Field
        label={{ children: 'Extra trusted certificates', id: 'extra-ca-label' }}
        hint="If your organization inspects TLS traffic or runs a private CA, choose its root certificate (a .pem or .crt file, Base-64). It is added to the certificates your system already trusts."
        validationMessage={problem}
      >
        {network.extraCaSubjects.length > 0 ? (
          <ul className={styles.list} aria-label="Extra trusted certificates">
            {network.extraCaSubjects.map((subject, index) => (
              <li key={`${index}-${subject}`}>
                <Text className={styles.subject}>{subject}</Text>
              </li>
            ))}
          </ul>
        ) : (
          <Text>None: only the built-in and system certificates are trusted.</Text>
        )}
      </Field>
      <input
        ref={input}
        type="file"
        accept=".pem,.crt,.cer,.txt"
        hidden
        aria-label="Certificate file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void choose(file);
        }}
      />
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()}>Choose certificate file…</Button>
        {network.extraCaSubjects.length > 0 && (
          <Button
            onClick={() =>
              void update({ extraCaPem: '' }).then((ok) => {
                if (ok) setSaved('Extra certificates removed.');
              })
            }
          >
            Remove extra certificates
          </Button>
        )}
      </div>
      <Text role="status">{saved}</Text>
    </div>
  );
}
