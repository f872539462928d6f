// Scenario validation: the built-ins are valid, the fleet is reproducible, and bad files name the bad field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, powerStates } from './scenario.js';
import { generateFleet } from './scenarios/fleet.js';
import { loadScenario } from './scenarios/index.js';

describe('scenarios', () => {
  it('ships a demo with every power state, a disabled subscription and an MFA tenant', () => {
    const demo = loadScenario('demo');
    expect(new Set(demo.vms.map((v) => v.powerState))).toEqual(new Set(powerStates));
    expect(demo.subscriptions.some((s) => s.state === 'Disabled')).toBe(true);
    expect(demo.tenants.some((t) => t.requireMfa)).toBe(true);
    expect(demo.vms.length).toBeGreaterThanOrEqual(35);
  });

  it('generates the same fleet from the same seed', () => {
    const a = generateFleet({ seed: 7, tenants: 3, subscriptions: 10, vms: 500 });
    const b = loadScenario('fleet:seed=7,tenants=3,subscriptions=10,vms=500');
    expect(b).toEqual(a);
    expect(a.vms).toHaveLength(500);
    expect(generateFleet({ seed: 8, tenants: 3, subscriptions: 10, vms: 500 }).tenants[0]?.id).not.toBe(
      a.tenants[0]?.id,
    );
  });

  it('names the bad field of a scenario file', () => {
    const demo = structuredClone(loadScenario('demo')) as unknown as { users: Array<Record<string, unknown>> };
    const bad = demo.users[0];
    if (bad) bad['homeTenant'] = 'not-a-guid';
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(demo));
    expect(() => loadScenario(file)).toThrow(`Scenario ${file}: users[0].homeTenant: must be a lower-case GUID`);
  });

  it('names a dangling reference', () => {
    const demo = structuredClone(loadScenario('demo'));
    const vm = demo.vms[3];
    if (vm) vm.resourceGroup = 'rg-missing';
    expect(() => parseScenario(demo, 'test')).toThrow(
      /^Scenario test: vms\[3\]\.resourceGroup: no resource group 'rg-missing'/,
    );
  });
});
