// One slow subscription does not hold back the confirmation's count: against the whole emulator (its identity for a
// service principal's token, its fault injection for a slow answer), the check answers at its deadline with the
// subscriptions Azure answered, names the slow one "did not answer in time", and the slow list, once it arrives,
// is kept for the next confirmation.
import { ClientSecretCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import type { ScenarioInput } from '../../emulator/scenario.js';
import type { SubscriptionSummary, Vm } from '../../preload/contract-inventory.js';
import { customCloud, type CloudEndpoints } from '../clouds.js';
import { identityCredentialOptions } from '../net/arm-pipeline.js';
import { CloudConnectivity } from '../net/connectivity.js';
import { testNetwork } from '../net/testing/network.js';
import { systemClock, systemScheduler } from '../system-clock.js';
import { idleScheduler } from '../testing/accounts-harness.js';
import { RecordingLogger } from '../testing/fakes.js';
import { TargetCheckService } from './target-check.js';

const tenant = '31111111-1111-4111-8111-111111111111';
const app = { clientId: '3aaaaaaa-0000-4000-8000-000000000001', objectId: '3bbbbbbb-0000-4000-8000-000000000002' };
const secret = 'deadline-test-secret';
const subs = { quick: '3c000000-0000-4000-8000-000000000001', slow: '3d000000-0000-4000-8000-000000000002' } as const;
type SubKey = keyof typeof subs;

const scenario: ScenarioInput = {
  name: 'target-check-deadline',
  tenants: [{ id: tenant, displayName: 'Contoso', defaultDomain: 'contoso.example' }],
  applications: [
    {
      clientId: app.clientId,
      displayName: 'automation',
      homeTenant: tenant,
      kind: 'confidential',
      objectId: app.objectId,
      secrets: [secret],
    },
  ],
  subscriptions: [
    { id: subs.quick, tenantId: tenant, displayName: 'Quick' },
    { id: subs.slow, tenantId: tenant, displayName: 'Slow' },
  ],
  resourceGroups: [
    { subscriptionId: subs.quick, name: 'rg-quick', location: 'westeurope', tags: { environment: 'production' } },
    { subscriptionId: subs.slow, name: 'rg-slow', location: 'westeurope', tags: { environment: 'production' } },
  ],
  roleAssignments: (['quick', 'slow'] as const).map((key) => ({
    principalId: app.objectId,
    role: 'Reader' as const,
    scope: `/subscriptions/${subs[key]}`,
  })),
};

const accountId = `sp:${app.clientId}`;
let emu: RunningEmulator;
let cloud: CloudEndpoints;

function vm(sub: SubKey): Vm {
  const resourceId = `/subscriptions/${subs[sub]}/resourceGroups/rg-${sub}/providers/Microsoft.Compute/virtualMachines/${sub}-1`;
  return {
    provider: 'azure',
    id: resourceId.toLowerCase(),
    resourceId,
    name: `${sub}-1`,
    resourceGroup: `rg-${sub}`,
    subscriptionId: subs[sub],
    tenantId: tenant,
    location: 'westeurope',
    tags: {},
    powerState: 'running',
  };
}

function summary(key: SubKey): SubscriptionSummary {
  return {
    id: subs[key],
    displayName: key === 'quick' ? 'Quick' : 'Slow',
    state: 'Enabled',
    tenantId: tenant,
    cloudId: cloud.id,
    accessPaths: [{ accountId, tenantId: tenant }],
    actingAccountId: accountId,
    hidden: false,
    status: 'ok',
    vmCount: 1,
  };
}

function service(deadlineMs: number): TargetCheckService {
  const logger = new RecordingLogger();
  const network = testNetwork();
  const connectivity = new CloudConnectivity({
    clock: systemClock,
    scheduler: idleScheduler,
    logger,
    probe: () => Promise.resolve(),
  });
  const credential = new ClientSecretCredential(
    tenant,
    app.clientId,
    secret,
    identityCredentialOptions(cloud, connectivity.link(cloud.id), network),
  );
  const vms = new Map((['quick', 'slow'] as const).map((key) => [vm(key).id, vm(key)]));
  return new TargetCheckService({
    inventory: {
      vm: (id) => vms.get(id),
      subscription: (id) => (['quick', 'slow'] as const).map(summary).find((s) => s.id === id),
    },
    accounts: { credentialFor: () => credential, accountName: () => app.clientId },
    onAccountsChanged: () => () => undefined,
    clouds: () => [cloud],
    connectivity,
    network,
    clock: systemClock,
    scheduler: systemScheduler,
    logger,
    tuning: { deadlineMs },
  });
}

beforeAll(async () => {
  emu = await startEmulator({ scenario });
  cloud = customCloud(
    {
      name: 'Emulator',
      authorityHost: emu.authority,
      armEndpoint: emu.arm,
      armAudience: 'https://management.azure.com/',
      clientId: app.clientId,
    },
    emu.caPem,
  );
});
afterAll(() => emu.close());

describe('a slow subscription', () => {
  it('is named "did not answer in time" at the deadline while the others count, and is kept once it answers', async () => {
    const check = service(1_500);
    // The token first, so the deadline measures Azure's answer and not the sign-in.
    const ids = [vm('slow').id, vm('quick').id];
    await check.check({ vmIds: [vm('quick').id] });
    await emu.admin.addFaults([
      { method: 'GET', path: `/subscriptions/${subs.slow}/resourcegroups`, kind: 'slow', arg: 4_000 },
    ]);

    const result = await check.check({ vmIds: ids });
    expect(result.vms).toEqual([
      { vmId: vm('slow').id, reasons: [], resourceGroupChecked: false },
      {
        vmId: vm('quick').id,
        reasons: [{ kind: 'resource_group_tag', resourceGroup: 'rg-quick' }],
        resourceGroupChecked: true,
      },
    ]);
    expect(result.unchecked).toEqual([
      {
        subscriptionId: subs.slow,
        subscriptionName: 'Slow',
        error: {
          code: 'internal',
          message:
            'Azure did not answer in time: it may be busy, or the connection slow. Open the confirmation again in a ' +
            'moment to check once more.',
        },
      },
    ]);

    // The read went on: once the slow list arrived, the next confirmation counts it without asking again.
    const lists = (await emu.admin.requestLog()).recent.filter(
      (r) => r.path === `/subscriptions/${subs.slow}/resourcegroups`,
    );
    expect(lists).toHaveLength(0);
    await expect
      .poll(
        async () =>
          (await emu.admin.requestLog()).recent.some((r) => r.path === `/subscriptions/${subs.slow}/resourcegroups`),
        { timeout: 10_000 },
      )
      .toBe(true);
    const again = await check.check({ vmIds: ids });
    expect(again.unchecked).toEqual([]);
    expect(again.vms[0]?.reasons).toEqual([{ kind: 'resource_group_tag', resourceGroup: 'rg-slow' }]);
    expect(check.stats.lists).toBe(2);
  }, 20_000);
});
