// Every certificate form a user may give becomes one PEM with the certificate and its key; a wrong PFX password
// or a PFX without its key is an invalid_input naming the field.
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors.js';
import { storedCredential } from './service-principal-credential.js';

function selfSigned(): { certificate: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  certificate.validity.notAfter = new Date('2027-01-01T00:00:00Z');
  certificate.setSubject([{ name: 'commonName', value: 'sp' }]);
  certificate.setIssuer([{ name: 'commonName', value: 'sp' }]);
  certificate.sign(keys.privateKey);
  return { certificate, key: keys.privateKey };
}

const { certificate, key } = selfSigned();
const certificatePem = forge.pki.certificateToPem(certificate);
const privateKeyPem = forge.pki.privateKeyToPem(key);
const pfx = (password: string, withKey = true): string =>
  forge.util.encode64(
    forge.asn1
      .toDer(forge.pkcs12.toPkcs12Asn1(withKey ? key : null, [certificate], password, { algorithm: '3des' }))
      .getBytes(),
  );

describe('storedCredential', () => {
  it('joins a certificate PEM and a key PEM into one PEM', () => {
    const stored = storedCredential({ kind: 'certificate_and_key', certificatePem, privateKeyPem });
    expect(stored).toEqual({
      kind: 'certificate',
      certificatePem: `${certificatePem.trim()}\n${privateKeyPem.trim()}\n`,
    });
  });

  it('opens a PFX with its password into the certificate and the same private key', () => {
    const stored = storedCredential({ kind: 'pfx', pfxBase64: pfx('pass word'), password: 'pass word' });
    if (stored.kind !== 'certificate') throw new Error('expected a certificate');
    expect(stored.certificatePem).toContain(certificatePem.trim());
    const keyBlock = stored.certificatePem.slice(stored.certificatePem.indexOf('-----BEGIN RSA PRIVATE KEY'));
    expect(forge.pki.privateKeyToPem(forge.pki.privateKeyFromPem(keyBlock))).toBe(privateKeyPem);
  });

  it('says the password is wrong for a PFX opened with another password', () => {
    const attempt = (): unknown => storedCredential({ kind: 'pfx', pfxBase64: pfx('right'), password: 'wrong' });
    expect(attempt).toThrow(ServiceError);
    expect(attempt).toThrow(/password/);
  });

  it('refuses a PFX that carries no private key', () => {
    expect(() => storedCredential({ kind: 'pfx', pfxBase64: pfx('p', false), password: 'p' })).toThrow(
      /certificate and its private key/,
    );
  });
});
