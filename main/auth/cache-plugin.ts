// MSAL's token cache, kept in the SecretVault: it is plain JSON holding refresh and access tokens, so it is
// encrypted before it touches disk. MSAL overwrites its in-memory cache with whatever the plugin last
// deserialized, so every access hands it the current document. All MSAL clients of one cloud share one slot
// (one current document), so a client made before a settings change cannot write back an old copy; the vault
// is decrypted once per slot and written on every change. No Electron imports.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretVault } from '../storage/secret-vault.js';

/** The current cache document of one cloud. A discarded slot (after "Reset sign-in data") never writes again. */
export class CacheSlot {
  current: string | undefined;
  loaded: Promise<void> | undefined;
  discarded = false;
}

export function vaultCachePlugin(
  vault: SecretVault,
  name: string,
  slot: CacheSlot,
  onDamaged: (movedTo: string) => void,
): ICachePlugin {
  const load = async (): Promise<void> => {
    const stored = await vault.read(name);
    if (stored.kind === 'ok') slot.current = stored.value;
    else if (stored.kind === 'damaged') onDamaged(stored.movedTo);
  };
  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      await (slot.loaded ??= load());
      if (slot.current !== undefined) context.tokenCache.deserialize(slot.current);
    },
    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (!context.cacheHasChanged || slot.discarded) return;
      slot.current = context.tokenCache.serialize();
      await vault.write(name, slot.current);
    },
  };
}
