// Checks .github/workflows/release.yml offline: it passes action-validator, a broken copy does not, and it keeps
// the shape a release relies on: tag trigger, three OSes, fuses checked before anything is published, updater
// metadata and blockmaps published to a draft, signing only when secrets exist. It never contacts GitHub.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig as readYamlFile } from 'app-builder-lib/out/util/config/load.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowPath = path.join(root, '.github', 'workflows', 'release.yml');

function validate(file: string): { status: number | null; output: string } {
  const cli = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')),
    'cli.mjs',
  );
  const result = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) throw new Error(`no "${key}" in ${keys.join('.')}`);
    current = current[key];
  }
  return current;
}

interface Step {
  name: string;
  run: string;
  env: Record<string, unknown>;
}

function steps(workflow: unknown): Step[] {
  const list = at(workflow, 'jobs', 'installers', 'steps');
  if (!Array.isArray(list)) throw new Error('the installers job has no steps');
  return list.map((step: unknown) => ({
    name: isRecord(step) && typeof step['name'] === 'string' ? step['name'] : '',
    run: isRecord(step) && typeof step['run'] === 'string' ? step['run'] : '',
    env: isRecord(step) && isRecord(step['env']) ? step['env'] : {},
  }));
}

describe('.github/workflows/release.yml', () => {
  let text: string;
  let workflow: unknown;
  let tmp: string;

  beforeAll(async () => {
    text = await readFile(workflowPath, 'utf8');
    const request = { packageKey: 'build', configFilename: 'release', projectDir: root, packageMetadata: null };
    workflow = (await readYamlFile<unknown>(request, workflowPath))?.result;
    tmp = await mkdtemp(path.join(os.tmpdir(), 'cloud-desk-release-'));
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('passes action-validator', () => {
    const { status, output } = validate(workflowPath);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('fails action-validator when a step key is misspelt, so the check is live', async () => {
    const broken = path.join(tmp, 'broken.yml');
    await writeFile(broken, text.replace('      - uses: actions/checkout@v5', '      - usess: actions/checkout@v5'));
    const { status } = validate(broken);
    expect(status).not.toBe(0);
  });

  it('runs on version tags only, on Windows, macOS and Linux, and may write releases', () => {
    expect(at(workflow, 'on')).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(at(workflow, 'jobs', 'installers', 'strategy', 'matrix', 'os')).toEqual([
      'windows-latest',
      'macos-latest',
      'ubuntu-latest',
    ]);
    expect(at(workflow, 'permissions')).toEqual({ contents: 'write' });
  });

  it('packages without publishing, checks the fuses, then publishes, in that order', () => {
    const runs = steps(workflow).map((step) => step.run);
    const order = [
      'npm ci',
      'npm run build',
      'electron-builder --publish never',
      'npm run check:fuses',
      'electron-builder publish --policy always',
    ].map((command) => runs.findIndex((run) => run.includes(command)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('publishes installers, blockmaps and the updater metadata of every channel', () => {
    const publish = steps(workflow).find((step) => step.run.includes('electron-builder publish'));
    for (const pattern of [
      '*.exe',
      '*.dmg',
      '*.zip',
      '*.AppImage',
      '*.deb',
      '*.blockmap',
      'latest*.yml',
      'beta*.yml',
    ]) {
      expect(publish?.run).toContain(`release/${pattern}`);
    }
    expect(publish?.env['GH_TOKEN']).toBe('${{ secrets.GITHUB_TOKEN }}');
  });

  it('signs and notarizes only with secrets, and says so in the log when they are missing', () => {
    const decide = steps(workflow).find((step) => step.name === 'Decide on signing');
    expect(decide?.run).toMatch(/::warning::macOS: MAC_CSC_LINK is not set/);
    expect(decide?.run).toMatch(/::warning::macOS: notarization skipped/);
    expect(decide?.run).toMatch(/::warning::Windows: WIN_CSC_LINK is not set/);
    const pack = steps(workflow).find((step) => step.run.includes('electron-builder --publish never'));
    expect(pack?.env['CSC_LINK']).toBe("${{ runner.os == 'macOS' && secrets.MAC_CSC_LINK || '' }}");
    expect(pack?.env['WIN_CSC_LINK']).toBe("${{ runner.os == 'Windows' && secrets.WIN_CSC_LINK || '' }}");
  });

  it('packages with the publisher default client id built in, as CI does', () => {
    const pack = steps(workflow).find((step) => step.run.includes('electron-builder --publish never'));
    expect(pack?.run).toContain('--config scripts/electron-builder-config.ts');
    expect(pack?.env['CLOUD_DESK_CLIENT_ID']).toBe('${{ vars.CLOUD_DESK_CLIENT_ID }}');
  });
});
