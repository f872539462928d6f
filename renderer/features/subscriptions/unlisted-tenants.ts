// The tenants a sweep cannot list (waiting for a sign-in, or failing) whose subscriptions the inventory does not
// hold: no subscription row stands for them, so without a word of their own the views would read as complete
// (a tenant that asks for MFA at the first sign-in would simply be missing from the VM count).
import type { AccountSummary } from '../../../preload/contract';
import { accountLabel } from '../vms/use-vm-rows';
import type { SubscriptionSummary } from '../../../preload/contract-inventory';

export interface UnlistedTenant {
  accountId: string;
  tenantId: string;
  tenantName: string;
  /** Who reaches it: the user name, or the service principal's name. */
  accountName: string;
  /** What the user reads: what stops the listing and what to do. */
  sentence: string;
  /** A Microsoft account signs in to the tenant from Accounts; a service principal's secret or certificate is fixed there. */
  canSignIn: boolean;
}

export function unlistedTenants(
  accounts: readonly AccountSummary[],
  subscriptions: Iterable<SubscriptionSummary>,
): UnlistedTenant[] {
  const held = new Set<string>();
  for (const sub of subscriptions) for (const path of sub.accessPaths) held.add(`${path.accountId}|${path.tenantId}`);
  return accounts.flatMap((account) =>
    account.tenants
      .filter(
        (tenant) =>
          !tenant.hidden &&
          (tenant.status === 'needs_sign_in' || tenant.status === 'error') &&
          !held.has(`${account.id}|${tenant.tenantId}`),
      )
      .map((tenant) => {
        const accountName = accountLabel(account);
        const why =
          tenant.status === 'needs_sign_in'
            ? 'This tenant needs you to sign in again before Cloud Desk can list its subscriptions and VMs.'
            : `${tenant.message ?? 'Cloud Desk could not reach this tenant.'} Its subscriptions and VMs are not listed.`;
        return {
          accountId: account.id,
          tenantId: tenant.tenantId,
          tenantName: tenant.displayName,
          accountName,
          sentence: `${tenant.displayName} (${accountName}): ${why}`,
          canSignIn: account.kind === 'user',
        };
      }),
  );
}
