import { describe, expect, it } from 'vitest';
import type { AccountSummary, AppInfo, Cloud } from '../../preload/contract.js';
import { diagnosticsText } from './diagnostics.js';

const info: AppInfo = {
  name: 'Cloud Desk',
  version: '1.2.3',
  platform: 'linux',
  arch: 'x64',
  runtime: 'electron',
  versions: { electron: '45.4.1', chrome: '142.0', node: '24.1.0' },
  packaged: true,
  dataDir: '/home/alice/.config/Cloud Desk',
};
const clouds: Cloud[] = [
  {
    id: 'public',
    name: 'Azure',
    kind: 'public',
    authorityHost: 'https://login.microsoftonline.com',
    armEndpoint: 'https://management.azure.com',
    signInReady: true,
  },
  {
    id: 'custom:contoso',
    name: 'Contoso Stack',
    kind: 'custom',
    authorityHost: 'https://login.contoso.local',
    armEndpoint: 'https://arm.contoso.local',
    signInReady: true,
  },
];
const account = (id: string, cloudId: string, kind: AccountSummary['kind']): AccountSummary => ({
  id,
  kind,
  cloudId,
  cloudName: cloudId === 'public' ? 'Azure' : 'Contoso Stack',
  name: 'Alice Example',
  username: 'alice@contoso.com',
  homeTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  tenants: [],
  persisted: true,
  checking: false,
});

describe('diagnosticsText', () => {
  const text = diagnosticsText({
    info,
    status: {
      online: true,
      clouds: [{ cloudId: 'public', online: true }],
      secretStorage: { mode: 'encrypted', backend: 'gnome_libsecret', weakAvailable: true },
    },
    accounts: [account('a1', 'public', 'user'), account('a2', 'custom:contoso', 'service_principal')],
    clouds,
    extra: [['Proxy', 'system']],
  });

  it('names versions, platform, cloud kinds, storage and what other areas add', () => {
    expect(text).toContain('Cloud Desk: 1.2.3');
    expect(text).toContain('Electron: 45.4.1');
    expect(text).toContain('Platform: linux x64');
    expect(text).toContain('Clouds in use: custom, public');
    expect(text).toContain('Accounts: 1 user, 1 service principal');
    expect(text).toContain('Secret storage: encrypted (gnome_libsecret)');
    expect(text).toContain('Proxy: system');
  });

  it('carries no names, user names, tenant ids, cloud names or paths', () => {
    for (const personal of ['Alice', 'alice@', '72f988bf', 'Contoso', '/home/alice'])
      expect(text).not.toContain(personal);
  });
});
