import Conf from 'conf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adaptConf, confStoreOptions } from './conf-store.js';

describe('the electron-store adapter (on conf, its engine)', () => {
  it('treats dotted keys as flat names, so moving a blob aside keeps it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cloud-desk-conf-'));
    const store = adaptConf(new Conf<Record<string, unknown>>({ cwd, configName: 'secrets', ...confStoreOptions }));
    store.set('vault:msal:azure', 'damaged-ciphertext');
    store.set('vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z', store.get('vault:msal:azure'));
    store.delete('vault:msal:azure');
    expect(store.keys()).toEqual(['vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z']);
    expect(JSON.parse(readFileSync(join(cwd, 'secrets.json'), 'utf8'))).toEqual({
      'vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z': 'damaged-ciphertext',
    });
  });
});
