import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./engine-flags.fixture.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'engine-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the fixture with every GC flushing what it may; returns how many functions' bytecode V8 flushed. */
function flushedFunctions(apply: boolean): number {
  // V8's trace goes through C stdio: into a file it is all there at exit (through a pipe some was lost).
  const file = join(dir, apply ? 'apply.txt' : 'control.txt');
  const out = openSync(file, 'w');
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--stress-flush-code', '--trace-flush-code', '--import', 'tsx', fixture, apply ? 'apply' : 'no'],
    { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' },
  );
  closeSync(out);
  const output = readFileSync(file, 'utf8');
  expect(run.status, run.stderr).toBe(0);
  expect(output).toContain('ran 100 functions');
  return [...output.matchAll(/^\[[^\]]*\] (\d+) flushed SharedFunctionInfo/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

describe('the main process V8 flags', () => {
  it('keep the bytecode of idle functions that V8 would otherwise flush', () => {
    expect(flushedFunctions(false)).toBeGreaterThan(100);
    expect(flushedFunctions(true)).toBe(0);
  });
});
