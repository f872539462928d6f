// Checks .github/workflows/ci.yml offline: it must pass action-validator (GitHub's workflow schema), a broken copy
// must not (so the validator is live), and the jobs must keep the shape the project relies on.
// It must not contact GitHub or run any workflow step.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig as readYamlFile } from 'app-builder-lib/out/util/config/load.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowPath = path.join(root, '.github', 'workflows', 'ci.yml');

function validatorCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@action-validator/cli/package.json')), 'cli.mjs');
}

function validate(file: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [validatorCli(), file], { encoding: 'utf8' });
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

function stepRuns(job: unknown): string[] {
  const steps = at(job, 'steps');
  if (!Array.isArray(steps)) throw new Error('job has no steps');
  return steps.map((step: unknown) => (isRecord(step) && typeof step['run'] === 'string' ? step['run'] : ''));
}

describe('.github/workflows/ci.yml', () => {
  let text: string;
  let workflow: unknown;
  let tmp: string;

  beforeAll(async () => {
    text = await readFile(workflowPath, 'utf8');
    // electron-builder's config reader is a plain js-yaml load for .yml files; reusing it avoids a YAML dependency.
    const request = { packageKey: 'build', configFilename: 'ci', projectDir: root, packageMetadata: null };
    workflow = (await readYamlFile<unknown>(request, workflowPath))?.result;
    tmp = await mkdtemp(path.join(os.tmpdir(), 'cloud-desk-ci-'));
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('passes action-validator', () => {
    const { status, output } = validate(workflowPath);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('fails action-validator when a job key is misspelt, so the check is live', async () => {
    const broken = path.join(tmp, 'broken.yml');
    await writeFile(broken, text.replace('    runs-on: ${{ matrix.os }}', '    runs_on: ${{ matrix.os }}'));
    expect(await readFile(broken, 'utf8')).not.toBe(text);
    const { status, output } = validate(broken);
    expect(status).not.toBe(0);
    expect(output).toMatch(/runs_on/);
  });

  it('runs the desktop job on Windows, macOS and Linux with Node 24', () => {
    const desktop = at(workflow, 'jobs', 'desktop');
    expect(at(desktop, 'strategy', 'matrix', 'os')).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest']);
    expect(text).toMatch(/node-version: 24\n/);
  });

  it('checks, tests, builds, runs Electron e2e and packages unsigned, in that order', () => {
    const runs = stepRuns(at(workflow, 'jobs', 'desktop'));
    const order = [
      'npm ci',
      'npm run typecheck',
      'npm run lint',
      'npm run format:check',
      'npm run test:unit',
      'npm run build',
      'npm run test:e2e:electron',
      'electron-builder --publish never',
    ].map((command) => runs.findIndex((run) => run.includes(command)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs.some((run) => run.startsWith('xvfb-run') && run.includes('test:e2e:electron'))).toBe(true);
  });

  it('runs the README test command through .ci/run on Debian 12', () => {
    const job = at(workflow, 'jobs', 'readme-test');
    expect(at(job, 'container', 'image')).toBe('debian:12');
    expect(stepRuns(job)).toContain('bash .ci/run');
  });

  it('uses no secrets and grants read-only repository access', () => {
    expect(text).not.toMatch(/secrets\./);
    expect(at(workflow, 'permissions')).toEqual({ contents: 'read' });
  });
});
