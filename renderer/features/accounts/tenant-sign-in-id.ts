// Element ids in Accounts another view can send the keyboard to. The id of a tenant's "Sign in to this tenant" button in Accounts, so another view can send the user
// straight to it (the VMs and Subscriptions views' "Sign in" on a tenant or subscription waiting for a sign-in).
export function tenantSignInId(accountId: string, tenantId: string): string {
  return `tenant-sign-in-${accountId}-${tenantId}`;
}

/** An account card's heading: where "Open Accounts" lands for an account with no sign-in button (a service principal). */
export function accountHeadingId(accountId: string): string {
  return `account-heading-${accountId}`;
}
