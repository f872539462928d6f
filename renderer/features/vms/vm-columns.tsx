// The VM grid's columns, in one list: what each shows, how it sorts and how wide it starts. A column that needs
// more than text (the power cell, the selection checkbox, the row actions) brings its own `render`; the grid
// and the column picker need no change to gain a column.
import { useMemo, type ReactNode } from 'react';
import type { SubscriptionSummary, Vm } from '../../../preload/contract-inventory';
import type { Operation } from '../../../preload/contract-operations';
import { useInventory } from '../../stores/inventory';
import { PowerActions } from '../operations/power-actions';
import { PowerCell } from '../operations/power-cell';
import { SelectCell } from '../operations/select-cell';
import { describePowerState } from './power-state';

/** Names the grid looks up once per render, not per cell: subscriptions by id, tenants and accounts by id. */
export interface RowContext {
  subscriptions: ReadonlyMap<string, SubscriptionSummary>;
  tenantNames: ReadonlyMap<string, string>;
  accountNames: ReadonlyMap<string, string>;
  /** The unfinished operation on each VM (by VM id). */
  operations: ReadonlyMap<string, Operation>;
  selection: ReadonlySet<string>;
}

export interface VmColumn {
  id: string;
  label: string;
  /** The cell's text, also what the column sorts by (case-insensitively) unless `sortKey` says otherwise. */
  text(vm: Vm, context: RowContext): string;
  sortKey?(vm: Vm, context: RowContext): string;
  render?(vm: Vm, context: RowContext): ReactNode;
  defaultWidth: number;
  minWidth: number;
  /** Shown until the user hides it. */
  defaultVisible: boolean;
  /** The header shows no text, only to assistive technology (a narrow checkbox column). */
  labelHidden?: boolean;
  /**
   * Its cells are costly (several Fluent controls): a row shows them a moment after it first renders, in an
   * interruptible render, so rows appear and typing paints without waiting for them.
   */
  renderLater?: boolean;
  /** The user cannot hide it (the row would lose its name). */
  required?: boolean;
  /** A click on this column's cell opens the VM's details (the name, styled as a link). */
  opensDetails?: boolean;
  /**
   * Its text comes from the row context (names of subscriptions, tenants, accounts; the selection), so it re-sorts
   * when they change; other columns' sort keys are kept per VM.
   */
  usesContext?: boolean;
}

/**
 * Whether a row of `vm` shows the same under both contexts: a sweep replaces the context with every published
 * patch, but a row only needs to render again when its own subscription, names or operation changed.
 */
export function sameRowContext(vm: Vm, a: RowContext, b: RowContext): boolean {
  return (
    a === b ||
    (a.subscriptions.get(vm.subscriptionId) === b.subscriptions.get(vm.subscriptionId) &&
      a.operations.get(vm.id) === b.operations.get(vm.id) &&
      a.selection.has(vm.id) === b.selection.has(vm.id) &&
      tenantName(vm, a) === tenantName(vm, b) &&
      actingAccountName(vm, a) === actingAccountName(vm, b))
  );
}

export function subscriptionName(vm: Vm, context: RowContext): string {
  return context.subscriptions.get(vm.subscriptionId)?.displayName ?? vm.subscriptionId;
}

export function tenantName(vm: Vm, context: RowContext): string {
  return (
    context.tenantNames.get(vm.tenantId) ?? context.subscriptions.get(vm.subscriptionId)?.tenantName ?? vm.tenantId
  );
}

/** The account that acts on the VM's subscription. */
export function actingAccountName(vm: Vm, context: RowContext): string {
  const accountId = context.subscriptions.get(vm.subscriptionId)?.actingAccountId;
  return accountId ? (context.accountNames.get(accountId) ?? accountId) : '';
}

export function tagsText(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([key, value]) => (value ? `${key}: ${value}` : key))
    .join(', ');
}

export const vmColumns: readonly VmColumn[] = [
  {
    id: 'select',
    label: 'Selected',
    text: (vm, context) => (context.selection.has(vm.id) ? 'Selected' : ''),
    render: (vm, context) => <SelectCell selected={context.selection.has(vm.id)} />,
    // A visual cue only (the row carries aria-selected), and a Fluent checkbox costs more than the rest of the row.
    renderLater: true,
    usesContext: true,
    defaultWidth: 44,
    minWidth: 44,
    defaultVisible: true,
    labelHidden: true,
    required: true,
  },
  {
    id: 'name',
    label: 'Name',
    text: (vm) => vm.name,
    defaultWidth: 200,
    minWidth: 100,
    defaultVisible: true,
    required: true,
    opensDetails: true,
  },
  {
    id: 'power',
    label: 'Power state',
    text: (vm) => describePowerState(vm.powerState).label,
    render: (vm, context) => <PowerCell vm={vm} operation={context.operations.get(vm.id)} />,
    defaultWidth: 150,
    minWidth: 110,
    defaultVisible: true,
  },
  { id: 'size', label: 'Size', text: (vm) => vm.size ?? '', defaultWidth: 150, minWidth: 80, defaultVisible: true },
  { id: 'os', label: 'OS', text: (vm) => vm.osType ?? '', defaultWidth: 90, minWidth: 60, defaultVisible: true },
  {
    id: 'location',
    label: 'Location',
    text: (vm) => vm.location,
    defaultWidth: 130,
    minWidth: 80,
    defaultVisible: true,
  },
  {
    id: 'resourceGroup',
    label: 'Resource group',
    text: (vm) => vm.resourceGroup,
    defaultWidth: 170,
    minWidth: 80,
    defaultVisible: true,
  },
  {
    id: 'subscription',
    label: 'Subscription',
    text: subscriptionName,
    usesContext: true,
    defaultWidth: 190,
    minWidth: 80,
    defaultVisible: true,
  },
  {
    id: 'tenant',
    label: 'Tenant',
    text: tenantName,
    usesContext: true,
    defaultWidth: 150,
    minWidth: 80,
    defaultVisible: true,
  },
  {
    id: 'account',
    label: 'Account',
    text: actingAccountName,
    usesContext: true,
    defaultWidth: 170,
    minWidth: 80,
    defaultVisible: false,
  },
  { id: 'tags', label: 'Tags', text: (vm) => tagsText(vm.tags), defaultWidth: 240, minWidth: 80, defaultVisible: true },
  {
    id: 'actions',
    label: 'Actions',
    text: () => '',
    render: (vm, context) => <RowActions vm={vm} context={context} />,
    renderLater: true,
    defaultWidth: 190,
    minWidth: 150,
    defaultVisible: true,
  },
];

export function columnById(id: string): VmColumn | undefined {
  return vmColumns.find((column) => column.id === id);
}

/**
 * A row's power actions, for the VM as the store holds it now: the row itself may still show an earlier version
 * of the inventory (rows follow patches at low priority), and an action must not be offered on a state that is over.
 */
function RowActions({ vm, context }: { vm: Vm; context: RowContext }) {
  const current = useInventory((state) => state.vms.byId.get(vm.id)) ?? vm;
  const vms = useMemo(() => [current], [current]);
  return <PowerActions vms={vms} subscription={(id) => context.subscriptions.get(id)} compact tabbable={false} />;
}
