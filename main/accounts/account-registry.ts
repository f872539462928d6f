// The connected accounts, their tenants, each tenant's status and the user's choices, plus service-principal
// credentials: one document in the SecretVault (encrypted at rest). Summaries for the renderer never carry a
// credential or a claims challenge. No Electron imports.
import { z } from 'zod';
import type { AccountProblem, AccountSummary, TenantSummary } from '../../preload/contract.js';
import { tenantSummarySchema } from '../../preload/contract.js';
import type { Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';

/**
 * What the renderer sees of a tenant (less what only this run knows: confirmed, checking), plus the Conditional
 * Access claims to send with the next sign-in to it.
 * Not strict: a registry written by a newer version still loads (unknown fields are dropped, accounts kept).
 */
export const storedTenantSchema = z.object({
  ...tenantSummarySchema.omit({ confirmed: true, checking: true }).shape,
  claims: z.string().optional(),
});
export type StoredTenant = z.infer<typeof storedTenantSchema>;

const credentialSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('secret'), secret: z.string() }),
  z.object({ kind: z.literal('certificate'), certificatePem: z.string() }),
]);
export type ServicePrincipalCredential = z.infer<typeof credentialSchema>;

const userAccountSchema = z.object({
  kind: z.literal('user'),
  id: z.string(),
  cloudId: z.string(),
  name: z.string(),
  username: z.string(),
  homeTenantId: z.string(),
  localAccountId: z.string(),
  environment: z.string(),
  tenants: z.array(storedTenantSchema),
  /** ISO time the tenant list was last read. */
  checkedAt: z.string().optional(),
});

const servicePrincipalSchema = z.object({
  kind: z.literal('service_principal'),
  id: z.string(),
  cloudId: z.string(),
  name: z.string(),
  clientId: z.string(),
  homeTenantId: z.string(),
  credential: credentialSchema,
  tenants: z.array(storedTenantSchema),
  checkedAt: z.string().optional(),
});

export const storedAccountSchema = z.discriminatedUnion('kind', [userAccountSchema, servicePrincipalSchema]);
export type StoredAccount = z.infer<typeof storedAccountSchema>;
export type StoredUserAccount = z.infer<typeof userAccountSchema>;
export type StoredServicePrincipal = z.infer<typeof servicePrincipalSchema>;

const registrySchema = z.object({ version: z.literal(1), accounts: z.array(storedAccountSchema) });
const vaultName = 'accounts';

export type RegistryLoad = { accounts: StoredAccount[]; damaged?: string };

export class AccountRegistry {
  private accounts: StoredAccount[] = [];

  constructor(
    private readonly vault: SecretVault,
    private readonly logger: Logger,
  ) {}

  /** Reads the registry; a blob that cannot be decrypted or parsed is moved aside and reported. */
  async load(): Promise<RegistryLoad> {
    const stored = await this.vault.read(vaultName);
    if (stored.kind === 'missing') return { accounts: (this.accounts = []) };
    if (stored.kind === 'damaged') return { accounts: (this.accounts = []), damaged: stored.movedTo };
    let parsed: z.ZodSafeParseResult<z.infer<typeof registrySchema>>;
    try {
      parsed = registrySchema.safeParse(JSON.parse(stored.value));
    } catch {
      parsed = registrySchema.safeParse(undefined);
    }
    if (parsed.success) return { accounts: (this.accounts = parsed.data.accounts) };
    // Decrypted but unreadable: keep the bytes under a new name and start empty.
    const movedTo = `${vaultName}.corrupt-unreadable-${new Date().toISOString()}`;
    await this.vault.write(movedTo, stored.value);
    await this.vault.delete(vaultName);
    this.logger.warn('the account registry could not be parsed and was moved aside', { movedTo });
    return { accounts: (this.accounts = []), damaged: movedTo };
  }

  all(): readonly StoredAccount[] {
    return this.accounts;
  }

  find(id: string): StoredAccount | undefined {
    return this.accounts.find((account) => account.id === id);
  }

  /** Adds the account, or replaces the one with the same id (connecting an account twice updates it). */
  async upsert(account: StoredAccount): Promise<void> {
    const index = this.accounts.findIndex((existing) => existing.id === account.id);
    this.accounts =
      index < 0 ? [...this.accounts, account] : this.accounts.map((existing, n) => (n === index ? account : existing));
    await this.save();
  }

  /**
   * Changes an account that is still connected, starting from its current copy; does nothing (and returns
   * undefined) if it was removed meanwhile. Work that awaited the network must go through here, never `upsert`.
   */
  async update<A extends StoredAccount>(id: string, change: (account: A) => A): Promise<A | undefined> {
    const current = this.find(id) as A | undefined;
    if (!current) return undefined;
    const next = change(current);
    this.accounts = this.accounts.map((account) => (account.id === id ? next : account));
    await this.save();
    return next;
  }

  async updateTenant(
    accountId: string,
    tenantId: string,
    change: (tenant: StoredTenant) => StoredTenant,
  ): Promise<void> {
    await this.update(accountId, (account) => ({
      ...account,
      tenants: account.tenants.map((tenant) => (tenant.tenantId === tenantId ? change(tenant) : tenant)),
    }));
  }

  async remove(id: string): Promise<void> {
    this.accounts = this.accounts.filter((account) => account.id !== id);
    await this.save();
  }

  async replaceAll(accounts: StoredAccount[]): Promise<void> {
    this.accounts = accounts;
    await this.save();
  }

  private async save(): Promise<void> {
    await this.vault.write(vaultName, JSON.stringify({ version: 1, accounts: this.accounts }));
  }
}

/** What this run knows about an account beyond what is stored: what it confirmed, what it is checking now. */
export interface LiveAccountState {
  checking: boolean;
  problem?: AccountProblem;
  confirmedTenants: ReadonlySet<string>;
  checkingTenants: ReadonlySet<string>;
}

const nothingLive: LiveAccountState = { checking: false, confirmedTenants: new Set(), checkingTenants: new Set() };

export function summarize(
  account: StoredAccount,
  cloudName: string,
  persisted: boolean,
  live: LiveAccountState = nothingLive,
): AccountSummary {
  return {
    id: account.id,
    kind: account.kind,
    cloudId: account.cloudId,
    cloudName,
    name: account.name,
    username: account.kind === 'user' ? account.username : account.clientId,
    homeTenantId: account.homeTenantId,
    tenants: account.tenants.map((tenant) => summarizeTenant(tenant, live)),
    persisted,
    checking: live.checking || live.checkingTenants.size > 0,
    ...(account.checkedAt ? { checkedAt: account.checkedAt } : {}),
    ...(live.problem ? { problem: live.problem } : {}),
  };
}

function summarizeTenant(tenant: StoredTenant, live: LiveAccountState): TenantSummary {
  const { claims: _claims, ...visible } = tenant;
  return {
    ...visible,
    confirmed: live.confirmedTenants.has(tenant.tenantId),
    checking: live.checkingTenants.has(tenant.tenantId),
  };
}
