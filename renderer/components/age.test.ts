// Ages in words: the boundaries between "just now", minutes, hours and days, and never a negative age.
import { describe, expect, it } from 'vitest';
import { formatAge } from './age';

const now = Date.parse('2030-01-10T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('formatAge', () => {
  it('words ages from seconds to days', () => {
    expect(formatAge(ago(10_000), now)).toBe('just now');
    expect(formatAge(ago(5 * 60_000), now)).toBe('5 min ago');
    expect(formatAge(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(formatAge(ago(3 * 86_400_000), now)).toBe('3 days ago');
  });

  it('reads a time in the future (a clock that ran ahead) as just now', () => {
    expect(formatAge(ago(-60_000), now)).toBe('just now');
  });
});
