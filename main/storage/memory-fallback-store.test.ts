import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, RecordingLogger } from '../testing/fakes.js';
import { JsonFileStore } from './json-file-store.js';
import { MemoryFallbackStore, StorageHealth } from './memory-fallback-store.js';

function setup() {
  const folder = mkdtempSync(join(tmpdir(), 'cloud-desk-fallback-'));
  const health = new StorageHealth();
  const reported: string[] = [];
  health.onProblem((problem) => reported.push(problem.code));
  const logger = new RecordingLogger();
  const open = () =>
    JsonFileStore.open(join(folder, 'settings.json'), { clock: fixedClock('2026-11-30T10:00:00Z'), logger });
  return { folder, health, reported, logger, open };
}

describe('MemoryFallbackStore', () => {
  it('writes through while the disk takes writes', () => {
    const { folder, health, open, logger } = setup();
    const store = new MemoryFallbackStore(open().store, { folder, health, logger });
    store.set('settings', { theme: 'dark' });
    expect(store.inMemory()).toBe(false);
    expect(open().store.get('settings')).toEqual({ theme: 'dark' });
  });

  it('keeps working in memory from what it held when the folder stops taking writes, and reports it once', () => {
    const { folder, health, reported, open, logger } = setup();
    const store = new MemoryFallbackStore(open().store, { folder, health, logger });
    store.set('settings', { theme: 'dark' });
    store.set('window', { width: 900 });
    // The folder is replaced by a file: every write now fails with a real file-system error.
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'not a folder');
    store.set('settings', { theme: 'light' });
    store.delete('window');
    store.set('other', 1);
    expect(store.inMemory()).toBe(true);
    expect(store.get('settings')).toEqual({ theme: 'light' });
    expect(store.keys().sort()).toEqual(['other', 'settings']);
    expect(reported).toEqual(['ENOTDIR']);
    expect(readFileSync(folder, 'utf8')).toBe('not a folder');
  });

  it('starts in memory, reading what is there, when the folder was already found unwritable', () => {
    const { folder, health, open, logger } = setup();
    open().store.set('settings', { theme: 'dark' });
    health.report({ folder, code: 'EROFS' });
    const store = new MemoryFallbackStore(open().store, { folder, health, logger });
    expect(store.get('settings')).toEqual({ theme: 'dark' });
    store.set('settings', { theme: 'light' });
    expect(store.get('settings')).toEqual({ theme: 'light' });
    expect(open().store.get('settings')).toEqual({ theme: 'dark' });
  });

  it('still throws what is not a disk problem', () => {
    const { folder, health, open, logger } = setup();
    const store = new MemoryFallbackStore(open().store, { folder, health, logger });
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(() => store.set('bad', circular)).toThrow(TypeError);
    expect(store.inMemory()).toBe(false);
  });
});
