// AppServices' lifecycle and the desktop wiring through the real composition (createAppServices) with fakes:
// stop() ends update timers and downloads, the inventory's schedule and the operations, and flushes the vault;
// diagnostics (with the proxy mode) and renderer errors go through the contract's handlers; a full refresh
// reports progress.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppServices } from './app-services.js';
import { builtInClouds } from './clouds.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger, RecordingOpener } from './testing/fakes.js';
import { ManualScheduler } from './testing/manual-scheduler.js';
import { ScriptedUpdater } from './testing/scripted-updater.js';

async function compose() {
  const scheduler = new ManualScheduler();
  const updater = new ScriptedUpdater();
  const logger = new RecordingLogger();
  const bars: (number | null)[] = [];
  const copied: string[] = [];
  const secretsStore = new MemoryStore();
  const services = await createAppServices({
    settingsStore: new MemoryStore(),
    secretsStore,
    cipher: new MemoryCipher(),
    clouds: builtInClouds,
    clock: scheduler,
    scheduler,
    events: new RecordingEvents(),
    opener: new RecordingOpener(),
    logger,
    appInfo: () => ({
      name: 'Cloud Desk',
      version: '1.0.0',
      platform: 'linux',
      arch: 'x64',
      runtime: 'electron',
      versions: { node: '24.0.0', electron: '45.0.0' },
      packaged: true,
      dataDir: '/home/someone/.config/Cloud Desk',
    }),
    recoveries: [],
    updates: { kind: 'in-place', updater },
    desktop: { openLogsFolder: () => Promise.resolve(), copyText: (text) => copied.push(text) },
    indicators: {
      progress: { set: (fraction) => bars.push(fraction) },
      notifier: { notify: () => undefined },
      focus: { focused: () => true },
    },
  });
  return { services, scheduler, updater, logger, bars, copied, secretsStore };
}

describe('AppServices', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stop() cancels the update timer and a running download', async () => {
    const { services, scheduler, updater } = await compose();
    services.updates.afterFirstPaint();
    expect(scheduler.pending()).toHaveLength(1);
    scheduler.advance(scheduler.pending()[0] ?? 0);
    updater.answerCheck({ version: '2.0.0' });
    await expect.poll(() => services.updates.state().phase.status).toBe('downloading');
    await services.stop();
    expect(updater.downloadSignal?.aborted).toBe(true);
    expect(scheduler.pending()).toEqual([]);
  });

  it('stop() leaves no timer behind: the inventory’s sweep schedule, connectivity re-checks, updates', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const { services, scheduler } = await compose();
    services.updates.afterFirstPaint();
    // The inventory plans its first sweep at start (on real timers, as in the app).
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await services.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(scheduler.pending()).toEqual([]);
    // The operations' pollers and queues have stopped too: nothing new is sent while quitting.
    expect(() => services.handlers['operations.start']({ action: 'start', vmIds: ['vm-1'] })).toThrow(
      expect.objectContaining({ code: 'cancelled' }),
    );
  });

  it('copies diagnostics without the data folder and logs renderer errors', async () => {
    const { services, copied, logger } = await compose();
    const result = await services.handlers['app.copyDiagnostics'](undefined);
    expect(result.copied).toBe(true);
    expect(copied).toEqual([result.text]);
    expect(result.text).toContain('Cloud Desk: 1.0.0');
    expect(result.text).not.toContain('/home/someone');
    await services.handlers['app.reportError']({ message: 'boom' });
    expect(logger.lines.some((line) => line.message === 'renderer error: boom')).toBe(true);
  });

  it('says which proxy mode is in use in diagnostics, without the proxy address', async () => {
    const { services } = await compose();
    await services.handlers['network.set']({ proxyMode: 'manual', proxyUrl: 'http://proxy.contoso.local:8080' });
    const { text } = await services.handlers['app.copyDiagnostics'](undefined);
    expect(text).toContain('Proxy: manual');
    expect(text).not.toContain('proxy.contoso.local');
  });

  it('shows taskbar progress during a full refresh and clears it after', async () => {
    const { services, bars } = await compose();
    await services.handlers['accounts.refresh'](undefined);
    expect(bars).toEqual([0, null]);
  });
});
