// The desktop glue wired as the app wires it (createAppServices with the Electron ports replaced by recorders),
// against the emulator's demo scenario with the real MSAL and Azure SDK: a browser sign-in brings the window
// forward, the tray's running count is the inventory's confirmed one and follows a bulk deallocate, and the bulk
// action shows taskbar progress from start to end.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { finishedStates } from '../../preload/contract-operations.js';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { demo } from '../../emulator/testing/demo-ids.js';
import { createAppServices } from '../app-services.js';
import { systemClock } from '../system-clock.js';
import { ScriptedBrowser, emulatorCloud } from '../testing/accounts-harness.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger } from '../testing/fakes.js';

const contosoProduction = '1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a01';
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'demo', arm: { transitionMs: 300 } });
});
afterAll(() => emu.close());

it('brings the window forward after a browser sign-in, counts running VMs for the tray, and shows bulk progress', async () => {
  const bars: (number | null)[] = [];
  const broughtForward: number[] = [];
  const services = await createAppServices({
    settingsStore: new MemoryStore(),
    secretsStore: new MemoryStore(),
    cipher: new MemoryCipher(),
    clouds: [emulatorCloud(emu, demo.clientId)],
    clock: systemClock,
    events: new RecordingEvents(),
    opener: new ScriptedBrowser(emu, demo.alice),
    logger: new RecordingLogger(),
    env: {},
    appInfo: () => {
      throw new Error('not needed');
    },
    recoveries: [],
    indicators: {
      progress: { set: (fraction) => bars.push(fraction) },
      notifier: { notify: () => undefined },
      focus: { focused: () => false },
    },
    window: { bringToFront: () => broughtForward.push(Date.now()) },
  });
  try {
    expect(services.runningVms.current()).toBeUndefined();
    await services.handlers['accounts.signIn']({ cloudId: 'custom-emulator', method: 'browser' });
    expect(broughtForward).toHaveLength(1);

    // The sign-in starts a full sweep; once it has ended, the count is confirmed.
    await expect.poll(() => services.inventory.getSnapshot().lastFullSweepAt, { timeout: 30_000 }).toBeDefined();
    await expect.poll(() => services.inventory.getSnapshot().sweep?.state, { timeout: 30_000 }).not.toBe('running');
    const running = services.inventory.getSnapshot().vms.filter((vm) => vm.powerState === 'running');
    expect(services.runningVms.current()).toEqual({ count: running.length, confirmed: true });

    const targets = running.filter((vm) => vm.subscriptionId === contosoProduction).slice(0, 2);
    expect(targets).toHaveLength(2);
    const barsBefore = bars.length;
    const started = await services.handlers['operations.start']({
      action: 'deallocate',
      vmIds: targets.map((vm) => vm.id),
    });
    expect(started.operationIds).toHaveLength(2);
    const ended = () =>
      services.operations.list().filter((op) => started.operationIds.includes(op.id) && finishedStates.has(op.state));
    await expect.poll(() => ended().length, { timeout: 30_000 }).toBe(2);
    expect(ended().map((op) => op.state)).toEqual(['succeeded', 'succeeded']);
    const batchBars = bars.slice(barsBefore);
    expect(batchBars[0]).toBe(0);
    expect(batchBars).toContain(1);
    expect(batchBars.at(-1)).toBeNull();
    await expect.poll(() => services.runningVms.current()?.count, { timeout: 30_000 }).toBe(running.length - 2);
  } finally {
    await services.stop();
  }
});
