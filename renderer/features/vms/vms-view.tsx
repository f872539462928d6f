// The VMs view, what users open the app for: every VM of every subscription the accounts reach, in one grid with
// search, filters and details; the refresh state and the subscriptions that failed above it; an empty state that
// says why when there is nothing to show.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Activity, memo, useMemo } from 'react';
import { ErrorBar } from '../../components/error-bar';
import { useInventory } from '../../stores/inventory';
import { useVmGridStore } from '../../stores/vm-grid-store';
import { InventoryEmptyState, useInventoryEmptiness } from './empty-states';
import { InventoryHeader } from './inventory-header';
import { StaleBanner } from './stale-banner';
import { SubscriptionProblems } from './subscription-problems';
import { useFilterOptions, useRowContext, useVisibleColumns, useVmRows } from './use-vm-rows';
import { VmDetails } from './vm-details';
import { VmGrid } from './vm-grid';
import { VmToolbar } from './vm-toolbar';
import { SelectionBar } from '../operations/selection-bar';

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    flexGrow: 1,
    minHeight: 0,
    // Only the grid gives way on a short window; banners and chips keep their height (a two-line banner
    // squeezed to one line would run into the toolbar).
    '& > *:not([role="grid"])': { flexShrink: 0 },
  },
  noMatch: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const noIds: ReadonlySet<string> = new Set();

// The table reads the live search (a keystroke renders it); these render only when their props change or the
// stores they read do, not with each keystroke.
const GridOf = memo(VmGrid);
const SelectionBarOf = memo(SelectionBar);
const DetailsOf = memo(VmDetails);

export function VmsView() {
  const styles = useStyles();
  const emptiness = useInventoryEmptiness();
  const error = useInventory((state) => state.error);
  const loadError = useInventory((state) => state.loadError);
  const dismissError = useInventory((state) => state.dismissError);
  return (
    <div className={styles.view}>
      <InventoryHeader title="Virtual machines" />
      <StaleBanner />
      {loadError && <ErrorBar error={loadError} action="Could not load the inventory" />}
      {error && <ErrorBar error={error.error} action={error.action} onDismiss={dismissError} />}
      <SubscriptionProblems />
      {emptiness && <InventoryEmptyState emptiness={emptiness} />}
      {/* While there is nothing to show (a first sweep on its way), the table renders hidden, when the page is idle:
          the first VMs then only show it, rather than mounting the toolbar, menus and grid (and computing and
          inserting their styles) in the task that brings the first rows. */}
      <Activity mode={emptiness ? 'hidden' : 'visible'}>
        <VmTable />
      </Activity>
    </div>
  );
}

function VmTable() {
  const styles = useStyles();
  const context = useRowContext();
  const columns = useVisibleColumns();
  const { rows, total, vms } = useVmRows(context);
  const options = useFilterOptions(context, vms);
  const clearFilters = useVmGridStore((state) => state.clearFilters);
  // Only a selection asks which rows are shown: without one, a sweep's versions need not build a Set of every row.
  const anySelected = useVmGridStore((state) => state.selection.size > 0);
  const shownIds = useMemo(() => (anySelected ? new Set(rows.map((vm) => vm.id)) : noIds), [rows, anySelected]);
  return (
    <>
      <VmToolbar options={options} shown={rows.length} total={total} />
      <SelectionBarOf shownIds={shownIds} />
      {rows.length === 0 && (
        <div className={styles.noMatch}>
          <Text>No VM matches the search and filters.</Text>
          <Button onClick={clearFilters}>Clear filters</Button>
        </div>
      )}
      <GridOf rows={rows} columns={columns} context={context} />
      <DetailsOf context={context} />
    </>
  );
}
