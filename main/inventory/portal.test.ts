import { describe, expect, it } from 'vitest';
import { builtInClouds, customCloud } from '../clouds.js';
import { portalOrigin, resourcePortalUrl } from './portal.js';

describe('the Azure portal of a cloud', () => {
  it('is the known portal of each Azure cloud', () => {
    expect(builtInClouds.map((cloud) => portalOrigin(cloud))).toEqual([
      'https://portal.azure.com',
      'https://portal.azure.cn',
      'https://portal.azure.us',
    ]);
  });

  it("follows Azure Stack Hub's naming for a custom cloud, and is unknown for a host without it", () => {
    const stack = customCloud(
      {
        name: 'Stack',
        authorityHost: 'https://login.contoso.local',
        armEndpoint: 'https://management.region1.contoso.local',
      },
      undefined,
    );
    expect(portalOrigin(stack)).toBe('https://portal.region1.contoso.local');
    const local = customCloud(
      { name: 'Emulator', authorityHost: 'https://localhost:4443', armEndpoint: 'https://localhost:4443' },
      undefined,
    );
    expect(portalOrigin(local)).toBeUndefined();
  });

  it("opens a resource in its tenant's directory", () => {
    expect(resourcePortalUrl('https://portal.azure.com', 't1', '/subscriptions/s/resourceGroups/rg/x')).toBe(
      'https://portal.azure.com/#@t1/resource/subscriptions/s/resourceGroups/rg/x/overview',
    );
  });
});
