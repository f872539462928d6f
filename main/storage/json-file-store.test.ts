import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../app-services.js';
import { SettingsService } from '../settings/settings-service.js';
import { builtInClouds } from '../clouds.js';
import { defaultSettings } from '../settings/settings-service.js';
import {
  fixedClock,
  MemoryCipher,
  MemoryStore,
  RecordingEvents,
  RecordingLogger,
  RecordingOpener,
} from '../testing/fakes.js';
import { JsonFileStore } from './json-file-store.js';
import { MemoryFallbackStore, StorageHealth } from './memory-fallback-store.js';

const clock = fixedClock('2026-11-22T10:00:00.000Z');
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cloud-desk-store-'));
  file = join(dir, 'settings.json');
});

function open() {
  return JsonFileStore.open(file, { clock, logger: new RecordingLogger() });
}

describe('JsonFileStore', () => {
  it('starts empty when there is no file, and persists what is set', () => {
    const first = open();
    expect(first.recovered).toBeUndefined();
    first.store.set('settings', { theme: 'dark' });
    first.store.set('window', { width: 900 });
    first.store.delete('window');
    const second = open();
    expect(second.store.get('settings')).toEqual({ theme: 'dark' });
    expect(second.store.get('window')).toBeUndefined();
  });

  it('leaves no temporary files behind after writes', () => {
    const { store } = open();
    for (let n = 0; n < 20; n += 1) store.set('counter', n);
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ counter: 19 });
  });

  it.each([
    ['truncated JSON', '{"settings": {"theme": "da'],
    ['an array', '[1, 2, 3]'],
    ['a bare string', '"hello"'],
    ['binary garbage', '\u0000\u0001\u0002'],
  ])('moves %s aside with a timestamp and starts empty, keeping the damaged bytes', (_name, content) => {
    writeFileSync(file, content);
    writeFileSync(join(dir, 'accounts.json'), '{"kept": true}');
    const { store, recovered } = open();
    expect(store.get('settings')).toBeUndefined();
    expect(recovered?.movedTo).toBe(`${file}.corrupt-2026-11-22T10-00-00-000Z`);
    expect(readFileSync(recovered?.movedTo ?? '', 'utf8')).toBe(content);
    // Nothing else in the folder is touched.
    expect(readFileSync(join(dir, 'accounts.json'), 'utf8')).toBe('{"kept": true}');
    store.set('settings', { theme: 'light' });
    expect(open().store.get('settings')).toEqual({ theme: 'light' });
  });

  it('leaves an unreadable file it cannot move aside where it is, and never writes over it', () => {
    // A name so long that the moved-aside name would be too long for the file system: the rename fails for real.
    const long = join(dir, `${'s'.repeat(240)}.json`);
    writeFileSync(long, '{ damaged');
    const health = new StorageHealth();
    const opened = JsonFileStore.open(long, { clock, logger: new RecordingLogger(), health });
    expect(opened.recovered).toBeUndefined();
    expect(health.problem()).toEqual({ folder: dir, code: 'ENAMETOOLONG' });
    const store = new MemoryFallbackStore(opened.store, { folder: dir, health, logger: new RecordingLogger() });
    store.set('settings', { theme: 'dark' });
    expect(store.get('settings')).toEqual({ theme: 'dark' });
    expect(readFileSync(long, 'utf8')).toBe('{ damaged');
  });

  it('never overwrites an earlier moved-aside file', () => {
    writeFileSync(file, 'bad one');
    const first = open().recovered?.movedTo;
    writeFileSync(file, 'bad two');
    const second = open().recovered?.movedTo;
    expect(second).not.toBe(first);
    expect(readFileSync(first ?? '', 'utf8')).toBe('bad one');
    expect(readFileSync(second ?? '', 'utf8')).toBe('bad two');
  });
});

const isTemp = (name: string): boolean => /\.tmp-\d{10}[0-9a-f]{6}$/.test(name);

/**
 * Starts a process that writes the store in a loop, kills it (SIGKILL, as a crash or power loss would) as soon as
 * a write's temporary file appears once it has finished at least three writes, and answers the last counter it
 * reported as written. Killing on its output instead landed between writes on a quiet machine (the output comes
 * right after a write ends), so the test could not prove anything there.
 */
function writeUntilKilled(target: string): Promise<number> {
  const script = [
    `import { JsonFileStore } from ${JSON.stringify(join(import.meta.dirname, 'json-file-store.ts'))};`,
    `const clock = { now: () => Date.now() };`,
    `const logger = { debug() {}, info() {}, warn() {}, error() {} };`,
    `const { store } = JsonFileStore.open(${JSON.stringify(target)}, { clock, logger, mode: 0o600 });`,
    `const pad = 'r'.repeat(400_000);`,
    `for (let n = 1; ; n += 1) { store.set('token', { n, pad }); process.stdout.write(n + '\\n'); }`,
  ].join('\n');
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a child it cannot pass SIGKILL to.
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: join(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const watcher = watch(dirname(target), (_event, name) => {
      if (name !== null && isTemp(name) && output.split('\n').length > 3) child.kill('SIGKILL');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', () => {
      watcher.close();
      resolve(Number(output.trim().split('\n').at(-1)));
    });
  });
}

describe('JsonFileStore killed mid-write', () => {
  it(
    'leaves the previous value readable and no temporary files after the next start',
    { timeout: 120_000 },
    async () => {
      let lastWritten = 0;
      let leftBehind: string[] = [];
      // A kill lands inside a write (leaving a temporary file) most of the time, but not every time.
      for (let attempt = 0; attempt < 100 && leftBehind.length === 0; attempt += 1) {
        lastWritten = await writeUntilKilled(file);
        leftBehind = readdirSync(dir).filter(isTemp);
      }
      expect(leftBehind.length, 'no kill landed inside a write; the test proved nothing').toBeGreaterThan(0);
      if (process.platform !== 'win32') {
        for (const name of leftBehind) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
      }
      const { store } = JsonFileStore.open(file, { clock, logger: new RecordingLogger(), mode: 0o600 });
      expect(readdirSync(dir).filter(isTemp)).toEqual([]);
      const value = store.get('token') as { n: number } | undefined;
      expect(value?.n).toBeGreaterThanOrEqual(lastWritten);
    },
  );
});

describe('JsonFileStore file modes', () => {
  it.runIf(process.platform !== 'win32')('writes owner-only files and narrows an existing 0644 file at open', () => {
    writeFileSync(file, '{"token": "old"}');
    chmodSync(file, 0o644);
    const { store } = JsonFileStore.open(file, { clock, logger: new RecordingLogger(), mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    store.set('token', 'new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('settings persistence', () => {
  it('keeps the theme across a restart', () => {
    const events = new RecordingEvents();
    const settings = new SettingsService(open().store, events, new RecordingLogger());
    expect(settings.get()).toEqual(defaultSettings);
    settings.set({ theme: 'dark' });
    expect(events.emitted).toEqual([{ name: 'settings', payload: { ...defaultSettings, theme: 'dark' } }]);
    const restarted = new SettingsService(open().store, new RecordingEvents(), new RecordingLogger());
    expect(restarted.get()).toEqual({ ...defaultSettings, theme: 'dark' });
  });

  it('falls back to the default for one invalid stored field without losing the file', () => {
    writeFileSync(file, JSON.stringify({ settings: { theme: 'neon' }, window: { width: 900 } }));
    const { store } = open();
    const logger = new RecordingLogger();
    const settings = new SettingsService(store, new RecordingEvents(), logger);
    expect(settings.get()).toEqual(defaultSettings);
    expect(store.get('window')).toEqual({ width: 900 });
    expect(logger.lines.some((line) => line.fields?.['setting'] === 'theme')).toBe(true);
  });

  it('reports a corrupted settings file as a notice that says where the old file went', async () => {
    writeFileSync(file, '{ not json');
    const { store, recovered } = open();
    const events = new RecordingEvents();
    const services = await createAppServices({
      settingsStore: store,
      secretsStore: new MemoryStore(),
      cipher: new MemoryCipher(),
      clouds: builtInClouds,
      clock,
      events,
      opener: new RecordingOpener(),
      logger: new RecordingLogger(),
      appInfo: () => {
        throw new Error('not needed');
      },
      recoveries: recovered ? [recovered] : [],
    });
    expect(services.settings.get()).toEqual(defaultSettings);
    const [notice] = services.notices.list().filter((item) => item.id.startsWith('store-recovered'));
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain(recovered?.movedTo ?? '(missing)');
    services.notices.dismiss(notice?.id ?? '');
    expect(services.notices.list()).toEqual([]);
    expect(events.emitted.at(-1)).toEqual({ name: 'notices', payload: services.notices.list() });
    expect(services.notices.list().some((item) => item.id === notice?.id)).toBe(false);
  });
});
