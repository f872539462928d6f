// What a screen reader hears when a sign-in completes: who connected and how many tenants need attention, in one
// sentence ("Alice Example connected: 3 tenants, 1 needs sign-in"), kept only while it is still true. Pure, so the
// words are tested once.
import type { AccountSummary } from '../../../preload/contract';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How the account's visible tenants stand: "3 tenants, 1 needs sign-in" or "2 tenants, all ready". */
export function tenantTally(account: AccountSummary): string {
  const visible = account.tenants.filter((tenant) => !tenant.hidden);
  const needSignIn = visible.filter((tenant) => tenant.status === 'needs_sign_in').length;
  const failing = visible.filter((tenant) => tenant.status === 'error').length;
  const parts = [plural(visible.length, 'tenant', 'tenants')];
  if (needSignIn > 0) parts.push(`${needSignIn} ${needSignIn === 1 ? 'needs' : 'need'} sign-in`);
  if (failing > 0) parts.push(`${failing} could not be checked`);
  if (needSignIn === 0 && failing === 0 && visible.length > 0) parts.push(visible.length === 1 ? 'ready' : 'all ready');
  return parts.join(', ');
}

/** The sentence for a finished sign-in: to a new account, or to one tenant of an account. */
export function signInAnnouncement(account: AccountSummary, tenantId?: string): string {
  const tenant = tenantId ? account.tenants.find((candidate) => candidate.tenantId === tenantId) : undefined;
  if (!tenant) return `${account.name} connected: ${tenantTally(account)}.`;
  const state = tenant.status === 'ready' ? 'is ready' : 'still needs attention';
  return `Signed in to ${tenant.displayName}, which ${state}. ${account.name}: ${tenantTally(account)}.`;
}

/**
 * The finished sign-in's sentence while it still describes the account: a live region keeps its text, and a screen
 * reader user who reads it later must not hear "all ready" about tenants that have since lost their sign-in. Empty
 * once the account changed (a tenant needs sign-in again, the account was removed): emptying a polite region
 * announces nothing.
 */
export function standingAnnouncement(
  completed: { accountId: string; tenantId?: string; announcement: string } | undefined,
  accounts: readonly AccountSummary[],
): string {
  if (!completed) return '';
  const account = accounts.find((candidate) => candidate.id === completed.accountId);
  if (!account) return '';
  return signInAnnouncement(account, completed.tenantId) === completed.announcement ? completed.announcement : '';
}
