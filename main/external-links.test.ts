// What the renderer can make main open in the system browser (shell.openExternal in the app), asked through the
// contract's gate as the renderer asks: only URLs main built (a help topic, the admin-consent page, a VM's or a
// subscription's portal page, a running sign-in's authorize request: see restricted-opener.test.ts), never a page
// the renderer chose, not even by adding a custom cloud whose address carries a path, query or fragment.
import { describe, expect, it } from 'vitest';
import { createAppServices } from './app-services.js';
import { helpLinks } from './app/help-links.js';
import { builtInClouds } from './clouds.js';
import { createDispatcher, trustOrigin } from './ipc-router.js';
import { systemClock } from './system-clock.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger, RecordingOpener } from './testing/fakes.js';

const origin = 'app://cloud-desk';
const sender = { frameUrl: `${origin}/index.html`, isMainFrame: true };
const clientId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

async function renderer() {
  const opener = new RecordingOpener();
  const logger = new RecordingLogger();
  const services = await createAppServices({
    settingsStore: new MemoryStore(),
    secretsStore: new MemoryStore(),
    cipher: new MemoryCipher(),
    clouds: builtInClouds,
    clock: systemClock,
    events: new RecordingEvents(),
    opener,
    logger,
    appInfo: () => {
      throw new Error('not needed');
    },
    recoveries: [],
  });
  const dispatch = createDispatcher(services.handlers, { isTrusted: trustOrigin(origin), logger });
  const ask = (channel: string, arg: unknown) => dispatch(channel, arg, sender);
  return { ask, opener, services };
}

const cloud = (authorityHost: string, armEndpoint = 'https://management.contoso.example') => ({
  name: 'Contoso Stack',
  authorityHost,
  armEndpoint,
  clientId,
});

describe('links the renderer can have opened', () => {
  it.each([
    ['a query', 'https://evil.example/phish?next='],
    ['a fragment', 'https://evil.example/phish#'],
    ['a user name', 'https://user@evil.example'],
    ['plain http', 'http://login.contoso.example'],
  ])('refuses a custom cloud whose address has %s', async (_what, authorityHost) => {
    const { ask, services } = await renderer();
    const answer = await ask('settings.set', { customClouds: [cloud(authorityHost)] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(services.settings.get().customClouds).toEqual([]);
  });

  it('opens only the admin-consent page main builds for a custom cloud, whatever the tenant asked', async () => {
    const { ask, opener } = await renderer();
    expect(await ask('settings.set', { customClouds: [cloud('https://login.contoso.example/adfs')] })).toMatchObject({
      ok: true,
    });
    const consent = (tenantId?: string) =>
      ask('accounts.openAdminConsent', { cloudId: 'custom-contoso-stack', ...(tenantId ? { tenantId } : {}) });
    expect(await consent()).toEqual({ ok: true, value: null });
    expect(await consent('../../phish')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await consent('contoso.example/phish?x=')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(opener.opened).toEqual([
      `https://login.contoso.example/adfs/organizations/adminconsent?client_id=${clientId}`,
    ]);
  });

  it('opens help only by topic, and no portal page or sign-in page that main did not build', async () => {
    const { ask, opener } = await renderer();
    expect(await ask('app.openHelp', 'documentation')).toEqual({ ok: true, value: null });
    expect(await ask('app.openHelp', 'https://evil.example/')).toMatchObject({ ok: false });
    expect(await ask('inventory.openInPortal', { vmId: '/subscriptions/x/evil' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await ask('inventory.openInPortal', { url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await ask('accounts.reopenSignInPage', undefined)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(opener.opened).toEqual([helpLinks.documentation]);
  });
});
