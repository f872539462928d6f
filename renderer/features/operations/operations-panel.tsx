// Running and recent power actions: each with its VM, the action, the state (a spinner and Azure's transitional
// power state while it runs), who ran it and how it ended; running ones can be cancelled (we stop watching).
import {
  Badge,
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { actionLabels, finishedStates, type Operation } from '../../../preload/contract-operations';
import { useOperationsStore } from '../../stores/operations-store';

const recentShown = 50;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  state: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  message: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  table: { tableLayout: 'auto' },
  heading: { margin: 0 },
  scroll: { overflowX: 'auto' },
  // Names stay whole (the table scrolls sideways instead) unless one alone is wider than the window.
  wrap: { overflowWrap: 'break-word' },
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
        <div className={styles.scroll}>
          <Table size="small" aria-label="Running and recent operations" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>VM</TableHeaderCell>
                <TableHeaderCell>Action</TableHeaderCell>
                <TableHeaderCell>State</TableHeaderCell>
                <TableHeaderCell>Account</TableHeaderCell>
                <TableHeaderCell>Details</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((op) => (
                <TableRow key={op.id}>
                  <TableCell className={styles.wrap}>{op.vmName}</TableCell>
                  <TableCell>{actionLabels[op.action].verb}</TableCell>
                  <TableCell>
                    <OperationState op={op} />
                  </TableCell>
                  <TableCell className={styles.wrap}>{op.accountName}</TableCell>
                  <TableCell className={styles.message}>
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
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
