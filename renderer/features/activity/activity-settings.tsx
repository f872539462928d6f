// The activity log's place in Settings: how much of it is kept, and clearing it (after asking). The Activity
// view has the same button beside the log; this is where people look for "clear my history".
import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppError } from '../../../preload/contract';
import { getBridge } from '../../bridge';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorBar } from '../../components/error-bar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  heading: { margin: 0 },
});

export function ActivitySettings() {
  const styles = useStyles();
  const [error, setError] = useState<AppError>();
  const [status, setStatus] = useState('');
  return (
    <div className={styles.section}>
      <Subtitle2 as="h2" className={styles.heading}>
        Activity log
      </Subtitle2>
      <Text>
        Cloud Desk keeps the newest 5,000 power actions and renames on this computer, encrypted with the rest of its
        data; older entries are dropped.
      </Text>
      {error && <ErrorBar error={error} />}
      <ConfirmButton
        trigger={{ icon: <Delete20Regular />, children: 'Clear activity log' }}
        title="Clear the activity log?"
        confirmLabel="Clear"
        onConfirm={async () => {
          const answer = await getBridge().activity.clear();
          setError(answer.ok ? undefined : answer.error);
          setStatus(answer.ok ? 'The activity log is empty.' : '');
        }}
      >
        Every entry is removed from this computer. Azure keeps its own activity log.
      </ConfirmButton>
      <Text role="status">{status}</Text>
    </div>
  );
}
