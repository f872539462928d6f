// A subscription's state and listing status in words: the badge label and colour and, where there is one, the
// sentence that says what went wrong and what to do. The one place these codes become words.
import type { SubscriptionState, SubscriptionSummary } from '../../../preload/contract-inventory';
import { formatAge, formatAsOf, formatClock } from '../../components/age';

export interface StatusText {
  label: string;
  color: 'success' | 'warning' | 'danger' | 'informative' | 'subtle';
  message?: string;
}

const states: Record<SubscriptionState, StatusText> = {
  Enabled: { label: 'Enabled', color: 'success' },
  Warned: { label: 'Warned', color: 'warning', message: 'Azure warned this subscription (e.g. a payment problem).' },
  PastDue: { label: 'Past due', color: 'warning', message: 'A payment is past due.' },
  Disabled: { label: 'Disabled', color: 'subtle', message: 'Disabled in Azure: its VMs are not listed.' },
  Expired: { label: 'Expired', color: 'subtle', message: 'Expired: its VMs are not listed.' },
  Deleted: { label: 'Deleted', color: 'subtle', message: 'Deleted in Azure: its VMs are not listed.' },
};

export function describeSubscriptionState(state: SubscriptionState): StatusText {
  return states[state];
}

/** How the subscription's VM listing stands; `now` words the throttle's end and the last listing's age. */
export function describeSubscriptionStatus(sub: SubscriptionSummary, now: number): StatusText {
  switch (sub.status) {
    case 'ok':
      return {
        label: 'Listed',
        color: 'success',
        ...(sub.fetchedAt ? { message: `VMs listed ${formatAge(sub.fetchedAt, now)}.` } : {}),
      };
    case 'loading':
      return { label: 'Listing…', color: 'informative' };
    case 'error':
      return {
        // Unreachable is not Azure refusing: no alarm colour for what the connection (or its return) fixes.
        ...(sub.error?.code === 'offline'
          ? { label: 'Not reached', color: 'warning' as const }
          : { label: 'Error', color: 'danger' as const }),
        message: `${sub.error?.message ?? 'Cloud Desk could not list this subscription’s VMs.'}${rowsAge(sub, now)}`,
      };
    case 'needs_sign_in':
      return {
        label: 'Sign-in needed',
        color: 'warning',
        message: `${sub.error?.message ?? 'Its tenant needs you to sign in again (Accounts).'}${rowsAge(sub, now)}`,
      };
    case 'throttled':
      return {
        label: 'Throttled',
        color: 'warning',
        message: sub.throttledUntil
          ? `Azure is limiting requests for this subscription and asked Cloud Desk to wait until ` +
            `${formatClock(sub.throttledUntil, now)} (${formatWait(sub.throttledUntil, now)}).${rowsAge(sub, now)}`
          : `${sub.error?.message ?? 'Azure asked Cloud Desk to slow down.'}${rowsAge(sub, now)}`,
      };
    case 'not_listed':
      return {
        label: sub.hidden ? 'Hidden' : 'Not listed',
        color: 'subtle',
        message: sub.hidden
          ? 'Hidden: Cloud Desk does not list its VMs.'
          : (states[sub.state].message ?? 'Cloud Desk does not list its VMs.'),
      };
  }
}

/** A failed listing keeps the previous rows: say how old they are (or that there are none yet). */
function rowsAge(sub: SubscriptionSummary, now: number): string {
  if (!sub.powerFetchedAt) return ' Its VMs have not been listed yet.';
  return ` The VMs shown for it are as of ${formatAsOf(sub.powerFetchedAt, now)}.`;
}

/** "in 20 min", or "any moment now" once the time has passed. */
function formatWait(iso: string, now: number): string {
  const minutes = Math.ceil((Date.parse(iso) - now) / 60_000);
  if (minutes <= 0) return 'any moment now';
  if (minutes < 120) return `in ${minutes} min`;
  return `in ${Math.round(minutes / 60)} h`;
}

/** Whether the subscription's last listing failed in a way the user should see beside the grid. */
export function hasProblem(sub: SubscriptionSummary): boolean {
  return !sub.hidden && (sub.status === 'error' || sub.status === 'needs_sign_in' || sub.status === 'throttled');
}

/**
 * The header's "Last refreshed" line: when the last full sweep ended and, when some subscriptions failed in it
 * (or since), how many, and how many tenants' subscription lists failed, so a sweep that confirmed nothing does
 * not read as "refreshed just now".
 */
export function describeLastRefresh(
  lastFullSweepAt: string | undefined,
  subscriptions: Iterable<SubscriptionSummary>,
  now: number,
  failedTenants = 0,
): string {
  if (!lastFullSweepAt) return 'Not refreshed yet';
  let listable = 0;
  let failed = 0;
  for (const sub of subscriptions) {
    if (sub.status === 'not_listed' || sub.hidden) continue;
    listable += 1;
    // A subscription a running refresh is listing again keeps the error it had: until it answers, the last
    // refresh's count stands (and the live region does not count down as the sweep reaches each one).
    if (hasProblem(sub) || (sub.status === 'loading' && sub.error !== undefined)) failed += 1;
  }
  const parts = [`Last refreshed ${formatAsOf(lastFullSweepAt, now)}`];
  if (failed > 0) parts.push(`${failed} of ${listable} ${listable === 1 ? 'subscription' : 'subscriptions'} failed`);
  if (failedTenants > 0)
    parts.push(`${failedTenants} ${failedTenants === 1 ? 'tenant listing' : 'tenant listings'} failed`);
  return parts.join('; ');
}
