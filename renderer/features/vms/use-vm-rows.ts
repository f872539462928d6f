// The grid's rows and lookups for the current inventory and grid settings. A new inventory version under the same
// sort is merged into the last order (only changed VMs are placed again); a new sort or names sort from scratch; a
// keystroke in the search box only filters the sorted list, or the last result when it narrows it (see vm-query.ts).
import { useDeferredValue, useMemo, useState } from 'react';
import type { AccountSummary } from '../../../preload/contract';
import type { Vm } from '../../../preload/contract-inventory';
import { useAccountsStore } from '../../stores/accounts-store';
import { useUnfinishedOperations } from '../../stores/operations-store';
import { useInventory } from '../../stores/inventory';
import type { VmTable } from '../../stores/inventory-store';
import { useVmGridStore } from '../../stores/vm-grid-store';
import { columnById, vmColumns, type RowContext, type VmColumn } from './vm-columns';
import { FilteredRows, SortedOrder } from './vm-query';
import type { FilterOptions } from './vm-toolbar';

/** Sorts the filters' labels as `localeCompare` would, with one collator (re-sorted with every sweep patch). */
const byLabel = new Intl.Collator();

/** For columns whose text needs no looked-up names. */
const noNames: RowContext = {
  subscriptions: new Map(),
  tenantNames: new Map(),
  accountNames: new Map(),
  operations: new Map(),
  selection: new Set(),
};

/** A person by their sign-in name; a service principal by the name it was given (its username is a GUID). */
export function accountLabel(account: AccountSummary): string {
  return account.kind === 'service_principal' ? account.name : account.username;
}

export function useRowContext(): RowContext {
  const subscriptions = useInventory((state) => state.subscriptions);
  const accounts = useAccountsStore((state) => state.accounts);
  const unfinished = useUnfinishedOperations();
  const selection = useVmGridStore((state) => state.selection);
  const operations = useMemo(() => new Map(unfinished.map((op) => [op.vmId, op])), [unfinished]);
  return useMemo(() => {
    const tenantNames = new Map<string, string>();
    const accountNames = new Map<string, string>();
    for (const account of accounts) {
      accountNames.set(account.id, accountLabel(account));
      for (const tenant of account.tenants) tenantNames.set(tenant.tenantId, tenant.displayName);
    }
    for (const sub of subscriptions.values()) {
      if (sub.tenantName && !tenantNames.has(sub.tenantId)) tenantNames.set(sub.tenantId, sub.tenantName);
    }
    return { subscriptions, tenantNames, accountNames, operations, selection };
  }, [subscriptions, accounts, operations, selection]);
}

export function useVisibleColumns(): VmColumn[] {
  const visible = useVmGridStore((state) => state.visibleColumns);
  return useMemo(() => visible.map(columnById).filter((column): column is VmColumn => column !== undefined), [visible]);
}

export function useVmRows(context: RowContext): { rows: readonly Vm[]; total: number; vms: VmTable } {
  // Patches arrive in bursts during a sweep: deferred values let React sort once for several of them, at low
  // priority, while typing and scrolling stay urgent.
  const vms = useDeferredValue(useInventory((state) => state.vms));
  const deferredContext = useDeferredValue(context);
  const sort = useVmGridStore((state) => state.sort);
  // A keystroke paints the search box at once; the rows it filters follow in an interruptible render. Once the
  // user moves into the grid (`settleQuery`), the rows show the current search at once, so a key pressed there
  // acts on the rows the search asked for, never on ones still on screen from an earlier keystroke.
  const liveQuery = useVmGridStore((state) => state.query);
  const liveFilters = useVmGridStore((state) => state.filters);
  const settled = useVmGridStore((state) => state.settled);
  const deferredQuery = useDeferredValue(liveQuery);
  const deferredFilters = useDeferredValue(liveFilters);
  // Only a settle shows them at once: a search typed back to what the rows once showed (e.g. cleared) still
  // follows at low priority, so no keystroke filters or re-renders the rows in its own render.
  const query = settled ? liveQuery : deferredQuery;
  const filters = settled ? liveFilters : deferredFilters;
  const column = columnById(sort.columnId) ?? (vmColumns[0] as VmColumn);
  // Only columns that show looked-up names sort again when the names change; the Selected column sorts by the
  // selection as it was when the user sorted by it.
  const sortedSelection = useVmGridStore((state) => state.sortedSelection);
  const selectionContext = useMemo(() => ({ ...noNames, selection: sortedSelection }), [sortedSelection]);
  const sortContext = column.id === 'select' ? selectionContext : column.usesContext ? deferredContext : undefined;
  const [order] = useState(() => new SortedOrder());
  const sorted = useMemo(
    () => order.sort(vms.byId, column, sort.direction, sortContext ?? noNames),
    [order, vms, column, sort.direction, sortContext],
  );
  const [searched] = useState(() => new FilteredRows());
  const rows = useMemo(
    () => searched.filter(sorted, query, filters, deferredContext),
    [searched, sorted, query, filters, deferredContext],
  );
  return { rows, total: sorted.length, vms };
}

/**
 * What the filters offer: the tenants, subscriptions and locations of the inventory on screen (`vms`: the version
 * the rows show, so a sweep's patches are looked through at low priority with the rows).
 */
export function useFilterOptions(context: RowContext, vms: VmTable): FilterOptions {
  const locations = useMemo(() => {
    const seen = new Set<string>();
    for (const vm of vms.byId.values()) seen.add(vm.location);
    return [...seen].sort().map((location) => ({ value: location, label: location }));
  }, [vms]);
  return useMemo(() => {
    const subscriptions = [...context.subscriptions.values()]
      .filter((sub) => !sub.hidden)
      .map((sub) => ({ value: sub.id, label: sub.displayName }))
      .sort((a, b) => byLabel.compare(a.label, b.label));
    const tenantIds = new Set([...context.subscriptions.values()].map((sub) => sub.tenantId));
    const tenants = [...tenantIds]
      .map((id) => ({ value: id, label: context.tenantNames.get(id) ?? id }))
      .sort((a, b) => byLabel.compare(a.label, b.label));
    return { tenants, subscriptions, locations };
  }, [context, locations]);
}
