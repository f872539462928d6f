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

interface Keyed {
  vm: Vm;
  key: string;
  name: string;
}

function keyer(column: VmColumn, context: RowContext): (vm: Vm) => Keyed {
  const keyOf = column.sortKey ?? column.text;
  let columnKeys = sortKeys.get(column);
  if (!column.usesContext && !columnKeys) sortKeys.set(column, (columnKeys = new WeakMap()));
  const keys = columnKeys;
  return (vm) => ({
    vm,
    key: keys ? cached(keys, vm, () => keyOf(vm, context).toLowerCase()) : keyOf(vm, context).toLowerCase(),
    name: cached(lowerNames, vm, () => vm.name.toLowerCase()),
  });
}

function comparer(direction: SortDirection): (a: Keyed, b: Keyed) => number {
  const sign = direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    if (a.key !== b.key) return a.key < b.key ? -sign : sign;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.vm.id < b.vm.id ? -1 : a.vm.id > b.vm.id ? 1 : 0;
  };
}

export function sortVms(vms: Iterable<Vm>, column: VmColumn, direction: SortDirection, context: RowContext): Vm[] {
  const keyed = Array.from(vms, keyer(column, context));
  keyed.sort(comparer(direction));
  return keyed.map((entry) => entry.vm);
}

/**
 * The VMs of `byId` sorted, given `previous`: the same VMs' order before a patch, by the same column, direction and
 * context. VMs whose object did not change, or whose sort key did not, keep their order; only the added and
 * re-keyed ones are sorted and merged in. A sweep changes a few hundred VMs per frame: this costs one pass over
 * the rows, not a full sort (which took longer than a frame at 50,000 VMs).
 */
export function resortVms(
  previous: readonly Vm[],
  byId: ReadonlyMap<string, Vm>,
  column: VmColumn,
  direction: SortDirection,
  context: RowContext,
): Vm[] {
  // Keys come from the per-VM caches (no object per row: this runs once per frame during a sweep).
  const keyOf = keyer(column, context);
  const compare = comparer(direction);
  const sameKey = (a: Vm, b: Vm): boolean => {
    const [x, y] = [keyOf(a), keyOf(b)];
    return x.key === y.key && x.name === y.name;
  };
  const kept: Vm[] = [];
  const moved: Keyed[] = [];
  for (const before of previous) {
    const now = byId.get(before.id);
    if (!now) continue;
    if (now === before || sameKey(before, now)) kept.push(now);
    else moved.push(keyOf(now));
  }
  if (kept.length + moved.length < byId.size) {
    const known = new Set(previous.map((vm) => vm.id));
    for (const vm of byId.values()) if (!known.has(vm.id)) moved.push(keyOf(vm));
  }
  if (moved.length === 0) return kept;
  moved.sort(compare);
  const merged: Vm[] = [];
  let i = 0;
  for (const entry of moved) {
    // Kept rows that sort before this one go first.
    while (i < kept.length && compare(keyOf(kept[i] as Vm), entry) <= 0) merged.push(kept[i++] as Vm);
    merged.push(entry.vm);
  }
  while (i < kept.length) merged.push(kept[i++] as Vm);
  return merged;
}

/**
 * The grid's current order, kept between inventory versions: a new version under the same column, direction and
 * context is merged into the last order (`resortVms`), anything else sorts from scratch. Any earlier order under
 * the same sort is a valid start, so an order computed by a render React discarded does no harm.
 */
export class SortedOrder {
  private last: { rows: Vm[]; column: VmColumn; direction: SortDirection; context: RowContext } | undefined;

  sort(byId: ReadonlyMap<string, Vm>, column: VmColumn, direction: SortDirection, context: RowContext): Vm[] {
    const last = this.last;
    const rows =
      last && last.column === column && last.direction === direction && last.context === context
        ? resortVms(last.rows, byId, column, direction, context)
        : sortVms(byId.values(), column, direction, context);
    this.last = { rows, column, direction, context };
    return rows;
  }
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

/** Whether every row matching `after` also matches `before`: each earlier term lies inside one of the new ones. */
function narrows(before: readonly string[], after: readonly string[]): boolean {
  return before.every((term) => after.some((next) => next.includes(term)));
}

/**
 * The rows a search shows, kept between keystrokes: a search that only narrows the last one ("web", then "web-"),
 * over the same sorted rows, filters and names, looks through the last result instead of every VM. Typing a name
 * costs one pass over all rows for its first letter and fewer with each next one; any other change filters the
 * sorted rows from scratch. Like `SortedOrder`, a result from a render React discarded is still a valid start.
 */
export class FilteredRows {
  private last:
    | { sorted: readonly Vm[]; terms: string[]; filters: VmFilters; context: RowContext; rows: readonly Vm[] }
    | undefined;

  filter(sorted: readonly Vm[], query: string, filters: VmFilters, context: RowContext): readonly Vm[] {
    const terms = searchTerms(query);
    const last = this.last;
    const from =
      last &&
      last.sorted === sorted &&
      last.filters === filters &&
      last.context === context &&
      narrows(last.terms, terms)
        ? last.rows
        : sorted;
    const rows = filterVms(from, query, filters, context);
    this.last = { sorted, terms, filters, context, rows };
    return rows;
  }
}
