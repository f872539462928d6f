// Entra ID discovery documents as the emulator serves them: OIDC metadata per tenant path and the instance
// discovery answer MSAL asks for. Pure functions of the base URL; no state, no token logic.
import type { TenantSegment } from './directory.js';

export function instanceDiscovery(base: string, authEndpoint: string | null): Record<string, unknown> {
  const host = new URL(base).host;
  let tenant = 'common';
  if (authEndpoint !== null) {
    try {
      tenant = new URL(authEndpoint).pathname.split('/')[1] || 'common';
    } catch {
      tenant = 'common';
    }
  }
  return {
    tenant_discovery_endpoint: `${base}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

export function openIdConfiguration(base: string, segment: TenantSegment): Record<string, unknown> {
  const path = segment.kind === 'tenant' ? segment.tenant.id : segment.segment;
  const issuer = segment.kind === 'tenant' ? `${base}/${segment.tenant.id}/v2.0` : `${base}/{tenantid}/v2.0`;
  return {
    token_endpoint: `${base}/${path}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${path}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${base}/${path}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${path}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${path}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/${path}/kerberos`,
    tenant_region_scope: segment.kind === 'tenant' ? 'NA' : null,
    cloud_instance_name: new URL(base).host,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}
