// The VM grid: an ARIA grid ("Virtual machines") with a sticky header and virtualized rows. One tab stop; the
// arrow keys, Home/End, Page Up/Down and Ctrl+Home/End move the active cell (announced through
// aria-activedescendant, so focus never chases rows the virtualizer has not rendered yet); Enter on a header
// sorts, Enter on a row opens its details, Alt+Left/Right on a header resizes the column. Columns come from
// `vm-columns.tsx`; what is sorted, focused and how wide lives in the grid store.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDown16Regular, ArrowSortUp16Regular } from '@fluentui/react-icons';
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import type { Vm } from '../../../preload/contract-inventory';
import { useVmGridStore } from '../../stores/vm-grid-store';
import { sameRowContext, type RowContext, type VmColumn } from './vm-columns';
import { VirtualRows } from './virtual-rows';

export const rowHeight = 36;
const headerHeight = 36;
const resizeStep = 16;

const useStyles = makeStyles({
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  grid: {
    position: 'relative',
    flexGrow: 1,
    // On a short window the view scrolls rather than squeezing the grid to a few rows.
    minHeight: '260px',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: 'none',
    '&:focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    // The active row is marked only while the grid has the keyboard (as in VS Code's lists): unfocused, a
    // highlighted first row would read as a selection.
    '&:focus [data-active-row]': { backgroundColor: tokens.colorNeutralBackground1Hover },
    '&:focus-visible [data-active-cell]': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    width: 'max-content',
    minWidth: '100%',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'var(--vm-grid-columns)',
    width: 'max-content',
    minWidth: '100%',
    height: `${rowHeight}px`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selectedRow: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  text: { overflow: 'hidden', textOverflow: 'ellipsis' },
  nameText: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: tokens.colorBrandForegroundLink,
    cursor: 'pointer',
    ':hover': { textDecorationLine: 'underline' },
  },
  headerCell: {
    position: 'relative',
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    userSelect: 'none',
    height: `${headerHeight}px`,
    boxSizing: 'border-box',
  },
  resizer: {
    position: 'absolute',
    top: 0,
    right: 0,
    bottom: 0,
    width: '6px',
    cursor: 'col-resize',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    ':hover': { borderRight: `3px solid ${tokens.colorBrandStroke1}` },
  },
});

export interface VmGridProps {
  rows: readonly Vm[];
  columns: readonly VmColumn[];
  context: RowContext;
}

function widthOf(column: VmColumn, widths: Readonly<Record<string, number>>): number {
  return Math.max(column.minWidth, widths[column.id] ?? column.defaultWidth);
}

export function VmGrid({ rows, columns, context }: VmGridProps) {
  const styles = useStyles();
  const gridId = useId();
  // The virtualizer needs the element as state (to re-render once it exists); scrolling goes through the ref.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const attachScroll = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element;
    setScrollElement(element);
  }, []);
  const focus = useVmGridStore((state) => state.focus);
  const sort = useVmGridStore((state) => state.sort);
  const widths = useVmGridStore((state) => state.widths);
  const setFocus = useVmGridStore((state) => state.setFocus);
  const sortBy = useVmGridStore((state) => state.sortBy);
  const setWidth = useVmGridStore((state) => state.setWidth);
  const openDetails = useVmGridStore((state) => state.openDetails);
  const setSelected = useVmGridStore((state) => state.setSelected);
  const settleQuery = useVmGridStore((state) => state.settleQuery);
  const selection = useVmGridStore((state) => state.selection);
  // Where a Shift-range starts: the row last toggled.
  const anchor = useRef(0);
  // Whether the grid is taking focus from a pointer press (then the rows on screen stay as they are).
  const pointerFocus = useRef(false);

  // The stored focus may point past the rows a search left; the active cell is the nearest one that exists.
  const activeRow = Math.min(focus.row, rows.length - 1);
  const activeColumn = Math.min(Math.max(focus.column, 0), columns.length - 1);
  const cellId = (row: number, column: number) => `${gridId}-r${row}-c${column}`;
  const template = columns.map((column) => `${widthOf(column, widths)}px`).join(' ');

  // While a VM's details are open (e.g. from a clouddesk:// link) its row is the active one, wherever a sweep's
  // rows move it, so it is in view when the details close. The modal details leave the grid nothing else to do.
  const detailsVmId = useVmGridStore((state) => state.detailsVmId);
  useEffect(() => {
    const index = detailsVmId ? rows.findIndex((vm) => vm.id === detailsVmId) : -1;
    if (index >= 0 && index !== activeRow) setFocus(index, activeColumn);
  }, [detailsVmId, rows, activeRow, activeColumn, setFocus]);

  // Keep the active cell in view, so the virtualizer renders its row.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    if (activeRow >= 0) {
      const top = activeRow * rowHeight;
      const viewTop = element.scrollTop;
      const viewHeight = element.clientHeight - headerHeight;
      if (top < viewTop) element.scrollTop = top;
      else if (top + rowHeight > viewTop + viewHeight) element.scrollTop = top + rowHeight - viewHeight;
    }
    let left = 0;
    for (let i = 0; i < activeColumn; i++) left += widthOf(columns[i] as VmColumn, widths);
    const width = columns[activeColumn] ? widthOf(columns[activeColumn], widths) : 0;
    if (left < element.scrollLeft) element.scrollLeft = left;
    else if (left + width > element.scrollLeft + element.clientWidth) {
      element.scrollLeft = left + width - element.clientWidth;
    }
  }, [scrollElement, activeRow, activeColumn, columns, widths]);

  /** Ctrl/Space toggles one row, Shift selects from the anchor to this row. */
  function select(row: number, range: boolean) {
    const vm = rows[row];
    if (!vm) return;
    if (range) {
      const [from, to] = [Math.min(anchor.current, row), Math.max(anchor.current, row)];
      setSelected(
        rows.slice(from, to + 1).map((r) => r.id),
        true,
      );
    } else {
      setSelected([vm.id], !selection.has(vm.id));
      anchor.current = row;
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if ((event.target as HTMLElement) !== event.currentTarget) return;
    const lastRow = rows.length - 1;
    const lastColumn = columns.length - 1;
    const page = Math.max(1, Math.floor(((scrollElement?.clientHeight ?? 0) - headerHeight) / rowHeight) - 1);
    let row = activeRow;
    let column = activeColumn;
    const current = columns[activeColumn];
    switch (event.key) {
      case 'ArrowDown':
        row = Math.min(row + 1, lastRow);
        if (event.shiftKey && row >= 0) select(row, true);
        break;
      case 'ArrowUp':
        row = Math.max(row - 1, event.shiftKey ? 0 : -1);
        if (event.shiftKey && row >= 0) select(row, true);
        break;
      case 'ArrowRight':
        if (event.altKey && row === -1 && current) {
          setWidth(current.id, widthOf(current, widths) + resizeStep);
          event.preventDefault();
          return;
        }
        column = Math.min(column + 1, lastColumn);
        break;
      case 'ArrowLeft':
        if (event.altKey && row === -1 && current) {
          setWidth(current.id, Math.max(current.minWidth, widthOf(current, widths) - resizeStep));
          event.preventDefault();
          return;
        }
        column = Math.max(column - 1, 0);
        break;
      case 'Home':
        column = 0;
        if (event.ctrlKey) row = Math.min(0, lastRow);
        break;
      case 'End':
        column = lastColumn;
        if (event.ctrlKey) row = lastRow;
        break;
      case 'PageDown':
        row = Math.min(row + page, lastRow);
        break;
      case 'PageUp':
        row = Math.max(row - page, rows.length > 0 ? 0 : -1);
        break;
      case 'Enter':
      case ' ': {
        const vm = rows[row];
        if (row === -1 && current) sortBy(current.id);
        else if (event.key === 'Enter' && vm) openDetails(vm.id);
        else if (event.key === ' ' && vm) select(row, event.shiftKey);
        else return;
        event.preventDefault();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    setFocus(row, column);
  }

  function cellAt(event: MouseEvent<HTMLElement>): { row: number; column: number } | undefined {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    const [row, column] = (cell?.dataset['cell'] ?? '').split(':').map(Number);
    return row === undefined || column === undefined || Number.isNaN(row) || Number.isNaN(column)
      ? undefined
      : { row, column };
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const cell = cellAt(event);
    if (!cell) return;
    setFocus(cell.row, cell.column);
    const target = event.target as HTMLElement;
    if (target.closest('button')) return;
    // The Selected column's cell toggles its row, also before its checkbox is drawn (it renders just after the row).
    const toggles = target.closest('[data-select-toggle]') !== null || columns[cell.column]?.id === 'select';
    if (cell.row >= 0 && (event.shiftKey || event.ctrlKey || event.metaKey || toggles)) {
      select(cell.row, event.shiftKey);
      return;
    }
    if (cell.row === -1) {
      const column = columns[cell.column];
      if (column && !(event.target as HTMLElement).closest('[data-resizer]')) sortBy(column.id);
    } else if (columns[cell.column]?.opensDetails) {
      const vm = rows[cell.row];
      if (vm) openDetails(vm.id);
    }
  }

  function onDoubleClick(event: MouseEvent<HTMLDivElement>) {
    const cell = cellAt(event);
    const vm = cell && cell.row >= 0 ? rows[cell.row] : undefined;
    if (vm) openDetails(vm.id);
  }

  function startResize(event: PointerEvent<HTMLDivElement>, column: VmColumn) {
    event.preventDefault();
    event.stopPropagation();
    const handle = event.currentTarget;
    const startX = event.clientX;
    const startWidth = widthOf(column, widths);
    handle.setPointerCapture(event.pointerId);
    const move = (moveEvent: globalThis.PointerEvent) =>
      setWidth(column.id, Math.max(column.minWidth, startWidth + moveEvent.clientX - startX));
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  }

  return (
    <div
      ref={attachScroll}
      role="grid"
      aria-label="Virtual machines"
      aria-multiselectable
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={columns.length > 0 ? cellId(activeRow, activeColumn) : undefined}
      aria-description="Arrow keys move between cells; Enter on a column header sorts, on a row opens the VM's details; Space selects a row, Shift with the arrow keys a range."
      tabIndex={0}
      className={styles.grid}
      style={{ '--vm-grid-columns': template } as CSSProperties}
      onPointerDownCapture={() => {
        pointerFocus.current = true;
      }}
      onFocus={(event) => {
        // Keyboard focus only: a pointer aims at the rows on screen, which must not change under it.
        if (event.target === event.currentTarget && !pointerFocus.current) settleQuery();
        pointerFocus.current = false;
      }}
      onBlur={() => {
        pointerFocus.current = false;
      }}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
    >
      <div role="rowgroup" className={styles.head}>
        <div role="row" aria-rowindex={1} className={styles.row}>
          {columns.map((column, index) => {
            const sorted = sort.columnId === column.id;
            const active = activeRow === -1 && activeColumn === index;
            return (
              <div
                key={column.id}
                id={cellId(-1, index)}
                role="columnheader"
                aria-colindex={index + 1}
                aria-sort={sorted ? sort.direction : 'none'}
                data-cell={`-1:${index}`}
                {...(active ? { 'data-active-cell': '' } : {})}
                className={mergeClasses(styles.cell, styles.headerCell)}
              >
                <span className={column.labelHidden ? styles.visuallyHidden : styles.text}>{column.label}</span>
                {sorted && (sort.direction === 'ascending' ? <ArrowSortUp16Regular /> : <ArrowSortDown16Regular />)}
                <div
                  aria-hidden
                  data-resizer=""
                  className={styles.resizer}
                  onPointerDown={(event) => startResize(event, column)}
                />
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup">
        <VirtualRows
          count={rows.length}
          rowHeight={rowHeight}
          scrollElement={scrollElement}
          renderRow={(index) => {
            const vm = rows[index] as Vm;
            return (
              <VmRow
                key={vm.id}
                vm={vm}
                selected={selection.has(vm.id)}
                index={index}
                columns={columns}
                context={context}
                activeColumn={index === activeRow ? activeColumn : -1}
                gridId={gridId}
              />
            );
          }}
        />
      </div>
    </div>
  );
}

interface VmRowProps {
  vm: Vm;
  selected: boolean;
  index: number;
  columns: readonly VmColumn[];
  context: RowContext;
  /** The active cell's column in this row, or -1 when the active cell is elsewhere. */
  activeColumn: number;
  gridId: string;
}

// A row renders again only when something it shows changed (a sweep publishes a new context many times a
// second, and rows move when VMs are added above them).
const VmRow = memo(
  function VmRow({ vm, selected, index, columns, context, activeColumn, gridId }: VmRowProps) {
    const styles = useStyles();
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        {...(activeColumn >= 0 ? { 'data-active-row': '' } : {})}
        className={mergeClasses(styles.row, selected && styles.selectedRow)}
      >
        {columns.map((column, columnIndex) => (
          <div
            key={column.id}
            id={`${gridId}-r${index}-c${columnIndex}`}
            role="gridcell"
            aria-colindex={columnIndex + 1}
            data-cell={`${index}:${columnIndex}`}
            {...(activeColumn === columnIndex ? { 'data-active-cell': '' } : {})}
            className={styles.cell}
          >
            <CellContent
              column={column}
              vm={vm}
              context={context}
              textClass={column.opensDetails ? styles.nameText : styles.text}
            />
          </div>
        ))}
      </div>
    );
  },
  (a, b) =>
    a.vm === b.vm &&
    a.selected === b.selected &&
    a.index === b.index &&
    a.columns === b.columns &&
    a.activeColumn === b.activeColumn &&
    a.gridId === b.gridId &&
    sameRowContext(a.vm, a.context, b.context),
);

interface CellContentProps {
  column: VmColumn;
  vm: Vm;
  context: RowContext;
  /** The class of a text cell (from the row's styles: a style hook per cell costs more than the cell). */
  textClass: string;
}

// What a cell shows, apart from where the row sits: a row that moves (a VM added above it) keeps its cells'
// components (power badge, action buttons) as they are.
const CellContent = memo(
  function CellContent({ column, vm, context, textClass }: CellContentProps) {
    const shown = useShownAfterMount(column.renderLater !== true);
    if (column.render) return shown ? column.render(vm, context) : null;
    return <span className={textClass}>{column.text(vm, context)}</span>;
  },
  (a, b) =>
    a.column === b.column && a.vm === b.vm && a.textClass === b.textClass && sameRowContext(a.vm, a.context, b.context),
);

/** True at once, or (`now` false) from a transition started after the first render. */
function useShownAfterMount(now: boolean): boolean {
  const [shown, setShown] = useState(now);
  useEffect(() => {
    if (!shown) startTransition(() => setShown(true));
  }, [shown]);
  return shown;
}
