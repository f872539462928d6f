// `npm run demo`: the whole app without an Azure account. Starts the local Azure emulator with the demo
// scenario, points Cloud Desk at it as a custom cloud, and runs the Electron app where its binary exists,
// otherwise the browser preview; then prints what to open and who can sign in. Ctrl+C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { electronBinary } from '../e2e/electron-binary.js';
import { writeEmulatorCloudConfig } from '../emulator/cloud-config.js';
import { mfaCode, startEmulator } from '../emulator/index.js';
import { demo } from '../emulator/testing/demo-ids.js';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { preview: { type: 'boolean', default: false }, port: { type: 'string', default: '0' } },
  strict: true,
});

const workDir = mkdtempSync(join(tmpdir(), 'cloud-desk-demo-'));
const emulator = await startEmulator({ scenario: 'demo', stateDir: join(workDir, 'emulator') });
const env = {
  ...process.env,
  CLOUD_DESK_CLOUD_CONFIG: writeEmulatorCloudConfig(emulator, workDir),
  CLOUD_DESK_DATA_DIR: process.env['CLOUD_DESK_DATA_DIR'] ?? join(workDir, 'data'),
};

const binary = values.preview ? undefined : electronBinary();
let app: ChildProcess;
let where: string;
if (binary) {
  app = spawn(binary, ['.'], { cwd: root, env, stdio: 'inherit' });
  where = 'the Cloud Desk window';
} else {
  app = spawn(process.execPath, ['--import', 'tsx', join(root, 'preview', 'cli.ts'), '--port', values.port], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => {
    if (app.stdout) createInterface({ input: app.stdout }).once('line', resolve);
  });
  where = (JSON.parse(line) as { url: string }).url;
}

console.log(`
Cloud Desk demo is running against a local Azure emulator (${emulator.authority}).
  Open: ${where}${binary ? '' : '\n  (no Electron binary here, so this is the browser preview; sign-in pages open in a new tab)'}
  Add account > Microsoft account, then sign in as:
    ${demo.alice.username} / ${demo.alice.password}  member of Contoso, guest in Fabrikam and Northwind Lab
                                         (Northwind Lab requires MFA: the code is ${mfaCode})
    ${demo.bob.username} / ${demo.bob.password}      member of Fabrikam
  Service principal (Add account > Service principal): tenant ${demo.tenants.contoso},
    client ${demo.secretSp.clientId}, secret ${demo.secretSp.secret}
  The emulator's certificate comes from a CA made for this run (${emulator.caFile}); a browser
    warns about it on the sign-in page until you accept it or trust that CA.
  Data folder: ${env.CLOUD_DESK_DATA_DIR}
Press Ctrl+C to stop.`);

const stop = async (code: number): Promise<void> => {
  app.kill('SIGTERM');
  await emulator.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
app.on('exit', (code) => void stop(code ?? 0));
