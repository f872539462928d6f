// The electron-updater adapter against a fake of electron-updater typed by its own .d.ts: which builds update
// how, the channel settings it applies, progress, cancellation on quit. The real updater runs only in the
// electron e2e project (a local generic feed) and in released builds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppUpdater, CancellationToken as RealCancellationToken, ProgressInfo } from 'electron-updater';
import { RecordingLogger } from '../testing/fakes.js';

type UpdaterSettings = Pick<
  AppUpdater,
  'autoDownload' | 'allowDowngrade' | 'allowPrerelease' | 'autoInstallOnAppQuit' | 'forceDevUpdateConfig'
>;

const fake = vi.hoisted(() => {
  class FakeToken {
    cancelled = false;
    cancel(): void {
      this.cancelled = true;
    }
  }
  const listeners = new Map<string, ((info: never) => void)[]>();
  const updater = {
    autoDownload: true,
    allowDowngrade: false,
    allowPrerelease: false,
    autoInstallOnAppQuit: true,
    forceDevUpdateConfig: false,
    channel: null as string | null,
    updateConfigPath: null as string | null,
    logger: null as unknown,
    checkResult: null as unknown,
    downloads: [] as { token: FakeToken; resolve(files: string[]): void; reject(error: unknown): void }[],
    installs: 0,
    checkForUpdates: () => Promise.resolve(updater.checkResult),
    downloadUpdate(token: FakeToken): Promise<string[]> {
      return new Promise((resolve, reject) => updater.downloads.push({ token, resolve, reject }));
    },
    quitAndInstall(): void {
      updater.installs += 1;
    },
    on(event: string, listener: (info: never) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return updater;
    },
    off(event: string, listener: (info: never) => void) {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
      );
      return updater;
    },
    emit(event: string, info: unknown): void {
      for (const listener of listeners.get(event) ?? []) listener(info as never);
    },
    listenerCount: (event: string) => listeners.get(event)?.length ?? 0,
  };
  return { updater, FakeToken };
});

vi.mock('electron-updater', () => ({
  default: { autoUpdater: fake.updater, CancellationToken: fake.FakeToken },
}));

// The fake must keep the shape the adapter relies on: checked against electron-updater's own types.
const typed: UpdaterSettings = fake.updater;
const typedToken: Pick<RealCancellationToken, 'cancel' | 'cancelled'> = new fake.FakeToken();
const progress = (percent: number): Pick<ProgressInfo, 'percent' | 'bytesPerSecond'> => ({
  percent,
  bytesPerSecond: 5,
});

const { electronUpdateSource } = await import('./electron-updater.js');

const build = {
  isPackaged: true,
  platform: 'win32' as NodeJS.Platform,
  resourcesPath: '/nowhere',
  appImage: undefined,
  devUpdateConfig: undefined,
};

describe('electronUpdateSource', () => {
  beforeEach(() => {
    fake.updater.downloads = [];
    fake.updater.installs = 0;
    fake.updater.forceDevUpdateConfig = false;
    fake.updater.updateConfigPath = null;
  });

  it("uses a fake with electron-updater's own shape (checked when this file compiles)", () => {
    expect(typeof typed.autoInstallOnAppQuit).toBe('boolean');
    expect(typedToken.cancelled).toBe(false);
  });

  it('disables updates for a development build', () => {
    expect(electronUpdateSource({ ...build, isPackaged: false }, new RecordingLogger())).toMatchObject({
      kind: 'disabled',
      reason: 'development',
    });
  });

  it('updates NSIS, macOS and AppImage builds in place', () => {
    const logger = new RecordingLogger();
    expect(electronUpdateSource(build, logger).kind).toBe('in-place');
    expect(electronUpdateSource({ ...build, platform: 'darwin' }, logger).kind).toBe('in-place');
    expect(electronUpdateSource({ ...build, platform: 'linux', appImage: '/opt/x.AppImage' }, logger).kind).toBe(
      'in-place',
    );
  });

  it('downloads only for deb and rpm, and refuses other Linux packages', () => {
    const resources = mkdtempSync(join(tmpdir(), 'resources-'));
    const linux = { ...build, platform: 'linux' as NodeJS.Platform, resourcesPath: resources };
    writeFileSync(join(resources, 'package-type'), 'deb\n');
    expect(electronUpdateSource(linux, new RecordingLogger())).toMatchObject({ kind: 'manual', packageType: 'deb' });
    writeFileSync(join(resources, 'package-type'), 'rpm');
    expect(electronUpdateSource(linux, new RecordingLogger())).toMatchObject({ kind: 'manual', packageType: 'rpm' });
    writeFileSync(join(resources, 'package-type'), 'pacman');
    expect(electronUpdateSource(linux, new RecordingLogger())).toMatchObject({
      kind: 'disabled',
      reason: 'unsupported',
    });
  });

  it('follows a dev-app-update.yml in a development build (the e2e feed)', () => {
    const source = electronUpdateSource(
      { ...build, isPackaged: false, devUpdateConfig: '/tmp/dev-app-update.yml' },
      new RecordingLogger(),
    );
    expect(source.kind).toBe('in-place');
    expect(fake.updater.forceDevUpdateConfig).toBe(true);
    expect(fake.updater.updateConfigPath).toBe('/tmp/dev-app-update.yml');
  });

  it('ignores a dev-app-update.yml in a packaged build: it keeps its own feed', () => {
    const logger = new RecordingLogger();
    const source = electronUpdateSource(
      {
        ...build,
        platform: 'linux',
        resourcesPath: mkdtempSync(join(tmpdir(), 'resources-')),
        devUpdateConfig: '/tmp/dev-app-update.yml',
      },
      logger,
    );
    expect(source).toMatchObject({ kind: 'disabled', reason: 'unsupported' });
    expect(electronUpdateSource({ ...build, devUpdateConfig: '/tmp/dev-app-update.yml' }, logger).kind).toBe(
      'in-place',
    );
    expect(fake.updater.forceDevUpdateConfig).toBe(false);
    expect(fake.updater.updateConfigPath).toBeNull();
    expect(logger.lines.map((line) => line.level)).toContain('warn');
  });

  it('never downloads by itself and never downgrades; beta allows pre-releases', () => {
    const source = electronUpdateSource(build, new RecordingLogger());
    if (source.kind === 'disabled') throw new Error('expected an updater');
    expect(fake.updater.autoDownload).toBe(false);
    source.updater.configure({ channel: 'beta', installOnQuit: true });
    expect(fake.updater).toMatchObject({
      channel: 'beta',
      allowPrerelease: true,
      allowDowngrade: false,
      autoInstallOnAppQuit: true,
    });
    source.updater.configure({ channel: 'stable', installOnQuit: false });
    expect(fake.updater).toMatchObject({
      channel: 'latest',
      allowPrerelease: false,
      allowDowngrade: false,
      autoInstallOnAppQuit: false,
    });
  });

  it('reports a newer version only when the feed says one is available', async () => {
    const source = electronUpdateSource(build, new RecordingLogger());
    if (source.kind === 'disabled') throw new Error('expected an updater');
    fake.updater.checkResult = { isUpdateAvailable: true, updateInfo: { version: '2.0.0' } };
    expect(await source.updater.check()).toEqual({ version: '2.0.0' });
    fake.updater.checkResult = { isUpdateAvailable: false, updateInfo: { version: '1.0.0' } };
    expect(await source.updater.check()).toBeNull();
    fake.updater.checkResult = null;
    expect(await source.updater.check()).toBeNull();
  });

  it('passes progress on, cancels the download when aborted, and stops listening afterwards', async () => {
    const source = electronUpdateSource(build, new RecordingLogger());
    if (source.kind === 'disabled') throw new Error('expected an updater');
    const seen: number[] = [];
    const abort = new AbortController();
    const download = source.updater.download((p) => seen.push(p.percent), abort.signal);
    fake.updater.emit('download-progress', progress(40));
    expect(seen).toEqual([40]);
    abort.abort();
    const running = fake.updater.downloads[0];
    expect(running?.token.cancelled).toBe(true);
    running?.reject(new Error('cancelled'));
    await expect(download).rejects.toThrow('cancelled');
    expect(fake.updater.listenerCount('download-progress')).toBe(0);
  });

  it('resolves with the downloaded file', async () => {
    const source = electronUpdateSource(build, new RecordingLogger());
    if (source.kind === 'disabled') throw new Error('expected an updater');
    const download = source.updater.download(() => undefined, new AbortController().signal);
    fake.updater.downloads[0]?.resolve(['/cache/cloud-desk-2.0.0.exe']);
    expect(await download).toEqual({ file: '/cache/cloud-desk-2.0.0.exe' });
    source.updater.quitAndInstall();
    expect(fake.updater.installs).toBe(1);
  });

  it('tells the app it is quitting before the updater closes the windows', () => {
    const seen: number[] = [];
    const source = electronUpdateSource(build, new RecordingLogger(), () => seen.push(fake.updater.installs));
    if (source.kind === 'disabled') throw new Error('expected an updater');
    source.updater.quitAndInstall();
    expect(seen).toEqual([0]);
    expect(fake.updater.installs).toBe(1);
  });
});
