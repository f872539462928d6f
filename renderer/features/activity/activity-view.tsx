// The Activity view: the operations panel (running and recent power actions), then the local activity log,
// newest first, filtered by result, VM and account, read once and then kept current by the `activity` event
// (activity-feed.ts); exported as CSV (Electron saves through a dialog in main; the browser preview gets the text
// back and downloads it) and cleared after asking.
import {
  Button,
  Dropdown,
  Input,
  Option,
  TableCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../preload/contract';
import {
  actionLabels,
  type ActivityEntry,
  type ActivityFilter,
  type ActivityResult,
} from '../../../preload/contract-operations';
import { getBridge } from '../../bridge';
import { ConfirmButton } from '../../components/confirm-button';
import { ErrorBar } from '../../components/error-bar';
import { RecordTable, useRecordCellStyles } from '../../components/record-table';
import { OperationsPanel } from '../operations/operations-panel';
import { applyChange, emptyFeed, takePage, type ActivityFeed } from './activity-feed';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  subheading: { margin: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

const results: { value: ActivityResult | 'all'; text: string }[] = [
  { value: 'all', text: 'All results' },
  { value: 'succeeded', text: 'Succeeded' },
  { value: 'failed', text: 'Failed' },
  { value: 'cancelled', text: 'Not watched to the end' },
];

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The log's rows for `filter`: one `activity.list`, then the `activity` events applied as they come. */
function useActivityFeed(filter: ActivityFilter): { entries: ActivityEntry[]; error: AppError | undefined } {
  const [feed, setFeed] = useState<ActivityFeed>(emptyFeed);
  const [error, setError] = useState<AppError>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    let current = emptyFeed;
    const update = (next: ActivityFeed | 'reload'): void => {
      if (!live) return;
      if (next === 'reload') {
        live = false;
        setGeneration((n) => n + 1);
        return;
      }
      current = next;
      if (next.seq !== undefined) setFeed(next);
    };
    const bridge = getBridge();
    const stop = bridge.events.on('activity', (change) => update(applyChange(current, change, filter)));
    void bridge.activity.list(filter).then((answer) => {
      if (!live) return;
      if (answer.ok) {
        setError(undefined);
        update(takePage(current, answer.value, filter));
      } else setError(answer.error);
    });
    return () => {
      live = false;
      stop();
    };
  }, [filter, generation]);
  return { entries: feed.entries, error };
}

export function ActivityView() {
  const styles = useStyles();
  const cells = useRecordCellStyles();
  const [actionError, setActionError] = useState<AppError>();
  const [result, setResult] = useState<ActivityResult | 'all'>('all');
  const [vm, setVm] = useState('');
  const [account, setAccount] = useState('');
  const [status, setStatus] = useState('');

  const filter = useMemo((): ActivityFilter => {
    const out: NonNullable<ActivityFilter> = {};
    if (result !== 'all') out.result = result;
    if (vm.trim()) out.vm = vm.trim();
    if (account.trim()) out.account = account.trim();
    return out;
  }, [result, vm, account]);
  const { entries, error: listError } = useActivityFeed(filter);
  const error = actionError ?? listError;

  const exportCsv = async (): Promise<void> => {
    const answer = await getBridge().activity.exportCsv(filter);
    if (!answer.ok) {
      setActionError(answer.error);
      return;
    }
    setActionError(undefined);
    const { csv, fileName, savedTo, rows } = answer.value;
    if (csv !== null) {
      download(fileName, csv);
      setStatus(`Exported ${rows} entries as ${fileName}.`);
    } else setStatus(savedTo ? `Saved ${rows} entries to ${savedTo}.` : 'Export cancelled.');
  };

  return (
    <div className={styles.view}>
      <Title2 as="h1" className={styles.heading}>
        Activity
      </Title2>
      <OperationsPanel />
      <section className={styles.view} aria-labelledby="activity-log-heading">
        <Text as="h2" id="activity-log-heading" size={500} weight="semibold" className={styles.subheading}>
          Activity log
        </Text>
        <Text>
          What Cloud Desk did with your accounts, kept on this computer (encrypted, the newest 5,000 entries).
        </Text>
        {error && <ErrorBar error={error} />}
        <div className={styles.filters}>
          <div className={styles.field}>
            <label htmlFor="activity-result">Result</label>
            <Dropdown
              id="activity-result"
              value={results.find((r) => r.value === result)?.text ?? ''}
              selectedOptions={[result]}
              onOptionSelect={(_event, data) => setResult((data.optionValue as ActivityResult | 'all') ?? 'all')}
            >
              {results.map((r) => (
                <Option key={r.value} value={r.value}>
                  {r.text}
                </Option>
              ))}
            </Dropdown>
          </div>
          <div className={styles.field}>
            <label htmlFor="activity-vm">VM</label>
            <Input id="activity-vm" value={vm} onChange={(_event, data) => setVm(data.value)} placeholder="Name" />
          </div>
          <div className={styles.field}>
            <label htmlFor="activity-account">Account</label>
            <Input
              id="activity-account"
              value={account}
              onChange={(_event, data) => setAccount(data.value)}
              placeholder="User name"
            />
          </div>
          <Button icon={<ArrowDownload20Regular />} onClick={() => void exportCsv()} disabled={entries.length === 0}>
            Export CSV
          </Button>
          <ConfirmButton
            trigger={{ icon: <Delete20Regular />, children: 'Clear activity log', disabled: entries.length === 0 }}
            title="Clear the activity log?"
            confirmLabel="Clear"
            onConfirm={async () => {
              const answer = await getBridge().activity.clear();
              setActionError(answer.ok ? undefined : answer.error);
            }}
          >
            Every entry is removed from this computer. Azure keeps its own activity log.
          </ConfirmButton>
        </div>
        <Text role="status">{status}</Text>
        {entries.length === 0 ? (
          <Text>No activity{result !== 'all' || vm || account ? ' matches these filters' : ' yet'}.</Text>
        ) : (
          <RecordTable
            label="Activity log, newest first"
            columns={['When', 'Action', 'Target', 'Account', 'Result', 'Details', 'Duration']}
          >
            {entries.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{new Date(e.at).toLocaleString()}</TableCell>
                <TableCell>{e.action === 'rename' ? 'Rename subscription' : actionLabels[e.action].verb}</TableCell>
                <TableCell className={cells.wrap}>{e.targetName}</TableCell>
                <TableCell className={cells.wrap}>{e.accountName}</TableCell>
                <TableCell>{results.find((r) => r.value === e.result)?.text}</TableCell>
                <TableCell className={cells.message}>
                  {e.message}
                  {e.correlationId && <div className={styles.mono}>Correlation id {e.correlationId}</div>}
                </TableCell>
                <TableCell>{(e.durationMs / 1000).toFixed(1)} s</TableCell>
              </TableRow>
            ))}
          </RecordTable>
        )}
      </section>
    </div>
  );
}
