// The tenants whose subscription list the last sweep could not read, in the user's words: which tenant, through
// which account, what Azure said, and since when. Often no subscription row stands for such a tenant (its first
// sweep), so without a line of its own the views would read as complete with fewer subscriptions.
import type { AccountSummary } from '../../../preload/contract';
import { accountLabel } from '../vms/use-vm-rows';
import type { ListingFailure } from '../../../preload/contract-inventory';

export interface FailedListing {
  accountId: string;
  tenantId: string;
  tenantName: string;
  /** Who reaches it: the user name, or the service principal's name. */
  accountName: string;
  kind: ListingFailure['kind'];
  /** What the user reads: which tenant could not be listed, and why. */
  sentence: string;
  /** When the listing failed. */
  at: string;
}

export function failedListings(
  accounts: readonly AccountSummary[],
  failures: readonly ListingFailure[],
): FailedListing[] {
  return failures.flatMap((failure) => {
    // Main drops a signed-out account's failures; until that patch arrives, one without its account is not shown.
    const account = accounts.find((candidate) => candidate.id === failure.accountId);
    if (!account) return [];
    const tenantName = account.tenants.find((t) => t.tenantId === failure.tenantId)?.displayName ?? failure.tenantId;
    const accountName = accountLabel(account);
    return [
      {
        accountId: failure.accountId,
        tenantId: failure.tenantId,
        tenantName,
        accountName,
        kind: failure.kind,
        sentence: `Subscriptions of tenant ${tenantName} (${accountName}) couldn't be listed: ${failure.error.message}`,
        at: failure.at,
      },
    ];
  });
}
