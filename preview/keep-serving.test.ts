import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const module = join(import.meta.dirname, 'keep-serving.ts');

describe('keepServing', () => {
  it('logs an unhandled rejection and an uncaught exception to stderr and lets the process go on', () => {
    const script = [
      `import { keepServing } from ${JSON.stringify(module)};`,
      'keepServing(process, (line) => process.stderr.write(line));',
      "void Promise.reject(new Error('rejected on purpose'));",
      "setTimeout(() => { throw new Error('thrown on purpose'); }, 0);",
      "setTimeout(() => process.stdout.write('still serving'), 50);",
    ].join('\n');
    const child = spawnSync(join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx'), ['--eval', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).toContain('rejected on purpose');
    expect(child.stderr).toContain('thrown on purpose');
    expect(child.stdout).toBe('still serving');
    expect(child.status).toBe(0);
  });
});
