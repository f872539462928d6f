// The top of the VMs and Subscriptions views: the title, Refresh (Cancel while a full sweep runs), when the inventory
// was last refreshed (and how many subscriptions it could not list), and the sweep's progress. Shared by both
// views so they read the same.
import { Button, ProgressBar, Text, Title2, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useNow } from '../../components/use-now';
import { useInventory, useInventoryPending } from '../../stores/inventory';
import { useOnline } from '../../stores/status-store';
import { describeLastRefresh } from '../subscriptions/subscription-status';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0, flexGrow: 1 },
  when: { color: tokens.colorNeutralForeground2 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function InventoryHeader({ title }: { title: string }) {
  const styles = useStyles();
  const now = useNow(30_000);
  const online = useOnline();
  const progress = useInventory((state) => state.progress);
  const lastFullSweepAt = useInventory((state) => state.lastFullSweepAt);
  const subscriptions = useInventory((state) => state.subscriptions);
  const failedTenants = useInventory((state) => state.listingFailures.length);
  const refresh = useInventory((state) => state.refresh);
  const cancel = useInventory((state) => state.cancelRefresh);
  const starting = useInventoryPending('refresh');
  const running = progress?.state === 'running';
  // The minute's power check runs in the background: Refresh stays, and once pressed main queues a full sweep behind
  // the check and says so (Cancel then drops both).
  const queued = running && progress.fullQueued === true;
  const cancellable = running && (progress.kind === 'full' || queued);
  const why = !online ? 'Refreshing needs a network connection.' : undefined;

  return (
    <div className={styles.header}>
      <div className={styles.top}>
        <Title2 as="h1" className={styles.title}>
          {title}
        </Title2>
        <Text className={styles.when} role="status">
          {describeLastRefresh(lastFullSweepAt, subscriptions.values(), now, failedTenants)}
        </Text>
        {cancellable ? (
          <Button icon={<Dismiss20Regular />} onClick={() => void cancel()}>
            Cancel refresh
          </Button>
        ) : (
          <Tooltip content={why ?? 'Lists every subscription and VM again'} relationship="description">
            <Button
              icon={<ArrowSync20Regular />}
              disabledFocusable={!online || starting}
              onClick={() => void refresh()}
            >
              Refresh
            </Button>
          </Tooltip>
        )}
      </div>
      {running && progress && (
        <div className={styles.progress}>
          <ProgressBar
            aria-label="Refresh progress"
            {...(progress.subscriptionsTotal > 0
              ? { value: progress.subscriptionsDone / progress.subscriptionsTotal }
              : {})}
          />
          <Text size={200} className={styles.when}>
            {progress.kind === 'full' ? 'Refreshing' : 'Checking power states of'} {progress.subscriptionsDone} of{' '}
            {progress.subscriptionsTotal} subscriptions{queued ? '; the refresh starts when this check ends' : ''}
          </Text>
        </div>
      )}
    </div>
  );
}
