// Running and recent power actions: each with its VM, the action, the state (a spinner and Azure's transitional
// power state while it runs), who ran it and how it ended; running ones can be cancelled (we stop watching).
import { Badge, Button, Spinner, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { actionLabels, finishedStates, type Operation } from '../../../preload/contract-operations';
import { RecordTable, useRecordCellStyles } from '../../components/record-table';
import { useOperationsStore } from '../../stores/operations-store';

const recentShown = 50;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  state: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  heading: { margin: 0 },
});

const stateBadge: Record<
  Operation['state'],
  { text: string; color: 'informative' | 'success' | 'danger' | 'warning' }
> = {
  accepted: { text: 'Waiting', color: 'informative' },
  running: { text: 'Running', color: 'informative' },
  succeeded: { text: 'Done', color: 'success' },
  failed: { text: 'Failed', color: 'danger' },
  cancelled: { text: 'Not watched', color: 'warning' },
};

function OperationState({ op }: { op: Operation }) {
  const styles = useStyles();
  const badge = stateBadge[op.state];
  if (!finishedStates.has(op.state)) {
    const power = op.powerState && op.powerState !== 'unknown' ? op.powerState : undefined;
    const text = power ? power.charAt(0).toUpperCase() + power.slice(1) : actionLabels[op.action].progress;
    return (
      <span className={styles.state}>
        <Spinner size="extra-tiny" aria-hidden />
        <Text>{op.state === 'accepted' ? 'Sending' : text}</Text>
      </span>
    );
  }
  return (
    <Badge appearance="tint" color={badge.color}>
      {badge.text}
    </Badge>
  );
}

export function OperationsPanel() {
  const styles = useStyles();
  const cells = useRecordCellStyles();
  const byId = useOperationsStore((state) => state.byId);
  const cancel = useOperationsStore((state) => state.cancel);
  const all = Object.values(byId);
  const open = all.filter((op) => !finishedStates.has(op.state)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const recent = all
    .filter((op) => finishedStates.has(op.state))
    .sort((a, b) => (b.endedAt ?? '').localeCompare(a.endedAt ?? ''))
    .slice(0, recentShown);
  const rows = [...open, ...recent];
  return (
    <section className={styles.panel} aria-labelledby="operations-heading">
      <Text as="h2" id="operations-heading" size={500} weight="semibold" className={styles.heading}>
        Operations
      </Text>
      <Text role="status">{open.length === 0 ? 'Nothing is running.' : `${open.length} running.`}</Text>
      {rows.length > 0 && (
        <RecordTable
          label="Running and recent operations"
          columns={['VM', 'Action', 'State', 'Account', 'Details', 'Actions']}
        >
          {rows.map((op) => (
            <TableRow key={op.id}>
              <TableCell className={cells.wrap}>{op.vmName}</TableCell>
              <TableCell>{actionLabels[op.action].verb}</TableCell>
              <TableCell>
                <OperationState op={op} />
              </TableCell>
              <TableCell className={cells.wrap}>{op.accountName}</TableCell>
              <TableCell className={cells.message}>
                {op.error?.message ?? op.note ?? (op.resumed ? 'Watched again since Cloud Desk restarted.' : '')}
              </TableCell>
              <TableCell>
                {!finishedStates.has(op.state) && (
                  <Button size="small" onClick={() => void cancel(op.id)} aria-label={`Stop watching ${op.vmName}`}>
                    Stop watching
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </RecordTable>
      )}
    </section>
  );
}
