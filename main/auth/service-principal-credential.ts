// Service-principal credentials: what the user gives (a secret; a PEM with certificate and key; certificate and
// key as two PEMs; a PFX/PKCS#12 file with its password) becomes the one form stored (a secret or one PEM), and
// the stored form becomes the @azure/identity credential for the account's cloud. No Electron imports.
import type { TokenCredential } from '@azure/core-auth';
import { ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import forge from 'node-forge';
import type { ServicePrincipalCredentialInput } from '../../preload/contract.js';
import type { ServicePrincipalCredential, StoredServicePrincipal } from '../accounts/account-registry.js';
import type { IdentityCredentialOptions } from '../net/arm-pipeline.js';
import { ServiceError } from '../errors.js';

/** The SDK credential of a stored service principal, with its cloud's options (authority, network). */
export function identityCredential(
  account: StoredServicePrincipal,
  options: IdentityCredentialOptions,
): TokenCredential {
  return account.credential.kind === 'secret'
    ? new ClientSecretCredential(account.homeTenantId, account.clientId, account.credential.secret, options)
    : new ClientCertificateCredential(
        account.homeTenantId,
        account.clientId,
        { certificate: account.credential.certificatePem },
        options,
      );
}

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
