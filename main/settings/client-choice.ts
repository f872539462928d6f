// Which client id signs in to the clouds without one of their own: the user's choice in Settings, the Azure
// CLI's public client, or the default the publisher built in when packaging (CLOUD_DESK_CLIENT_ID, written into
// the packaged package.json under `cloudDesk.clientId`). No Electron imports.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { azureCliClientId, nationalCloudIds } from '../../preload/contract-client.js';
import { settingsSchema, type Settings } from '../../preload/contract.js';

/** Where the packaged app's package.json carries the built-in client id (see scripts/electron-builder-config.ts). */
export const builtinClientMetadataKey = 'cloudDesk';

const clientIdSchema = settingsSchema.shape.clientId.refine((value) => value !== '', 'must be a GUID');
const packagedMetadataSchema = z.object({
  [builtinClientMetadataKey]: z.object({ clientId: clientIdSchema }),
});

/** The built-in client id from a package.json's contents, or undefined when none (or no valid one) was built in. */
export function builtinClientIdFrom(packageJson: unknown): string | undefined {
  const parsed = packagedMetadataSchema.safeParse(packageJson);
  return parsed.success ? parsed.data[builtinClientMetadataKey].clientId : undefined;
}

/** The built-in client id of the app whose package.json is at `packageJsonPath` (none when it cannot be read). */
export function readBuiltinClientId(packageJsonPath: string): string | undefined {
  try {
    return builtinClientIdFrom(JSON.parse(readFileSync(packageJsonPath, 'utf8')));
  } catch {
    return undefined;
  }
}

/** The package.json fields that carry `clientId` into the packaged app; throws when it is not a GUID. */
export function builtinClientMetadata(clientId: string): Record<string, { clientId: string }> {
  const parsed = clientIdSchema.safeParse(clientId.trim());
  if (!parsed.success) {
    throw new Error(`CLOUD_DESK_CLIENT_ID must be an Application (client) ID (a GUID), not "${clientId}".`);
  }
  return { [builtinClientMetadataKey]: { clientId: parsed.data } };
}

/** The client id to sign in with, or '' when there is none yet (the first run then asks). */
export function effectiveClientId(
  settings: Pick<Settings, 'clientChoice' | 'clientId'>,
  builtinClientId: string | undefined,
): string {
  switch (settings.clientChoice) {
    case 'organisation':
      return settings.clientId;
    case 'azure_cli':
      return azureCliClientId;
    case 'builtin':
    case 'unset':
      return builtinClientId ?? '';
  }
}

/**
 * The client id to sign in to each national cloud with ('' when none yet): its own choice in Settings, else the
 * Azure CLI's client when that is the main choice. The built-in and the organisation's registrations live in
 * Azure's Entra ID and do not exist in a national cloud's, so they never carry over.
 */
export function nationalClientIds(
  settings: Pick<Settings, 'clientChoice' | 'nationalCloudClients'>,
): Record<string, string> {
  return Object.fromEntries(
    nationalCloudIds.map((cloudId) => {
      const own = settings.nationalCloudClients[cloudId];
      if (own) return [cloudId, own.choice === 'azure_cli' ? azureCliClientId : own.clientId];
      return [cloudId, settings.clientChoice === 'azure_cli' ? azureCliClientId : ''];
    }),
  );
}
