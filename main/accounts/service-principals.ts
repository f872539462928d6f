// Service-principal accounts: adding one (its credential proved by listing its tenants, under a label the user
// chose), and checking one (a token from its one reused SDK credential). A wrong secret or certificate is an
// invalid_input naming the field, in words. No Electron imports.
import type { TokenCredential } from '@azure/core-auth';
import type { z } from 'zod';
import type { servicePrincipalArgsSchema } from '../../preload/contract.js';
import type { AuthProblem } from '../auth/auth-errors.js';
import { storedCredential } from '../auth/service-principal-credential.js';
import type { TenantRecord } from '../azure/tenants.js';
import { armScope, type CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import type { Clock } from '../ports.js';
import type { AccountRegistry, StoredServicePrincipal } from './account-registry.js';
import type { CloudCatalog } from './cloud-catalog.js';
import type { LiveState } from './live-state.js';
import type { TenantChecker } from './tenant-checker.js';

type ServicePrincipalArgs = z.output<typeof servicePrincipalArgsSchema>;

export interface ServicePrincipalsDeps {
  registry: AccountRegistry;
  catalog: CloudCatalog;
  tenants: Pick<TenantChecker, 'markReady' | 'recordProblem'>;
  /** Marks tenants as being checked while the token call runs. */
  live: Pick<LiveState, 'beginTenant'>;
  /** The account's SDK credential: reused, made once per stored credential. */
  credentialFor(account: StoredServicePrincipal): TokenCredential;
  /** Forgets the credential made for an account (its stored credential changes). */
  forgetCredential(accountId: string): void;
  listTenants(credential: TokenCredential, cloud: CloudEndpoints): Promise<TenantRecord[]>;
  classify(error: unknown, cloudId: string): AuthProblem;
  publish(): void;
  clock: Clock;
}

export function servicePrincipalId(tenantId: string, clientId: string): string {
  return `sp:${tenantId.toLowerCase()}:${clientId.toLowerCase()}`;
}

export class ServicePrincipals {
  constructor(private readonly deps: ServicePrincipalsDeps) {}

  /** Proves the credential by listing the principal's tenants, then stores the account; returns its id. */
  async add(args: ServicePrincipalArgs): Promise<string> {
    const cloud = this.deps.catalog.get(args.cloudId);
    const probe: StoredServicePrincipal = {
      kind: 'service_principal',
      id: `probe:${servicePrincipalId(args.tenantId, args.clientId)}`,
      cloudId: cloud.id,
      name: args.label || args.clientId,
      clientId: args.clientId,
      homeTenantId: args.tenantId,
      credential: storedCredential(args.credential),
      tenants: [],
    };
    let records: TenantRecord[];
    try {
      records = await this.deps.listTenants(this.deps.credentialFor(probe), cloud);
    } catch (error) {
      throw this.refusal(error, cloud, args.credential.kind);
    } finally {
      this.deps.forgetCredential(probe.id);
    }
    // A service principal's /tenants answer is its home tenant: its id makes the account's id, so the same
    // principal entered once by domain and once by tenant id is one account.
    const homeTenantId = records[0]?.tenantId ?? args.tenantId;
    const id = servicePrincipalId(homeTenantId, args.clientId);
    const existing = this.deps.registry.find(id);
    const checkedAt = new Date(this.deps.clock.now()).toISOString();
    const account: StoredServicePrincipal = {
      ...probe,
      id,
      homeTenantId,
      checkedAt,
      tenants: records.map((record) => ({
        tenantId: record.tenantId,
        displayName: record.displayName,
        ...(record.defaultDomain ? { defaultDomain: record.defaultDomain } : {}),
        category: 'home',
        status: 'ready',
        checkedAt,
        hidden: existing?.tenants.find((tenant) => tenant.tenantId === record.tenantId)?.hidden ?? false,
      })),
    };
    this.deps.forgetCredential(id);
    await this.deps.registry.upsert(account);
    this.deps.publish();
    return id;
  }

  /** A token from the account's credential decides every tenant's state (a principal has one credential). */
  async check(account: StoredServicePrincipal): Promise<void> {
    const cloud = this.deps.catalog.get(account.cloudId);
    const enabled = account.tenants.filter((tenant) => tenant.status !== 'disabled');
    const ends = enabled.map((tenant) => this.deps.live.beginTenant(account.id, tenant.tenantId));
    this.deps.publish();
    try {
      await this.deps.credentialFor(account).getToken(armScope(cloud));
      for (const tenant of enabled) await this.deps.tenants.markReady(account.id, tenant.tenantId);
    } catch (error) {
      const problem = this.deps.classify(error, cloud.id);
      // A principal cannot sign in interactively: whatever Entra says is an error to fix in its credential.
      const asError: AuthProblem =
        problem.kind === 'needs_sign_in' ? { kind: 'error', message: problem.message } : problem;
      for (const tenant of enabled) await this.deps.tenants.recordProblem(account.id, tenant.tenantId, asError);
    } finally {
      for (const end of ends) end();
    }
    this.deps.publish();
  }

  private refusal(
    error: unknown,
    cloud: CloudEndpoints,
    kind: ServicePrincipalArgs['credential']['kind'],
  ): ServiceError {
    if (error instanceof ServiceError) return error;
    const problem = this.deps.classify(error, cloud.id);
    if (problem.kind === 'offline') {
      return new ServiceError(
        'offline',
        `Adding a service principal needs a connection to ${cloud.name}. ${problem.message}`,
      );
    }
    const text = `${problem.message} ${error instanceof Error ? error.message : ''}`;
    if (/AADSTS7000215\b/.test(text)) {
      return new ServiceError(
        'invalid_input',
        'The secret was not accepted for this app (AADSTS7000215). Copy the secret’s Value (not its Secret ID) ' +
          'from the app registration’s Certificates & secrets page.',
        'credential.secret',
      );
    }
    if (/AADSTS(700027|700024|7000274)\b/.test(text)) {
      return new ServiceError(
        'invalid_input',
        'The certificate was not accepted for this app (AADSTS700027): upload its public certificate to the app ' +
          'registration, or choose the certificate that is registered there.',
        kind === 'pfx' ? 'credential.pfxBase64' : 'credential.certificatePem',
      );
    }
    if (/AADSTS(700016|90002)\b/.test(text)) {
      return new ServiceError(
        'invalid_input',
        `The service principal could not sign in: ${problem.message}`,
        /AADSTS90002\b/.test(text) ? 'tenantId' : 'clientId',
      );
    }
    return new ServiceError(
      'forbidden',
      `The service principal could not sign in: ${problem.message}`,
      problem.kind === 'error' ? problem.correlationId : undefined,
    );
  }
}
