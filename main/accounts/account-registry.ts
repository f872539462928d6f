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

/** The document's frame only: each account (and each of its tenants) is checked on its own, see `load`. */
const registryFrameSchema = z.object({ version: z.number(), accounts: z.array(z.unknown()) });
const vaultName = 'accounts';

/** What could not be read and was set aside; `label` names it the way the user knows it. */
export interface SetAside {
  label: string;
  /** `account`: the whole account; `tenant`: one tenant of an account that was kept. */
  what: 'account' | 'tenant';
}

export type RegistryLoad = {
  accounts: StoredAccount[];
  /** The whole registry was unreadable and moved aside under this vault name. */
  damaged?: string;
  /** Entries that did not parse, kept under `setAsideAs` in the vault; everything else loaded. */
  setAside?: { entries: SetAside[]; setAsideAs: string };
};

export class AccountRegistry {
  private accounts: StoredAccount[] = [];

  constructor(
    private readonly vault: SecretVault,
    private readonly logger: Logger,
  ) {}

  /**
   * Reads the registry. A blob that cannot be decrypted or is not a registry at all is moved aside whole. Inside
   * a readable registry (also one a newer version wrote), each account is checked on its own: an account that
   * does not parse (an unknown kind, a credential it cannot use) is set aside, a tenant that does not parse (an
   * unknown status) is set aside from an account that is kept, and everything else loads.
   */
  async load(): Promise<RegistryLoad> {
    const stored = await this.vault.read(vaultName);
    if (stored.kind === 'missing') return { accounts: (this.accounts = []) };
    if (stored.kind === 'damaged') return { accounts: (this.accounts = []), damaged: stored.movedTo };
    let frame: z.ZodSafeParseResult<z.infer<typeof registryFrameSchema>>;
    try {
      frame = registryFrameSchema.safeParse(JSON.parse(stored.value));
    } catch {
      frame = registryFrameSchema.safeParse(undefined);
    }
    if (!frame.success) {
      // Decrypted but not a registry: keep the bytes under a new name and start empty.
      const movedTo = `${vaultName}.corrupt-unreadable-${new Date().toISOString()}`;
      await this.vault.write(movedTo, stored.value);
      await this.vault.delete(vaultName);
      this.logger.warn('the account registry could not be parsed and was moved aside', { movedTo });
      return { accounts: (this.accounts = []), damaged: movedTo };
    }
    const { accounts, setAside, rawSetAside } = readAccounts(frame.data.accounts);
    this.accounts = accounts;
    if (setAside.length === 0) return { accounts };
    const setAsideAs = `${vaultName}.corrupt-entries-${new Date().toISOString()}`;
    await this.vault.write(setAsideAs, JSON.stringify({ version: frame.data.version, setAside: rawSetAside }));
    await this.save();
    this.logger.warn('registry entries that could not be read were set aside', {
      setAsideAs,
      count: setAside.length,
    });
    return { accounts, setAside: { entries: setAside, setAsideAs } };
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

const accountFrameSchema = z.object({ tenants: z.array(z.unknown()) }).loose();

function readAccounts(raw: unknown[]): { accounts: StoredAccount[]; setAside: SetAside[]; rawSetAside: unknown[] } {
  const accounts: StoredAccount[] = [];
  const setAside: SetAside[] = [];
  const rawSetAside: unknown[] = [];
  for (const entry of raw) {
    const frame = accountFrameSchema.safeParse(entry);
    const rawTenants = frame.success ? frame.data.tenants : [];
    const tenants = rawTenants.map((tenant) => storedTenantSchema.safeParse(tenant));
    const readable = tenants.flatMap((tenant) => (tenant.success ? [tenant.data] : []));
    const account = frame.success ? storedAccountSchema.safeParse({ ...frame.data, tenants: readable }) : undefined;
    if (!account?.success) {
      setAside.push({ label: labelOf(entry), what: 'account' });
      rawSetAside.push(entry);
      continue;
    }
    accounts.push(account.data);
    rawTenants.forEach((tenant, n) => {
      if (tenants[n]?.success) return;
      setAside.push({ label: `${labelOf(tenant)} (${labelOf(entry)})`, what: 'tenant' });
      rawSetAside.push({ accountId: account.data.id, tenant });
    });
  }
  return { accounts, setAside, rawSetAside };
}

/** The words a user would recognise an unreadable entry by: its username, name or id, whichever it still has. */
function labelOf(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return 'an unnamed entry';
  const fields = entry as Record<string, unknown>;
  for (const key of ['username', 'displayName', 'name', 'clientId', 'tenantId', 'id']) {
    const value = fields[key];
    if (typeof value === 'string' && value.trim() !== '') return value.slice(0, 120);
  }
  return 'an unnamed entry';
}

/** The notice for entries set aside at load: which accounts need attention and where their data was kept. */
export function setAsideNotice(setAside: NonNullable<RegistryLoad['setAside']>): [title: string, message: string] {
  const accounts = setAside.entries.filter((entry) => entry.what === 'account').map((entry) => entry.label);
  const tenants = setAside.entries.filter((entry) => entry.what === 'tenant').map((entry) => entry.label);
  const parts = [
    accounts.length > 0
      ? `Cloud Desk could not read the stored account${accounts.length > 1 ? 's' : ''} ${accounts.join(', ')} ` +
        `(perhaps saved by a newer version), so ${accounts.length > 1 ? 'they were' : 'it was'} set aside: ` +
        `add ${accounts.length > 1 ? 'them' : 'it'} again.`
      : '',
    tenants.length > 0
      ? `Cloud Desk could not read the stored tenant${tenants.length > 1 ? 's' : ''} ${tenants.join(', ')}, so ` +
        `${tenants.length > 1 ? 'they were' : 'it was'} set aside: refresh the account to find ` +
        `${tenants.length > 1 ? 'them' : 'it'} again.`
      : '',
    `Your other accounts are unaffected; the unreadable entries were kept as ${setAside.setAsideAs}.`,
  ];
  const title =
    accounts.length === 1
      ? `${accounts.join('')} needs attention`
      : accounts.length > 1
        ? `${accounts.length} accounts need attention`
        : 'Some stored tenants could not be read';
  return [title, parts.filter(Boolean).join(' ')];
}
