// Test support: the secret vault most tests need, over an in-memory store and an OS-grade cipher unless given
// others, never allowing weak storage, with its status already read. Test code only.
import type { Clock, KeyValueStore, Logger, SecretCipher } from '../ports.js';
import { SecretVault } from '../storage/secret-vault.js';
import { systemClock } from '../system-clock.js';
import { MemoryCipher, MemoryStore, RecordingLogger } from './fakes.js';

export async function testVault(
  options: { store?: KeyValueStore; cipher?: SecretCipher; clock?: Clock; logger?: Logger } = {},
): Promise<SecretVault> {
  const vault = new SecretVault(options.store ?? new MemoryStore(), options.cipher ?? new MemoryCipher(), {
    clock: options.clock ?? systemClock,
    logger: options.logger ?? new RecordingLogger(),
    allowWeak: () => false,
  });
  await vault.refreshStatus();
  return vault;
}
