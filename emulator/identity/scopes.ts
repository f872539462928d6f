// Scope parsing as Entra ID v2 does it: OIDC scopes apart, one resource per request, `.default` and named
// permissions mapped to the resource's audience. Knows only the resources the emulator can issue tokens for.
import { aadsts, EntraError } from './errors.js';

export const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);

const graph = 'https://graph.microsoft.com';

/** Resources the emulator issues tokens for; ARM under both of its names, plus Graph for OIDC-only requests. */
export const armResources = ['https://management.azure.com', 'https://management.core.windows.net'];
const knownResources = [...armResources, graph];

export interface GrantedScope {
  /** The token's `aud`: the resource as the client spelled it (ARM's two names and trailing slash kept). */
  resource: string;
  /** Delegated permissions for `scp`. */
  permissions: string[];
  /** The `scope` value of the token response, the key MSAL caches the token under. */
  responseScope: string;
  /** What was asked for, as asked. */
  requested: string[];
  offlineAccess: boolean;
}

function canonical(resource: string): string {
  return resource.replace(/\/+$/, '').toLowerCase();
}

export function isArmAudience(aud: string): boolean {
  return armResources.some((r) => canonical(r) === canonical(aud));
}

/** Parses a v2 `scope` parameter; throws EntraError(500011/70011) for unknown or mixed resources. */
export function parseScopes(scopeParam: string | null, tenantName: string): GrantedScope {
  const requested = (scopeParam ?? '').split(/\s+/).filter((s) => s.length > 0);
  let resource: string | undefined;
  const permissions: string[] = [];
  const responseParts: string[] = [];
  for (const scope of requested) {
    if (oidcScopes.has(scope.toLowerCase())) continue;
    const slash = scope.lastIndexOf('/');
    const isUri = /^[a-z][a-z0-9+.-]*:\/\//i.test(scope);
    const res = isUri && slash > scope.indexOf('://') + 2 ? scope.slice(0, slash) : graph;
    const permission = isUri && slash > scope.indexOf('://') + 2 ? scope.slice(slash + 1) : scope;
    if (permission.length === 0) throw new EntraError(aadsts.invalidScope(scope));
    const known = knownResources.find((k) => canonical(k) === canonical(res));
    if (!known) throw new EntraError(aadsts.unknownResource(res, tenantName));
    if (resource !== undefined && canonical(resource) !== canonical(res)) {
      throw new EntraError({
        status: 400,
        error: 'invalid_request',
        code: 28000,
        message:
          'Provided value for the input parameter scope is not valid because it contains more than one resource. ' +
          `Scope ${scopeParam ?? ''} is not valid.`,
      });
    }
    resource ??= res;
    if (permission === '.default') {
      const base = canonical(res) === canonical(graph) ? 'User.Read' : 'user_impersonation';
      if (!permissions.includes(base)) permissions.push(base);
      responseParts.push(`${res}/${base}`, `${res}/.default`);
    } else {
      if (!permissions.includes(permission)) permissions.push(permission);
      responseParts.push(isUri ? `${res}/${permission}` : permission);
    }
  }
  if (resource === undefined) {
    resource = graph;
    permissions.push('User.Read');
    responseParts.push('User.Read');
  }
  const lower = requested.map((s) => s.toLowerCase());
  for (const oidc of ['openid', 'profile', 'email']) if (lower.includes(oidc)) responseParts.push(oidc);
  return {
    resource,
    permissions,
    responseScope: [...new Set(responseParts)].join(' '),
    requested,
    offlineAccess: lower.includes('offline_access'),
  };
}
