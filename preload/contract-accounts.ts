// The accounts part of the contract that main and the renderer must agree on word for word: the validation
// rules for ids and certificates, the words for why a tenant needs a sign-in, what an account's last check
// found, per-cloud connectivity, service-principal credentials and consent failures. Pure data and types: no
// Electron, no Node, no DOM. It imports nothing from contract.ts (contract.ts builds on it).
import { z } from 'zod';

// ---- validation rules, defined once ---------------------------------------------------------------------

export const guidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** A tenant's domain, e.g. contoso.onmicrosoft.com. */
export const tenantDomainPattern = /^(?=.{1,253}$)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
export const certificatePemPattern = /-----BEGIN CERTIFICATE-----/;
export const privateKeyPemPattern = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

export const validationMessages = {
  guid: 'must be a GUID, like 00000000-0000-0000-0000-000000000000',
  tenant: 'must be a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com',
  certificate: 'must contain a PEM certificate (BEGIN CERTIFICATE)',
  privateKey: 'must contain a PEM private key (BEGIN PRIVATE KEY)',
} as const;

export const isGuid = (value: string): boolean => guidPattern.test(value);
export const isTenantRef = (value: string): boolean => guidPattern.test(value) || tenantDomainPattern.test(value);

export const guidSchema = z.string().regex(guidPattern, validationMessages.guid);
/** A tenant named by its id or one of its domains. */
export const tenantRefSchema = z.string().trim().max(253).refine(isTenantRef, { message: validationMessages.tenant });

const certificatePem = z
  .string()
  .max(64 * 1024)
  .regex(certificatePemPattern, validationMessages.certificate);
const privateKeyPem = z
  .string()
  .max(64 * 1024)
  .regex(privateKeyPemPattern, validationMessages.privateKey);

// ---- how sign-in data is kept ---------------------------------------------------------------------------

/** encrypted: OS keychain; session_only: kept in memory, lost on quit; weak: on disk with weak protection (opt-in). */
export const secretStorageModeSchema = z.enum(['encrypted', 'session_only', 'weak']);
export type SecretStorageMode = z.infer<typeof secretStorageModeSchema>;

/** Each storage mode in the words every view and notice uses: a title, and a phrase for "Sign-in data is …". */
export const secretStorageText: Record<SecretStorageMode, { title: string; phrase: string }> = {
  encrypted: { title: 'Sign-in data is encrypted', phrase: 'encrypted by your system’s keyring' },
  session_only: {
    title: 'Sign-ins are kept for this session only',
    phrase: 'kept in memory for this session only: you sign in again after you quit',
  },
  weak: {
    title: 'Sign-in data is stored without a keyring',
    phrase: 'stored on disk with weak protection: anyone who can read your files can use it',
  },
};

// ---- why a tenant needs a sign-in -----------------------------------------------------------------------

/** Why a tenant needs an interactive sign-in. */
export const signInReasonSchema = z.enum([
  'mfa',
  'consent',
  'conditional_access',
  'expired',
  'revoked',
  'not_member',
  'no_session',
  'other',
]);
export type SignInReason = z.infer<typeof signInReasonSchema>;

/** The one wording of each reason, used by main (tenant messages) and the renderer (badges, notes) alike. */
export const signInReasonText: Record<SignInReason, string> = {
  mfa: 'This tenant requires multi-factor authentication. Sign in to it to continue.',
  consent: 'Cloud Desk needs consent in this tenant: you or an administrator must approve it.',
  conditional_access: 'A Conditional Access policy in this tenant asks you to sign in again.',
  expired: 'Your sign-in has expired. Sign in again to continue.',
  revoked: 'Your sign-in was revoked, for example after a password change. Sign in again to continue.',
  not_member: 'Your account is not a member of this tenant any more.',
  no_session: 'Sign in to this tenant to continue.',
  other: 'This tenant asks you to sign in again.',
};

// ---- what an account's last check found -----------------------------------------------------------------

/**
 * Why the account-level check (listing its tenants) failed. The tenants keep their own states; this says the
 * list itself could not be read, so tenants may be missing or stale. `accounts.refresh(accountId)` retries.
 */
export const accountProblemCodes = [
  'offline',
  'timeout',
  'throttled',
  'unavailable',
  'bad_response',
  'forbidden',
  'internal',
] as const;
export const accountProblemSchema = z.strictObject({
  code: z.enum(accountProblemCodes),
  /** What happened and what to do, in words. */
  message: z.string(),
  correlationId: z.string().optional(),
  requestId: z.string().optional(),
});
export type AccountProblem = z.infer<typeof accountProblemSchema>;

// ---- connectivity, per cloud ----------------------------------------------------------------------------

export const cloudConnectivitySchema = z.strictObject({
  cloudId: z.string(),
  /** False after a call to this cloud could not reach its host; true once one gets any answer. */
  online: z.boolean(),
  /** ISO time of the last call that told us (absent: not contacted yet in this run). */
  checkedAt: z.string().optional(),
  /** ISO time of the next automatic re-check while offline. */
  nextCheckAt: z.string().optional(),
});
export type CloudConnectivity = z.infer<typeof cloudConnectivitySchema>;

// ---- service principals ---------------------------------------------------------------------------------

/** The ways a service principal's credential can be given; main stores every certificate form as one PEM. */
export const servicePrincipalCredentialSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('secret'), secret: z.string().min(1).max(1024) }),
  /** One PEM holding the certificate and its private key. */
  z.strictObject({
    kind: z.literal('certificate'),
    certificatePem: certificatePem.regex(privateKeyPemPattern, validationMessages.privateKey),
  }),
  /** The certificate and its private key as two PEM files. */
  z.strictObject({ kind: z.literal('certificate_and_key'), certificatePem, privateKeyPem }),
  /** A PFX / PKCS#12 file (base64) and its password ('' when it has none). */
  z.strictObject({
    kind: z.literal('pfx'),
    pfxBase64: z
      .string()
      .min(1)
      .max(128 * 1024)
      .regex(/^[A-Za-z0-9+/=\r\n]+$/, 'must be the file’s content in base64'),
    password: z.string().max(1024),
  }),
]);
export type ServicePrincipalCredentialInput = z.infer<typeof servicePrincipalCredentialSchema>;

// ---- consent failures of a sign-in ----------------------------------------------------------------------

/**
 * Set on a failed sign-in flow when consent stopped it: the user declined (AADSTS65004) or the tenant needs an
 * administrator's approval (AADSTS90094/90095). `accounts.openAdminConsent({cloudId, tenantId})` opens the
 * tenant's admin-consent page; main builds the URL.
 */
export const consentProblemSchema = z.strictObject({
  kind: z.enum(['declined', 'admin_approval_required']),
  cloudId: z.string(),
  /** The tenant the sign-in was for, when known; without it the admin's own tenant is asked. */
  tenantId: z.string().optional(),
});
export type ConsentProblem = z.infer<typeof consentProblemSchema>;

export const adminConsentArgsSchema = z.strictObject({
  cloudId: z.string().min(1).max(60),
  tenantId: tenantRefSchema.optional(),
});
