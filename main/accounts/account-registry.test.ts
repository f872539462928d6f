import { describe, expect, it } from 'vitest';
import { SecretVault } from '../storage/secret-vault.js';
import { MemoryCipher, MemoryStore, RecordingLogger, fixedClock } from '../testing/fakes.js';
import { AccountRegistry, summarize, type StoredAccount } from './account-registry.js';

async function setup() {
  const store = new MemoryStore();
  const vault = new SecretVault(store, new MemoryCipher(), {
    clock: fixedClock('2026-11-22T10:00:00.000Z'),
    logger: new RecordingLogger(),
    allowWeak: () => false,
  });
  await vault.refreshStatus();
  return { store, vault, registry: new AccountRegistry(vault, new RecordingLogger()) };
}

const tenant = {
  tenantId: 't1',
  displayName: 'Contoso',
  category: 'home' as const,
  status: 'needs_sign_in' as const,
  reason: 'conditional_access' as const,
  claims: '{"access_token":{}}',
  hidden: false,
};
const sp: StoredAccount = {
  kind: 'service_principal',
  id: 'sp:t1:c1',
  cloudId: 'azure',
  name: 'c1',
  clientId: 'c1',
  homeTenantId: 't1',
  credential: { kind: 'secret', secret: 'very-secret-value' },
  tenants: [tenant],
};

describe('AccountRegistry', () => {
  it('persists accounts and updates one with the same id instead of adding it twice', async () => {
    const { registry, vault } = await setup();
    await registry.upsert(sp);
    await registry.upsert({ ...sp, name: 'renamed' });
    const again = new AccountRegistry(vault, new RecordingLogger());
    expect((await again.load()).accounts.map((a) => a.name)).toEqual(['renamed']);
  });

  it('moves an unreadable registry aside and starts empty', async () => {
    const { registry, vault } = await setup();
    await vault.write('accounts', '{"version": 1, "accounts": [{"kind": "alien"}]}');
    const load = await registry.load();
    expect(load.accounts).toEqual([]);
    expect(load.damaged).toMatch(/^accounts\.corrupt-unreadable-/);
    expect(await vault.read(load.damaged ?? '')).toMatchObject({ kind: 'ok' });
    expect(await vault.read('accounts')).toEqual({ kind: 'missing' });
  });

  it('summaries never carry credentials or claims challenges', () => {
    const summary = summarize(sp, 'Azure', true);
    const text = JSON.stringify(summary);
    expect(text).not.toContain('very-secret-value');
    expect(text).not.toContain('access_token');
    expect(summary.tenants[0]).toMatchObject({ status: 'needs_sign_in', reason: 'conditional_access' });
  });

  it('removes exactly one account', async () => {
    const { registry } = await setup();
    await registry.upsert(sp);
    await registry.upsert({ ...sp, id: 'sp:t1:c2', clientId: 'c2' });
    await registry.remove('sp:t1:c1');
    expect(registry.all().map((a) => a.id)).toEqual(['sp:t1:c2']);
  });
});
