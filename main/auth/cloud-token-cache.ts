// MSAL's token cache of one cloud, kept in the SecretVault: it is plain JSON holding refresh and access tokens, so
// it is encrypted before it touches disk. The MSAL client's in-memory cache is the one truth while the app runs:
// the stored document is decrypted, checked and handed to the client once, and written back (encrypted) after
// calls that changed it, with changes that land during a write coalesced into the next one. There is no MSAL
// cache plugin on purpose: with one, msal-node clears and reloads its in-memory cache from the plugin before every
// silent call, so concurrent calls for many tenants could see an empty cache or overwrite each other's tokens.
// A document that decrypts but is not an MSAL cache is moved aside like one that does not decrypt.
// No Electron imports.
import type { TokenCache } from '@azure/msal-node';
import type { Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
/** The top-level sections of msal-node's serialized cache; each maps keys to entries. */
const sections = ['Account', 'IdToken', 'AccessToken', 'RefreshToken', 'AppMetadata'] as const;

/** Why a decrypted cache document cannot be used, or undefined when it has MSAL's shape. */
export function cacheShapeProblem(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'not a JSON object';
  for (const [key, value] of Object.entries(parsed)) {
    if (!(sections as readonly string[]).includes(key)) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${key} is not an object`;
    for (const entry of Object.values(value as Record<string, unknown>)) {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `${key} holds a non-object`;
    }
  }
  return undefined;
}

export interface CloudCacheDeps {
  vault: SecretVault;
  /** The vault name of this cloud's document, e.g. `msal:azure`. */
  name: string;
  now(): number;
  logger: Logger;
  /** The stored document could not be used and was moved aside (to `movedTo`); its accounts need a sign-in. */
  onDamaged(movedTo: string, why: string): void;
}

/** The stored cache document of one cloud and the single writer that keeps it current. */
export class CloudCache {
  private current: string | undefined;
  private loaded: Promise<void> | undefined;
  private source: TokenCache | undefined;
  private flushing: Promise<void> | undefined;
  private discarded = false;

  constructor(private readonly deps: CloudCacheDeps) {}

  /** Makes `cache` (a new client's) the cloud's cache, starting from the latest document; call before first use. */
  async attach(cache: TokenCache): Promise<void> {
    await (this.loaded ??= this.load());
    await this.flushing;
    this.source = cache;
    if (this.current === undefined) return;
    try {
      cache.deserialize(this.current);
    } catch (error) {
      await this.setAside(
        this.current,
        `it could not be loaded (${error instanceof Error ? error.message : 'unknown error'})`,
      );
    }
  }

  /** After a call on `cache`: writes it if it changed; resolves once the vault holds the change. */
  async persist(cache: TokenCache): Promise<void> {
    // A client replaced meanwhile (settings changed) must not write its older view back.
    if (cache !== this.source || this.discarded) return;
    for (;;) {
      if (this.flushing) {
        await this.flushing;
        continue;
      }
      if (!cache.hasChanged() || cache !== this.source || this.discarded) return;
      this.flushing = this.write(cache).finally(() => {
        this.flushing = undefined;
      });
    }
  }

  /** Writes pending changes (on quit). */
  flush(): Promise<void> {
    return this.source ? this.persist(this.source) : Promise.resolve();
  }

  /** After "Reset sign-in data": this document is forgotten and never written again. */
  discard(): void {
    this.discarded = true;
  }

  private async write(cache: TokenCache): Promise<void> {
    // serialize() clears hasChanged: a change made while the vault encrypts marks it again for the next round.
    this.current = cache.serialize();
    try {
      await this.deps.vault.write(this.deps.name, this.current);
    } catch (error) {
      // The in-memory cache stays right for this session; the next change tries the disk again.
      this.deps.logger.warn('the sign-in cache could not be written', { name: this.deps.name, error });
    }
  }

  private async load(): Promise<void> {
    const stored = await this.deps.vault.read(this.deps.name);
    if (stored.kind === 'damaged') {
      this.deps.onDamaged(stored.movedTo, 'it could not be decrypted');
      return;
    }
    if (stored.kind !== 'ok') return;
    const problem = cacheShapeProblem(stored.value);
    if (problem === undefined) this.current = stored.value;
    else await this.setAside(stored.value, `it is ${problem}`);
  }

  private async setAside(text: string, why: string): Promise<void> {
    this.current = undefined;
    const movedTo = `${this.deps.name}.corrupt-unreadable-${new Date(this.deps.now()).toISOString()}`;
    await this.deps.vault.write(movedTo, text);
    await this.deps.vault.delete(this.deps.name);
    this.deps.onDamaged(movedTo, why);
  }
}
