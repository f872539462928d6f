// The element id of a tenant's "Sign in to this tenant" button in Accounts, so another view can send the user
// straight to it (the VMs and Subscriptions views' "Sign in" on a tenant or subscription waiting for a sign-in).
export function tenantSignInId(accountId: string, tenantId: string): string {
  return `tenant-sign-in-${accountId}-${tenantId}`;
}
