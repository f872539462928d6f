import { beforeEach, describe, expect, it } from 'vitest';
import type { UpdatePhase, UpdatePreferences } from '../../preload/contract-updates.js';
import { RecordingEvents, RecordingLogger } from '../testing/fakes.js';
import { ManualScheduler } from '../testing/manual-scheduler.js';
import { ScriptedUpdater } from '../testing/scripted-updater.js';
import type { UpdateSource } from './updater-port.js';
import { checkIntervalMs, firstCheckDelayMs, firstRetryMs, UpdateService } from './update-service.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type Kind = { kind: 'in-place' } | { kind: 'manual'; packageType: 'deb' | 'rpm' } | UpdateSourceDisabled;
type UpdateSourceDisabled = Extract<UpdateSource, { kind: 'disabled' }>;

function setup(kind: Kind = { kind: 'in-place' }, prefs: Partial<UpdatePreferences> = {}) {
  const updater = new ScriptedUpdater();
  const source: UpdateSource = kind.kind === 'disabled' ? kind : { ...kind, updater };
  const scheduler = new ManualScheduler();
  const events = new RecordingEvents();
  const logger = new RecordingLogger();
  const preferences: UpdatePreferences = { autoDownload: true, channel: 'stable', ...prefs };
  const service = new UpdateService({
    source,
    currentVersion: () => '1.0.0',
    preferences: () => preferences,
    scheduler,
    clock: scheduler,
    events,
    logger,
  });
  const phases = (): UpdatePhase['status'][] =>
    events.emitted.map((event) => (event.payload as { phase: UpdatePhase }).phase.status);
  return { updater, scheduler, events, logger, preferences, service, phases };
}

describe('UpdateService', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it('checks only after the first paint and a short delay, then every 4 hours', async () => {
    expect(t.updater.checks).toBe(0);
    t.service.afterFirstPaint();
    t.scheduler.advance(firstCheckDelayMs - 1);
    expect(t.updater.checks).toBe(0);
    t.scheduler.advance(1);
    expect(t.service.state().phase).toEqual({ status: 'checking' });
    t.updater.answerCheck(null);
    await settle();
    expect(t.service.state().phase).toEqual({ status: 'not-available' });
    expect(t.service.state().lastCheckedAt).toBe(new Date(t.scheduler.now()).toISOString());
    expect(t.scheduler.pending()).toEqual([checkIntervalMs]);
    t.scheduler.advance(checkIntervalMs);
    expect(t.updater.checks).toBe(2);
  });

  it('goes available -> downloading (percent, speed) -> downloaded with automatic download', async () => {
    const checked = t.service.check();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    expect(t.service.state().phase).toMatchObject({ status: 'downloading', version: '1.1.0', percent: 0 });
    t.updater.progress({ percent: 42.5, bytesPerSecond: 1_000_000 });
    expect(t.service.state().phase).toEqual({
      status: 'downloading',
      version: '1.1.0',
      installMode: 'restart',
      percent: 42.5,
      bytesPerSecond: 1_000_000,
    });
    t.updater.finishDownload();
    await settle();
    expect(t.service.state().phase).toEqual({ status: 'downloaded', version: '1.1.0', installMode: 'restart' });
    expect(t.phases()).toEqual(['checking', 'available', 'downloading', 'downloading', 'downloaded']);
    expect(t.updater.configured).toEqual([{ channel: 'stable', installOnQuit: true }]);
  });

  it('sends one progress event per whole percent, not one per chunk', async () => {
    const checked = t.service.check();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    const before = t.events.emitted.length;
    for (const percent of [0.2, 0.5, 0.9, 1.1, 1.4, 2]) t.updater.progress({ percent, bytesPerSecond: 10 });
    expect(t.events.emitted.length - before).toBe(2);
  });

  it('waits for the user when automatic download is off, then downloads on request', async () => {
    t = setup({ kind: 'in-place' }, { autoDownload: false });
    const checked = t.service.check();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    expect(t.service.state().phase).toEqual({ status: 'available', version: '1.1.0', installMode: 'restart' });
    expect(t.service.requestDownload().phase.status).toBe('downloading');
  });

  it('starts a found download when automatic download is switched on', async () => {
    t = setup({ kind: 'in-place' }, { autoDownload: false });
    const checked = t.service.check();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    t.preferences.autoDownload = true;
    t.service.preferencesChanged();
    expect(t.service.state().phase.status).toBe('downloading');
  });

  it('checks again at once when the channel changes, following the new channel', async () => {
    const checked = t.service.check();
    t.updater.answerCheck(null);
    await checked;
    t.preferences.channel = 'beta';
    t.service.preferencesChanged();
    expect(t.service.state().phase.status).toBe('checking');
    expect(t.updater.configured.at(-1)).toEqual({ channel: 'beta', installOnQuit: true });
  });

  it('restarts to update only once an update is downloaded', async () => {
    expect(() => t.service.restartToUpdate()).toThrow(/No update is ready/);
    const checked = t.service.check();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    t.updater.finishDownload();
    await settle();
    t.service.restartToUpdate();
    expect(t.updater.installs).toBe(1);
  });

  it('refuses a download request when nothing was found', () => {
    expect(() => t.service.requestDownload()).toThrow(/no update to download/);
  });

  it('does not start a second check while one runs or once an update is downloaded', async () => {
    const first = t.service.check();
    await t.service.check();
    expect(t.updater.checks).toBe(1);
    t.updater.answerCheck({ version: '1.1.0' });
    await first;
    t.updater.finishDownload();
    await settle();
    await t.service.check();
    expect(t.updater.checks).toBe(1);
  });

  it('turns an offline check into words and retries later, backing off, without throwing', async () => {
    const checked = t.service.check();
    t.updater.failCheck(Object.assign(new Error('net::ERR_INTERNET_DISCONNECTED'), { code: 'ERR_INTERNET' }));
    const state = await checked;
    expect(state.phase).toEqual({
      status: 'error',
      message:
        'Cloud Desk could not check for updates: the update server could not be reached (offline, or blocked by a proxy).',
      retryAt: new Date(t.scheduler.now() + firstRetryMs).toISOString(),
    });
    expect(t.scheduler.pending()).toEqual([firstRetryMs]);
    t.scheduler.advance(firstRetryMs);
    expect(t.service.state().phase.status).toBe('checking');
    t.updater.failCheck(new Error('getaddrinfo ENOTFOUND github.com'));
    await settle();
    expect(t.scheduler.pending()).toEqual([2 * firstRetryMs]);
    t.scheduler.advance(2 * firstRetryMs);
    t.updater.answerCheck(null);
    await settle();
    expect(t.service.state().phase.status).toBe('not-available');
    expect(t.scheduler.pending()).toEqual([checkIntervalMs]);
  });

  it('turns a failed download into words and checks again later', async () => {
    const checked = t.service.check();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    t.updater.failDownload(new Error('sha512 checksum mismatch, expected abc'));
    await settle();
    expect(t.service.state().phase).toMatchObject({
      status: 'error',
      message:
        'Cloud Desk could not download the update: the downloaded file did not pass its signature check, so it was not installed.',
    });
    expect(t.logger.lines.some((line) => line.level === 'warn' && line.message === 'update download failed')).toBe(
      true,
    );
    expect(t.scheduler.pending()).toEqual([firstRetryMs]);
  });

  it('cancels a running download on quit, ignores its late answer and leaves no timer behind', async () => {
    const checked = t.service.check();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    const emitted = t.events.emitted.length;
    t.service.stop();
    expect(t.updater.downloadSignal?.aborted).toBe(true);
    t.updater.failDownload(new Error('cancelled'));
    await settle();
    expect(t.events.emitted).toHaveLength(emitted);
    expect(t.scheduler.pending()).toEqual([]);
    await t.service.check();
    expect(t.updater.checks).toBe(1);
  });

  it('ignores a check that answers after quit', async () => {
    const checked = t.service.check();
    t.service.stop();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    expect(t.service.state().phase.status).toBe('checking');
    expect(t.scheduler.pending()).toEqual([]);
  });

  it('never checks when disabled (development or an installer type with no update path)', async () => {
    t = setup({ kind: 'disabled', reason: 'development', message: 'Updates apply to installed builds only.' });
    t.service.afterFirstPaint();
    t.scheduler.advance(checkIntervalMs);
    await t.service.check();
    expect(t.updater.checks).toBe(0);
    expect(t.service.state().phase).toEqual({
      status: 'disabled',
      reason: 'development',
      message: 'Updates apply to installed builds only.',
    });
  });

  it('downloads deb updates and says how to install them instead of restarting', async () => {
    t = setup({ kind: 'manual', packageType: 'deb' });
    const checked = t.service.check();
    t.updater.answerCheck({ version: '1.1.0' });
    await checked;
    t.updater.finishDownload('/home/u/.cache/cloud-desk-updater/pending/cloud-desk-1.1.0-linux-amd64.deb');
    await settle();
    expect(t.service.state().phase).toEqual({
      status: 'downloaded',
      version: '1.1.0',
      installMode: 'manual',
      instructions:
        'Quit Cloud Desk, then install the downloaded package with: sudo apt install "/home/u/.cache/cloud-desk-updater/pending/cloud-desk-1.1.0-linux-amd64.deb"',
    });
    expect(t.updater.configured).toEqual([{ channel: 'stable', installOnQuit: false }]);
    expect(() => t.service.restartToUpdate()).toThrow(/No update is ready/);
  });
});
