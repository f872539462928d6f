// The service principal form without the DOM: what it checks before anything is sent (the contract's own rules for
// tenants, client ids and PEM blocks, worded for the form), the request it sends, and which field a refusal from
// Entra ID points at (a wrong secret marks the secret, not the whole form). Pure functions; main checks again.
import {
  certificatePemPattern,
  isGuid,
  isTenantRef,
  privateKeyPemPattern,
  type AppError,
  type ArgOf,
} from '../../../preload/contract';

export type CredentialKind = 'secret' | 'pfx' | 'certificate_and_key' | 'certificate';

export interface Draft {
  cloudId: string;
  label: string;
  tenant: string;
  clientId: string;
  kind: CredentialKind;
  secret: string;
  /** One PEM with the certificate and its key ('certificate'). */
  pem: string;
  /** Separate PEM files ('certificate_and_key'). */
  certificatePem: string;
  privateKeyPem: string;
  /** The PFX / P12 file's bytes in base64 ('pfx'), and its password. */
  pfxBase64: string;
  password: string;
}

export const emptyDraft: Draft = {
  cloudId: '',
  label: '',
  tenant: '',
  clientId: '',
  kind: 'secret',
  secret: '',
  pem: '',
  certificatePem: '',
  privateKeyPem: '',
  pfxBase64: '',
  password: '',
};

export type Field = 'label' | 'tenant' | 'clientId' | 'secret' | 'pem' | 'certificatePem' | 'privateKeyPem' | 'pfx';
export type Problems = Partial<Record<Field, string>>;

const pemLimit = 64 * 1024;
/** The contract's limit on the base64 text of a PFX. */
const pfxBase64Limit = 128 * 1024;

export function validateServicePrincipal(draft: Draft): Problems {
  const problems: Problems = {};
  if (draft.label.trim().length > 100) problems.label = 'Keep the name to 100 characters.';
  const tenant = draft.tenant.trim();
  if (!tenant) problems.tenant = 'Enter the tenant ID or a domain of the tenant.';
  else if (!isTenantRef(tenant))
    problems.tenant = 'Enter a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.';
  const clientId = draft.clientId.trim();
  if (!clientId) problems.clientId = 'Enter the application (client) ID.';
  else if (!isGuid(clientId))
    problems.clientId = 'The application (client) ID is a GUID, like 00000000-0000-0000-0000-000000000000.';
  switch (draft.kind) {
    case 'secret':
      if (!draft.secret) problems.secret = 'Enter the client secret’s value.';
      else if (draft.secret.length > 1024) problems.secret = 'A client secret is at most 1024 characters.';
      break;
    case 'certificate': {
      const pem = draft.pem.trim();
      if (!pem) problems.pem = 'Paste the certificate or choose its file.';
      else if (!certificatePemPattern.test(pem) || !privateKeyPemPattern.test(pem))
        problems.pem =
          'The PEM needs both the certificate and its private key (BEGIN CERTIFICATE and BEGIN PRIVATE KEY).';
      else if (pem.length > pemLimit) problems.pem = 'The PEM is larger than 64 KB; is it the right file?';
      break;
    }
    case 'certificate_and_key':
      if (!certificatePemPattern.test(draft.certificatePem))
        problems.certificatePem = 'Choose the certificate file (a PEM with BEGIN CERTIFICATE).';
      else if (draft.certificatePem.length > pemLimit)
        problems.certificatePem = 'The certificate is larger than 64 KB.';
      if (!privateKeyPemPattern.test(draft.privateKeyPem))
        problems.privateKeyPem = 'Choose the private key file (a PEM with BEGIN PRIVATE KEY).';
      else if (draft.privateKeyPem.length > pemLimit) problems.privateKeyPem = 'The key is larger than 64 KB.';
      break;
    case 'pfx':
      if (!draft.pfxBase64) problems.pfx = 'Choose the PFX or P12 file.';
      else if (draft.pfxBase64.length > pfxBase64Limit) problems.pfx = 'The file is larger than 96 KB; is it a PFX?';
      break;
  }
  return problems;
}

export type ServicePrincipalArgs = ArgOf<'accounts.addServicePrincipal'>;

/** The request for a draft that passed `validateServicePrincipal`. */
export function toServicePrincipalArgs(draft: Draft, cloudId: string): ServicePrincipalArgs {
  const label = draft.label.trim();
  const credential: ServicePrincipalArgs['credential'] =
    draft.kind === 'secret'
      ? { kind: 'secret', secret: draft.secret }
      : draft.kind === 'certificate'
        ? { kind: 'certificate', certificatePem: draft.pem.trim() }
        : draft.kind === 'certificate_and_key'
          ? { kind: 'certificate_and_key', certificatePem: draft.certificatePem, privateKeyPem: draft.privateKeyPem }
          : { kind: 'pfx', pfxBase64: draft.pfxBase64, password: draft.password };
  return {
    cloudId,
    tenantId: draft.tenant.trim(),
    clientId: draft.clientId.trim(),
    ...(label ? { label } : {}),
    credential,
  };
}

/** Entra ID's answers that point at one field, by their AADSTS code. */
const refusals: { code: string; field: (kind: CredentialKind) => Field; words: string }[] = [
  { code: '7000215', field: () => 'secret', words: 'The secret was not accepted for this app' },
  { code: '7000222', field: () => 'secret', words: 'This secret has expired; create a new one for the app' },
  {
    code: '700027',
    field: (kind) => (kind === 'pfx' ? 'pfx' : kind === 'certificate' ? 'pem' : 'certificatePem'),
    words: 'This certificate is not registered for this app',
  },
  { code: '700016', field: () => 'clientId', words: 'No app with this client ID exists in that tenant' },
  { code: '90002', field: () => 'tenant', words: 'No tenant with this ID or domain was found' },
];

/** The field an error from main is about, with words for it ("... (AADSTS7000215)"); undefined for other errors. */
export function fieldForError(error: AppError, kind: CredentialKind): { field: Field; message: string } | undefined {
  const text = `${error.message} ${error.detail ?? ''}`;
  for (const refusal of refusals) {
    if (!new RegExp(`AADSTS${refusal.code}\\b`).test(text)) continue;
    // A secret refusal while a certificate was given cannot be about a field the user sees.
    const field = refusal.field(kind);
    if (field === 'secret' && kind !== 'secret') continue;
    return { field, message: `${refusal.words} (AADSTS${refusal.code}).` };
  }
  return undefined;
}
