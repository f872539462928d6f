// The grid's derived rows: sorting by any column (ties by name), search across the searched fields including the
// subscription's name, filters, and a replaced VM (from a patch) searched by its new values.
import { describe, expect, it } from 'vitest';
import { testSubscription, testVm } from '../../testing/inventory-fixtures';
import { columnById, type RowContext } from './vm-columns';
import type { Vm } from '../../../preload/contract-inventory';
import { FilteredRows, filterVms, noFilters, resortVms, sortVms, type VmFilters } from './vm-query';

const context: RowContext = {
  subscriptions: new Map([
    ['sub-1', testSubscription({ id: 'sub-1', displayName: 'Payments Prod' })],
    ['sub-2', testSubscription({ id: 'sub-2', displayName: 'Research', tenantId: 'tenant-2' })],
  ]),
  tenantNames: new Map([
    ['tenant-1', 'Contoso'],
    ['tenant-2', 'Fabrikam'],
  ]),
  accountNames: new Map(),
  operations: new Map(),
  selection: new Set(),
};

const web = testVm({ name: 'web-1', size: 'Standard_D4s_v5', tags: { env: 'prod' } });
const api = testVm({ name: 'API-2', location: 'eastus', powerState: 'stopped' });
const lab = testVm({ name: 'lab-3', subscriptionId: 'sub-2', tenantId: 'tenant-2', resourceGroup: 'rg-lab' });
const all = [web, api, lab];

function column(id: string) {
  const found = columnById(id);
  if (!found) throw new Error(`no column ${id}`);
  return found;
}

const names = (vms: readonly { name: string }[]) => vms.map((vm) => vm.name);

describe('sortVms', () => {
  it('sorts by a column case-insensitively, both ways', () => {
    expect(names(sortVms(all, column('name'), 'ascending', context))).toEqual(['API-2', 'lab-3', 'web-1']);
    expect(names(sortVms(all, column('name'), 'descending', context))).toEqual(['web-1', 'lab-3', 'API-2']);
  });

  it('sorts by looked-up names (tenant), ties by VM name', () => {
    expect(names(sortVms(all, column('tenant'), 'descending', context))).toEqual(['lab-3', 'API-2', 'web-1']);
  });

  it('sorts by the power state’s label', () => {
    expect(names(sortVms(all, column('power'), 'ascending', context))).toEqual(['lab-3', 'web-1', 'API-2']);
  });

  it('sorts a VM replaced by a patch by its new values', () => {
    expect(names(sortVms(all, column('power'), 'ascending', context))).toEqual(['lab-3', 'web-1', 'API-2']);
    const started = { ...api, powerState: 'running' as const };
    expect(names(sortVms([web, started, lab], column('power'), 'ascending', context))).toEqual([
      'API-2',
      'lab-3',
      'web-1',
    ]);
  });

  it('sorts by the selection, selected rows first when descending', () => {
    const selected = { ...context, selection: new Set([lab.id]) };
    expect(names(sortVms(all, column('select'), 'descending', selected))).toEqual(['lab-3', 'API-2', 'web-1']);
  });
});

describe('resortVms', () => {
  // A small deterministic generator, so a failure reproduces.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  it('gives the order a full sort gives after upserts, renames, removals and additions', () => {
    const next = random(7);
    const states = ['running', 'stopped', 'deallocated'] as const;
    const byId = new Map(
      Array.from({ length: 300 }, (_, i) => {
        const vm = testVm({ name: `vm-${Math.floor(next() * 100)}`, powerState: states[i % 3] ?? 'running' });
        const id = `${vm.id}-${i}`;
        return [id, { ...vm, id }] as const;
      }),
    );
    for (const columnId of ['name', 'power', 'tenant']) {
      for (const direction of ['ascending', 'descending'] as const) {
        let rows = sortVms(byId.values(), column(columnId), direction, context);
        for (let round = 0; round < 5; round++) {
          for (const vm of [...byId.values()]) {
            const roll = next();
            if (roll < 0.05) byId.delete(vm.id);
            else if (roll < 0.15) byId.set(vm.id, { ...vm, powerState: states[Math.floor(next() * 3)] ?? 'running' });
            else if (roll < 0.2) byId.set(vm.id, { ...vm, name: `vm-${Math.floor(next() * 100)}` });
            else if (roll < 0.25) byId.set(vm.id, { ...vm });
          }
          for (let i = 0; i < 10; i++) {
            const added = testVm({ name: `new-${Math.floor(next() * 100)}` });
            byId.set(`${added.id}-${columnId}-${direction}-${round}-${i}`, {
              ...added,
              id: `${added.id}-${columnId}-${direction}-${round}-${i}`,
            });
          }
          rows = resortVms(rows, byId, column(columnId), direction, context);
          expect(rows.map((vm) => vm.id)).toEqual(
            sortVms(byId.values(), column(columnId), direction, context).map((vm) => vm.id),
          );
        }
      }
    }
  });
});

describe('filterVms', () => {
  it('returns every row without search or filters', () => {
    expect(filterVms(all, '', noFilters, context)).toHaveLength(3);
  });

  it('searches name, resource group, location, size and tags, every term must match', () => {
    expect(names(filterVms(all, 'api', noFilters, context))).toEqual(['API-2']);
    expect(names(filterVms(all, 'rg-lab', noFilters, context))).toEqual(['lab-3']);
    expect(names(filterVms(all, 'EASTUS', noFilters, context))).toEqual(['API-2']);
    expect(names(filterVms(all, 'd4s', noFilters, context))).toEqual(['web-1']);
    expect(names(filterVms(all, 'env: prod', noFilters, context))).toEqual(['web-1']);
    expect(names(filterVms(all, 'web eastus', noFilters, context))).toEqual([]);
  });

  it('matches the subscription’s name', () => {
    expect(names(filterVms(all, 'research', noFilters, context))).toEqual(['lab-3']);
    expect(names(filterVms(all, 'payments web', noFilters, context))).toEqual(['web-1']);
  });

  it('filters by power state, tenant, subscription and location', () => {
    expect(names(filterVms(all, '', { ...noFilters, powerStates: ['stopped'] }, context))).toEqual(['API-2']);
    expect(names(filterVms(all, '', { ...noFilters, tenantIds: ['tenant-2'] }, context))).toEqual(['lab-3']);
    expect(names(filterVms(all, '', { ...noFilters, subscriptionIds: ['sub-1'] }, context))).toEqual([
      'web-1',
      'API-2',
    ]);
    expect(names(filterVms(all, '', { ...noFilters, locations: ['westeurope'] }, context))).toEqual(['web-1', 'lab-3']);
  });

  it('searches a VM replaced by a patch by its new values', () => {
    expect(filterVms(all, 'canary', noFilters, context)).toEqual([]);
    const renamed = { ...web, tags: { ring: 'canary' } };
    expect(names(filterVms([renamed, api, lab], 'canary', noFilters, context))).toEqual(['web-1']);
  });
});

describe('FilteredRows', () => {
  it('gives what filterVms gives over the sorted rows, keystroke after keystroke', () => {
    const sorted = sortVms(all, column('name'), 'ascending', context);
    const resorted = sortVms(all, column('name'), 'descending', context);
    const stopped = { ...noFilters, powerStates: ['stopped' as const] };
    const renamed = { ...context, subscriptions: new Map([...context.subscriptions].reverse()) };
    const rows = new FilteredRows();
    const steps: [readonly Vm[], string, VmFilters, RowContext][] = [
      [sorted, '', noFilters, context],
      [sorted, 'w', noFilters, context],
      [sorted, 'we', noFilters, context],
      [sorted, 'w', noFilters, context],
      [sorted, '', noFilters, context],
      [sorted, 'e', noFilters, context],
      [sorted, 'e lab', noFilters, context],
      [sorted, 'e la', noFilters, context],
      [sorted, 'res', noFilters, context],
      [sorted, 'research', noFilters, context],
      [sorted, 'research', noFilters, renamed],
      [sorted, 'p', noFilters, context],
      [sorted, 'p', stopped, context],
      [sorted, 'pr', noFilters, context],
      [resorted, 'pr', noFilters, context],
      [resorted, '', stopped, context],
      [resorted, 'api', stopped, context],
    ];
    for (const [from, query, filters, names] of steps) {
      expect(rows.filter(from, query, filters, names)).toEqual(filterVms(from, query, filters, names));
    }
  });

  it('finds a VM that an earlier, narrower search left out once the search widens again', () => {
    const rows = new FilteredRows();
    expect(names(rows.filter(all, 'web', noFilters, context))).toEqual(['web-1']);
    expect(names(rows.filter(all, 'we', noFilters, context))).toEqual(['web-1', 'lab-3']);
  });
});
