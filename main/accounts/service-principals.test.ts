// Service principals with a fake ARM: the label becomes the name, the home tenant from /tenants makes the id,
// and a wrong secret or certificate is invalid_input naming the field with the AADSTS code in words.
import type { TokenCredential } from '@azure/core-auth';
import { describe, expect, it } from 'vitest';
import { classifyAuthError } from '../auth/auth-errors.js';
import type { TenantRecord } from '../azure/tenants.js';
import { FakeTime, RecordingLogger } from '../testing/fakes.js';
import { exampleCloud } from '../testing/account-fixtures.js';
import { AccountRegistry } from './account-registry.js';
import { CloudCatalog } from './cloud-catalog.js';
import { LiveState } from './live-state.js';
import { ServicePrincipals } from './service-principals.js';
import { testVault } from '../testing/vault.js';

const cloud = exampleCloud;
const clientId = '5ec2e700-aaaa-4b1c-9d2e-3f4a5b6c7d01';
const tenantId = '6f1c2a4e-8b3d-4c7a-9e21-5d0b7f3a1c01';

async function setup(listing: () => Promise<TenantRecord[]>) {
  const time = new FakeTime();
  const logger = new RecordingLogger();
  const vault = await testVault({ clock: time, logger });
  const registry = new AccountRegistry(vault, logger);
  await registry.load();
  const forgotten: string[] = [];
  const readied: string[] = [];
  const live = new LiveState();
  const id = `sp:${tenantId}:${clientId}`;
  const principals = new ServicePrincipals({
    registry,
    catalog: new CloudCatalog({
      clouds: () => [cloud],
      signInSettings: () => ({ clientId: '', defaultTenant: 'organizations' }),
    }),
    tenants: {
      markReady: (_accountId, tenantId) => {
        readied.push(`${tenantId} checking=${String(live.of(id).checkingTenants.has(tenantId))}`);
        return Promise.resolve();
      },
      recordProblem: () => Promise.resolve(),
    },
    live,
    credentialFor: (): TokenCredential => ({ getToken: () => Promise.resolve(null) }),
    forgetCredential: (id) => forgotten.push(id),
    listTenants: listing,
    classify: (error) => classifyAuthError(error),
    publish: () => {},
    clock: time,
  });
  return { principals, registry, forgotten, readied, live };
}

const entraError = (message: string): Error => Object.assign(new Error(message), { errorCode: 'invalid_client' });

describe('ServicePrincipals.add', () => {
  it('stores the principal under its label, keyed by the home tenant /tenants answers', async () => {
    const { principals, registry, forgotten } = await setup(() =>
      Promise.resolve([{ tenantId, displayName: 'Contoso', category: 'Home' }]),
    );
    const id = await principals.add({
      cloudId: 'azure',
      tenantId: 'contoso.example',
      clientId,
      label: 'Build agent',
      credential: { kind: 'secret', secret: 's3cret' },
    });
    expect(id).toBe(`sp:${tenantId}:${clientId}`);
    expect(registry.find(id)).toMatchObject({
      name: 'Build agent',
      homeTenantId: tenantId,
      tenants: [{ tenantId, status: 'ready', checkedAt: '2026-11-30T12:00:00.000Z' }],
    });
    // The probe's credential and any earlier one for this id are not reused.
    expect(forgotten).toEqual([`probe:sp:contoso.example:${clientId}`, id]);
  });

  it('says a wrong secret was not accepted, names the field, and stores nothing', async () => {
    const { principals, registry } = await setup(() =>
      Promise.reject(entraError('AADSTS7000215: Invalid client secret provided. Trace ID: x')),
    );
    await expect(
      principals.add({ cloudId: 'azure', tenantId, clientId, credential: { kind: 'secret', secret: 'wrong' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('The secret was not accepted for this app (AADSTS7000215)'),
      detail: 'credential.secret',
    });
    expect(registry.all()).toEqual([]);
  });

  it('says a certificate the app does not know was not accepted, naming the PFX field for a PFX', async () => {
    const { principals } = await setup(() =>
      Promise.reject(entraError('AADSTS700027: Client assertion failed signature validation.')),
    );
    const pem =
      '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\ny\n-----END PRIVATE KEY-----';
    await expect(
      principals.add({
        cloudId: 'azure',
        tenantId,
        clientId,
        credential: { kind: 'certificate', certificatePem: pem },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', detail: 'credential.certificatePem' });
  });
});

describe('ServicePrincipals.check', () => {
  it('shows its tenants as checking while the token call runs, then not', async () => {
    const { principals, registry, readied, live } = await setup(() =>
      Promise.resolve([{ tenantId, displayName: 'Contoso', category: 'Home' }]),
    );
    const id = await principals.add({
      cloudId: 'azure',
      tenantId,
      clientId,
      credential: { kind: 'secret', secret: 's' },
    });
    const account = registry.find(id);
    if (account?.kind !== 'service_principal') throw new Error('expected a service principal');
    await principals.check(account);
    expect(readied).toEqual([`${tenantId} checking=true`]);
    expect(live.of(id).checkingTenants.size).toBe(0);
  });
});
