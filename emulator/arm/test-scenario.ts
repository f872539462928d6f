// A small world for the ARM tests: two tenants, a guest user, a reader, a VM-scoped service principal,
// an enabled, a disabled and an unreachable subscription, and enough VMs to span several pages.
// Test-only data; nothing else should depend on these ids.
import type { ScenarioInput } from '../scenario.js';

export const ids = {
  contoso: '11111111-1111-4111-8111-111111111111',
  fabrikam: '22222222-2222-4222-8222-222222222222',
  alice: 'aaaaaaaa-0000-4000-8000-000000000001',
  bob: 'bbbbbbbb-0000-4000-8000-000000000002',
  spClient: 'cccccccc-0000-4000-8000-000000000003',
  spObject: 'dddddddd-0000-4000-8000-000000000004',
  prod: '5a000000-0000-4000-8000-000000000001',
  legacy: '5b000000-0000-4000-8000-000000000002',
  fabrikamSub: '5c000000-0000-4000-8000-000000000003',
  hidden: '5d000000-0000-4000-8000-000000000004',
} as const;

/** VMs in the prod subscription: enough for pages of 5, 0, 3, 5, 5, 5 with pageSize 5. */
export const prodVmCount = 23;

export function testScenario(): ScenarioInput {
  const prodVms = Array.from({ length: prodVmCount }, (_, i) => ({
    subscriptionId: ids.prod,
    resourceGroup: i % 2 === 0 ? 'rg-web' : 'rg-Data',
    name: `vm-${String(i).padStart(2, '0')}`,
    size: i % 3 === 0 ? 'Standard_D2s_v5' : 'Standard_B2ms',
    os: i % 4 === 0 ? ('Windows' as const) : ('Linux' as const),
    image:
      i % 4 === 0
        ? {
            publisher: 'MicrosoftWindowsServer',
            offer: 'WindowsServer',
            sku: '2022-datacenter-azure-edition',
          }
        : { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' },
    location: 'westeurope',
    ...(i % 5 === 0 ? { zone: '1' } : {}),
    tags: { env: 'prod', index: String(i) },
    powerState: i % 3 === 0 ? ('deallocated' as const) : ('running' as const),
    // One VM that may hibernate (vm-16).
    hibernationEnabled: i === 16,
  }));
  return {
    name: 'arm-tests',
    tenants: [
      { id: ids.contoso, displayName: 'Contoso', defaultDomain: 'contoso.example' },
      { id: ids.fabrikam, displayName: 'Fabrikam', defaultDomain: 'fabrikam.example', countryCode: 'DE' },
    ],
    users: [
      {
        id: ids.alice,
        username: 'alice@contoso.example',
        displayName: 'Alice',
        password: 'pw',
        homeTenant: ids.contoso,
        guestTenants: [ids.fabrikam],
      },
      {
        id: ids.bob,
        username: 'bob@contoso.example',
        displayName: 'Bob',
        password: 'pw',
        homeTenant: ids.contoso,
      },
    ],
    applications: [
      {
        clientId: ids.spClient,
        displayName: 'automation',
        homeTenant: ids.contoso,
        kind: 'confidential',
        objectId: ids.spObject,
        secrets: ['secret-secret'],
      },
    ],
    subscriptions: [
      { id: ids.prod, tenantId: ids.contoso, displayName: 'Contoso Prod' },
      { id: ids.legacy, tenantId: ids.contoso, displayName: 'Contoso Legacy', state: 'Disabled' },
      { id: ids.fabrikamSub, tenantId: ids.fabrikam, displayName: 'Fabrikam Dev' },
      { id: ids.hidden, tenantId: ids.contoso, displayName: 'Contoso Secret' },
    ],
    resourceGroups: [
      { subscriptionId: ids.prod, name: 'rg-web', location: 'westeurope', tags: { Environment: 'Production' } },
      { subscriptionId: ids.prod, name: 'rg-Data', location: 'westeurope', tags: { env: 'dev', owner: 'data' } },
      { subscriptionId: ids.legacy, name: 'rg-old', location: 'eastus' },
      { subscriptionId: ids.fabrikamSub, name: 'rg-fab', location: 'germanywestcentral' },
      { subscriptionId: ids.hidden, name: 'rg-secret', location: 'eastus' },
    ],
    vms: [
      ...prodVms,
      {
        subscriptionId: ids.legacy,
        resourceGroup: 'rg-old',
        name: 'old-1',
        size: 'Standard_A1_v2',
        os: 'Linux',
        image: { publisher: 'Canonical', offer: 'ubuntu', sku: '18.04-LTS' },
        location: 'eastus',
        powerState: 'running',
      },
      {
        subscriptionId: ids.fabrikamSub,
        resourceGroup: 'rg-fab',
        name: 'fab-1',
        size: 'Standard_B1s',
        os: 'Linux',
        image: { publisher: 'Canonical', offer: 'ubuntu', sku: '22.04-LTS' },
        location: 'germanywestcentral',
        powerState: 'stopped',
      },
      {
        subscriptionId: ids.hidden,
        resourceGroup: 'rg-secret',
        name: 'secret-1',
        size: 'Standard_B1s',
        os: 'Linux',
        image: { publisher: 'Canonical', offer: 'ubuntu', sku: '22.04-LTS' },
        location: 'eastus',
        powerState: 'running',
      },
    ],
    roleAssignments: [
      { principalId: ids.alice, role: 'Owner', scope: `/subscriptions/${ids.prod}` },
      { principalId: ids.alice, role: 'Reader', scope: `/subscriptions/${ids.legacy}` },
      {
        principalId: ids.alice,
        role: 'Virtual Machine Contributor',
        scope: `/subscriptions/${ids.fabrikamSub}/resourceGroups/rg-fab`,
      },
      { principalId: ids.bob, role: 'Reader', scope: `/subscriptions/${ids.prod}` },
      { principalId: ids.bob, role: 'Owner', scope: `/subscriptions/${ids.legacy}` },
      {
        principalId: ids.spObject,
        role: 'Virtual Machine Contributor',
        scope: `/subscriptions/${ids.prod}/resourceGroups/RG-WEB/providers/Microsoft.Compute/virtualMachines/vm-02`,
      },
    ],
  };
}
