import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordingLogger } from '../testing/fakes.js';
import { prepareDataFolder, removeStaleTempFiles } from './data-folder.js';
import { dataFolderNotice } from './memory-fallback-store.js';

const posix = process.platform !== 'win32';
const scratch = (): string => mkdtempSync(join(tmpdir(), 'cloud-desk-folder-'));

describe('prepareDataFolder', () => {
  it.runIf(posix)('creates the folder owner-only and narrows an existing one to 0700', () => {
    const fresh = join(scratch(), 'data');
    expect(prepareDataFolder(fresh, new RecordingLogger())).toBeUndefined();
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    const existing = scratch();
    chmodSync(existing, 0o755);
    expect(prepareDataFolder(existing, new RecordingLogger())).toBeUndefined();
    expect(statSync(existing).mode & 0o777).toBe(0o700);
    expect(readdirSync(existing)).toEqual([]);
  });

  it('reports a folder that cannot be written, with the code the OS gave', () => {
    const root = scratch();
    writeFileSync(join(root, 'in-the-way'), '');
    const folder = join(root, 'in-the-way', 'data');
    expect(prepareDataFolder(folder, new RecordingLogger())).toEqual({ folder, code: 'ENOTDIR' });
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only what an interrupted atomic write of that file left', () => {
    const folder = scratch();
    const names = [
      'secrets.json',
      'secrets.json.tmp-1764500000a1b2c3',
      'secrets.json.tmp-17645000019f8e7d',
      'settings.json.tmp-1764500000a1b2c3',
      'secrets.json.corrupt-2026-11-22T10-00-00-000Z',
      'secrets.json.tmp-notes',
    ];
    for (const name of names) writeFileSync(join(folder, name), 'x');
    mkdirSync(join(folder, 'logs'));
    const removed = removeStaleTempFiles(folder, 'secrets.json', new RecordingLogger());
    expect(removed.sort()).toEqual(['secrets.json.tmp-1764500000a1b2c3', 'secrets.json.tmp-17645000019f8e7d']);
    expect(readdirSync(folder).sort()).toEqual(
      [
        'logs',
        'secrets.json',
        'secrets.json.corrupt-2026-11-22T10-00-00-000Z',
        'secrets.json.tmp-notes',
        'settings.json.tmp-1764500000a1b2c3',
      ].sort(),
    );
  });
});

describe('dataFolderNotice', () => {
  it.each([
    ['EROFS', 'read-only disk'],
    ['ENOSPC', 'disk that is full'],
    ['EACCES', 'permission denied'],
    ['EIO', 'cannot be written (EIO)'],
  ])('words %s for the user and says what still works', (code, words) => {
    const notice = dataFolderNotice({ folder: '/home/a/.config/Cloud Desk', code });
    expect(notice.message).toContain('/home/a/.config/Cloud Desk ');
    expect(notice.message).toContain(words);
    expect(notice.message).toContain('keeps working');
    expect(notice.message).not.toMatch(/log/i);
  });
});
