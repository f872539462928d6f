// Test support: the operations service against the emulator's ARM through the real SDK, for the operations
// integration tests and the power benchmark. One tenant and one user who owns every subscription, each with
// running Linux VMs; the service gets an in-memory vault and activity log and a connectivity that is always
// online, so what the tests measure is the service and ARM, nothing else.
import type { TokenCredential } from '@azure/core-auth';
import { finishedStates, type Operation } from '../../../preload/contract-operations.js';
import { testSubscription } from '../../../preload/testing/inventory-fixtures.js';
import { armAudience, type Harness } from '../../../emulator/arm/test-harness.js';
import type { ScenarioInput } from '../../../emulator/scenario.js';
import { ActivityLog } from '../../activity/activity-log.js';
import type { CloudEndpoints } from '../../clouds.js';
import { CloudConnectivity } from '../../net/connectivity.js';
import { testNetwork } from '../../net/testing/network.js';
import { systemClock } from '../../system-clock.js';
import { idleScheduler } from '../../testing/accounts-harness.js';
import { RecordingLogger } from '../../testing/fakes.js';
import { OperationsService, type OperationsTuning } from '../operations-service.js';
import { ArmInventory } from './arm-inventory.js';
import { testVault } from '../../testing/vault.js';

const tenant = '11111111-1111-4111-8111-111111111111';
const user = 'aaaaaaaa-0000-4000-8000-000000000001';
const userName = 'ops@contoso.example';
const accountId = 'ops';

export interface OwnedSubscription {
  id: string;
  displayName: string;
  /** Running Linux VMs in its resource group `rg`, named vm-0, vm-1, … */
  vms: number;
}

/** One tenant, one user who owns every subscription, and each subscription's running VMs. */
export function ownedVmsScenario(name: string, subscriptions: readonly OwnedSubscription[]): ScenarioInput {
  return {
    name,
    tenants: [{ id: tenant, displayName: 'Contoso', defaultDomain: 'contoso.example' }],
    users: [{ id: user, username: userName, displayName: 'Ops', password: 'pw', homeTenant: tenant }],
    subscriptions: subscriptions.map((s) => ({ id: s.id, tenantId: tenant, displayName: s.displayName })),
    resourceGroups: subscriptions.map((s) => ({ subscriptionId: s.id, name: 'rg', location: 'westeurope' })),
    vms: subscriptions.flatMap((s) =>
      Array.from({ length: s.vms }, (_, n) => ({
        subscriptionId: s.id,
        resourceGroup: 'rg',
        name: `vm-${n}`,
        size: 'Standard_B2s',
        os: 'Linux' as const,
        image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' },
        location: 'westeurope',
        powerState: 'running' as const,
      })),
    ),
    roleAssignments: subscriptions.map((s) => ({
      principalId: user,
      role: 'Owner' as const,
      scope: `/subscriptions/${s.id}`,
    })),
  };
}

/** The emulator's ARM as a custom cloud. */
export function armCloud(h: Harness): CloudEndpoints {
  return {
    id: 'emulator',
    name: 'Emulator',
    kind: 'custom',
    authorityHost: 'https://localhost',
    armEndpoint: h.baseUrl,
    armAudience,
    caPem: h.caPem,
  };
}

/** A token credential for the scenario's user, as ARM's clients take it. */
export function ownerCredential(h: Harness): TokenCredential {
  return h.credential(() => h.mint({ tid: tenant, oid: user }));
}

export interface ArmOperations {
  service: OperationsService;
  inventory: ArmInventory;
  cloud: CloudEndpoints;
}

/**
 * Lists each subscription's VMs from ARM into an inventory and builds an OperationsService on it (not started:
 * there is nothing pending to resume), acting as the scenario's user.
 */
export async function operationsAgainstArm(
  h: Harness,
  subscriptions: readonly OwnedSubscription[],
  tuning: Partial<OperationsTuning> = {},
): Promise<ArmOperations> {
  const cloud = armCloud(h);
  const credential = () => ownerCredential(h);
  const inventory = new ArmInventory(cloud, credential);
  for (const s of subscriptions) {
    await inventory.load(
      testSubscription({
        id: s.id,
        displayName: s.displayName,
        tenantId: tenant,
        cloudId: cloud.id,
        accessPaths: [{ accountId, tenantId: tenant }],
        actingAccountId: accountId,
        vmCount: s.vms,
      }),
    );
  }
  const logger = new RecordingLogger();
  const vault = await testVault({ logger });
  const service = new OperationsService({
    inventory,
    accounts: { credentialFor: credential, accountName: () => userName },
    clouds: () => [cloud],
    connectivity: new CloudConnectivity({
      clock: systemClock,
      scheduler: idleScheduler,
      logger,
      probe: () => Promise.resolve(),
    }),
    network: testNetwork(),
    vault,
    activity: new ActivityLog({ vault, clock: systemClock, logger }),
    clock: systemClock,
    logger,
    tuning,
  });
  return { service, inventory, cloud };
}

/** Resolves with the operations once every one of them has finished (succeeded, failed or cancelled). */
export function whenFinished(service: OperationsService, ids: readonly string[]): Promise<Operation[]> {
  return new Promise((resolve) => {
    const check = (): void => {
      const ops = ids.flatMap((id) => service.registry.get(id) ?? []);
      if (ops.length === ids.length && ops.every((op) => finishedStates.has(op.state))) {
        unsubscribe();
        resolve(ops);
      }
    };
    const unsubscribe = service.registry.onChange(check);
    check();
  });
}
