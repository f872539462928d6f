import type { TokenCacheContext } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { SecretVault } from '../storage/secret-vault.js';
import { MemoryCipher, MemoryStore, RecordingLogger, fixedClock } from '../testing/fakes.js';
import { CacheSlot, vaultCachePlugin } from './cache-plugin.js';

/** The two calls MSAL makes on its cache around every access, recorded. */
function context(changed: boolean, serialized = '') {
  const deserialized: string[] = [];
  const ctx = {
    cacheHasChanged: changed,
    tokenCache: { serialize: () => serialized, deserialize: (text: string) => deserialized.push(text) },
  } as unknown as TokenCacheContext;
  return { ctx, deserialized };
}

async function setup(cipher = new MemoryCipher()) {
  const store = new MemoryStore();
  const vault = new SecretVault(store, cipher, {
    clock: fixedClock('2026-11-22T10:00:00.000Z'),
    logger: new RecordingLogger(),
    allowWeak: () => false,
  });
  await vault.refreshStatus();
  return { store, vault, cipher };
}

const cacheJson = '{"RefreshToken":{"k":{"secret":"0.AAAArefresh"}}}';

describe('vaultCachePlugin', () => {
  it('round-trips the MSAL cache through the cipher, never writing it in plain text', async () => {
    const { store, vault } = await setup();
    const plugin = vaultCachePlugin(vault, 'msal:azure', new CacheSlot(), () => {});
    await plugin.beforeCacheAccess(context(false).ctx);
    await plugin.afterCacheAccess(context(true, cacheJson).ctx);
    expect(JSON.stringify([...store.data.values()])).not.toContain('0.AAAArefresh');

    // A new process (new plugin) hands the stored cache to MSAL on its first access...
    const fresh = vaultCachePlugin(vault, 'msal:azure', new CacheSlot(), () => {});
    const first = context(false);
    await fresh.beforeCacheAccess(first.ctx);
    expect(first.deserialized).toEqual([cacheJson]);
    // ...and on every later access, since MSAL replaces its in-memory cache with what it is given.
    const second = context(false);
    await fresh.beforeCacheAccess(second.ctx);
    expect(second.deserialized).toEqual([cacheJson]);
  });

  it('does not write when MSAL reports no change', async () => {
    const { store, vault } = await setup();
    const plugin = vaultCachePlugin(vault, 'msal:azure', new CacheSlot(), () => {});
    await plugin.beforeCacheAccess(context(false).ctx);
    await plugin.afterCacheAccess(context(false, cacheJson).ctx);
    expect(store.data.size).toBe(0);
  });

  it('reports a cache that cannot be decrypted and starts empty', async () => {
    const { vault, cipher } = await setup();
    await vault.write('msal:azure', cacheJson);
    cipher.fail = true;
    const damaged: string[] = [];
    const plugin = vaultCachePlugin(vault, 'msal:azure', new CacheSlot(), (movedTo) => damaged.push(movedTo));
    const access = context(false);
    await plugin.beforeCacheAccess(access.ctx);
    expect(access.deserialized).toEqual([]);
    expect(damaged).toEqual(['vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z']);
  });

  it('lets clients of one cloud share the current document, and a discarded slot never writes again', async () => {
    const { store, vault } = await setup();
    const slot = new CacheSlot();
    const before = vaultCachePlugin(vault, 'msal:azure', slot, () => {});
    const after = vaultCachePlugin(vault, 'msal:azure', slot, () => {});
    await before.beforeCacheAccess(context(false).ctx);
    await after.afterCacheAccess(context(true, cacheJson).ctx);
    const seen = context(false);
    await before.beforeCacheAccess(seen.ctx);
    expect(seen.deserialized).toEqual([cacheJson]);

    slot.discarded = true;
    await vault.delete('msal:azure');
    await before.afterCacheAccess(context(true, '{"stale":true}').ctx);
    expect(store.keys()).toEqual([]);
  });
});
