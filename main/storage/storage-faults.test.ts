// Storage faults as the app meets them at start, through the composed services: an account registry with one
// unreadable entry, and a data folder that cannot be written.
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../app-services.js';
import { builtInClouds } from '../clouds.js';
import { systemClock } from '../system-clock.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger, RecordingOpener } from '../testing/fakes.js';
import { StorageHealth } from './memory-fallback-store.js';

async function compose(secretsStore: MemoryStore, storageHealth?: StorageHealth) {
  return createAppServices({
    settingsStore: new MemoryStore(),
    secretsStore,
    cipher: new MemoryCipher('os'),
    clouds: builtInClouds,
    clock: systemClock,
    events: new RecordingEvents(),
    opener: new RecordingOpener(),
    logger: new RecordingLogger(),
    appInfo: () => {
      throw new Error('not needed');
    },
    recoveries: [],
    ...(storageHealth ? { storageHealth } : {}),
  });
}

const tenant = { tenantId: 't1', displayName: 'Contoso', category: 'home', status: 'ready', hidden: false };
const servicePrincipal = {
  kind: 'service_principal',
  id: 'sp:t1:c1',
  cloudId: 'azure',
  name: 'Deploy bot',
  clientId: 'c1',
  homeTenantId: 't1',
  credential: { kind: 'secret', secret: 's3cr3t' },
  tenants: [tenant],
};

describe('start-up with storage faults', () => {
  it('loads the accounts that parse, sets aside one it cannot read and names it in a notice', async () => {
    const secretsStore = new MemoryStore();
    const registry = {
      version: 3,
      accounts: [servicePrincipal, { kind: 'hardware_key', id: 'hk:1', username: 'dana@contoso.test', tenants: [] }],
    };
    secretsStore.set('vault:accounts', await new MemoryCipher().encrypt(JSON.stringify(registry)));
    const services = await compose(secretsStore);
    expect(services.accounts.list().map((account) => account.name)).toEqual(['Deploy bot']);
    const notice = services.notices.list().find((item) => item.id === 'accounts-set-aside');
    expect(notice?.title).toBe('dana@contoso.test needs attention');
    expect(notice?.message).toContain('add it again');
    expect(secretsStore.keys().some((key) => key.startsWith('vault:accounts.corrupt-entries-'))).toBe(true);
  });

  it('marks accounts as kept for this session only once the data folder stops taking writes', async () => {
    const secretsStore = new MemoryStore();
    const registry = { version: 1, accounts: [servicePrincipal] };
    secretsStore.set('vault:accounts', await new MemoryCipher().encrypt(JSON.stringify(registry)));
    const health = new StorageHealth();
    const services = await compose(secretsStore, health);
    expect(services.accounts.list().map((account) => account.persisted)).toEqual([true]);
    health.report({ folder: '/data', code: 'ENOSPC' });
    expect(services.accounts.list().map((account) => account.persisted)).toEqual([false]);
  });

  it('says at start, in words, that the data folder cannot be written, and again when a disk fills up later', async () => {
    const readOnly = new StorageHealth();
    readOnly.report({ folder: '/home/a/.config/Cloud Desk', code: 'EROFS' });
    const atStart = await compose(new MemoryStore(), readOnly);
    expect(atStart.notices.list().find((item) => item.id === 'data-folder-unwritable')?.message).toMatch(
      /^The data folder \/home\/a\/\.config\/Cloud Desk is on a read-only disk\. Cloud Desk keeps working/,
    );
    const later = new StorageHealth();
    const services = await compose(new MemoryStore(), later);
    expect(services.notices.list()).toEqual([]);
    later.report({ folder: '/data', code: 'ENOSPC' });
    expect(services.notices.list().map((item) => item.id)).toEqual(['data-folder-unwritable']);
  });
});
