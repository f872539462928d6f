// Turns the credential a user gives for a service principal into the one form stored and handed to
// @azure/identity: a secret, or one PEM holding the certificate and its private key (from one PEM, a certificate
// PEM plus a key PEM, or a PFX/PKCS#12 file with its password). No Electron imports.
import forge from 'node-forge';
import type { ServicePrincipalCredentialInput } from '../../preload/contract.js';
import { ServiceError } from '../errors.js';
import type { ServicePrincipalCredential } from '../accounts/account-registry.js';

export function storedCredential(input: ServicePrincipalCredentialInput): ServicePrincipalCredential {
  switch (input.kind) {
    case 'secret':
      return input;
    case 'certificate':
      return { kind: 'certificate', certificatePem: input.certificatePem };
    case 'certificate_and_key':
      return {
        kind: 'certificate',
        certificatePem: `${input.certificatePem.trim()}\n${input.privateKeyPem.trim()}\n`,
      };
    case 'pfx':
      return { kind: 'certificate', certificatePem: pemFromPfx(input.pfxBase64, input.password) };
  }
}

function pemFromPfx(pfxBase64: string, password: string): string {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.decode64(pfxBase64.replace(/\s+/g, ''));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), password);
  } catch (error) {
    const wrongPassword = error instanceof Error && /password|mac/i.test(error.message);
    throw new ServiceError(
      'invalid_input',
      wrongPassword
        ? 'The PFX file could not be opened with that password. Check the password and try again.'
        : 'The file is not a PFX/PKCS#12 certificate. Export the certificate with its private key as .pfx or .p12.',
      wrongPassword ? 'credential.password' : 'credential.pfxBase64',
    );
  }
  const bags = (bagType: string | undefined): forge.pkcs12.Bag[] =>
    bagType ? (p12.getBags({ bagType })[bagType] ?? []) : [];
  const keys = [...bags(forge.pki.oids['pkcs8ShroudedKeyBag']), ...bags(forge.pki.oids['keyBag'])];
  const certificates = bags(forge.pki.oids['certBag']);
  const key = keys.find((bag) => bag.key)?.key;
  const certificate = certificates.find((bag) => bag.cert)?.cert;
  if (!key || !certificate) {
    throw new ServiceError(
      'invalid_input',
      'The PFX file must hold both the certificate and its private key. Export it again with the private key.',
      'credential.pfxBase64',
    );
  }
  return `${forge.pki.certificateToPem(certificate).trim()}\n${forge.pki.privateKeyToPem(key).trim()}\n`;
}
