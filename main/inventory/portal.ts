// The Azure portal of each cloud and the portal address of a VM or subscription. Main builds every URL; the
// renderer only names what to open. No Electron imports.
import type { CloudEndpoints } from '../clouds.js';

const portals: Record<string, string> = {
  public: 'https://portal.azure.com',
  china: 'https://portal.azure.cn',
  usgov: 'https://portal.azure.us',
};

/**
 * The portal origin of an Azure cloud; none for a custom cloud. Its endpoints come from the renderer (Settings), so
 * a portal derived from them would be a host the renderer chose: Cloud Desk opens only the fixed portals.
 */
export function portalOrigin(cloud: CloudEndpoints): string | undefined {
  return portals[cloud.kind];
}

export function resourcePortalUrl(origin: string, tenantId: string, resourceId: string): string {
  return `${origin}/#@${encodeURIComponent(tenantId)}/resource${resourceId}/overview`;
}
