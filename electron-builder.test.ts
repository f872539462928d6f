// Checks electron-builder.yml without packaging (the Electron binary and electron-builder's tools cannot be
// downloaded on our build machines): the file must pass electron-builder's own JSON schema and config
// validation, keep the security fuses we rely on, and package nothing but the built app.
// It must not build, download or write anything outside a temporary directory.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { walk } from 'builder-util/out/fs.js';
import { Ajv, type ErrorObject } from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { getConfig as readConfigFile } from 'app-builder-lib/out/util/config/load.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.dirname(fileURLToPath(import.meta.url));
const configPath = path.join(root, 'electron-builder.yml');
const schemaPath = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(object: unknown, key: string): unknown {
  if (!isRecord(object)) throw new Error(`expected an object holding "${key}"`);
  return object[key];
}

/** The file exactly as electron-builder parses it (its own YAML reader), before defaults are merged in. */
async function loadConfig(): Promise<Json> {
  const request = { packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null };
  const read = await readConfigFile<unknown>(request, configPath);
  const parsed = read?.result;
  if (!isRecord(parsed)) throw new Error('electron-builder.yml is not a mapping');
  return parsed;
}

// Same settings as app-builder-lib's own schemaValidator (draft-07, allErrors, strict: false so the schema's
// non-standard keywords are ignored) except coerceTypes: we want the file's types right, not coerced.
async function compileSchema(): Promise<(data: unknown) => ErrorObject[]> {
  const schema: unknown = JSON.parse(await readFile(schemaPath, 'utf8'));
  if (field(schema, '$schema') !== 'http://json-schema.org/draft-07/schema#') {
    throw new Error('app-builder-lib scheme.json is no longer draft-07: revisit the ajv setup');
  }
  if (field(schema, 'additionalProperties') !== false) {
    throw new Error('scheme.json no longer rejects unknown top-level keys: the typo test would be meaningless');
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema as Json);
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}

function describeErrors(errors: ErrorObject[]): string[] {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

describe('electron-builder.yml', () => {
  let config: Json;
  let validate: (data: unknown) => ErrorObject[];

  beforeAll(async () => {
    config = await loadConfig();
    validate = await compileSchema();
  });

  it('matches app-builder-lib scheme.json with no errors', () => {
    expect(describeErrors(validate(config))).toEqual([]);
  });

  it('passes electron-builder config resolution and validation as the CLI would run it', async () => {
    const resolved = await getConfig(root, configPath, null);
    await expect(validateConfiguration(resolved, new DebugLogger(false))).resolves.toBeUndefined();
    expect(resolved.appId).toBe('dev.clouddesk.app');
    expect(resolved.productName).toBe('Cloud Desk');
  });

  it('rejects a misspelt top-level key, so the validator is live', async () => {
    const { appId, ...rest } = config;
    const typo = { ...rest, appID: appId };
    const errors = validate(typo);
    expect(errors.some((e) => e.keyword === 'additionalProperties' && e.params['additionalProperty'] === 'appID')).toBe(
      true,
    );
    // Deliberately invalid data handed to electron-builder's validator, hence the cast.
    await expect(validateConfiguration(typo as Configuration, new DebugLogger(false))).rejects.toThrow(/appID/);
  });

  it('rejects a misspelt fuse name, so a fuse cannot silently vanish', () => {
    const fuses = field(config, 'electronFuses');
    const typo = { ...config, electronFuses: { ...(isRecord(fuses) ? fuses : {}), runAsnode: false } };
    expect(describeErrors(validate(typo)).join('\n')).toMatch(/runAsnode/);
  });

  it('sets every security-critical fuse to the required state', () => {
    expect(field(config, 'electronFuses')).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs the app into asar, registers clouddesk:// and publishes to the real GitHub repository', () => {
    expect(field(config, 'asar')).toBe(true);
    expect(field(config, 'protocols')).toEqual([{ name: 'Cloud Desk link', schemes: ['clouddesk'] }]);
    expect(field(config, 'directories')).toEqual({ output: 'release', buildResources: 'resources' });
    expect(field(config, 'publish')).toMatchObject({ provider: 'github', owner: 'cloud-desk', repo: 'cloud-desk' });
    expect(field(config, 'artifactName')).toMatch(/\$\{version\}.*\$\{arch\}/);
  });

  it('publishes updater metadata (latest*.yml, every channel) and blockmaps to an https feed', async () => {
    const resolved = await getConfig(root, configPath, null);
    // The github provider is https-only; a generic feed would have to say https itself.
    const feeds = [resolved.publish].flat().map((feed) => (typeof feed === 'string' ? { provider: feed } : feed));
    expect(feeds.map((feed) => feed?.provider)).toEqual(['github']);
    expect(field(config, 'generateUpdatesFilesForAllChannels')).toBe(true);
    expect(field(field(config, 'nsis'), 'differentialPackage')).toBe(true);
    // The macOS zip is what electron-updater installs from; the dmg is for first installs.
    const macTargets = [field(field(config, 'mac'), 'target')].flat().map((t) => field(t, 'target'));
    expect(macTargets).toContain('zip');
    expect(field(field(field(config, 'win'), 'signtoolOptions'), 'publisherName')).toEqual(['Cloud Desk contributors']);
  });

  it('builds installers for x64 and arm64 on every OS', () => {
    const targets = (platform: string): Record<string, unknown> =>
      Object.fromEntries(
        [field(field(config, platform), 'target')].flat().map((t) => [field(t, 'target'), field(t, 'arch')]),
      );
    const both = ['x64', 'arm64'];
    expect(targets('win')).toEqual({ nsis: both });
    expect(targets('mac')).toEqual({ dmg: both, zip: both });
    expect(targets('linux')).toEqual({ AppImage: both, deb: both });
  });

  it('signs macOS builds with the hardened runtime and JIT as the only code-signing exception', async () => {
    const mac = field(config, 'mac');
    expect(field(mac, 'hardenedRuntime')).toBe(true);
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const file = field(mac, key);
      expect(typeof file).toBe('string');
      const plist = await readFile(path.join(root, String(file)), 'utf8');
      const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
      expect(granted, `${String(file)}`).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });

  describe('files', () => {
    let tree: string;
    const shipped = [
      'package.json',
      'dist/main/index.js',
      'dist/main/chunks/auth-1a2b.js',
      'dist/preload/index.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-3c4d.js',
      'dist/renderer/assets/index-3c4d.css',
    ];
    const excluded = [
      'dist/main/index.js.map',
      'dist/renderer/assets/index-3c4d.js.map',
      'dist/main/window.test.js',
      'dist/preview/server.js',
      'dist/emulator/cli.js',
      'preview/server.ts',
      'emulator/cli.ts',
      'e2e/accounts.spec.ts',
      'bench/inventory.bench.ts',
      'docs/architecture.md',
      'main/index.ts',
      'renderer/main.tsx',
      'scripts/security-scan.ts',
      'electron-builder.yml',
      'resources/icon.png',
      'release/cloud-desk-0.1.0-linux-x86_64.AppImage',
    ];

    beforeAll(async () => {
      tree = await mkdtemp(path.join(os.tmpdir(), 'cloud-desk-files-'));
      for (const file of [...shipped, ...excluded]) {
        await mkdir(path.dirname(path.join(tree, file)), { recursive: true });
        await writeFile(path.join(tree, file), '');
      }
    });

    afterAll(async () => {
      await rm(tree, { recursive: true, force: true });
    });

    it('ships only the built app and package.json (walked with electron-builder own file matcher)', async () => {
      const patterns = field(config, 'files');
      expect(Array.isArray(patterns)).toBe(true);
      const matcher = new FileMatcher(tree, 'app', (p) => p, patterns as string[]);
      const walked = await walk(tree, matcher.createFilter());
      const files = walked.map((f) => path.relative(tree, f).split(path.sep).join('/')).sort();
      expect(files).toEqual([...shipped].sort());
    });

    it('names the never-packaged folders and source maps explicitly', () => {
      const patterns = field(config, 'files');
      expect(patterns).toContain('!**/*.map');
      expect(patterns).toContain('!{preview,emulator,e2e,bench,docs}{,/**/*}');
      expect(patterns).toContain('!dist/{preview,emulator,e2e,bench,docs}{,/**/*}');
    });
  });
});
