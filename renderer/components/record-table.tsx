// A small table of records (operations, activity entries): columns sized to their content, scrolling sideways
// when even that does not fit, and the cell styles such tables share. Rows come from the caller.
import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export const useRecordCellStyles = makeStyles({
  // Names stay whole (the table scrolls sideways instead) unless one alone is wider than the window.
  wrap: { overflowWrap: 'break-word' },
  // A sentence that may hold long ids: it breaks anywhere rather than widen the table.
  message: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', minWidth: '10em' },
});

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  // Auto layout sizes columns to their content (the fixed default let an account name run into the next column).
  table: { tableLayout: 'auto' },
});

export function RecordTable({
  label,
  columns,
  children,
}: {
  /** The table's accessible name. */
  label: string;
  columns: readonly string[];
  /** The rows: one TableRow each. */
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <Table size="small" aria-label={label} className={styles.table}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}
