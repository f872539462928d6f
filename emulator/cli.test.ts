// The emulator CLI as a child process: one JSON line when ready, clean exit on SIGTERM, exit 2 on bad input.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const cli = new URL('./cli.ts', import.meta.url).pathname;

function run(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function exitCode(child: ReturnType<typeof run>): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('emulator CLI', () => {
  it('prints one JSON line when ready and exits 0 on SIGTERM', async () => {
    const child = run(['--port', '0', '--scenario', 'fleet:tenants=2,subscriptions=4,vms=40', '--latency-ms', '5']);
    const exited = exitCode(child);
    const firstLine = await new Promise<string>((resolve) => {
      createInterface({ input: child.stdout }).once('line', resolve);
    });
    const ready = JSON.parse(firstLine) as Record<string, string>;
    expect(Object.keys(ready).sort()).toEqual(['adminToken', 'arm', 'authority', 'caFile', 'scenario']);
    expect(ready['authority']).toMatch(/^https:\/\/localhost:\d+$/);
    expect(existsSync(ready['caFile'] ?? '')).toBe(true);
    if (process.platform === 'win32') {
      // Windows has no SIGTERM to catch: kill() ends the process outright, so there is no clean exit to check.
      child.kill();
      await exited;
      return;
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 with a message naming the problem for bad arguments', async () => {
    const child = run(['--page-size', 'lots']);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toContain('--page-size must be an integer');
  });
});
