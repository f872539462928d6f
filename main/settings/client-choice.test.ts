import { describe, expect, it } from 'vitest';
import { azureCliClientId } from '../../preload/contract-client.js';
import { createAppServices } from '../app-services.js';
import { builtInClouds } from '../clouds.js';
import {
  fixedClock,
  MemoryCipher,
  MemoryStore,
  RecordingEvents,
  RecordingLogger,
  RecordingOpener,
} from '../testing/fakes.js';
import { builtinClientIdFrom, effectiveClientId, nationalClientIds } from './client-choice.js';

const organisationId = '11111111-2222-4333-8444-555555555555';
const builtinId = '2f1b5e64-3c4d-4e8f-9a0b-1c2d3e4f5a6b';

async function start(stored: unknown, builtinClientId?: string) {
  const settingsStore = new MemoryStore();
  if (stored !== undefined) settingsStore.set('settings', stored);
  const services = await createAppServices({
    settingsStore,
    secretsStore: new MemoryStore(),
    cipher: new MemoryCipher(),
    clouds: builtInClouds,
    clock: fixedClock('2026-11-30T10:00:00.000Z'),
    events: new RecordingEvents(),
    opener: new RecordingOpener(),
    logger: new RecordingLogger(),
    appInfo: () => ({
      name: 'Cloud Desk',
      version: '1.0.0',
      platform: 'linux',
      arch: 'x64',
      runtime: 'preview',
      versions: { node: '24.0.0' },
      packaged: true,
      dataDir: '/data',
    }),
    recoveries: [],
    builtinClientId,
  });
  const azureReady = (): boolean | undefined =>
    services.accounts.clouds().find((cloud) => cloud.id === 'azure')?.signInReady;
  return { services, settingsStore, azureReady };
}

describe('the sign-in client choice', () => {
  it('starts unchosen with sign-in to Azure unavailable when no default was built in', async () => {
    const { services, azureReady } = await start(undefined);
    expect(services.settings.get()).toMatchObject({ clientChoice: 'unset', clientId: '' });
    expect(azureReady()).toBe(false);
  });

  it('makes Azure sign-in available with the Azure CLI client, and back with nothing chosen', async () => {
    const { services, azureReady } = await start(undefined);
    services.settings.set({ clientChoice: 'azure_cli' });
    expect(azureReady()).toBe(true);
    services.settings.set({ clientChoice: 'organisation' });
    expect(azureReady()).toBe(false);
    services.settings.set({ clientId: organisationId });
    expect(azureReady()).toBe(true);
  });

  it('uses a built-in default while nothing else is chosen, and says which it is', async () => {
    const { services, azureReady } = await start(undefined, builtinId);
    expect(azureReady()).toBe(true);
    expect(services.handlers['app.getInfo'](undefined)).toMatchObject({ builtinClientId: builtinId });
  });

  it('migrates settings from before the choice: a stored client id is the organisation’s, and is kept', async () => {
    const { services, settingsStore, azureReady } = await start({
      theme: 'dark',
      clientId: organisationId,
      defaultTenant: 'organizations',
      allowWeakSecretStorage: false,
      customClouds: [],
    });
    expect(services.settings.get()).toMatchObject({
      theme: 'dark',
      clientChoice: 'organisation',
      clientId: organisationId,
    });
    expect(settingsStore.get('settings')).toMatchObject({ clientChoice: 'organisation' });
    expect(azureReady()).toBe(true);
    const none = await start({ theme: 'light', clientId: '' });
    expect(none.services.settings.get()).toMatchObject({ theme: 'light', clientChoice: 'unset' });
  });

  it('treats a client id given while nothing was chosen as the organisation’s registration', async () => {
    const { services } = await start(undefined);
    expect(services.settings.set({ clientId: organisationId })).toMatchObject({ clientChoice: 'organisation' });
  });
});

describe('national clouds', () => {
  const chinaRegistration = '33333333-4444-4555-8666-777777777777';
  const ready = (services: Awaited<ReturnType<typeof start>>['services'], cloudId: string) =>
    services.accounts.clouds().find((cloud) => cloud.id === cloudId)?.signInReady;

  it('do not borrow Azure’s registration: they sign in only with their own choice or the Azure CLI’s client', async () => {
    const { services, azureReady } = await start(undefined, builtinId);
    services.settings.set({ clientChoice: 'organisation', clientId: organisationId });
    expect(azureReady()).toBe(true);
    expect(ready(services, 'azure-china')).toBe(false);
    expect(ready(services, 'azure-us-government')).toBe(false);
    await expect(services.accounts.signIn({ cloudId: 'azure-china', method: 'browser' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('needs an app registration made in that cloud'),
    });

    services.settings.set({ clientChoice: 'azure_cli' });
    expect(ready(services, 'azure-china')).toBe(true);
    expect(ready(services, 'azure-us-government')).toBe(true);
  });

  it('each take their own registration or the Azure CLI’s client, apart from each other and from Azure', async () => {
    const { services, azureReady } = await start(undefined);
    services.settings.set({
      nationalCloudClients: { 'azure-china': { choice: 'organisation', clientId: chinaRegistration } },
    });
    expect(ready(services, 'azure-china')).toBe(true);
    expect(ready(services, 'azure-us-government')).toBe(false);
    expect(azureReady()).toBe(false);
    expect(
      nationalClientIds({
        clientChoice: 'organisation',
        nationalCloudClients: {
          'azure-china': { choice: 'organisation', clientId: chinaRegistration },
          'azure-us-government': { choice: 'azure_cli', clientId: '' },
        },
      }),
    ).toEqual({ 'azure-china': chinaRegistration, 'azure-us-government': azureCliClientId });
  });

  it('leave a custom cloud its own client id, and give one without the main choice', async () => {
    const { services } = await start(undefined);
    const stack = { authorityHost: 'https://login.stack.test', armEndpoint: 'https://management.stack.test' };
    services.settings.set({
      customClouds: [
        { name: 'Stack Hub', ...stack, clientId: chinaRegistration },
        { name: 'Lab', ...stack },
      ],
    });
    expect(ready(services, 'custom-stack-hub')).toBe(true);
    expect(ready(services, 'custom-lab')).toBe(false);
    services.settings.set({ clientChoice: 'azure_cli' });
    expect(ready(services, 'custom-lab')).toBe(true);
  });

  it('keep other settings when a stored entry is not a valid choice', async () => {
    const { services } = await start({
      theme: 'dark',
      clientChoice: 'azure_cli',
      clientId: '',
      nationalCloudClients: { 'azure-china': { choice: 'someday', clientId: 'x' } },
    });
    expect(services.settings.get()).toMatchObject({ theme: 'dark', nationalCloudClients: {} });
    expect(ready(services, 'azure-china')).toBe(true);
  });
});

describe('effectiveClientId', () => {
  it.each([
    ['organisation', organisationId, undefined, organisationId],
    ['organisation', '', builtinId, ''],
    ['azure_cli', organisationId, builtinId, azureCliClientId],
    ['builtin', organisationId, builtinId, builtinId],
    ['builtin', '', undefined, ''],
    ['unset', organisationId, undefined, ''],
  ] as const)('%s with client id "%s" and built-in %s signs in with "%s"', (choice, clientId, builtin, expected) => {
    expect(effectiveClientId({ clientChoice: choice, clientId }, builtin)).toBe(expected);
  });
});

describe('builtinClientIdFrom', () => {
  it('reads only a GUID under cloudDesk.clientId', () => {
    expect(builtinClientIdFrom({ name: 'cloud-desk', cloudDesk: { clientId: builtinId } })).toBe(builtinId);
    expect(builtinClientIdFrom({ name: 'cloud-desk' })).toBeUndefined();
    expect(builtinClientIdFrom({ cloudDesk: { clientId: '' } })).toBeUndefined();
    expect(builtinClientIdFrom({ cloudDesk: { clientId: 'not-a-guid' } })).toBeUndefined();
  });
});
