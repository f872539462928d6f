// The Sign-in settings' fields: the ids other views use to send the user to them, and the checks a value must pass
// before it is saved. Pure; main validates again against the contract.
import { isGuid } from '../../../preload/contract';
export const clientIdFieldId = 'settings-client-id';
export const weakStorageFieldId = 'settings-weak-storage';

const tenantPattern = /^[A-Za-z0-9.-]{1,253}$/;

export function checkClientId(value: string): string | null {
  if (value === '' || isGuid(value)) return null;
  return 'The Application (client) ID is a GUID, like 00000000-0000-0000-0000-000000000000. Leave it empty to clear it.';
}

export function checkDefaultTenant(value: string): string | null {
  if (value === '') return 'Enter organizations, a tenant ID or a domain.';
  if (tenantPattern.test(value)) return null;
  return 'Use organizations, a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.';
}
