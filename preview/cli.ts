// `npm run preview`: starts the preview host on the built renderer and prints one JSON line with the URL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPreviewDataDir, startPreviewHost } from './host.js';
import { keepServing } from './keep-serving.js';
import { builtinClientIdFrom, builtinClientMetadata } from '../main/settings/client-choice.js';
import { applyMainProcessV8Flags } from '../main/engine-flags.js';

// The host runs the main process's services: the same V8 settings as Electron's main process.
applyMainProcessV8Flags();
const root = join(import.meta.dirname, '..');

function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535, not "${values.port}".\n`);
    process.exit(2);
  }
  const packageJson: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = (packageJson as { version: string }).version;
  // The preview is never packaged: CLOUD_DESK_CLIENT_ID stands in for the default packaging would build in.
  const fromEnv = process.env['CLOUD_DESK_CLIENT_ID']?.trim();
  return startPreviewHost({
    port,
    dataDir: values['data-dir'] ?? defaultPreviewDataDir(),
    rendererDir: join(root, 'dist', 'renderer'),
    bridgeFile: join(root, 'dist', 'preview', 'bridge.js'),
    version,
    builtinClientId: builtinClientIdFrom(fromEnv ? builtinClientMetadata(fromEnv) : packageJson),
    cloudConfigPath: process.env['CLOUD_DESK_CLOUD_CONFIG'],
    simulateEncryption: process.env['CLOUD_DESK_PREVIEW_ENCRYPTION'],
    openLink: process.env['CLOUD_DESK_OPEN_LINK'],
    watchProcess: process,
  }).then((host) => {
    keepServing(process, (line) => process.stderr.write(line));
    process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
    const stop = (): void => {
      void host.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`The preview host could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
