// Chips above the grid for the subscriptions whose last listing failed: which one, what Azure said, and the way
// out (Retry that subscription only, or sign in from Accounts). Their VMs keep the rows of the last good listing.
// Before them, the tenants whose subscription list failed, and the tenants no subscription row stands for (a
// sign-in they wait for keeps all of theirs unlisted).
// Hidden while offline: the offline banner says why nothing is confirmed.
import { Badge, Button, Link, Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { ArrowSync16Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useNow } from '../../components/use-now';
import { useInventory, useInventoryPending } from '../../stores/inventory';
import { useAccountsStore } from '../../stores/accounts-store';
import { useNavigationStore } from '../../stores/navigation-store';
import { useOnline } from '../../stores/status-store';
import type { SubscriptionSummary } from '../../../preload/contract-inventory';
import { describeSubscriptionStatus, hasProblem } from '../subscriptions/subscription-status';
import { unlistedTenants } from '../subscriptions/unlisted-tenants';
import { failedListings, type FailedListing } from '../subscriptions/listing-failures';
import { formatAge } from '../../components/age';
import { accountHeadingId, tenantSignInId } from '../accounts/tenant-sign-in-id';

const shown = 4;

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyle: 'none' },
  chip: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    maxWidth: '100%',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  text: { minWidth: 0, maxWidth: '640px', overflowWrap: 'anywhere' },
  // Throttled and sign-in needed are waits, not failures: the border says so as the badge does.
  warning: { ...shorthands.borderColor(tokens.colorPaletteYellowBorder2) },
  // The label never gives way to a long sentence beside it.
  badge: { flexShrink: 0 },
  age: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
});

export function SubscriptionProblems() {
  const styles = useStyles();
  const subscriptions = useInventory((state) => state.subscriptions);
  const go = useNavigationStore((state) => state.go);
  const online = useOnline();
  const problems = useMemo(() => [...subscriptions.values()].filter(hasProblem), [subscriptions]);
  // Offline, every listing fails for the same reason the banner already gives, and none can be retried.
  if (problems.length === 0 || !online) return <UnlistedTenants />;
  return (
    <>
      <UnlistedTenants />
      <ul className={styles.list} aria-label="Subscriptions with problems">
        {problems.slice(0, shown).map((sub) => (
          <ProblemChip key={sub.id} sub={sub} />
        ))}
        {problems.length > shown && (
          <li className={styles.chip}>
            <Link as="button" onClick={() => go('subscriptions')}>
              {problems.length - shown} more in Subscriptions
            </Link>
          </li>
        )}
      </ul>
    </>
  );
}

/**
 * Chips for the tenants whose subscriptions are not listed: the ones whose subscription list failed (with Retry),
 * then the ones no subscription row stands for (with the way to Accounts).
 */
export function UnlistedTenants() {
  const styles = useStyles();
  const accounts = useAccountsStore((state) => state.accounts);
  const subscriptions = useInventory((state) => state.subscriptions);
  const failures = useInventory((state) => state.listingFailures);
  const online = useOnline();
  const tenants = useMemo(() => unlistedTenants(accounts, subscriptions.values()), [accounts, subscriptions]);
  const failed = useMemo(() => failedListings(accounts, failures), [accounts, failures]);
  if (!online) return null;
  return (
    <>
      {failed.length > 0 && (
        <ul className={styles.list} aria-label="Tenants whose subscriptions could not be listed">
          {failed.map((listing) => (
            <FailedListingChip key={`${listing.accountId}|${listing.tenantId}`} listing={listing} />
          ))}
        </ul>
      )}
      {tenants.length > 0 && <UnlistedTenantList tenants={tenants} />}
    </>
  );
}

/** "Sign in": to that tenant's sign-in button in Accounts. */
function SignInButton({
  accountId,
  tenantId,
  tenantName,
}: {
  accountId: string;
  tenantId: string;
  tenantName: string;
}) {
  const go = useNavigationStore((state) => state.go);
  return (
    <Button
      size="small"
      appearance="subtle"
      aria-label={`Sign in to ${tenantName} in Accounts`}
      onClick={() => go('accounts', tenantSignInId(accountId, tenantId))}
    >
      Sign in
    </Button>
  );
}

function FailedListingChip({ listing }: { listing: FailedListing }) {
  const styles = useStyles();
  const now = useNow(30_000);
  const refresh = useInventory((state) => state.refresh);
  const retrying = useInventoryPending('refresh');
  const running = useInventory((state) => state.progress?.state === 'running');
  const failure = listing.kind === 'error';
  return (
    <li
      className={mergeClasses(styles.chip, !failure && styles.warning)}
      aria-label={`${listing.tenantName} (${listing.accountName}): subscriptions not listed`}
    >
      <Badge appearance="tint" color={failure ? 'danger' : 'warning'} className={styles.badge}>
        Not listed
      </Badge>
      <Text size={200} className={styles.text}>
        {listing.sentence} <span className={styles.age}>Failed {formatAge(listing.at, now)}.</span>
      </Text>
      {listing.kind === 'needs_sign_in' ? (
        <SignInButton accountId={listing.accountId} tenantId={listing.tenantId} tenantName={listing.tenantName} />
      ) : (
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowSync16Regular />}
          // No request lists one tenant alone: Retry refreshes everything, which lists this tenant again.
          disabledFocusable={retrying || running}
          aria-label={`Retry listing the subscriptions of ${listing.tenantName}`}
          onClick={() => void refresh()}
        >
          Retry
        </Button>
      )}
    </li>
  );
}

function UnlistedTenantList({ tenants }: { tenants: ReturnType<typeof unlistedTenants> }) {
  const styles = useStyles();
  const go = useNavigationStore((state) => state.go);
  return (
    <ul className={styles.list} aria-label="Tenants not listed">
      {tenants.map((tenant) => (
        <li
          key={`${tenant.accountId}|${tenant.tenantId}`}
          className={mergeClasses(styles.chip, styles.warning)}
          aria-label={`${tenant.tenantName} (${tenant.accountName}): not listed`}
        >
          <Badge appearance="tint" color="warning" className={styles.badge}>
            Not listed
          </Badge>
          <Text size={200} className={styles.text}>
            {tenant.sentence}
          </Text>
          {tenant.canSignIn ? (
            <SignInButton accountId={tenant.accountId} tenantId={tenant.tenantId} tenantName={tenant.tenantName} />
          ) : (
            <Button
              size="small"
              appearance="subtle"
              aria-label={`Open ${tenant.accountName} in Accounts`}
              onClick={() => go('accounts', accountHeadingId(tenant.accountId))}
            >
              Open Accounts
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

function ProblemChip({ sub }: { sub: SubscriptionSummary }) {
  const styles = useStyles();
  const now = useNow(30_000);
  const online = useOnline();
  const refresh = useInventory((state) => state.refresh);
  const retrying = useInventoryPending(`refresh:${sub.id}`);
  const go = useNavigationStore((state) => state.go);
  const status = describeSubscriptionStatus(sub, now);
  const sentence = `${sub.displayName}: ${status.message ?? status.label}`;
  // Azure asked to wait: a retry before then is refused (main skips it), so it is not offered.
  const waiting = sub.status === 'throttled' && !!sub.throttledUntil && Date.parse(sub.throttledUntil) > now;
  return (
    <li
      className={mergeClasses(styles.chip, status.color !== 'danger' && styles.warning)}
      aria-label={`${sub.displayName}: ${status.label}`}
    >
      <Badge appearance="tint" color={status.color} className={styles.badge}>
        {status.label}
      </Badge>
      <Text size={200} className={styles.text}>
        {sentence}
      </Text>
      {sub.status === 'needs_sign_in' ? (
        <Button size="small" appearance="subtle" onClick={() => go('accounts', signInId(sub))}>
          Sign in
        </Button>
      ) : (
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowSync16Regular />}
          disabledFocusable={!online || retrying || waiting}
          aria-label={`Retry ${sub.displayName}`}
          onClick={() => void refresh([sub.id])}
        >
          Retry
        </Button>
      )}
    </li>
  );
}

/** The sign-in button in Accounts of the path that acts on the subscription (the tenant that needs the sign-in). */
function signInId(sub: SubscriptionSummary): string | undefined {
  const acting = sub.accessPaths.find((path) => path.accountId === sub.actingAccountId) ?? sub.accessPaths[0];
  return acting ? tenantSignInId(acting.accountId, acting.tenantId) : undefined;
}
