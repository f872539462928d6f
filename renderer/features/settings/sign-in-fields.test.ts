// The Sign-in settings' checks agree with the contract: a GUID or nothing for the client id; organizations, a
// tenant id or a domain for the default tenant.
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../preload/contract';
import { checkClientId, checkDefaultTenant } from './sign-in-fields';

describe('sign-in field checks', () => {
  it.each(['', '0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1'])('accepts client id "%s" as the contract does', (value) => {
    expect(checkClientId(value)).toBeNull();
    expect(settingsSchema.shape.clientId.safeParse(value).success).toBe(true);
  });

  it.each(['abc', '0d35c0de-c10d-4dd5-a0e1'])('rejects client id "%s" with words', (value) => {
    expect(checkClientId(value)).toMatch(/is a GUID/);
    expect(settingsSchema.shape.clientId.safeParse(value).success).toBe(false);
  });

  it.each(['organizations', 'contoso.onmicrosoft.com', '6f1c2a4e-8b3d-4c7a-9e21-5d0b7f3a1c01'])(
    'accepts default tenant "%s"',
    (value) => {
      expect(checkDefaultTenant(value)).toBeNull();
      expect(settingsSchema.shape.defaultTenant.safeParse(value).success).toBe(true);
    },
  );

  it.each(['', 'contoso tenant', 'a/b'])('rejects default tenant "%s" with words', (value) => {
    expect(checkDefaultTenant(value)).not.toBeNull();
    expect(settingsSchema.shape.defaultTenant.safeParse(value).success).toBe(false);
  });
});
