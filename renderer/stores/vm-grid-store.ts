// How the user looks at the VM grid: search text, filters, sort, which columns show and how wide, which rows are
// selected, which cell has focus and which VM's details are open. Column choice, widths and sort are remembered
// in the renderer's localStorage; the rest lasts for the session. Holds no inventory data (the inventory store does).
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { vmColumns } from '../features/vms/vm-columns';
import { noFilters, type VmFilters, type VmSort } from '../features/vms/vm-query';

export interface VmGridState {
  query: string;
  filters: VmFilters;
  sort: VmSort;
  /** Ids of the columns shown, in order. */
  visibleColumns: readonly string[];
  widths: Readonly<Record<string, number>>;
  /** Ids of the selected VMs (kept across sorting and filtering). */
  selection: ReadonlySet<string>;
  /**
   * The selection as it was when the user sorted by the Selected column: that sort orders by it, so rows do not
   * move under the pointer (or under the keyboard's focus) while the user goes on selecting.
   */
  sortedSelection: ReadonlySet<string>;
  /** The focused cell: a row index in the shown rows and a column index in the shown columns. */
  focus: { row: number; column: number };
  /** The VM whose details are open. */
  detailsVmId: string | undefined;
  /**
   * Whether the rows must show `query` and `filters` at once: set when the user moves into the grid, cleared by the
   * next change to the search or filters (until then the rows follow them at low priority).
   */
  settled: boolean;
  setQuery(query: string): void;
  /** The rows show the current search and filters in the next render (a key pressed in the grid acts on them). */
  settleQuery(): void;
  setFilter<K extends keyof VmFilters>(key: K, values: VmFilters[K]): void;
  clearFilters(): void;
  /** Sorts by a column; the same column again flips the direction. */
  sortBy(columnId: string): void;
  setColumnVisible(columnId: string, visible: boolean): void;
  setWidth(columnId: string, width: number): void;
  resetColumns(): void;
  setSelected(vmIds: readonly string[], selected: boolean): void;
  clearSelection(): void;
  setFocus(row: number, column: number): void;
  openDetails(vmId: string | undefined): void;
}

/**
 * localStorage without the writes that would store what this window wrote last: the persist middleware saves on
 * every change (each keystroke in the search box), though only columns, widths and sort are saved.
 */
function skippingUnchanged(storage: Storage): StateStorage {
  const written = new Map<string, string>();
  return {
    getItem: (name) => storage.getItem(name),
    setItem(name, value) {
      if (written.get(name) === value) return;
      written.set(name, value);
      storage.setItem(name, value);
    },
    removeItem(name) {
      written.delete(name);
      storage.removeItem(name);
    },
  };
}

const defaultColumns = vmColumns.filter((column) => column.defaultVisible).map((column) => column.id);

export const useVmGridStore = create<VmGridState>()(
  persist(
    (set) => ({
      query: '',
      filters: noFilters,
      sort: { columnId: 'name', direction: 'ascending' },
      visibleColumns: defaultColumns,
      widths: {},
      selection: new Set(),
      sortedSelection: new Set(),
      focus: { row: 0, column: 0 },
      detailsVmId: undefined,
      settled: false,
      setQuery(query) {
        // The focus object stays when it already is on the first row: the grid need not render for a keystroke.
        set((state) => ({
          query,
          settled: false,
          focus: state.focus.row === 0 ? state.focus : { row: 0, column: state.focus.column },
        }));
      },
      settleQuery() {
        set((state) => (state.settled ? state : { settled: true }));
      },
      setFilter(key, values) {
        set((state) => ({
          filters: { ...state.filters, [key]: values },
          settled: false,
          focus: { row: 0, column: state.focus.column },
        }));
      },
      clearFilters() {
        set({ filters: noFilters, query: '', settled: false });
      },
      sortBy(columnId) {
        set((state) => ({
          ...(columnId === 'select' ? { sortedSelection: new Set(state.selection) } : {}),
          sort: {
            columnId,
            direction:
              state.sort.columnId === columnId && state.sort.direction === 'ascending' ? 'descending' : 'ascending',
          },
        }));
      },
      setColumnVisible(columnId, visible) {
        set((state) => {
          if (!visible) return { visibleColumns: state.visibleColumns.filter((id) => id !== columnId) };
          if (state.visibleColumns.includes(columnId)) return {};
          // Shown again in its place in the column list.
          const next = new Set([...state.visibleColumns, columnId]);
          return { visibleColumns: vmColumns.map((column) => column.id).filter((id) => next.has(id)) };
        });
      },
      setWidth(columnId, width) {
        set((state) => ({ widths: { ...state.widths, [columnId]: Math.round(width) } }));
      },
      resetColumns() {
        set({ visibleColumns: defaultColumns, widths: {} });
      },
      setSelected(vmIds, selected) {
        set((state) => {
          const next = new Set(state.selection);
          for (const id of vmIds) {
            if (selected) next.add(id);
            else next.delete(id);
          }
          return { selection: next };
        });
      },
      clearSelection() {
        set({ selection: new Set() });
      },
      setFocus(row, column) {
        set({ focus: { row, column } });
      },
      openDetails(vmId) {
        set({ detailsVmId: vmId });
      },
    }),
    {
      name: 'cloud-desk:vm-grid',
      version: 1,
      storage: createJSONStorage(() => skippingUnchanged(window.localStorage)),
      partialize: (state) => ({ visibleColumns: state.visibleColumns, widths: state.widths, sort: state.sort }),
      // Columns a newer version removed are dropped; the name column always shows.
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<Pick<VmGridState, 'visibleColumns' | 'widths' | 'sort'>>;
        const known = new Set(vmColumns.map((column) => column.id));
        const visible = (saved.visibleColumns ?? current.visibleColumns).filter((id) => known.has(id));
        return {
          ...current,
          visibleColumns: visible.includes('name') ? visible : ['name', ...visible],
          widths: saved.widths ?? current.widths,
          sort: saved.sort && known.has(saved.sort.columnId) ? saved.sort : current.sort,
        };
      },
    },
  ),
);
