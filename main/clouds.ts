// The endpoint table: Azure public, Azure China, Azure US Government, and custom clouds (an Azure Stack Hub-style
// private cloud, or the local emulator) described by a JSON file named in CLOUD_DESK_CLOUD_CONFIG.
// No Electron imports; reading the file is the caller's job.
import { z } from 'zod';
import type { Cloud } from '../preload/contract.js';

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

const httpsUrl = z
  .url({ protocol: /^https$/, message: 'must be an https URL' })
  .transform((url) => url.replace(/\/+$/, ''));

/** The CLOUD_DESK_CLOUD_CONFIG file: one custom cloud. */
export const customCloudFileSchema = z.strictObject({
  name: z.string().min(1).max(80),
  authorityHost: httpsUrl,
  armEndpoint: httpsUrl,
  armAudience: z.url().optional(),
  /** Path of a PEM file with CA certificates to trust, relative to the config file. */
  caFile: z.string().min(1).optional(),
  clientId: z
    .string()
    .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID')
    .optional(),
});
export type CustomCloudFile = z.infer<typeof customCloudFileSchema>;

export function customCloud(file: CustomCloudFile, caPem: string | undefined): CloudEndpoints {
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
