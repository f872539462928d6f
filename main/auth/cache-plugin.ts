// MSAL's token cache, kept in the SecretVault: it is plain JSON holding refresh and access tokens, so it is
// encrypted before it touches disk. MSAL overwrites its in-memory cache with whatever the plugin last
// deserialized, so every access hands it the current document; the vault is decrypted only once per process
// (we are its only writer) and written on every change. No Electron imports.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretVault } from '../storage/secret-vault.js';

export function vaultCachePlugin(vault: SecretVault, name: string, onDamaged: (movedTo: string) => void): ICachePlugin {
  let current: string | undefined;
  let loaded: Promise<void> | undefined;
  const load = async (): Promise<void> => {
    const stored = await vault.read(name);
    if (stored.kind === 'ok') current = stored.value;
    else if (stored.kind === 'damaged') onDamaged(stored.movedTo);
  };
  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      await (loaded ??= load());
      if (current !== undefined) context.tokenCache.deserialize(current);
    },
    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (!context.cacheHasChanged) return;
      current = context.tokenCache.serialize();
      await vault.write(name, current);
    },
  };
}
