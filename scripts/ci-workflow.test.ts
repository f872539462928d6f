// Checks .github/workflows/ci.yml offline: it must pass action-validator (GitHub's workflow schema), a broken copy
// must not (so the validator is live), and the jobs must keep the shape the project relies on.
// It must not contact GitHub or run any workflow step.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, positionsOf, readWorkflow, stepsOf, validate } from './workflow-testing.js';

describe('.github/workflows/ci.yml', () => {
  let text: string;
  let workflow: unknown;
  let tmp: string;

  let workflowPath: string;

  beforeAll(async () => {
    ({ file: workflowPath, text, workflow } = await readWorkflow('ci.yml'));
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
    const steps = stepsOf(at(workflow, 'jobs', 'desktop'));
    const order = positionsOf(steps, [
      'npm ci',
      'npm run typecheck',
      'npm run lint',
      'npm run format:check',
      'npm run test:unit',
      'npm run build',
      'npm run test:e2e:electron',
      'electron-builder --publish never',
    ]);
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps.some(({ run }) => run.startsWith('xvfb-run') && run.includes('test:e2e:electron'))).toBe(true);
  });

  it('runs the README test command through .ci/run on Debian 12', () => {
    const job = at(workflow, 'jobs', 'readme-test');
    expect(at(job, 'container', 'image')).toBe('debian:12');
    expect(stepsOf(job).map((step) => step.run)).toContain('bash .ci/run');
  });

  it('uses no secrets and grants read-only repository access', () => {
    expect(text).not.toMatch(/secrets\./);
    expect(at(workflow, 'permissions')).toEqual({ contents: 'read' });
  });
});
