// SecretCipher on Electron's safeStorage, async API (the sync one is deprecated in 45 and removed in 46): the
// OS keychain (DPAPI, Keychain, libsecret/KWallet). On Linux without a keyring the backend is `basic_text`,
// which only obfuscates: reported as `weak`, so the vault keeps secrets in memory unless the user opts in.
import { safeStorage } from 'electron';
import type { CipherStatus, SecretCipher } from '../ports.js';

export const safeStorageCipher: SecretCipher = {
  async status(): Promise<CipherStatus> {
    const available = await safeStorage.isAsyncEncryptionAvailable();
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
    const protection = !available ? 'unavailable' : backend === 'basic_text' ? 'weak' : 'os';
    return backend ? { protection, backend } : { protection };
  },
  async encrypt(plain) {
    return (await safeStorage.encryptStringAsync(plain)).toString('base64');
  },
  async decrypt(cipherText) {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipherText, 'base64'));
    return { plain: result, shouldReEncrypt };
  },
};
