import { describe, expect, it } from 'vitest';
import { MemoryCipher, MemoryStore, RecordingLogger, fixedClock } from '../testing/fakes.js';
import { SecretVault } from './secret-vault.js';

function vault(protection: 'os' | 'weak' | 'unavailable', allowWeak = false) {
  const store = new MemoryStore();
  const cipher = new MemoryCipher(protection);
  let weak = allowWeak;
  const v = new SecretVault(store, cipher, {
    clock: fixedClock('2026-11-22T10:00:00.000Z'),
    logger: new RecordingLogger(),
    allowWeak: () => weak,
  });
  return { v, store, cipher, allow: () => (weak = true) };
}

describe('SecretVault', () => {
  it('stores only ciphertext and reads it back', async () => {
    const { v, store } = vault('os');
    expect(await v.refreshStatus()).toBe('encrypted');
    await v.write('accounts', '{"secret":"s3cr3t"}');
    expect(JSON.stringify([...store.data.values()])).not.toContain('s3cr3t');
    expect(await v.read('accounts')).toEqual({ kind: 'ok', value: '{"secret":"s3cr3t"}' });
    expect(await v.read('other')).toEqual({ kind: 'missing' });
  });

  it('moves a blob that cannot be decrypted aside under a timestamped key and reports it', async () => {
    const { v, store, cipher } = vault('os');
    await v.refreshStatus();
    await v.write('msal:azure', 'cache');
    await v.write('accounts', 'registry');
    cipher.fail = true;
    const read = await v.read('msal:azure');
    expect(read).toEqual({ kind: 'damaged', movedTo: 'vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z' });
    expect(store.get('vault:msal:azure')).toBeUndefined();
    expect(store.get('vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z')).toMatch(/^enc:/);
    // Other blobs are untouched.
    expect(store.get('vault:accounts')).toMatch(/^enc:/);
  });

  it('moves aside a stored value that is not even a string', async () => {
    const { v, store } = vault('os');
    await v.refreshStatus();
    store.set('vault:accounts', { not: 'ciphertext' });
    expect((await v.read('accounts')).kind).toBe('damaged');
  });

  it('keeps secrets in memory only when OS encryption is unavailable', async () => {
    const { v, store } = vault('unavailable');
    expect(await v.refreshStatus()).toBe('session_only');
    await v.write('accounts', 'registry');
    expect(store.data.size).toBe(0);
    expect(await v.read('accounts')).toEqual({ kind: 'ok', value: 'registry' });
  });

  it('treats the weak Linux backend as session-only until the user opts in, then persists', async () => {
    const { v, store, allow } = vault('weak');
    expect(await v.refreshStatus()).toBe('session_only');
    expect(v.backend()).toBe('basic_text');
    await v.write('accounts', 'registry');
    expect(store.data.size).toBe(0);
    allow();
    expect(await v.refreshStatus()).toBe('weak');
    await v.persistSessionSecrets();
    expect(store.get('vault:accounts')).toMatch(/^enc:/);
    expect(await v.read('accounts')).toEqual({ kind: 'ok', value: 'registry' });
  });

  it('falls back to session-only when the cipher cannot even report its status', async () => {
    const { v, cipher } = vault('os');
    cipher.status = () => Promise.reject(new Error('keychain locked'));
    expect(await v.refreshStatus()).toBe('session_only');
  });

  it('keeps the newest value when encryptions finish out of order', async () => {
    const { v, store, cipher } = vault('os');
    await v.refreshStatus();
    const encrypt = cipher.encrypt.bind(cipher);
    let calls = 0;
    // The first encryption is slow, the second fast: the older value must not land last.
    cipher.encrypt = async (plain) => {
      calls += 1;
      if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 50));
      return encrypt(plain);
    };
    await Promise.all([v.write('accounts', 'older'), v.write('accounts', 'newer')]);
    expect(store.get('vault:accounts')).toBe(await encrypt('newer'));
  });

  it('does not let a write that is still encrypting undo a delete, and reads see queued writes', async () => {
    const { v, store, cipher } = vault('os');
    await v.refreshStatus();
    const encrypt = cipher.encrypt.bind(cipher);
    cipher.encrypt = async (plain) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return encrypt(plain);
    };
    const written = v.write('msal:azure', 'v1');
    const deleted = v.delete('msal:azure');
    await Promise.all([written, deleted]);
    expect(store.keys()).toEqual([]);
    void v.write('accounts', 'v2');
    expect(await v.read('accounts')).toEqual({ kind: 'ok', value: 'v2' });
  });

  it('keeps a blob whose re-encryption fails instead of calling it damaged', async () => {
    const { v, store, cipher } = vault('os');
    await v.refreshStatus();
    await v.write('accounts', 'registry');
    const decrypt = cipher.decrypt.bind(cipher);
    cipher.decrypt = async (text) => ({ ...(await decrypt(text)), shouldReEncrypt: true });
    cipher.encrypt = () => Promise.reject(new Error('keychain busy'));
    expect(await v.read('accounts')).toEqual({ kind: 'ok', value: 'registry' });
    expect(store.keys()).toEqual(['vault:accounts']);
  });

  it('takes weakly stored secrets off the disk when the user withdraws the opt-in, keeping them for the session', async () => {
    const store = new MemoryStore();
    const cipher = new MemoryCipher('weak');
    let allowWeak = true;
    const v = new SecretVault(store, cipher, {
      clock: fixedClock('2026-11-22T10:00:00.000Z'),
      logger: new RecordingLogger(),
      allowWeak: () => allowWeak,
    });
    expect(await v.refreshStatus()).toBe('weak');
    await v.write('msal:azure', 'tokens');
    store.set('vault:accounts.corrupt-2026-11-21T10:00:00.000Z', 'old damaged blob');
    allowWeak = false;
    expect(await v.refreshStatus()).toBe('session_only');
    await v.retreatToMemory();
    expect(store.keys()).toEqual(['vault:accounts.corrupt-2026-11-21T10:00:00.000Z']);
    expect(await v.read('msal:azure')).toEqual({ kind: 'ok', value: 'tokens' });
  });
});
