// What the operations service asks of the rest of main: the inventory (facts about VMs and subscriptions, and
// re-checking power states from Azure) and the accounts (a credential per account and tenant). Production
// passes the inventory and accounts services; no Electron imports.
import type { TokenCredential } from '@azure/core-auth';
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';

export interface InventoryPort {
  vm(id: string): Vm | undefined;
  subscription(id: string): SubscriptionSummary | undefined;
  /** Asks Azure for these VMs' power states now (the inventory's fast re-check); rows change through its patches. */
  recheck(vmIds: readonly string[]): Promise<void>;
  /** Called with VM rows the inventory changed (from Azure). */
  onVmsChanged(listener: (vms: readonly Vm[]) => void): () => void;
}

export interface AccountsPort {
  /** Throws a ServiceError (not_found) when the account is no longer connected. */
  credentialFor(accountId: string, tenantId: string): TokenCredential;
  /** The account's user name (or client id), as messages and the activity log show it. */
  accountName(accountId: string): string | undefined;
}
