// What the service principal form checks before anything is sent: tenant (id or domain), client id (GUID) and the
// credential (a secret, or a PEM holding both certificate and private key). Pure functions; main checks again.
const guidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const domainPattern = /^(?=.{1,253}$)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export type CredentialKind = 'secret' | 'certificate';

export interface Draft {
  cloudId: string;
  tenant: string;
  clientId: string;
  kind: CredentialKind;
  secret: string;
  pem: string;
}

export type Problems = Partial<Record<'tenant' | 'clientId' | 'secret' | 'pem', string>>;

export function validateServicePrincipal(draft: Draft): Problems {
  const problems: Problems = {};
  const tenant = draft.tenant.trim();
  if (!tenant) problems.tenant = 'Enter the tenant ID or a domain of the tenant.';
  else if (!guidPattern.test(tenant) && !domainPattern.test(tenant))
    problems.tenant = 'Enter a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.';
  const clientId = draft.clientId.trim();
  if (!clientId) problems.clientId = 'Enter the application (client) ID.';
  else if (!guidPattern.test(clientId))
    problems.clientId = 'The application (client) ID is a GUID, like 00000000-0000-0000-0000-000000000000.';
  if (draft.kind === 'secret') {
    if (!draft.secret) problems.secret = 'Enter the client secret’s value.';
    else if (draft.secret.length > 1024) problems.secret = 'A client secret is at most 1024 characters.';
  } else {
    const pem = draft.pem.trim();
    if (!pem) problems.pem = 'Paste the certificate or choose its file.';
    else if (!/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(pem) || !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
      problems.pem =
        'The PEM needs both the certificate and its private key (BEGIN CERTIFICATE and BEGIN PRIVATE KEY).';
    else if (pem.length > 64 * 1024) problems.pem = 'The PEM is larger than 64 KB; is it the right file?';
  }
  return problems;
}
