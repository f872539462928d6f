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

  it('is none for a custom cloud, whatever its ARM host is called (the renderer chose it)', () => {
    const stack = customCloud(
      {
        name: 'Stack',
        authorityHost: 'https://login.contoso.local',
        armEndpoint: 'https://management.region1.contoso.local',
      },
      undefined,
    );
    expect(portalOrigin(stack)).toBeUndefined();
  });

  it("opens a resource in its tenant's directory", () => {
    expect(resourcePortalUrl('https://portal.azure.com', 't1', '/subscriptions/s/resourceGroups/rg/x')).toBe(
      'https://portal.azure.com/#@t1/resource/subscriptions/s/resourceGroups/rg/x/overview',
    );
  });
});
