// The admin API through the typed AdminClient: VM power overrides, reset, settings, clock and sessions.
import { ComputeManagementClient } from '@azure/arm-compute';
import { ClientSecretCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index.js';
import { demo } from '../testing/demo-ids.js';
import { httpsCall } from '../testing/https-json.js';

let emu: RunningEmulator;
const sub = demo.subscriptions.contosoProduction;
const vmId = `/subscriptions/${sub}/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/web-prod-01`;

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo' });
});
afterAll(async () => {
  await emu.close();
});

function compute(): ComputeManagementClient {
  const credential = new ClientSecretCredential(demo.tenants.contoso, demo.secretSp.clientId, demo.secretSp.secret, {
    authorityHost: emu.authority,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emu.caPem },
  });
  return new ComputeManagementClient(credential, sub, { endpoint: emu.arm, tlsOptions: { ca: emu.caPem } });
}

async function powerState(): Promise<string | undefined> {
  const view = await compute().virtualMachines.instanceView('rg-web-prod', 'web-prod-01');
  return view.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code;
}

describe('admin API', () => {
  it('overrides a VM power state, and reset brings the scenario back', async () => {
    expect(await powerState()).toBe('PowerState/running');
    await emu.admin.setVmPowerState(vmId, 'deallocated');
    expect(await powerState()).toBe('PowerState/deallocated');
    await expect(emu.admin.setVmPowerState(`${vmId}-missing`, 'running')).rejects.toMatchObject({ status: 404 });
    expect(await emu.admin.reset()).toEqual({ scenario: 'demo' });
    expect(await powerState()).toBe('PowerState/running');
  });

  it('fixes token lifetimes and moves the clock', async () => {
    await emu.admin.updateSettings({ tokenLifetimeSeconds: 120 });
    const form = {
      grant_type: 'client_credentials',
      client_id: demo.secretSp.clientId,
      client_secret: demo.secretSp.secret,
      scope: 'https://management.azure.com/.default',
    };
    const url = `${emu.authority}/${demo.tenants.contoso}/oauth2/v2.0/token`;
    const res = await httpsCall(url, emu.caPem, { form });
    expect(res.json['expires_in']).toBe(120);
    const before = await emu.admin.clock();
    const after = await emu.admin.advanceClock(3600);
    expect(after.epochMs - before.epochMs).toBeGreaterThanOrEqual(3_600_000);
    await expect(emu.verifyAccessToken(String(res.json['access_token']))).rejects.toMatchObject({ reason: 'expired' });
    await emu.admin.resetClock();
    await emu.admin.updateSettings({ tokenLifetimeSeconds: null });
    const log = await emu.admin.requestLog();
    expect(log.subjects[demo.secretSp.objectId]).toBeGreaterThanOrEqual(1);
  });

  it('rejects bad admin bodies with a message naming the field', async () => {
    await expect(emu.admin.setVmPowerState(vmId, 'sleeping' as 'running')).rejects.toThrow(/state/);
    await expect(emu.admin.addFaults('nonsense')).rejects.toThrow(/Bad fault rule "nonsense"/);
    expect(await emu.admin.sessions()).toEqual([]);
  });
});
