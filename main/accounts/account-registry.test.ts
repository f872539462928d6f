import { describe, expect, it } from 'vitest';
import { MemoryStore, RecordingLogger, fixedClock } from '../testing/fakes.js';
import { AccountRegistry, setAsideNotice, summarize, type StoredAccount } from './account-registry.js';
import { testVault } from '../testing/vault.js';

async function setup() {
  const store = new MemoryStore();
  const vault = await testVault({ store, clock: fixedClock('2026-11-22T10:00:00.000Z') });
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

  it('moves a registry that is not a registry at all aside and starts empty', async () => {
    const { registry, vault } = await setup();
    await vault.write('accounts', '{"version": 1, "accounts": {"not": "a list"}}');
    const load = await registry.load();
    expect(load.accounts).toEqual([]);
    expect(load.damaged).toMatch(/^accounts\.corrupt-unreadable-/);
    expect(await vault.read(load.damaged ?? '')).toMatchObject({ kind: 'ok' });
    expect(await vault.read('accounts')).toEqual({ kind: 'missing' });
  });

  it('sets aside only the entries it cannot read, keeps them, keeps the rest and names what needs attention', async () => {
    const { registry, vault } = await setup();
    const alien = { kind: 'passkey_account', id: 'x:1', username: 'carol@fabrikam.test', tenants: [] };
    const futureTenant = { ...tenant, tenantId: 't2', displayName: 'Fabrikam', status: 'quarantined' };
    const written = {
      version: 2,
      accounts: [
        sp,
        alien,
        { ...sp, id: 'sp:t1:c2', name: 'Deploy bot', clientId: 'c2', tenants: [tenant, futureTenant], newField: 1 },
      ],
    };
    await vault.write('accounts', JSON.stringify(written));
    const load = await registry.load();
    expect(load.damaged).toBeUndefined();
    expect(load.accounts.map((a) => [a.id, a.tenants.map((t) => t.tenantId)])).toEqual([
      ['sp:t1:c1', ['t1']],
      ['sp:t1:c2', ['t1']],
    ]);
    expect(load.setAside?.entries).toEqual([
      { label: 'carol@fabrikam.test', what: 'account' },
      { label: 'Fabrikam (Deploy bot)', what: 'tenant' },
    ]);
    const kept = await vault.read(load.setAside?.setAsideAs ?? '');
    expect(kept.kind === 'ok' && JSON.parse(kept.value)).toEqual({
      version: 2,
      setAside: [alien, { accountId: 'sp:t1:c2', tenant: futureTenant }],
    });
    // What loaded is what a restart loads, with nothing set aside again.
    const again = await new AccountRegistry(vault, new RecordingLogger()).load();
    expect(again.accounts.map((a) => a.id)).toEqual(['sp:t1:c1', 'sp:t1:c2']);
    expect(again.setAside).toBeUndefined();
    const [title, message] = setAsideNotice(load.setAside ?? { entries: [], setAsideAs: '' });
    expect(title).toBe('carol@fabrikam.test needs attention');
    expect(message).toContain('Fabrikam (Deploy bot)');
    expect(message).toContain(load.setAside?.setAsideAs ?? '(missing)');
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
