// The grid's view settings: sort toggles per column, hidden columns come back in their place, selection survives
// as ids, and what localStorage remembers is read back without columns this version no longer has.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const key = 'cloud-desk:vm-grid';
let saved: Map<string, string>;
let writes: number;

beforeEach(() => {
  saved = new Map();
  writes = 0;
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (name: string) => saved.get(name) ?? null,
      setItem: (name: string, value: string) => {
        writes += 1;
        saved.set(name, value);
      },
      removeItem: (name: string) => saved.delete(name),
    },
  });
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function gridStore() {
  return (await import('./vm-grid-store')).useVmGridStore;
}

describe('the grid store', () => {
  it('sorts by a column, and the same column again flips the direction', async () => {
    const store = await gridStore();
    store.getState().sortBy('size');
    expect(store.getState().sort).toEqual({ columnId: 'size', direction: 'ascending' });
    store.getState().sortBy('size');
    expect(store.getState().sort).toEqual({ columnId: 'size', direction: 'descending' });
    store.getState().sortBy('name');
    expect(store.getState().sort).toEqual({ columnId: 'name', direction: 'ascending' });
  });

  it('sorts by the selection as it was when the user sorted by it, so rows stay put while selecting', async () => {
    const store = await gridStore();
    store.getState().setSelected(['vm-a'], true);
    store.getState().sortBy('select');
    store.getState().setSelected(['vm-b'], true);
    expect([...store.getState().sortedSelection]).toEqual(['vm-a']);
    store.getState().sortBy('select');
    expect([...store.getState().sortedSelection].sort()).toEqual(['vm-a', 'vm-b']);
  });

  it('settles the search and filters the user typed, until the next change to either', async () => {
    const store = await gridStore();
    store.getState().setQuery('web');
    store.getState().setFilter('powerStates', ['running']);
    expect(store.getState().settled).toBe(false);
    store.getState().settleQuery();
    expect(store.getState().settled).toBe(true);
    const state = store.getState();
    store.getState().settleQuery();
    expect(store.getState()).toBe(state);
    store.getState().setQuery('web-prod');
    expect(store.getState().settled).toBe(false);
    store.getState().settleQuery();
    store.getState().setFilter('locations', ['westeurope']);
    expect(store.getState().settled).toBe(false);
  });

  it('does not settle a search typed back to the one the rows last showed at once', async () => {
    const store = await gridStore();
    store.getState().settleQuery();
    store.getState().setQuery('w');
    store.getState().setQuery('');
    expect(store.getState().settled).toBe(false);
  });

  it('shows a hidden column again in its place in the column list', async () => {
    const store = await gridStore();
    store.getState().setColumnVisible('size', false);
    expect(store.getState().visibleColumns).not.toContain('size');
    store.getState().setColumnVisible('size', true);
    expect(store.getState().visibleColumns.slice(0, 4)).toEqual(['select', 'name', 'power', 'size']);
  });

  it('keeps the selection as VM ids', async () => {
    const store = await gridStore();
    store.getState().setSelected(['a', 'b'], true);
    store.getState().setSelected(['a'], false);
    expect([...store.getState().selection]).toEqual(['b']);
  });

  it('remembers columns, widths and sort, not the search', async () => {
    const store = await gridStore();
    store.getState().setColumnVisible('tags', false);
    store.getState().setWidth('name', 321.4);
    store.getState().setQuery('web');
    const remembered = JSON.parse(saved.get(key) ?? '{}') as { state: Record<string, unknown> };
    expect(remembered.state).toEqual({
      visibleColumns: store.getState().visibleColumns,
      widths: { name: 321 },
      sort: { columnId: 'name', direction: 'ascending' },
    });
  });

  it('writes to localStorage only when what it remembers changed, not for each keystroke', async () => {
    const store = await gridStore();
    store.getState().setWidth('name', 300);
    const before = writes;
    for (const query of ['w', 'we', 'web']) store.getState().setQuery(query);
    store.getState().setSelected(['vm-a'], true);
    expect(writes).toBe(before);
    store.getState().setWidth('name', 320);
    expect(writes).toBe(before + 1);
  });

  it('drops remembered columns it no longer knows and always shows the name', async () => {
    saved.set(
      key,
      JSON.stringify({
        state: {
          visibleColumns: ['size', 'retired'],
          widths: { size: 99 },
          sort: { columnId: 'retired', direction: 'descending' },
        },
        version: 1,
      }),
    );
    const store = await gridStore();
    expect(store.getState().visibleColumns).toEqual(['name', 'size']);
    expect(store.getState().widths).toEqual({ size: 99 });
    expect(store.getState().sort).toEqual({ columnId: 'name', direction: 'ascending' });
  });
});
