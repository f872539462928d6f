// Says how old the inventory on screen is whenever the app cannot confirm it: offline (the saved snapshot, with
// its time and age) or showing the saved snapshot while the first refresh of this run is still on its way.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { formatAsOf } from '../../components/age';
import { useNow } from '../../components/use-now';
import { useInventory } from '../../stores/inventory';
import { useOnline } from '../../stores/status-store';

export function StaleBanner() {
  const now = useNow(30_000);
  const online = useOnline();
  const fromStore = useInventory((state) => state.fromStore);
  const lastFullSweepAt = useInventory((state) => state.lastFullSweepAt);
  const running = useInventory((state) => state.progress?.state === 'running');
  if (!lastFullSweepAt || (online && !fromStore)) return null;
  const asOf = formatAsOf(lastFullSweepAt, now);
  if (!online) {
    return (
      <MessageBar layout="multiline" intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Offline: showing the inventory as of {asOf}</MessageBarTitle>
          Power states may have changed since. Cloud Desk refreshes when the connection is back; until then VM actions
          are off.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar layout="multiline" intent="info">
      <MessageBarBody>
        <MessageBarTitle>Showing the saved inventory as of {asOf}</MessageBarTitle>
        {running ? 'Cloud Desk is refreshing it now.' : 'Refresh to confirm it.'}
      </MessageBarBody>
    </MessageBar>
  );
}
