// The cloud's one token cache: decrypted, checked and handed to the MSAL client once, written back encrypted after
// calls that changed it (changes during a write coalesced into one more write), and a stored document that is not
// an MSAL cache set aside.
import type { TokenCache } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import type { SecretVault } from '../storage/secret-vault.js';
import { MemoryCipher, MemoryStore, RecordingLogger, fixedClock } from '../testing/fakes.js';
import { cacheShapeProblem, CloudCache } from './cloud-token-cache.js';
import { testVault } from '../testing/vault.js';

/** The part of MSAL's TokenCache the store uses: a document that changes when a test says so. */
class FakeTokenCache {
  readonly deserialized: string[] = [];
  document = '{}';
  changed = false;
  deserialize(text: string): void {
    this.deserialized.push(text);
    this.document = text;
  }
  serialize(): string {
    this.changed = false;
    return this.document;
  }
  hasChanged(): boolean {
    return this.changed;
  }
  change(document: string): void {
    this.document = document;
    this.changed = true;
  }
  get msal(): TokenCache {
    return this as unknown as TokenCache;
  }
}

/** Counts encryptions and can hold them open, to see what lands while a write is in flight. */
class CountingCipher extends MemoryCipher {
  encryptions = 0;
  hold: Promise<void> | undefined;
  override async encrypt(plain: string): Promise<string> {
    this.encryptions += 1;
    await this.hold;
    return super.encrypt(plain);
  }
}

async function setup(cipher: MemoryCipher = new MemoryCipher()) {
  const store = new MemoryStore();
  const logger = new RecordingLogger();
  const vault = await testVault({ store, cipher, clock: fixedClock('2026-11-22T10:00:00.000Z'), logger });
  const damaged: string[] = [];
  const cache = new CloudCache({
    vault,
    name: 'msal:azure',
    now: () => Date.parse('2026-11-22T10:00:00.000Z'),
    logger,
    onDamaged: (movedTo: string, why: string) => damaged.push(`${movedTo} (${why})`),
  });
  return { store, vault, cipher, cache, damaged };
}

const cacheJson = '{"RefreshToken":{"k":{"secret":"0.AAAArefresh"}}}';

describe('CloudCache', () => {
  it('round-trips the MSAL cache through the cipher, never writing it in plain text', async () => {
    const { store, vault, cache } = await setup();
    const client = new FakeTokenCache();
    await cache.attach(client.msal);
    client.change(cacheJson);
    await cache.persist(client.msal);
    expect(JSON.stringify([...store.data.values()])).not.toContain('0.AAAArefresh');
    expect(await vault.read('msal:azure')).toEqual({ kind: 'ok', value: cacheJson });

    // A new process hands the stored document to its client, once.
    const restarted = new CloudCache(cacheDeps(vault));
    const next = new FakeTokenCache();
    await restarted.attach(next.msal);
    expect(next.deserialized).toEqual([cacheJson]);
  });

  it('does not write when the call changed nothing', async () => {
    const { store, cache } = await setup();
    const client = new FakeTokenCache();
    await cache.attach(client.msal);
    await cache.persist(client.msal);
    expect(store.data.size).toBe(0);
  });

  it('coalesces changes made while a write is in flight into one more write of the latest cache', async () => {
    const cipher = new CountingCipher();
    const { vault, cache } = await setup(cipher);
    const client = new FakeTokenCache();
    await cache.attach(client.msal);
    let release = (): void => {};
    cipher.hold = new Promise((resolve) => (release = resolve));
    const persists = Array.from({ length: 10 }, (_, n) => {
      client.change(`{"AccessToken":{"v${n}":{}}}`);
      return cache.persist(client.msal);
    });
    release();
    await Promise.all(persists);
    expect(cipher.encryptions).toBe(2);
    expect(await vault.read('msal:azure')).toEqual({ kind: 'ok', value: '{"AccessToken":{"v9":{}}}' });
  });

  it('reports a cache that cannot be decrypted and starts empty', async () => {
    const { vault, cipher, cache, damaged } = await setup();
    await vault.write('msal:azure', cacheJson);
    cipher.fail = true;
    const client = new FakeTokenCache();
    await cache.attach(client.msal);
    expect(client.deserialized).toEqual([]);
    expect(damaged).toEqual(['vault:msal:azure.corrupt-2026-11-22T10:00:00.000Z (it could not be decrypted)']);
  });

  it.each([
    ['{"Account": {', 'not valid JSON'],
    ['[1, 2]', 'not a JSON object'],
    ['{"AccessToken": "x"}', 'AccessToken is not an object'],
  ])('sets aside a document that decrypts but is no MSAL cache (%s) and starts empty', async (text, why) => {
    const { vault, cache, damaged } = await setup();
    await vault.write('msal:azure', text);
    const client = new FakeTokenCache();
    await cache.attach(client.msal);
    expect(client.deserialized).toEqual([]);
    const movedTo = 'msal:azure.corrupt-unreadable-2026-11-22T10:00:00.000Z';
    expect(damaged).toEqual([`${movedTo} (it is ${why})`]);
    expect(await vault.read(movedTo)).toEqual({ kind: 'ok', value: text });
    expect(await vault.read('msal:azure')).toEqual({ kind: 'missing' });
  });

  it('a replaced client never writes again, and a discarded cache never writes at all', async () => {
    const { store, cache } = await setup();
    const old = new FakeTokenCache();
    await cache.attach(old.msal);
    const current = new FakeTokenCache();
    await cache.attach(current.msal);
    old.change('{"stale":{}}');
    await cache.persist(old.msal);
    expect(store.keys()).toEqual([]);

    cache.discard();
    current.change(cacheJson);
    await cache.persist(current.msal);
    expect(store.keys()).toEqual([]);
  });
});

describe('cacheShapeProblem', () => {
  it('accepts what msal-node serializes, including sections it may add later', () => {
    expect(
      cacheShapeProblem(
        '{"Account":{},"IdToken":{},"AccessToken":{"k":{"secret":"x"}},"RefreshToken":{},"AppMetadata":{},"New":1}',
      ),
    ).toBeUndefined();
  });
});

function cacheDeps(vault: SecretVault) {
  return {
    vault,
    name: 'msal:azure',
    now: () => Date.parse('2026-11-22T10:00:00.000Z'),
    logger: new RecordingLogger(),
    onDamaged: () => {},
  };
}
