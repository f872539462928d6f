import { describe, expect, it } from 'vitest';
import type { UpdatePhase } from '../../../preload/contract-updates';
import { describeUpdateState } from './update-words';

const now = Date.parse('2026-11-30T12:00:00Z');
const words = (phase: UpdatePhase, lastCheckedAt?: string) =>
  describeUpdateState({ currentVersion: '1.0.0', phase, ...(lastCheckedAt ? { lastCheckedAt } : {}) }, now);

describe('describeUpdateState', () => {
  it('says how old "newest version" is', () => {
    expect(words({ status: 'not-available' }, '2026-11-30T11:35:00Z')).toBe(
      'Cloud Desk 1.0.0 is the newest version (checked 25 min ago).',
    );
    expect(words({ status: 'not-available' }, '2026-11-30T09:00:00Z')).toMatch(/checked 3 h ago/);
  });

  it('shows download progress as a whole percent and MB/s', () => {
    expect(
      words({
        status: 'downloading',
        version: '1.1.0',
        installMode: 'restart',
        percent: 42.7,
        bytesPerSecond: 2_500_000,
      }),
    ).toBe('Downloading version 1.1.0: 42% (2.5 MB/s).');
  });

  it('says when a failed check is retried', () => {
    expect(words({ status: 'error', message: 'Could not check.', retryAt: '2026-11-30T12:15:00Z' })).toBe(
      'Could not check. Cloud Desk tries again in 15 min.',
    );
  });

  it('gives install instructions for packages the app cannot install itself', () => {
    expect(
      words({ status: 'downloaded', version: '1.1.0', installMode: 'manual', instructions: 'Run sudo apt install x.' }),
    ).toBe('Version 1.1.0 has been downloaded. Run sudo apt install x.');
  });
});
