// Checks .github/workflows/ci.yml offline: it must pass action-validator (GitHub's workflow schema), a broken copy
// must not (so the validator is live), and the jobs must keep the shape the project relies on.
// It must not contact GitHub or run any workflow step.
import { describe, expect, it } from 'vitest';
import { at, positionsOf, stepsOf, workflowUnderTest } from './workflow-testing.js';

describe('.github/workflows/ci.yml', () => {
  const ci = workflowUnderTest('ci.yml', {
    what: 'job',
    key: 'runs_on',
    from: '    runs-on: ${{ matrix.os }}',
    to: '    runs_on: ${{ matrix.os }}',
  });

  it('runs the desktop job on Windows, macOS and Linux with Node 24', () => {
    const desktop = at(ci.workflow(), 'jobs', 'desktop');
    expect(at(desktop, 'strategy', 'matrix', 'os')).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest']);
    expect(ci.text()).toMatch(/node-version: 24\n/);
  });

  it('checks, tests, builds, runs Electron e2e and packages unsigned, in that order', () => {
    const steps = stepsOf(at(ci.workflow(), 'jobs', 'desktop'));
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
    const job = at(ci.workflow(), 'jobs', 'readme-test');
    expect(at(job, 'container', 'image')).toBe('debian:12');
    expect(stepsOf(job).map((step) => step.run)).toContain('bash .ci/run');
  });

  it('uses no secrets and grants read-only repository access', () => {
    expect(ci.text()).not.toMatch(/secrets\./);
    expect(at(ci.workflow(), 'permissions')).toEqual({ contents: 'read' });
  });
});
