// Reads the custom cloud named by CLOUD_DESK_CLOUD_CONFIG (JSON; see docs/clouds.md) and its CA file. A bad
// file is reported in words and the built-in clouds keep working. Node only; no Electron imports.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Notice } from '../preload/contract.js';
import { builtInClouds, customCloud, customCloudFileSchema, type CloudEndpoints } from './clouds.js';

export type CloudConfigLoad = { clouds: CloudEndpoints[]; problem?: string };

export function loadClouds(configPath: string | undefined): CloudConfigLoad {
  if (!configPath) return { clouds: [...builtInClouds] };
  try {
    const parsed = customCloudFileSchema.safeParse(JSON.parse(readFileSync(configPath, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`);
    }
    const caPem = parsed.data.caFile
      ? readFileSync(resolve(dirname(configPath), parsed.data.caFile), 'utf8')
      : undefined;
    return { clouds: [customCloud(parsed.data, caPem), ...builtInClouds] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      clouds: [...builtInClouds],
      problem: `The custom cloud in ${configPath} could not be loaded (${reason}). Only the Azure clouds are available.`,
    };
  }
}

/** What the app says at start about the load: a notice when the custom cloud could not be loaded. */
export function cloudConfigNotices(load: CloudConfigLoad): { startupProblems?: Notice[] } {
  if (load.problem === undefined) return {};
  return {
    startupProblems: [{ id: 'cloud-config', level: 'error', title: 'Custom cloud not loaded', message: load.problem }],
  };
}
