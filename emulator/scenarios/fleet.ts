// The built-in `fleet` scenario: a large estate generated deterministically from a seed (same seed, same
// fleet), for scale tests and benchmarks. Emulator-only data; the passwords and secrets are not real.
import type { Scenario, ScenarioInput } from '../scenario.js';
import { parseScenario, powerStates } from '../scenario.js';

export interface FleetOptions {
  seed: number;
  tenants: number;
  subscriptions: number;
  vms: number;
}

export const defaultFleetOptions: FleetOptions = { seed: 1, tenants: 12, subscriptions: 200, vms: 10_000 };

/** The same Cloud Desk client id as the demo scenario, so one app configuration works against both. */
export const fleetClientId = '0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1';
export const fleetUser = { username: 'ops@fleet.test', password: 'Fleet#Demo1' };

/** mulberry32: tiny, fast and good enough for reproducible test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function guidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(rand() * 4) + 8) as number).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const regions = ['westeurope', 'northeurope', 'eastus', 'eastus2', 'westus2', 'uksouth', 'swedencentral', 'centralus'];
const sizes = [
  'Standard_B2s',
  'Standard_D2s_v5',
  'Standard_D4s_v5',
  'Standard_D8s_v5',
  'Standard_E4s_v5',
  'Standard_F4s_v2',
];
const roles = ['web', 'api', 'worker', 'db', 'cache', 'batch', 'agent', 'jump'];
const envs = ['prod', 'staging', 'dev', 'test'];
const companies = [
  'Adatum',
  'Litware',
  'Proseware',
  'Tailspin',
  'Wingtip',
  'Woodgrove',
  'Alpine',
  'Blue Yonder',
  'Coho',
  'Fourth Coffee',
  'Lamna',
  'Relecloud',
  'Trey Research',
  'VanArsdel',
  'Wide World',
  'Margie',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Parses `fleet` or `fleet:tenants=3,subscriptions=10,vms=500,seed=7`. */
export function parseFleetSpec(spec: string): FleetOptions {
  const options = { ...defaultFleetOptions };
  const rest = spec.slice('fleet'.length).replace(/^:/, '');
  for (const part of rest.split(',').filter((p) => p.length > 0)) {
    const [key, value] = part.split('=');
    const n = Number(value);
    if (
      !Number.isInteger(n) ||
      n < 1 ||
      !(key === 'seed' || key === 'tenants' || key === 'subscriptions' || key === 'vms')
    ) {
      throw new Error(
        `Bad fleet option '${part}': use seed=N, tenants=N, subscriptions=N or vms=N (positive integers)`,
      );
    }
    options[key] = n;
  }
  return options;
}

export function generateFleet(partial: Partial<FleetOptions> = {}): Scenario {
  const o: FleetOptions = { ...defaultFleetOptions, ...partial };
  const rand = prng(o.seed);
  const tenants = Array.from({ length: o.tenants }, (_, i) => {
    const company = companies[i % companies.length] ?? 'Tenant';
    const suffix = i >= companies.length ? ` ${Math.floor(i / companies.length) + 1}` : '';
    return {
      id: guidFrom(rand),
      displayName: `${company}${suffix}`,
      defaultDomain: `${company.toLowerCase().replace(/\s+/g, '')}${suffix.trim()}.test`,
      countryCode: pick(rand, ['US', 'GB', 'DE', 'SE', 'FR', 'NL']),
      requireMfa: false,
    };
  });
  const home = tenants[0];
  if (!home) throw new Error('fleet needs at least one tenant');
  const userId = guidFrom(rand);
  const spObject = guidFrom(rand);
  const spClient = guidFrom(rand);
  const subscriptions = Array.from({ length: o.subscriptions }, (_, i) => {
    const tenant = tenants[i % tenants.length] ?? home;
    const env = pick(rand, envs);
    return {
      id: guidFrom(rand),
      tenantId: tenant.id,
      displayName: `${tenant.displayName} ${env} ${String(i + 1).padStart(3, '0')}`,
      // Roughly one in forty is not Enabled, so state handling gets exercised at scale.
      state: rand() < 0.025 ? pick(rand, ['Disabled', 'Warned', 'PastDue'] as const) : ('Enabled' as const),
    };
  });
  const resourceGroups = subscriptions.flatMap((s) =>
    ['rg-app', 'rg-data', 'rg-ops'].map((name) => ({ subscriptionId: s.id, name, location: pick(rand, regions) })),
  );
  const vms = Array.from({ length: o.vms }, (_, i) => {
    const sub = subscriptions[i % subscriptions.length];
    if (!sub) throw new Error('fleet needs at least one subscription');
    const rg = resourceGroups[(i % subscriptions.length) * 3 + (Math.floor(i / subscriptions.length) % 3)];
    if (!rg) throw new Error('resource group index out of range');
    const role = pick(rand, roles);
    const windows = rand() < 0.3;
    const stateRoll = rand();
    const powerState =
      stateRoll < 0.55
        ? 'running'
        : stateRoll < 0.85
          ? 'deallocated'
          : stateRoll < 0.93
            ? 'stopped'
            : pick(rand, powerStates);
    return {
      subscriptionId: sub.id,
      resourceGroup: rg.name,
      name: `${role}-${windows ? 'win' : 'lnx'}-${String(i).padStart(5, '0')}`,
      size: pick(rand, sizes),
      os: windows ? ('Windows' as const) : ('Linux' as const),
      image: windows
        ? {
            publisher: 'MicrosoftWindowsServer',
            offer: 'WindowsServer',
            sku: '2022-datacenter-azure-edition',
            version: 'latest',
          }
        : { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
      location: rg.location,
      tags: { env: pick(rand, envs), role, 'cost-center': `CC-${1000 + Math.floor(rand() * 50)}` },
      powerState,
      hibernated: false,
      provisioningState: rand() < 0.005 ? ('Failed' as const) : ('Succeeded' as const),
    };
  });
  const input: ScenarioInput = {
    name: `fleet(seed=${o.seed},tenants=${o.tenants},subscriptions=${o.subscriptions},vms=${o.vms})`,
    tenants,
    users: [
      {
        id: userId,
        username: fleetUser.username,
        displayName: 'Fleet Operator',
        password: fleetUser.password,
        homeTenant: home.id,
        guestTenants: tenants.slice(1).map((t) => t.id),
      },
    ],
    applications: [
      {
        clientId: fleetClientId,
        displayName: 'Cloud Desk',
        homeTenant: home.id,
        kind: 'public',
        redirectUris: ['http://localhost'],
        preConsented: true,
      },
      {
        clientId: spClient,
        displayName: 'fleet-automation',
        homeTenant: home.id,
        kind: 'confidential',
        objectId: spObject,
        secrets: ['emulator-fleet-secret-not-real-0001'],
      },
    ],
    subscriptions,
    resourceGroups,
    vms,
    roleAssignments: subscriptions.map((s, i) => ({
      principalId: userId,
      role: i % 10 === 9 ? ('Reader' as const) : ('Virtual Machine Contributor' as const),
      scope: `/subscriptions/${s.id}`,
    })),
  };
  return parseScenario(input, input.name);
}
