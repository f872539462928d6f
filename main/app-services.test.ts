import { describe, expect, it } from 'vitest';
import { secretStorageText } from '../preload/contract.js';
import { createAppServices } from './app-services.js';
import { builtInClouds } from './clouds.js';
import { systemClock } from './system-clock.js';
import { MemoryCipher, MemoryStore, RecordingEvents, RecordingLogger, RecordingOpener } from './testing/fakes.js';

async function compose(cipher: MemoryCipher) {
  const events = new RecordingEvents();
  const secretsStore = new MemoryStore();
  const services = await createAppServices({
    settingsStore: new MemoryStore(),
    secretsStore,
    cipher,
    clouds: builtInClouds,
    clock: systemClock,
    events,
    opener: new RecordingOpener(),
    logger: new RecordingLogger(),
    appInfo: () => {
      throw new Error('not needed');
    },
    recoveries: [],
  });
  return { services, events, secretsStore };
}

describe('secret storage status', () => {
  it('reports encrypted storage with a working keychain, and no warning', async () => {
    const { services } = await compose(new MemoryCipher('os'));
    const status = await services.handlers['app.getStatus'](undefined);
    expect(status.online).toBe(true);
    expect(status.secretStorage).toEqual({ mode: 'encrypted', weakAvailable: true });
    expect(services.notices.list()).toEqual([]);
  });

  it('keeps secrets for the session only on Linux without a keyring and says how to fix it', async () => {
    const { services } = await compose(new MemoryCipher('weak'));
    expect(await services.handlers['app.getStatus'](undefined)).toMatchObject({
      secretStorage: { mode: 'session_only', backend: 'basic_text', weakAvailable: true },
    });
    const [notice] = services.notices.list();
    expect(notice?.title).toBe(secretStorageText.session_only.title);
    expect(notice?.message).toContain('GNOME Keyring');
  });

  it('offers no weak storage when there is no encryption at all', async () => {
    const { services } = await compose(new MemoryCipher('unavailable'));
    expect(await services.handlers['app.getStatus'](undefined)).toMatchObject({
      secretStorage: { mode: 'session_only', weakAvailable: false },
    });
  });

  it('moves to weak on-disk storage only when the user opts in', async () => {
    const { services, events } = await compose(new MemoryCipher('weak'));
    services.settings.set({ allowWeakSecretStorage: true });
    await expect
      .poll(() => events.emitted.find((event) => event.name === 'status')?.payload)
      .toMatchObject({ secretStorage: { mode: 'weak' } });
    expect(services.notices.list()).toEqual([]);
  });

  it('lists the accounts and clouds, and asks for a client id before a public-cloud sign-in', async () => {
    const { services } = await compose(new MemoryCipher('os'));
    expect(await services.handlers['accounts.list'](undefined)).toEqual([]);
    const clouds = await services.handlers['clouds.list'](undefined);
    expect(clouds.map((cloud) => [cloud.id, cloud.signInReady])).toEqual([
      ['azure', false],
      ['azure-china', false],
      ['azure-us-government', false],
    ]);
    await expect(
      Promise.resolve().then(() => services.handlers['accounts.signIn']({ cloudId: 'azure', method: 'browser' })),
    ).rejects.toMatchObject({ code: 'invalid_input', detail: 'clientId' });
  });

  it('offers a custom cloud added in Settings, and lets sign-in open its authority', async () => {
    const { services } = await compose(new MemoryCipher('os'));
    services.settings.set({
      customClouds: [
        {
          name: 'Contoso Stack Hub',
          authorityHost: 'https://login.contoso.local:8443',
          armEndpoint: 'https://management.contoso.local',
          clientId: '0d35c0de-c10d-4dd5-a0e1-c1a5de5c0de1',
        },
      ],
    });
    const clouds = await services.handlers['clouds.list'](undefined);
    expect(clouds.at(-1)).toMatchObject({ id: 'custom-contoso-stack-hub', kind: 'custom', signInReady: true });
  });
});

describe('connectivity in the app status', () => {
  it('lists every configured cloud as online until a call says otherwise', async () => {
    const { services } = await compose(new MemoryCipher('os'));
    const status = await services.handlers['app.getStatus'](undefined);
    expect(status.clouds).toEqual([
      { cloudId: 'azure', online: true },
      { cloudId: 'azure-china', online: true },
      { cloudId: 'azure-us-government', online: true },
    ]);
  });

  it('goes offline when the OS says the network is gone and tells the renderer', async () => {
    const { services, events } = await compose(new MemoryCipher('os'));
    services.handlers['app.networkChanged'](false);
    const status = await services.handlers['app.getStatus'](undefined);
    expect(status.online).toBe(false);
    expect(status.clouds.find((cloud) => cloud.cloudId === 'azure')).toMatchObject({ online: false });
    expect(events.emitted.filter((event) => event.name === 'status').at(-1)?.payload).toMatchObject({ online: false });

    services.handlers['app.networkChanged'](true);
    expect((await services.handlers['app.getStatus'](undefined)).online).toBe(true);
    await services.stop();
  });
});
