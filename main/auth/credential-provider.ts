// One Azure SDK TokenCredential per (account, tenant), made once and reused: user accounts get tokens from the
// cloud's MSAL client for that tenant; a service principal gets one @azure/identity credential per account (its
// own token cache inside), rebuilt only when its secret, certificate or cloud changes. The inventory and the
// accounts services ask here (`credentialFor`). An ARM claims challenge is not retried silently: the tenant is
// marked for sign-in instead. A token request whose caller aborts (a sweep stopped at quit) is let go at once: MSAL
// cannot cancel its HTTP call, so without this a slow identity endpoint held up quitting for a minute.
// No Electron imports.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { createAbortablePromise } from '@azure/core-util';
import { createHash } from 'node:crypto';
import type { StoredAccount, StoredServicePrincipal } from '../accounts/account-registry.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import { reasonMessage } from './auth-errors.js';
import type { UserTokenSource } from './user-tokens.js';

export interface CredentialProviderDeps {
  account(accountId: string): StoredAccount | undefined;
  cloud(cloudId: string): CloudEndpoints;
  userTokens: UserTokenSource;
  /** Builds a service principal's SDK credential (ClientSecretCredential / ClientCertificateCredential). */
  servicePrincipalCredential(account: StoredServicePrincipal, cloud: CloudEndpoints): TokenCredential;
  /** ARM answered a user's token with a claims challenge (CAE, Conditional Access): the tenant needs a sign-in. */
  onClaimsChallenge(accountId: string, tenantId: string, claims: string): void;
}

export class CredentialProvider {
  private readonly users = new Map<string, TokenCredential>();
  private readonly principals = new Map<string, { fingerprint: string; credential: TokenCredential }>();

  constructor(private readonly deps: CredentialProviderDeps) {}

  /** The credential for one (account, tenant); throws not_found for an account that is not connected. */
  credentialFor(accountId: string, tenantId: string): TokenCredential {
    const account = this.deps.account(accountId);
    if (!account) throw new ServiceError('not_found', 'That account is no longer connected.');
    if (account.kind === 'service_principal') return this.principal(account);
    const key = `${accountId}\n${tenantId}`;
    let credential = this.users.get(key);
    if (!credential) {
      credential = {
        getToken: (scopes, options) => untilAborted(this.userToken(accountId, tenantId, scopes, options), options),
      };
      this.users.set(key, credential);
    }
    return credential;
  }

  /** A token for a user's tenant now, optionally asking the token service afresh (Refresh). */
  async userToken(
    accountId: string,
    tenantId: string,
    scopes: string | string[],
    options?: GetTokenOptions & { forceRefresh?: boolean },
  ): Promise<AccessToken> {
    const account = this.deps.account(accountId);
    if (!account || account.kind !== 'user') {
      throw new ServiceError('not_found', 'That account is no longer connected.');
    }
    if (options?.claims) {
      // ARM answered with a claims challenge: the user must sign in again; retrying silently would loop.
      this.deps.onClaimsChallenge(accountId, tenantId, decodeClaims(options.claims));
      throw new ServiceError('interaction_required', reasonMessage('conditional_access'));
    }
    return this.deps.userTokens.silent({
      cloud: this.deps.cloud(account.cloudId),
      accountId,
      tenantId,
      scopes: Array.isArray(scopes) ? scopes : [scopes],
      ...(options?.forceRefresh ? { forceRefresh: true } : {}),
    });
  }

  /** Drops what was made for an account (signed out, or its service-principal credential replaced). */
  forget(accountId: string): void {
    for (const key of [...this.users.keys()]) if (key.startsWith(`${accountId}\n`)) this.users.delete(key);
    this.principals.delete(accountId);
  }

  private principal(account: StoredServicePrincipal): TokenCredential {
    const cloud = this.deps.cloud(account.cloudId);
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify([account.homeTenantId, account.clientId, account.credential, cloud.authorityHost, cloud.caPem]),
      )
      .digest('hex');
    const known = this.principals.get(account.id);
    if (known?.fingerprint === fingerprint) return known.credential;
    const sdkCredential = this.deps.servicePrincipalCredential(account, cloud);
    const credential: TokenCredential = {
      getToken: (scopes, options) => untilAborted(sdkCredential.getToken(scopes, options), options),
    };
    this.principals.set(account.id, { fingerprint, credential });
    return credential;
  }
}

/** The token, or an AbortError as soon as the caller's signal aborts (the request itself finishes unheard). */
function untilAborted<T>(token: Promise<T>, options: GetTokenOptions | undefined): Promise<T> {
  const abortSignal = options?.abortSignal;
  if (!abortSignal) return token;
  return createAbortablePromise<T>((resolve, reject) => void token.then(resolve, reject), {
    abortSignal,
    abortErrorMsg: 'The token request was abandoned: the work that needed it stopped.',
  });
}

function decodeClaims(claims: string): string {
  // core-rest-pipeline hands over the challenge's claims base64-encoded; MSAL wants the JSON.
  if (claims.trim().startsWith('{')) return claims;
  try {
    return Buffer.from(claims, 'base64').toString('utf8');
  } catch {
    return claims;
  }
}
