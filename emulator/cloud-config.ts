// Writes the CLOUD_DESK_CLOUD_CONFIG file that points Cloud Desk at a running emulator as a custom cloud (the
// same mechanism an Azure Stack Hub-style private cloud uses). Used by `npm run demo` and the e2e fixtures.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demo } from './testing/demo-ids.js';
import type { RunningEmulator } from './index.js';

export const emulatorCloudName = 'Local Azure emulator';
export const emulatorCloudId = 'custom-local-azure-emulator';

export function writeEmulatorCloudConfig(emulator: RunningEmulator, dir: string): string {
  const file = join(dir, 'cloud.json');
  const config = {
    name: emulatorCloudName,
    authorityHost: emulator.authority,
    armEndpoint: emulator.arm,
    armAudience: 'https://management.azure.com/',
    caFile: emulator.caFile,
    clientId: demo.clientId,
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
