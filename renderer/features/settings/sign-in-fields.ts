// The Sign-in settings' fields: the ids other views use to send the user to them, and the checks a value must pass
// before it is saved. Pure; main validates again against the contract.
export const clientIdFieldId = 'settings-client-id';
export const weakStorageFieldId = 'settings-weak-storage';

const guidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const tenantPattern = /^[A-Za-z0-9.-]{1,253}$/;

export function checkClientId(value: string): string | null {
  if (value === '' || guidPattern.test(value)) return null;
  return 'The Application (client) ID is a GUID, like 00000000-0000-0000-0000-000000000000. Leave it empty to clear it.';
}

export function checkDefaultTenant(value: string): string | null {
  if (value === '') return 'Enter organizations, a tenant ID or a domain.';
  if (tenantPattern.test(value)) return null;
  return 'Use organizations, a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.';
}
