// The grid's rows derived from the store: sorted by a column, then narrowed by the search text and the filters.
// Sorting happens once per data or sort change; a keystroke only filters the already sorted list, so search
// costs one pass over the rows with a haystack per VM built once (cached by the VM object, which a patch replaces).
import type { PowerState, Vm } from '../../../preload/contract-inventory';
import { tagsText, type RowContext, type VmColumn } from './vm-columns';

export type SortDirection = 'ascending' | 'descending';

export interface VmSort {
  columnId: string;
  direction: SortDirection;
}

export interface VmFilters {
  powerStates: readonly PowerState[];
  tenantIds: readonly string[];
  subscriptionIds: readonly string[];
  locations: readonly string[];
}

export const noFilters: VmFilters = { powerStates: [], tenantIds: [], subscriptionIds: [], locations: [] };

// Sort keys, lower-cased, per column and VM object (a patch replaces a changed VM's object, so its keys are built
// again): a sweep's re-sorts only compute keys for the VMs it changed. Columns whose text comes from the row
// context (names, the selection) are keyed afresh on every sort, since the context changes without the VM.
const sortKeys = new WeakMap<VmColumn, WeakMap<Vm, string>>();
const lowerNames = new WeakMap<Vm, string>();

function cached(cache: WeakMap<Vm, string>, vm: Vm, compute: () => string): string {
  let key = cache.get(vm);
  if (key === undefined) {
    key = compute();
    cache.set(vm, key);
  }
  return key;
}

export function sortVms(vms: Iterable<Vm>, column: VmColumn, direction: SortDirection, context: RowContext): Vm[] {
  const keyOf = column.sortKey ?? column.text;
  let columnKeys = sortKeys.get(column);
  if (!column.usesContext && !columnKeys) sortKeys.set(column, (columnKeys = new WeakMap()));
  const keyed = Array.from(vms, (vm) => ({
    vm,
    key: columnKeys ? cached(columnKeys, vm, () => keyOf(vm, context).toLowerCase()) : keyOf(vm, context).toLowerCase(),
    name: cached(lowerNames, vm, () => vm.name.toLowerCase()),
  }));
  const sign = direction === 'ascending' ? 1 : -1;
  keyed.sort((a, b) => {
    if (a.key !== b.key) return a.key < b.key ? -sign : sign;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.vm.id < b.vm.id ? -1 : a.vm.id > b.vm.id ? 1 : 0;
  });
  return keyed.map((entry) => entry.vm);
}

// What search looks through for one VM, lower-cased: name, resource group, location, size, tag keys and values.
// The subscription's name is matched separately, because a rename changes it without changing the VM.
const haystacks = new WeakMap<Vm, string>();

function haystackOf(vm: Vm): string {
  let text = haystacks.get(vm);
  if (text === undefined) {
    text = [vm.name, vm.resourceGroup, vm.location, vm.size ?? '', vm.subscriptionId, tagsText(vm.tags)]
      .join('\n')
      .toLowerCase();
    haystacks.set(vm, text);
  }
  return text;
}

function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Rows that match every search term (in any searched field) and every filter, in the order given. */
export function filterVms(
  sorted: readonly Vm[],
  query: string,
  filters: VmFilters,
  context: RowContext,
): readonly Vm[] {
  const terms = searchTerms(query);
  const power = filters.powerStates.length > 0 ? new Set(filters.powerStates) : undefined;
  const tenants = filters.tenantIds.length > 0 ? new Set(filters.tenantIds) : undefined;
  const subscriptions = filters.subscriptionIds.length > 0 ? new Set(filters.subscriptionIds) : undefined;
  const locations = filters.locations.length > 0 ? new Set(filters.locations) : undefined;
  if (terms.length === 0 && !power && !tenants && !subscriptions && !locations) return sorted;
  // Per term, the subscriptions whose name matches it: a VM matches a term through its subscription's name too.
  const subscriptionMatches = terms.map((term) => {
    const ids = new Set<string>();
    for (const sub of context.subscriptions.values()) {
      if (sub.displayName.toLowerCase().includes(term)) ids.add(sub.id);
    }
    return ids;
  });
  return sorted.filter((vm) => {
    if (power && !power.has(vm.powerState)) return false;
    if (tenants && !tenants.has(vm.tenantId)) return false;
    if (subscriptions && !subscriptions.has(vm.subscriptionId)) return false;
    if (locations && !locations.has(vm.location)) return false;
    if (terms.length === 0) return true;
    const haystack = haystackOf(vm);
    return terms.every((term, i) => haystack.includes(term) || subscriptionMatches[i]?.has(vm.subscriptionId));
  });
}
