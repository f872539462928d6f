// The toolbar for the selected VMs: how many are selected (and how many are hidden by the search), the power
// actions for them, and clearing the selection. Shown while something is selected.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { SubscriptionSummary, Vm } from '../../../preload/contract-inventory';
import { useInventory } from '../../stores/inventory';
import { useVmGridStore } from '../../stores/vm-grid-store';
import { PowerActions } from './power-actions';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

export function SelectionBar({ shownIds }: { shownIds: ReadonlySet<string> }) {
  const styles = useStyles();
  const selection = useVmGridStore((state) => state.selection);
  const clear = useVmGridStore((state) => state.clearSelection);
  // The table, not its Map: patches change the Map in place and publish a new table, so a memo on the Map
  // would keep showing the VMs as they were when the selection last changed.
  const vms = useInventory((state) => state.vms);
  const subscriptions = useInventory((state) => state.subscriptions);
  const selected = useMemo(
    () => [...selection].flatMap((id) => vms.byId.get(id) ?? []).sort((a: Vm, b: Vm) => a.name.localeCompare(b.name)),
    [selection, vms],
  );
  const lookup = useMemo(
    () =>
      (id: string): SubscriptionSummary | undefined =>
        subscriptions.get(id),
    [subscriptions],
  );
  if (selected.length === 0) return null;
  const hidden = selected.filter((vm) => !shownIds.has(vm.id)).length;
  return (
    <div className={styles.bar} role="toolbar" aria-label="Selected VMs">
      <Text weight="semibold" role="status">
        {selected.length} selected{hidden > 0 ? ` (${hidden} not shown by the search)` : ''}
      </Text>
      <PowerActions vms={selected} subscription={lookup} />
      <Button appearance="subtle" onClick={clear}>
        Clear selection
      </Button>
    </div>
  );
}
