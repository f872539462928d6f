// "as of" words: today's time alone, another day with its date, and unconfirmed or checking states said so.
import { describe, expect, it } from 'vitest';
import { describeFreshness, describeUnreachable, formatCheckedTime } from './freshness';

const clock = { now: Date.parse('2026-11-30T14:05:00Z'), locale: 'en-GB', timeZone: 'UTC' };

describe('formatCheckedTime', () => {
  it('gives only the time for today and the date too for another day', () => {
    expect(formatCheckedTime('2026-11-30T10:42:00Z', clock)).toBe('10:42');
    expect(formatCheckedTime('2026-11-28T10:42:00Z', clock)).toBe('28 Nov, 10:42');
  });

  it('decides "today" in the given time zone', () => {
    // 23:30 UTC on the 29th is 12:30 on the 30th in Auckland, the same day as 02:00 UTC on the 30th there.
    const now = Date.parse('2026-11-30T02:00:00Z');
    expect(formatCheckedTime('2026-11-29T23:30:00Z', { ...clock, now, timeZone: 'Pacific/Auckland' })).toBe('12:30');
    expect(formatCheckedTime('2026-11-29T23:30:00Z', { ...clock, now })).toBe('29 Nov, 23:30');
  });
});

describe('describeFreshness', () => {
  it('says "as of" for a state confirmed in this run', () => {
    expect(describeFreshness({ checkedAt: '2026-11-30T10:42:00Z', confirmed: true, checking: false }, clock)).toBe(
      'as of 10:42',
    );
  });

  it('says an earlier run’s state has not been checked since, and when it is being checked', () => {
    const stored = { checkedAt: '2026-11-28T10:42:00Z', confirmed: false };
    expect(describeFreshness({ ...stored, checking: false }, clock)).toBe('as of 28 Nov, 10:42 · not checked since');
    expect(describeFreshness({ ...stored, checking: true }, clock)).toBe('as of 28 Nov, 10:42 · checking…');
  });

  it('says when a state was never confirmed', () => {
    expect(describeFreshness({ confirmed: false, checking: false }, clock)).toBe('not checked yet');
    expect(describeFreshness({ checking: true }, clock)).toBe('not checked yet · checking…');
  });
});

describe('describeUnreachable', () => {
  it('says which cloud, since when and when the next try is', () => {
    const cloud = {
      cloudId: 'emulator',
      online: false,
      checkedAt: '2026-11-30T14:01:00Z',
      nextCheckAt: '2026-11-30T14:06:00Z',
    };
    expect(describeUnreachable('Local Azure emulator', cloud, clock)).toBe(
      'Cloud Desk could not reach Local Azure emulator at 14:01; signing in may fail until it is reachable. ' +
        'Cloud Desk tries again at 14:06.',
    );
    expect(describeUnreachable('Azure', { cloudId: 'azure', online: false }, clock)).toBe(
      'Cloud Desk could not reach Azure; signing in may fail until it is reachable.',
    );
  });
});
