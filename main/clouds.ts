// The endpoint table: Azure public, Azure China, Azure US Government, and custom clouds (an Azure Stack Hub-style
// private cloud, or the local emulator) described by a JSON file named in CLOUD_DESK_CLOUD_CONFIG.
// No Electron imports; reading the file is the caller's job.
import { z } from 'zod';
import { customCloudSchema, type Cloud, type CustomCloud } from '../preload/contract.js';

export interface CloudEndpoints {
  id: string;
  name: string;
  kind: Cloud['kind'];
  /** e.g. https://login.microsoftonline.com (no trailing slash). */
  authorityHost: string;
  /** e.g. https://management.azure.com (no trailing slash). */
  armEndpoint: string;
  /** The resource the ARM token is for, e.g. https://management.azure.com/ (scope = audience + ".default"). */
  armAudience: string;
  /** The cloud's own public client id (custom clouds), else Settings' client id applies. */
  clientId?: string;
  /** Extra CA certificates (PEM) to trust for this cloud's endpoints. */
  caPem?: string;
}

export const builtInClouds: readonly CloudEndpoints[] = [
  {
    id: 'azure',
    name: 'Azure',
    kind: 'public',
    authorityHost: 'https://login.microsoftonline.com',
    armEndpoint: 'https://management.azure.com',
    armAudience: 'https://management.azure.com/',
  },
  {
    id: 'azure-china',
    name: 'Azure operated by 21Vianet',
    kind: 'china',
    authorityHost: 'https://login.chinacloudapi.cn',
    armEndpoint: 'https://management.chinacloudapi.cn',
    armAudience: 'https://management.chinacloudapi.cn/',
  },
  {
    id: 'azure-us-government',
    name: 'Azure US Government',
    kind: 'usgov',
    authorityHost: 'https://login.microsoftonline.us',
    armEndpoint: 'https://management.usgovcloudapi.net',
    armAudience: 'https://management.usgovcloudapi.net/',
  },
];

/** The CLOUD_DESK_CLOUD_CONFIG file: one custom cloud, its CA as a file path (relative to the config file). */
export const customCloudFileSchema = customCloudSchema.omit({ caPem: true }).extend({
  caFile: z.string().min(1).optional(),
});
export type CustomCloudFile = z.infer<typeof customCloudFileSchema>;

export function customCloud(file: Omit<CustomCloud, 'caPem'>, caPem: string | undefined): CloudEndpoints {
  const slug = file.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    id: `custom-${slug || 'cloud'}`,
    name: file.name,
    kind: 'custom',
    authorityHost: file.authorityHost,
    armEndpoint: file.armEndpoint,
    armAudience: file.armAudience ?? `${file.armEndpoint}/`,
    ...(file.clientId ? { clientId: file.clientId } : {}),
    ...(caPem ? { caPem } : {}),
  };
}

/** `host:port` as MSAL's knownAuthorities wants it (the port matters). */
export function authorityHostPort(cloud: CloudEndpoints): string {
  return new URL(cloud.authorityHost).host;
}

export function armScope(cloud: CloudEndpoints): string {
  return `${cloud.armAudience.replace(/\/?$/, '/')}.default`;
}

/** The clouds to offer: the fixed ones first, then custom ones whose id is not taken yet. */
export function mergeClouds(fixed: readonly CloudEndpoints[], custom: readonly CustomCloud[]): CloudEndpoints[] {
  const clouds = [...fixed];
  for (const entry of custom) {
    const cloud = customCloud(entry, entry.caPem);
    if (!clouds.some((existing) => existing.id === cloud.id)) clouds.push(cloud);
  }
  return clouds;
}
