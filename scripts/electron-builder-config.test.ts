// The build-time default client id, checked the way electron-builder uses it without packaging (no Electron
// binary here): electron-builder's own loader resolves scripts/electron-builder-config.ts (with electron-builder.yml
// as its parent), its own transformer writes the packaged package.json, and main's reader finds the id in it.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinClientIdFrom } from '../main/settings/client-choice.js';

// electron-builder's file transformer (it rewrites package.json while copying the app) ships no type declarations.
type FileTransformer = (file: string) => Promise<string | null> | string | null;
const { createTransformer } = createRequire(import.meta.url)('app-builder-lib/out/fileTransformer.js') as {
  createTransformer(srcDir: string, config: object, extraMetadata: unknown, extra: null): FileTransformer;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configPath = path.join(root, 'scripts', 'electron-builder-config.ts');
const clientId = '2f1b5e64-3c4d-4e8f-9a0b-1c2d3e4f5a6b';
const saved = process.env['CLOUD_DESK_CLIENT_ID'];

afterEach(() => {
  if (saved === undefined) delete process.env['CLOUD_DESK_CLIENT_ID'];
  else process.env['CLOUD_DESK_CLIENT_ID'] = saved;
});

/** The package.json electron-builder would put into app.asar for this configuration. */
async function packagedPackageJson(extraMetadata: unknown): Promise<unknown> {
  const appDir = await mkdtemp(path.join(os.tmpdir(), 'cloud-desk-pack-'));
  await writeFile(path.join(appDir, 'package.json'), await readFile(path.join(root, 'package.json'), 'utf8'));
  const transform = createTransformer(appDir, {}, extraMetadata ?? null, null);
  const written = await transform(path.join(appDir, 'package.json'));
  return JSON.parse(typeof written === 'string' ? written : await readFile(path.join(appDir, 'package.json'), 'utf8'));
}

describe('packaging configuration', () => {
  it('writes CLOUD_DESK_CLIENT_ID into the packaged package.json, where main finds it', async () => {
    process.env['CLOUD_DESK_CLIENT_ID'] = ` ${clientId}\n`;
    const resolved = await getConfig(root, configPath, null);
    await expect(validateConfiguration(resolved, new DebugLogger(false))).resolves.toBeUndefined();
    // Everything of electron-builder.yml still applies.
    expect(resolved.appId).toBe('dev.clouddesk.app');
    expect(resolved.electronFuses?.runAsNode).toBe(false);
    const packaged = await packagedPackageJson(resolved.extraMetadata);
    expect(builtinClientIdFrom(packaged)).toBe(clientId);
    expect(packaged).toMatchObject({ name: 'cloud-desk', main: 'dist/main/index.js' });
  });

  it('builds in no default without the variable, so the first run asks', async () => {
    delete process.env['CLOUD_DESK_CLIENT_ID'];
    const resolved = await getConfig(root, configPath, null);
    expect(resolved.extraMetadata).toBeUndefined();
    expect(builtinClientIdFrom(await packagedPackageJson(resolved.extraMetadata))).toBeUndefined();
  });

  it('refuses to package with a client id that is not a GUID', async () => {
    process.env['CLOUD_DESK_CLIENT_ID'] = 'my-app';
    await expect(getConfig(root, configPath, null)).rejects.toThrow(/CLOUD_DESK_CLIENT_ID must be .* GUID/);
  });
});
