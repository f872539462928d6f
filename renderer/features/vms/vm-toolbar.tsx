// Above the grid: instant search, the filters (power state, tenant, subscription, location), the column picker and
// how many rows show. Every choice lives in the grid store; options come from the inventory on screen.
import {
  Button,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SearchBox,
  Text,
  makeStyles,
  tokens,
  type MenuProps,
} from '@fluentui/react-components';
import { Filter20Regular, TableSettings20Regular } from '@fluentui/react-icons';
import { memo } from 'react';
import { powerStates } from '../../../preload/contract-inventory';
import { useVmGridStore } from '../../stores/vm-grid-store';
import { describePowerState } from './power-state';
import { vmColumns } from './vm-columns';
import type { VmFilters } from './vm-query';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  search: { flexGrow: 1, minWidth: '180px', maxWidth: '420px' },
  count: { color: tokens.colorNeutralForeground2, marginLeft: 'auto' },
  menu: { maxHeight: '60vh', overflowY: 'auto' },
});

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterOptions {
  tenants: FilterOption[];
  subscriptions: FilterOption[];
  locations: FilterOption[];
}

/** Counts as `toLocaleString` writes them, with one formatter (that builds one per call: two per keystroke). */
const counts = new Intl.NumberFormat();

const powerOptions: FilterOption[] = powerStates.map((state) => ({
  value: state,
  label: describePowerState(state).label,
}));

export function VmToolbar({ options, shown, total }: { options: FilterOptions; shown: number; total: number }) {
  const styles = useStyles();
  const query = useVmGridStore((state) => state.query);
  const setQuery = useVmGridStore((state) => state.setQuery);
  const filters = useVmGridStore((state) => state.filters);
  const clearFilters = useVmGridStore((state) => state.clearFilters);
  const filtered = shown !== total;

  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Search and filter VMs">
      <SearchBox
        size="small"
        className={styles.search}
        aria-label="Search VMs"
        placeholder="Search name, group, subscription, location, size, tags"
        value={query}
        onChange={(_event, data) => setQuery(data.value)}
      />
      <FilterMenu label="Power state" filterKey="powerStates" options={powerOptions} selected={filters.powerStates} />
      <FilterMenu label="Tenant" filterKey="tenantIds" options={options.tenants} selected={filters.tenantIds} />
      <FilterMenu
        label="Subscription"
        filterKey="subscriptionIds"
        options={options.subscriptions}
        selected={filters.subscriptionIds}
      />
      <FilterMenu label="Location" filterKey="locations" options={options.locations} selected={filters.locations} />
      {filtered && (
        <Button size="small" appearance="subtle" onClick={clearFilters}>
          Clear filters
        </Button>
      )}
      <ColumnPicker />
      <Text className={styles.count} role="status">
        {filtered
          ? `${counts.format(shown)} of ${counts.format(total)} VMs`
          : `${counts.format(total)} ${total === 1 ? 'VM' : 'VMs'}`}
      </Text>
    </div>
  );
}

// The menus render again only when their options or choices change, not with each keystroke in the search box.
const FilterMenu = memo(function FilterMenu({
  label,
  filterKey,
  options,
  selected,
}: {
  label: string;
  filterKey: keyof VmFilters;
  options: FilterOption[];
  selected: readonly string[];
}) {
  const styles = useStyles();
  const setFilter = useVmGridStore((state) => state.setFilter);
  const onChange: MenuProps['onCheckedValueChange'] = (_event, data) =>
    setFilter(filterKey, data.checkedItems as VmFilters[typeof filterKey]);
  return (
    <Menu checkedValues={{ [filterKey]: [...selected] }} onCheckedValueChange={onChange}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          size="small"
          icon={<Filter20Regular />}
          appearance={selected.length > 0 ? 'primary' : 'secondary'}
          aria-label={selected.length > 0 ? `${label}: ${selected.length} selected` : label}
        >
          {selected.length > 0 ? `${label} (${selected.length})` : label}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList className={styles.menu}>
          {options.length === 0 && <MenuItem disabled>Nothing to filter by</MenuItem>}
          {options.map((option) => (
            <MenuItemCheckbox key={option.value} name={filterKey} value={option.value}>
              {option.label}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
});

const ColumnPicker = memo(function ColumnPicker() {
  const visible = useVmGridStore((state) => state.visibleColumns);
  const setVisible = useVmGridStore((state) => state.setColumnVisible);
  const reset = useVmGridStore((state) => state.resetColumns);
  const onChange: MenuProps['onCheckedValueChange'] = (_event, data) => {
    const next = new Set(data.checkedItems);
    for (const column of vmColumns) {
      if (!column.required && next.has(column.id) !== visible.includes(column.id)) {
        setVisible(column.id, next.has(column.id));
      }
    }
  };
  return (
    <Menu checkedValues={{ columns: [...visible] }} onCheckedValueChange={onChange}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" icon={<TableSettings20Regular />}>
          Columns
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {vmColumns.map((column) => (
            <MenuItemCheckbox key={column.id} name="columns" value={column.id} disabled={column.required ?? false}>
              {column.label}
            </MenuItemCheckbox>
          ))}
          <MenuDivider />
          <MenuItem onClick={reset}>Reset columns and widths</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
});
