// Entra ID error responses as real Entra ID sends them: OAuth error + AADSTS code, trace/correlation ids.
// Only the wire format lives here; deciding which error applies is the endpoints' job.
import type { ServerResponse } from 'node:http';
import type { RequestContext } from '../types.js';

export interface EntraErrorSpec {
  status: number;
  error: string;
  code: number;
  message: string;
  suberror?: string;
  claims?: string;
}

/** Thrown inside the identity endpoints and rendered by `writeEntraError`. */
export class EntraError extends Error {
  constructor(readonly spec: EntraErrorSpec) {
    super(`AADSTS${spec.code}: ${spec.message}`);
    this.name = 'EntraError';
  }
}

export function entraTimestamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

export function entraErrorBody(spec: EntraErrorSpec, ctx: RequestContext, now: number): Record<string, unknown> {
  const ts = entraTimestamp(now);
  return {
    error: spec.error,
    error_description:
      `AADSTS${spec.code}: ${spec.message} Trace ID: ${ctx.requestId} Correlation ID: ${ctx.correlationId} ` +
      `Timestamp: ${ts}`,
    error_codes: [spec.code],
    timestamp: ts,
    trace_id: ctx.requestId,
    correlation_id: ctx.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${spec.code}`,
    ...(spec.suberror === undefined ? {} : { suberror: spec.suberror }),
    ...(spec.claims === undefined ? {} : { claims: spec.claims }),
  };
}

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store, no-cache',
    pragma: 'no-cache',
  });
  res.end(text);
}

export function writeEntraError(res: ServerResponse, spec: EntraErrorSpec, ctx: RequestContext, now: number): void {
  writeJson(res, spec.status, entraErrorBody(spec, ctx, now));
}

/** The errors the endpoints raise, named so callers read like the AADSTS reference. */
export const aadsts = {
  tenantNotFound: (tenant: string): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_tenant',
    code: 90002,
    message:
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into ` +
      'the correct cloud. Check with your subscription administrator, this may happen if there are no active ' +
      'subscriptions for the tenant.',
  }),
  unknownClient: (clientId: string, tenantName: string): EntraErrorSpec => ({
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    message:
      `Application with identifier '${clientId}' was not found in the directory '${tenantName}'. This can ` +
      'happen if the application has not been installed by the administrator of the tenant or consented to by ' +
      'any user in the tenant. You may have sent your authentication request to the wrong tenant.',
  }),
  redirectMismatch: (redirectUri: string, clientId: string): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_request',
    code: 50011,
    message:
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured ` +
      `for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to ` +
      'your application in the Azure portal.',
  }),
  unknownResource: (resource: string, tenantName: string): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    message:
      `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can ` +
      'happen if the application has not been installed by the administrator of the tenant or consented to by ' +
      'any user in the tenant. You might have sent your authentication request to the wrong tenant.',
  }),
  invalidScope: (scope: string): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_scope',
    code: 70011,
    message: `The provided request must include a 'scope' input parameter. The provided value '${scope}' is not valid.`,
  }),
  userNotInTenant: (username: string, tenantName: string): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 90072,
    message:
      `User account '${username}' from identity provider 'https://sts.windows.net/' does not exist in tenant ` +
      `'${tenantName}' and cannot access the application in that tenant. The account needs to be added as an ` +
      'external user in the tenant first. Sign out and sign in again with a different Microsoft Entra user account.',
    suberror: 'bad_token',
  }),
  mfaRequired: (resource: string, claims: string): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 50076,
    message:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you ' +
      `must use multi-factor authentication to access '${resource}'.`,
    suberror: 'basic_action',
    claims,
  }),
  consentRequired: (clientId: string, resource: string): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 65001,
    message:
      `The user or administrator has not consented to use the application with ID '${clientId}'. Send an ` +
      `interactive authorization request for this user and resource '${resource}'.`,
    suberror: 'consent_required',
  }),
  grantRevoked: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 50173,
    message:
      'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have ' +
      'changed or reset their password.',
    suberror: 'bad_token',
  }),
  refreshTokenExpired: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 700082,
    message: 'The refresh token has expired due to inactivity.',
    suberror: 'bad_token',
  }),
  badRefreshToken: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 9002313,
    message: 'Invalid request. Request is malformed or invalid.',
    suberror: 'bad_token',
  }),
  badCode: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 9002313,
    message: 'Invalid request. Request is malformed or invalid.',
  }),
  codeRedeemed: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 54005,
    message:
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  codeExpired: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 70008,
    message:
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  }),
  pkceMissing: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 50148,
    message: 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
  }),
  pkceMismatch: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 501481,
    message: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  redirectChanged: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 500112,
    message: 'The reply address does not match the reply address provided when requesting Authorization code.',
  }),
  missingParam: (name: string): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    message: `The request body must contain the following parameter: '${name}'.`,
  }),
  unsupportedGrant: (grant: string): EntraErrorSpec => ({
    status: 400,
    error: 'unsupported_grant_type',
    code: 70003,
    message: `The app requested an unsupported grant type '${grant}'.`,
  }),
  publicClientSecret: (): EntraErrorSpec => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  badSecret: (clientId: string): EntraErrorSpec => ({
    status: 401,
    error: 'invalid_client',
    code: 7000215,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  badAssertion: (detail: string): EntraErrorSpec => ({
    status: 401,
    error: 'invalid_client',
    code: 700027,
    message: `Client assertion failed signature validation. ${detail}`,
  }),
  unknownCertificate: (thumbprint: string, clientId: string): EntraErrorSpec => ({
    status: 401,
    error: 'invalid_client',
    code: 700027,
    message: `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.]`,
  }),
  notConfidential: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_client',
    code: 7000218,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  deviceCodeUnknown: (): EntraErrorSpec => ({
    status: 400,
    error: 'invalid_grant',
    code: 70000,
    message: "The provided value for the input parameter 'device_code' is not valid.",
  }),
  authorizationPending: (): EntraErrorSpec => ({
    status: 400,
    error: 'authorization_pending',
    code: 70016,
    message: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  }),
  deviceCodeExpired: (): EntraErrorSpec => ({
    status: 400,
    error: 'expired_token',
    code: 70020,
    message: "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
  }),
  deviceDeclined: (): EntraErrorSpec => ({
    status: 400,
    error: 'authorization_declined',
    code: 70000,
    message: 'The user denied the authorization request.',
  }),
};
