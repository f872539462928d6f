// The preview's stand-in for Electron safeStorage: AES-256-GCM with a random key kept in the preview's data
// folder. Dev-only (the key sits beside the data); never packaged. CLOUD_DESK_PREVIEW_ENCRYPTION=unavailable or
// =weak makes it behave like Linux without a keyring, so that path can be tested in a browser.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileSync } from 'atomically';
import type { CipherStatus, SecretCipher } from '../main/ports.js';
import { privateFileMode, privateFolderMode } from '../main/storage/data-folder.js';

export function devFileCipher(keyFile: string, simulate: string | undefined): SecretCipher {
  let key: Buffer | undefined;
  const loadKey = (): Buffer => {
    if (key) return key;
    if (existsSync(keyFile)) key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (!key || key.length !== 32) {
      key = randomBytes(32);
      try {
        mkdirSync(dirname(keyFile), { recursive: true, mode: privateFolderMode });
        writeFileSync(keyFile, key.toString('base64'), { mode: privateFileMode });
      } catch {
        // An unwritable data folder (already reported as a notice) keeps the stores in memory; the key stays in
        // memory with them, so this session's secrets still encrypt and decrypt.
      }
    }
    return key;
  };
  const status: CipherStatus =
    simulate === 'unavailable'
      ? { protection: 'unavailable' }
      : simulate === 'weak'
        ? { protection: 'weak', backend: 'basic_text' }
        : { protection: 'os', backend: 'preview-dev-file' };
  return {
    status: () => Promise.resolve(status),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'));
    },
    decrypt(cipherText) {
      const raw = Buffer.from(cipherText, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', loadKey(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return Promise.resolve({ plain, shouldReEncrypt: false });
    },
  };
}
