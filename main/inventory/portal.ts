// The Azure portal of each cloud and the portal address of a VM or subscription. Main builds every URL; the
// renderer only names what to open. No Electron imports.
import type { CloudEndpoints } from '../clouds.js';

const portals: Record<string, string> = {
  public: 'https://portal.azure.com',
  china: 'https://portal.azure.cn',
  usgov: 'https://portal.azure.us',
};

/**
 * The cloud's portal origin. A custom cloud's portal follows Azure Stack Hub's naming (`management.<region>...`
 * -> `portal.<region>...`); a cloud whose ARM host does not start with `management.` has no known portal.
 */
export function portalOrigin(cloud: CloudEndpoints): string | undefined {
  const known = portals[cloud.kind];
  if (known) return known;
  const arm = new URL(cloud.armEndpoint);
  if (!arm.hostname.startsWith('management.')) return undefined;
  return `https://portal.${arm.hostname.slice('management.'.length)}${arm.port ? `:${arm.port}` : ''}`;
}

export function resourcePortalUrl(origin: string, tenantId: string, resourceId: string): string {
  return `${origin}/#@${encodeURIComponent(tenantId)}/resource${resourceId}/overview`;
}
