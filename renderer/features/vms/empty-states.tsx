// What the VMs and Subscriptions views say when there is nothing to show, and why: no account yet; accounts but no
// subscription (a tenant whose subscription list failed, a tenant that needs a sign-in, or no role assignment);
// subscriptions without VMs. Each one offers the next step.
import { Button, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useMemo, type ReactNode } from 'react';
import { useAccountsStore } from '../../stores/accounts-store';
import { useInventory } from '../../stores/inventory';
import { useNavigationStore } from '../../stores/navigation-store';
import { useOnline } from '../../stores/status-store';
import { failedListings } from '../subscriptions/listing-failures';

const useStyles = makeStyles({
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    maxWidth: '640px',
    padding: `${tokens.spacingVerticalXXL} 0`,
  },
  heading: { margin: 0 },
  points: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', rowGap: tokens.spacingVerticalXS },
});

function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.empty} aria-label={title}>
      <Title3 as="h2" className={styles.heading}>
        {title}
      </Title3>
      {children}
    </section>
  );
}

export type InventoryEmptiness = 'loading' | 'no-accounts' | 'no-subscriptions' | 'no-vms' | undefined;

/** Which empty state applies, if any; `loading` until the accounts and the inventory snapshot are in. */
export function useInventoryEmptiness(): InventoryEmptiness {
  const accountsLoaded = useAccountsStore((state) => state.loaded);
  const accountCount = useAccountsStore((state) => state.accounts.length);
  const loaded = useInventory((state) => state.loaded);
  const subscriptionCount = useInventory((state) => state.subscriptions.size);
  const vmCount = useInventory((state) => state.vms.byId.size);
  if (!accountsLoaded) return 'loading';
  if (accountCount === 0) return 'no-accounts';
  if (!loaded) return 'loading';
  if (subscriptionCount === 0) return 'no-subscriptions';
  if (vmCount === 0) return 'no-vms';
  return undefined;
}

export function InventoryEmptyState({ emptiness }: { emptiness: Exclude<InventoryEmptiness, undefined> }) {
  switch (emptiness) {
    case 'loading':
      return <Spinner size="small" label="Loading the inventory…" labelPosition="after" />;
    case 'no-accounts':
      return <NoAccounts />;
    case 'no-subscriptions':
      return <NoSubscriptions />;
    case 'no-vms':
      return <NoVms />;
  }
}

function NoAccounts() {
  const go = useNavigationStore((state) => state.go);
  return (
    <EmptyState title="No accounts yet">
      <Text>
        Cloud Desk shows the virtual machines of every subscription your accounts can reach, across all their tenants.
        Add a Microsoft account or a service principal to start.
      </Text>
      <Button appearance="primary" icon={<PersonAdd20Regular />} onClick={() => go('accounts')}>
        Add account
      </Button>
    </EmptyState>
  );
}

function NoSubscriptions() {
  const styles = useStyles();
  const go = useNavigationStore((state) => state.go);
  const running = useInventory((state) => state.progress?.state === 'running');
  const accounts = useAccountsStore((state) => state.accounts);
  const failures = useInventory((state) => state.listingFailures);
  const online = useOnline();
  const failedTenants = useMemo(
    () => failedListings(accounts, failures).map((listing) => `${listing.tenantName} (${listing.accountName})`),
    [accounts, failures],
  );
  const waiting = useMemo(
    () =>
      accounts.flatMap((account) =>
        account.tenants
          .filter((tenant) => !tenant.hidden && tenant.status === 'needs_sign_in')
          .map((tenant) => `${tenant.displayName} (${account.username})`),
      ),
    [accounts],
  );
  if (running) return <Spinner size="small" label="Looking for subscriptions…" labelPosition="after" />;
  // The truth is a failed listing, not a missing role: say that, and point to the reasons and Retry above.
  if (failedTenants.length > 0) {
    return (
      <EmptyState title="Subscriptions couldn't be listed">
        <Text>
          Cloud Desk could not list the subscriptions of {failedTenants.join(', ')}, so it does not know yet which
          subscriptions your accounts reach. {online ? 'The reasons and Retry are above.' : 'You are offline.'}
        </Text>
        <Button onClick={() => go('accounts')}>Go to Accounts</Button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No subscriptions found">
      <Text>Your accounts are signed in, but none of them reaches a subscription. Usually that is because:</Text>
      <ul className={styles.points}>
        {waiting.length > 0 && <li>A tenant needs you to sign in again: {waiting.join(', ')}.</li>}
        <li>
          You have no role assignment on any subscription. Ask an administrator for a role such as Reader or Virtual
          Machine Contributor.
        </li>
        <li>The subscriptions are in a tenant you hid, or a tenant your account has not been added to.</li>
      </ul>
      <Button onClick={() => go('accounts')}>Go to Accounts</Button>
    </EmptyState>
  );
}

function NoVms() {
  const go = useNavigationStore((state) => state.go);
  const subscriptions = useInventory((state) => state.subscriptions);
  const running = useInventory((state) => state.progress?.state === 'running');
  const online = useOnline();
  if (running) return <Spinner size="small" label="Listing virtual machines…" labelPosition="after" />;
  const total = subscriptions.size;
  let hidden = 0;
  let failed = 0;
  for (const sub of subscriptions.values()) {
    if (sub.hidden) hidden += 1;
    else if (sub.status === 'error' || sub.status === 'needs_sign_in' || sub.status === 'throttled') failed += 1;
  }
  return (
    <EmptyState title="No virtual machines">
      <Text>
        None of your {total} {total === 1 ? 'subscription has' : 'subscriptions have'} virtual machines that Cloud Desk
        could list.
        {/* Offline the chips above are hidden (the banner says why): point to where the reasons are. */}
        {failed ? ` ${failed} could not be listed (see ${online ? 'above' : 'Subscriptions'}).` : ''}
        {hidden ? ` ${hidden} ${hidden === 1 ? 'is' : 'are'} hidden.` : ''}
      </Text>
      <Button onClick={() => go('subscriptions')}>Go to Subscriptions</Button>
    </EmptyState>
  );
}
