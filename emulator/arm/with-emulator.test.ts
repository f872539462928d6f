// ARM inside the whole emulator: a real client-credentials token from the emulator's Entra ID
// (@azure/identity ClientSecretCredential) used by the real SDK clients against the demo scenario.
import { readFileSync } from 'node:fs';

import { ComputeManagementClient } from '@azure/arm-compute';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { RestError } from '@azure/core-rest-pipeline';
import { ClientSecretCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type RunningEmulator } from '../index.js';
import { scenarioSchema } from '../scenario.js';

const demo = scenarioSchema.parse(JSON.parse(readFileSync(new URL('../scenarios/demo.json', import.meta.url), 'utf8')));
const reader = demo.applications.find((a) => a.displayName === 'cloud-desk-inventory-reader');
const [firstSub] = demo.subscriptions;

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo', arm: { transitionMs: 200, lroRetryAfterSeconds: 0 } });
});
afterAll(async () => emu.close());

function credential(): ClientSecretCredential {
  if (reader === undefined || firstSub === undefined) throw new Error('demo scenario changed');
  return new ClientSecretCredential(reader.homeTenant, reader.clientId, reader.secrets[0] ?? '', {
    authorityHost: emu.authority,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emu.caPem },
  });
}

function clientOptions(): { endpoint: string; tlsOptions: { ca: string } } {
  return { endpoint: emu.arm, tlsOptions: { ca: emu.caPem } };
}

describe('ARM in the emulator with a client-credentials token', () => {
  it("lists the service principal's tenant and the subscriptions it has roles in", async () => {
    const client = new SubscriptionClient(credential(), clientOptions());
    const tenants = [];
    for await (const t of client.tenants.list()) tenants.push(t.tenantId);
    expect(tenants).toEqual([reader?.homeTenant]);
    const subs = [];
    for await (const s of client.subscriptions.list()) subs.push(s.subscriptionId);
    expect(subs.sort()).toEqual(['1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a01', '1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a02']);
  });

  it('lists every VM of a subscription across pages and refuses a Reader power action', async () => {
    const subscriptionId = firstSub?.id ?? '';
    const client = new ComputeManagementClient(credential(), subscriptionId, clientOptions());
    const names: string[] = [];
    for await (const vm of client.virtualMachines.listAll()) names.push(vm.name ?? '');
    const expected = demo.vms.filter((v) => v.subscriptionId === subscriptionId);
    expect(names).toHaveLength(expected.length);
    const target = expected[0];
    if (target === undefined) throw new Error('demo subscription has no VMs');
    try {
      await client.virtualMachines.beginStartAndWait(target.resourceGroup, target.name);
      expect.unreachable('a Reader must not start a VM');
    } catch (error) {
      expect(error).toBeInstanceOf(RestError);
      expect((error as RestError).statusCode).toBe(403);
      expect((error as RestError).code).toBe('AuthorizationFailed');
      expect((error as RestError).message).toContain(
        `The client '${reader?.clientId}' with object id '${reader?.objectId}'`,
      );
    }
  });
});
