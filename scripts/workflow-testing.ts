// Test support for the workflow checks (ci-workflow.test.ts, release-workflow.test.ts): a workflow file read as
// text and as data, action-validator (GitHub's workflow schema) run offline on a file, and the steps of a job.
// Test code only; it never contacts GitHub or runs a workflow step.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { getConfig as readYamlFile } from 'app-builder-lib/out/util/config/load.js';
import { afterAll, beforeAll, expect, it } from 'vitest';

export const root = path.resolve(import.meta.dirname, '..');

export async function readWorkflow(name: string): Promise<{ file: string; text: string; workflow: unknown }> {
  const file = path.join(root, '.github', 'workflows', name);
  const text = await readFile(file, 'utf8');
  // electron-builder's config reader is a plain js-yaml load for .yml files; reusing it avoids a YAML dependency.
  const request = { packageKey: 'build', configFilename: name, projectDir: root, packageMetadata: null };
  const workflow = (await readYamlFile<unknown>(request, file))?.result;
  return { file, text, workflow };
}

function validate(file: string): { status: number | null; output: string } {
  const cli = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')),
    'cli.mjs',
  );
  const result = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * Inside a describe: reads `name` before its tests and adds the two every workflow gets: the file passes
 * action-validator, and a copy with `misspelt.key` misspelt (`from` replaced by `to`) does not, so the check is
 * live. Answers the file as text and as data for the suite's own tests.
 */
export function workflowUnderTest(
  name: string,
  misspelt: { what: string; key: string; from: string; to: string },
): { text: () => string; workflow: () => unknown } {
  let loaded: Awaited<ReturnType<typeof readWorkflow>> | undefined;
  let tmp: string | undefined;
  const read = () => {
    if (!loaded) throw new Error(`${name} was not read`);
    return loaded;
  };
  beforeAll(async () => {
    loaded = await readWorkflow(name);
    tmp = await mkdtemp(path.join(os.tmpdir(), 'cloud-desk-workflow-'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('passes action-validator', () => {
    const { status, output } = validate(read().file);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it(`fails action-validator when a ${misspelt.what} key is misspelt, so the check is live`, async () => {
    const broken = path.join(tmp ?? '', 'broken.yml');
    const text = read().text.replace(misspelt.from, misspelt.to);
    expect(text).not.toBe(read().text);
    await writeFile(broken, text);
    const { status, output } = validate(broken);
    expect(status).not.toBe(0);
    expect(output).toContain(misspelt.key);
  });

  return { text: () => read().text, workflow: () => read().workflow };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `keys` in parsed YAML; throws naming the path when a level is missing. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) throw new Error(`no "${key}" in ${keys.join('.')}`);
    current = current[key];
  }
  return current;
}

export interface Step {
  name: string;
  run: string;
  env: Record<string, unknown>;
}

/** A job's steps, with '' for a missing name or run and {} for missing env. */
export function stepsOf(job: unknown): Step[] {
  const list = at(job, 'steps');
  if (!Array.isArray(list)) throw new Error('the job has no steps');
  return list.map((step: unknown) => ({
    name: isRecord(step) && typeof step['name'] === 'string' ? step['name'] : '',
    run: isRecord(step) && typeof step['run'] === 'string' ? step['run'] : '',
    env: isRecord(step) && isRecord(step['env']) ? step['env'] : {},
  }));
}

/** Where each command first appears among the steps' run scripts (-1 when none runs it). */
export function positionsOf(steps: readonly Step[], commands: readonly string[]): number[] {
  return commands.map((command) => steps.findIndex((step) => step.run.includes(command)));
}
