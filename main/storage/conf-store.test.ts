import Conf from 'conf';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordingLogger } from '../testing/fakes.js';
import { adaptConf, confStoreOptions, openConfStore } from './conf-store.js';
import { StorageHealth } from './memory-fallback-store.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'cloud-desk-conf-'));

function open(cwd: string, health = new StorageHealth()) {
  return openConfStore(
    () => new Conf<Record<string, unknown>>({ cwd, configName: 'secrets', ...confStoreOptions }),
    { folder: cwd, name: 'secrets' },
    { logger: new RecordingLogger(), health, now: () => new Date('2026-11-30T10:00:00.000Z') },
  );
}

describe('the electron-store adapter (on conf, its engine)', () => {
  it('treats dotted keys as flat names, so moving a blob aside keeps it', () => {
    const cwd = scratch();
    const store = adaptConf(new Conf<Record<string, unknown>>({ cwd, configName: 'secrets', ...confStoreOptions }));
    store.set('vault:msal:azure', 'damaged-ciphertext');
    store.set('vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z', store.get('vault:msal:azure'));
    store.delete('vault:msal:azure');
    expect(store.keys()).toEqual(['vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z']);
    expect(JSON.parse(readFileSync(join(cwd, 'secrets.json'), 'utf8'))).toEqual({
      'vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z': 'damaged-ciphertext',
    });
  });

  it.runIf(process.platform !== 'win32')('writes secrets.json owner-only and narrows an existing 0644 file', () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'secrets.json'), '{"vault:accounts": "ciphertext"}');
    chmodSync(join(cwd, 'secrets.json'), 0o644);
    const { store } = open(cwd);
    expect(statSync(join(cwd, 'secrets.json')).mode & 0o777).toBe(0o600);
    store.set('vault:accounts', 'newer ciphertext');
    expect(statSync(join(cwd, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(store.get('vault:accounts')).toBe('newer ciphertext');
  });

  it('removes the temporary files of writes a kill interrupted, keeping the last complete file', () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'secrets.json'), '{"vault:accounts": "complete"}');
    writeFileSync(join(cwd, 'secrets.json.tmp-1764500000a1b2c3'), '{"vault:accounts": "half wri');
    const { store } = open(cwd);
    expect(readdirSync(cwd)).toEqual(['secrets.json']);
    expect(store.get('vault:accounts')).toBe('complete');
  });

  it('moves an unreadable file aside and starts empty', () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'secrets.json'), '{ not json');
    const { store, recovered } = open(cwd);
    expect(recovered?.movedTo).toBe(join(cwd, 'secrets.json.corrupt-2026-11-30T10-00-00-000Z'));
    expect(store.keys()).toEqual([]);
  });

  it('leaves an unreadable file it cannot move aside where it is, and keeps the session in memory', () => {
    const cwd = scratch();
    // The moved-aside name would be too long for the file system, so the rename really fails.
    const name = 's'.repeat(240);
    writeFileSync(join(cwd, `${name}.json`), '{ damaged');
    const health = new StorageHealth();
    const { store, recovered } = openConfStore(
      () => new Conf<Record<string, unknown>>({ cwd, configName: name, ...confStoreOptions }),
      { folder: cwd, name },
      { logger: new RecordingLogger(), health, now: () => new Date('2026-11-30T10:00:00.000Z') },
    );
    expect(recovered).toBeUndefined();
    expect(health.problem()).toEqual({ folder: cwd, code: 'ENAMETOOLONG' });
    store.set('vault:accounts', 'ciphertext');
    expect(store.get('vault:accounts')).toBe('ciphertext');
    expect(readFileSync(join(cwd, `${name}.json`), 'utf8')).toBe('{ damaged');
  });

  it('keeps working in memory when the folder cannot be created, and reports why', () => {
    const root = scratch();
    writeFileSync(join(root, 'in-the-way'), '');
    const health = new StorageHealth();
    const folder = join(root, 'in-the-way', 'data');
    const { store } = open(folder, health);
    store.set('vault:accounts', 'ciphertext');
    expect(store.get('vault:accounts')).toBe('ciphertext');
    expect(health.problem()).toEqual({ folder, code: 'ENOTDIR' });
  });
});
