// Checks .github/workflows/release.yml offline: it passes action-validator, a broken copy does not, and it keeps
// the shape a release relies on: tag trigger, three OSes, fuses checked before anything is published, updater
// metadata and blockmaps published to a draft, signing only when secrets exist. It never contacts GitHub.
import { describe, expect, it } from 'vitest';
import { at, positionsOf, stepsOf, workflowUnderTest, type Step } from './workflow-testing.js';

const steps = (workflow: unknown): Step[] => stepsOf(at(workflow, 'jobs', 'installers'));

describe('.github/workflows/release.yml', () => {
  const release = workflowUnderTest('release.yml', {
    what: 'step',
    key: 'usess',
    from: '      - uses: actions/checkout@v5',
    to: '      - usess: actions/checkout@v5',
  });

  it('runs on version tags only, on Windows, macOS and Linux, and may write releases', () => {
    expect(at(release.workflow(), 'on')).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(at(release.workflow(), 'jobs', 'installers', 'strategy', 'matrix', 'os')).toEqual([
      'windows-latest',
      'macos-latest',
      'ubuntu-latest',
    ]);
    expect(at(release.workflow(), 'permissions')).toEqual({ contents: 'write' });
  });

  it('packages without publishing, checks the fuses, then publishes, in that order', () => {
    const order = positionsOf(steps(release.workflow()), [
      'npm ci',
      'npm run build',
      'electron-builder --publish never',
      'npm run check:fuses',
      'electron-builder publish --policy always',
    ]);
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('publishes installers, blockmaps and the updater metadata of every channel', () => {
    const publish = steps(release.workflow()).find((step) => step.run.includes('electron-builder publish'));
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
    const decide = steps(release.workflow()).find((step) => step.name === 'Decide on signing');
    expect(decide?.run).toMatch(/::warning::macOS: MAC_CSC_LINK is not set/);
    expect(decide?.run).toMatch(/::warning::macOS: notarization skipped/);
    expect(decide?.run).toMatch(/::warning::Windows: WIN_CSC_LINK is not set/);
    const pack = steps(release.workflow()).find((step) => step.run.includes('electron-builder --publish never'));
    expect(pack?.env['CSC_LINK']).toBe("${{ runner.os == 'macOS' && secrets.MAC_CSC_LINK || '' }}");
    expect(pack?.env['WIN_CSC_LINK']).toBe("${{ runner.os == 'Windows' && secrets.WIN_CSC_LINK || '' }}");
  });

  it('packages with the publisher default client id built in, as CI does', () => {
    const pack = steps(release.workflow()).find((step) => step.run.includes('electron-builder --publish never'));
    expect(pack?.run).toContain('--config scripts/electron-builder-config.ts');
    expect(pack?.env['CLOUD_DESK_CLIENT_ID']).toBe('${{ vars.CLOUD_DESK_CLIENT_ID }}');
  });
});
