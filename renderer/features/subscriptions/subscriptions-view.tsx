// Subscriptions: "who am I, which accounts, which subscriptions with names" in one place. Grouped by tenant, each
// with its Azure state, VM count, how its last listing went (error, sign-in needed, throttled until when), the
// account that acts on it (a picker when several reach it) and hide/show. Shares the header with the VMs view.
import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Option,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowSync16Regular } from '@fluentui/react-icons';
import { memo, useMemo } from 'react';
import type { SubscriptionSummary } from '../../../preload/contract-inventory';
import { ErrorBar } from '../../components/error-bar';
import { useFocusRequest } from '../../components/use-focus-request';
import { useNow } from '../../components/use-now';
import { useInventory, useInventoryPending } from '../../stores/inventory';
import { subscriptionRowId } from '../deep-links/deep-link-views';
import { useOnline } from '../../stores/status-store';
import { InventoryEmptyState, useInventoryEmptiness } from '../vms/empty-states';
import { InventoryHeader } from '../vms/inventory-header';
import { StaleBanner } from '../vms/stale-banner';
import { UnlistedTenants } from '../vms/subscription-problems';
import { useAccountsStore } from '../../stores/accounts-store';
import { accountLabel, useRowContext } from '../vms/use-vm-rows';
import { describeSubscriptionState, describeSubscriptionStatus } from './subscription-status';
import { RenameSubscription } from './rename-subscription';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  tenant: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tenantHeading: { margin: 0 },
  table: { tableLayout: 'auto' },
  name: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  id: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  status: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  message: { color: tokens.colorNeutralForeground2 },
  hiddenRow: { opacity: 0.75 },
  // Rows take focus only when a link or another view asks for one: show which.
  row: { ':focus': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
});

export function SubscriptionsView() {
  const styles = useStyles();
  const emptiness = useInventoryEmptiness();
  const subscriptions = useInventory((state) => state.subscriptions);
  const error = useInventory((state) => state.error);
  const dismissError = useInventory((state) => state.dismissError);
  const context = useRowContext();
  // Rows re-render only when their subscription or the accounts change, not on every patch of a sweep.
  const accounts = useAccountsStore((state) => state.accounts);
  const accountNames = useMemo(
    () => new Map(accounts.map((account) => [account.id, accountLabel(account)])),
    [accounts],
  );
  const groups = useMemo(() => {
    const byTenant = new Map<string, SubscriptionSummary[]>();
    for (const sub of subscriptions.values()) byTenant.set(sub.tenantId, [...(byTenant.get(sub.tenantId) ?? []), sub]);
    return [...byTenant.entries()]
      .map(([tenantId, subs]) => ({
        tenantId,
        name: context.tenantNames.get(tenantId) ?? tenantId,
        subs: subs.sort((a, b) => a.displayName.localeCompare(b.displayName)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [subscriptions, context]);
  // The row another view or a link asked for, once it is on screen (rows keep arriving).
  useFocusRequest(groups, 'wait');

  return (
    <div className={styles.view}>
      <InventoryHeader title="Subscriptions" />
      <StaleBanner />
      {error && <ErrorBar error={error.error} action={error.action} onDismiss={dismissError} />}
      <UnlistedTenants />
      {emptiness === 'loading' || emptiness === 'no-accounts' || emptiness === 'no-subscriptions' ? (
        <InventoryEmptyState emptiness={emptiness} />
      ) : (
        groups.map((group) => (
          <section key={group.tenantId} className={styles.tenant} aria-labelledby={`tenant-${group.tenantId}`}>
            <Title3 as="h2" id={`tenant-${group.tenantId}`} className={styles.tenantHeading}>
              {group.name}
            </Title3>
            <Caption1 className={styles.id}>Tenant {group.tenantId}</Caption1>
            <Table aria-label={`Subscriptions in ${group.name}`} size="small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Subscription</TableHeaderCell>
                  <TableHeaderCell>State</TableHeaderCell>
                  <TableHeaderCell>VMs</TableHeaderCell>
                  <TableHeaderCell>Listing</TableHeaderCell>
                  <TableHeaderCell>Acting account</TableHeaderCell>
                  <TableHeaderCell>Shown</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {group.subs.map((sub) => (
                  <SubscriptionRow key={sub.id} sub={sub} accountNames={accountNames} />
                ))}
              </TableBody>
            </Table>
          </section>
        ))
      )}
    </div>
  );
}

const SubscriptionRow = memo(function SubscriptionRow({
  sub,
  accountNames,
}: {
  sub: SubscriptionSummary;
  accountNames: ReadonlyMap<string, string>;
}) {
  const styles = useStyles();
  const now = useNow(30_000);
  const online = useOnline();
  const refresh = useInventory((state) => state.refresh);
  const setHidden = useInventory((state) => state.setSubscriptionHidden);
  const setActing = useInventory((state) => state.setActingAccount);
  const retrying = useInventoryPending(`refresh:${sub.id}`);
  const hiding = useInventoryPending(`hide:${sub.id}`);
  const choosing = useInventoryPending(`acting:${sub.id}`);
  const state = describeSubscriptionState(sub.state);
  const status = describeSubscriptionStatus(sub, now);
  const accountName = (accountId: string) => accountNames.get(accountId) ?? accountId;
  const accounts = [...new Set(sub.accessPaths.map((path) => path.accountId))];
  const canRetry = sub.status === 'error' || sub.status === 'throttled';
  // Azure asked to wait: main skips it until then, so a retry is not offered.
  const waiting = sub.status === 'throttled' && !!sub.throttledUntil && Date.parse(sub.throttledUntil) > now;

  return (
    <TableRow
      id={subscriptionRowId(sub.id)}
      tabIndex={-1}
      className={mergeClasses(styles.row, sub.hidden && styles.hiddenRow)}
    >
      <TableCell>
        <div className={styles.name}>
          <Text weight="semibold">{sub.displayName}</Text>
          <Caption1 className={styles.id}>{sub.id}</Caption1>
          <RenameSubscription sub={sub} disabled={!online || sub.state !== 'Enabled'} />
        </div>
      </TableCell>
      <TableCell>
        <Badge appearance="tint" color={state.color}>
          {state.label}
        </Badge>
      </TableCell>
      <TableCell>
        {/* Never listed (or not listed at all): no count to show, rather than a 0 nobody confirmed. */}
        {sub.status === 'not_listed' || sub.fetchedAt === undefined ? '—' : sub.vmCount.toLocaleString()}
      </TableCell>
      <TableCell>
        <div className={styles.status}>
          <Badge appearance="tint" color={status.color}>
            {status.label}
          </Badge>
          {status.message && <Caption1 className={styles.message}>{status.message}</Caption1>}
          {canRetry && (
            <Button
              size="small"
              icon={<ArrowSync16Regular />}
              disabledFocusable={!online || retrying || waiting}
              aria-label={`Retry ${sub.displayName}`}
              onClick={() => void refresh([sub.id])}
            >
              Retry
            </Button>
          )}
        </div>
      </TableCell>
      <TableCell>
        {accounts.length > 1 ? (
          <div className={styles.status}>
            <Dropdown
              size="small"
              aria-label={`Account that acts on ${sub.displayName}`}
              value={accountName(sub.actingAccountId)}
              selectedOptions={[sub.actingAccountId]}
              disabled={choosing}
              onOptionSelect={(_event, data) => {
                if (data.optionValue && data.optionValue !== sub.actingAccountId) {
                  void setActing(sub.id, data.optionValue);
                }
              }}
            >
              {accounts.map((accountId) => (
                <Option key={accountId} value={accountId}>
                  {accountName(accountId)}
                </Option>
              ))}
            </Dropdown>
            <Caption1 className={styles.message}>
              Reached through {accounts.length} accounts: {accounts.map(accountName).join(', ')}
            </Caption1>
          </div>
        ) : (
          <Text>{accountName(sub.actingAccountId)}</Text>
        )}
      </TableCell>
      <TableCell>
        <Switch
          aria-label={`Show ${sub.displayName}`}
          checked={!sub.hidden}
          disabled={hiding}
          onChange={(_event, data) => void setHidden(sub.id, !data.checked)}
        />
      </TableCell>
    </TableRow>
  );
});
