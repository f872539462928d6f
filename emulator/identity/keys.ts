// The emulator's token-signing key (RS256) and its JWKS document. One key per emulator run, kept across resets
// so tokens issued before an admin reset still verify. Never a real Entra key.
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  // Entra's kid equals the certificate's x5t: 27 base64url characters.
  const kid = randomBytes(20).toString('base64url');
  const jwk = await exportJWK(publicKey);
  return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, use: 'sig', kty: 'RSA', alg: 'RS256', x5t: kid } };
}
