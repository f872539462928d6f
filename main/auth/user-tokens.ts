// Silent tokens for signed-in users through the cloud's one MSAL client: a token per tenant is asked for with the
// cached account's tenantId set to that tenant (MSAL otherwise answers with the home tenant's token, see
// AZURE-FACTS). Calls for different tenants run at once; the cloud's cache keeps them consistent.
// No Electron imports.
import type { AccessToken } from '@azure/core-auth';
import type { AccountInfo, PublicClientApplication } from '@azure/msal-node';
import { armScope, type CloudEndpoints } from '../clouds.js';
import type { CloudCatalog } from '../accounts/cloud-catalog.js';
import type { MsalClients } from './msal-clients.js';

export interface UserTokenRequest {
  cloud: CloudEndpoints;
  accountId: string;
  tenantId: string;
  scopes: string[];
  /** Ask the token service even if a cached access token is still valid (Refresh, start-up re-validation). */
  forceRefresh?: boolean;
}

/** Where user tokens come from; the MSAL adapter below in the app, a fake in unit tests. */
export interface UserTokenSource {
  silent(request: UserTokenRequest): Promise<AccessToken>;
}

export class MsalUserTokens implements UserTokenSource {
  constructor(
    private readonly msal: MsalClients,
    private readonly catalog: CloudCatalog,
  ) {}

  /** Runs `work` on the cloud's MSAL client (sign-in flows use it too); cache changes are written after. */
  withClient<T>(cloud: CloudEndpoints, work: (client: PublicClientApplication) => Promise<T>): Promise<T> {
    return this.msal.use(cloud, this.catalog.clientId(cloud), this.catalog.defaultTenant(), work);
  }

  silent(request: UserTokenRequest): Promise<AccessToken> {
    return this.withClient(request.cloud, async (pca) => {
      const cached = await pca.getTokenCache().getAccountByHomeId(request.accountId);
      if (!cached) {
        throw Object.assign(new Error('No sign-in is cached for this account.'), { errorCode: 'no_tokens_found' });
      }
      const account: AccountInfo = { ...cached, tenantId: request.tenantId };
      const result = await pca.acquireTokenSilent({
        account,
        authority: `${request.cloud.authorityHost}/${request.tenantId}`,
        scopes: normalizeScopes(request.scopes, request.cloud),
        ...(request.forceRefresh ? { forceRefresh: true } : {}),
      });
      return {
        token: result.accessToken,
        expiresOnTimestamp: (result.expiresOn ?? new Date()).getTime(),
        tokenType: 'Bearer',
      };
    });
  }

  /** Removes the account's tokens from the cloud's cache (sign-out, or a sign-in as someone unexpected). */
  removeAccount(cloud: CloudEndpoints, accountId: string): Promise<void> {
    return this.withClient(cloud, async (pca) => {
      const cache = pca.getTokenCache();
      const cached = await cache.getAccountByHomeId(accountId);
      if (cached) await cache.removeAccount(cached);
    });
  }

  /** Writes pending cache changes (on quit). */
  flush(): Promise<void> {
    return this.msal.flush();
  }
}

/** The SDK asks for `<audience>/.default`; MSAL's cache is keyed by the scope string, so always ask the same. */
function normalizeScopes(scopes: string[], cloud: CloudEndpoints): string[] {
  return scopes.map((scope) => (scope.endsWith('/user_impersonation') ? armScope(cloud) : scope));
}
