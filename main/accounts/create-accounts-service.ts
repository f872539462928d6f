// Builds the accounts services for the app: the real MSAL clients and token cache, the Azure SDK for tenant
// lists and service principals, and the parts of AccountsService wired to each other. Wiring only: what each
// part does lives in the part. No Electron imports.
import { classifyAuthError, reasonMessage, type AuthProblem } from '../auth/auth-errors.js';
import { CredentialProvider } from '../auth/credential-provider.js';
import { MsalClients, msalCacheName } from '../auth/msal-clients.js';
import { identityCredential } from '../auth/service-principal-credential.js';
import { msalSignInMethods } from '../auth/sign-in-flows.js';
import { MsalUserTokens } from '../auth/user-tokens.js';
import { listTenants, tenantListProblem } from '../azure/tenants.js';
import { restrictOpener } from '../app/restricted-opener.js';
import { armScope, authorityHostPort, type CloudEndpoints } from '../clouds.js';
import { identityCredentialOptions } from '../net/arm-pipeline.js';
import type { CloudConnectivity, Connectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';
import { MsalNetworkClient } from '../net/msal-network.js';
import type { BrowserOpener, Clock, EventSink, Logger, Scheduler } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { AccountRegistry } from './account-registry.js';
import { AccountsService } from './accounts-service.js';
import { CloudCatalog, type SignInSettings } from './cloud-catalog.js';
import { LiveState } from './live-state.js';
import { ServicePrincipals } from './service-principals.js';
import { SignInRunner } from './sign-in-runner.js';
import { TenantChecker } from './tenant-checker.js';

export interface AccountsDeps {
  vault: SecretVault;
  clouds: () => readonly CloudEndpoints[];
  /** Settings' client id and default tenant (custom clouds may bring their own client id). */
  signInSettings: () => SignInSettings;
  /** The system browser; each sign-in restricts it to its own cloud's authority host. */
  opener: BrowserOpener;
  events: EventSink;
  connectivity: CloudConnectivity;
  /** Proxy and trusted certificates for MSAL, the ARM clients and service-principal credentials. */
  network: NetworkConfig;
  logger: Logger;
  clock: Clock;
  scheduler: Scheduler;
  /** Something the user should know (e.g. a damaged store); becomes a notice. */
  warn(id: string, title: string, message: string): void;
  signInTimeoutMs?: number;
  /** Brings the app's window forward once a browser sign-in succeeded (desktop only). */
  bringToFront?: () => void;
  /** Token calls in flight at once (default 16) and one tenant's check timeout (default 15 s). */
  tenantConcurrency?: number;
  tenantTimeoutMs?: number;
}

export function createAccountsService(deps: AccountsDeps): AccountsService {
  const live = new LiveState();
  const registry = new AccountRegistry(deps.vault, deps.logger);
  const catalog = new CloudCatalog({ clouds: deps.clouds, signInSettings: deps.signInSettings });
  const link = (cloudId: string): Connectivity => deps.connectivity.link(cloudId);
  const spOptions = (cloud: CloudEndpoints) => identityCredentialOptions(cloud, link(cloud.id), deps.network);
  // MSAL wraps network failures in its own errors; the cloud's link saw the real one in our network client.
  const classify = (error: unknown, cloudId: string): AuthProblem => {
    const problem = classifyAuthError(error);
    const seen = link(cloudId).lastProblem;
    if (problem.kind === 'error' && seen) return classifyAuthError(seen);
    if (problem.kind === 'error' && !deps.connectivity.isOnline(cloudId)) {
      return { kind: 'offline', message: 'The sign-in service could not be reached. Check your connection.' };
    }
    return problem;
  };
  // The parts below publish through the facade made last; none of them publishes while being built.
  const publish = (): void => deps.events.emit('accounts', service.list());
  const msal = new MsalClients({
    vault: deps.vault,
    connectivity: deps.connectivity,
    network: deps.network,
    logger: deps.logger,
    clock: deps.clock,
    onCacheDamaged: (cloudId, movedTo, why) => {
      service
        .cacheDamaged(cloudId, movedTo, why)
        .catch((error: unknown) => deps.logger.error('flagging accounts after a damaged cache failed', { error }));
    },
  });
  const userTokens = new MsalUserTokens(msal, catalog);
  const credentials = new CredentialProvider({
    account: (accountId) => registry.find(accountId),
    cloud: (cloudId) => catalog.get(cloudId),
    userTokens,
    servicePrincipalCredential: (account, cloud) => identityCredential(account, spOptions(cloud)),
    onClaimsChallenge: (accountId, tenantId, claims) => {
      tenants
        .recordProblem(accountId, tenantId, {
          kind: 'needs_sign_in',
          reason: 'conditional_access',
          message: reasonMessage('conditional_access'),
          claims,
        })
        .then(publish)
        .catch((error: unknown) => deps.logger.error('recording a claims challenge failed', { error }));
    },
  });
  const tenants: TenantChecker = new TenantChecker({
    registry,
    live,
    catalog,
    listTenants: (account, cloud) =>
      listTenants(credentials.credentialFor(account.id, account.homeTenantId), cloud, link(cloud.id), deps.network),
    tenantToken: (account, tenantId, revalidate) =>
      credentials.userToken(account.id, tenantId, armScope(catalog.get(account.cloudId)), {
        forceRefresh: revalidate,
      }),
    classify,
    listProblem: tenantListProblem,
    publish,
    clock: deps.clock,
    scheduler: deps.scheduler,
    logger: deps.logger,
    ...(deps.tenantConcurrency ? { concurrency: deps.tenantConcurrency } : {}),
    ...(deps.tenantTimeoutMs ? { tenantTimeoutMs: deps.tenantTimeoutMs } : {}),
  });
  const principals = new ServicePrincipals({
    registry,
    catalog,
    tenants,
    live,
    credentialFor: (account) =>
      account.id.startsWith('probe:')
        ? identityCredential(account, spOptions(catalog.get(account.cloudId)))
        : credentials.credentialFor(account.id, account.homeTenantId),
    forgetCredential: (accountId) => credentials.forget(accountId),
    listTenants: (credential, cloud) => listTenants(credential, cloud, link(cloud.id), deps.network),
    classify,
    publish,
    clock: deps.clock,
  });
  const runner = new SignInRunner({
    methods: msalSignInMethods(
      (cloud, work) => userTokens.withClient(cloud, work),
      deps.opener,
      (cloud) => catalog.clientId(cloud),
    ),
    events: deps.events,
    clock: deps.clock,
    logger: deps.logger,
    classify,
    ...(deps.signInTimeoutMs ? { timeoutMs: deps.signInTimeoutMs } : {}),
    ...(deps.bringToFront ? { browserDone: deps.bringToFront } : {}),
  });
  const service = new AccountsService({
    registry,
    live,
    catalog,
    credentials,
    tenants,
    principals,
    runner,
    sessions: {
      removeAccount: (cloud, accountId) => userTokens.removeAccount(cloud, accountId),
      reset: () => msal.reset(),
      flush: () => msal.flush(),
    },
    vault: deps.vault,
    cacheName: msalCacheName,
    openOnAuthority: (cloud) => restrictOpener(deps.opener, () => [authorityHostPort(cloud)]),
    probe: (cloud) => probeAuthority(new MsalNetworkClient(deps.network, link(cloud.id), cloud.caPem), cloud),
    events: deps.events,
    logger: deps.logger,
    warn: deps.warn,
  });
  return service;
}

/** One GET of the cloud's sign-in discovery document through MSAL's network client (which reports to the link). */
async function probeAuthority(client: MsalNetworkClient, cloud: CloudEndpoints): Promise<void> {
  await client.sendGetRequestAsync(
    `${cloud.authorityHost}/organizations/v2.0/.well-known/openid-configuration`,
    {},
    10_000,
  );
}
