// The configuration packaging runs with (`npm run package`, CI): electron-builder.yml as it is, plus the
// publisher's default client id from CLOUD_DESK_CLIENT_ID, written into the packaged app's package.json
// (`extraMetadata`), where main reads it at start (main/settings/client-choice.ts). Without the variable the app
// is packaged with no default and asks on first run. electron-builder loads this file itself:
// `electron-builder --publish never --config scripts/electron-builder-config.ts`.
import type { Configuration } from 'app-builder-lib';
import { builtinClientMetadata } from '../main/settings/client-choice.js';

export function packagingConfig(env: Record<string, string | undefined>): Configuration {
  const clientId = env['CLOUD_DESK_CLIENT_ID']?.trim();
  return {
    extends: 'file:electron-builder.yml',
    ...(clientId ? { extraMetadata: builtinClientMetadata(clientId) } : {}),
  };
}

export default (): Configuration => packagingConfig(process.env);
