import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.js';

describe('token buckets per subscription', () => {
  it('spends the burst, then paces at the refill rate, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets({ now: () => now }, { capacity: 3, refillPerSecond: 10 });
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(100);
    expect(buckets.take('b')).toBe(0);
    now = 100;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(100);
  });

  it('waits as long as ARM said after a 429', () => {
    let now = 0;
    const buckets = new TokenBuckets({ now: () => now }, { capacity: 200, refillPerSecond: 10 });
    buckets.drain('a', 2000);
    expect(buckets.take('a')).toBe(2100);
    now = 2100;
    expect(buckets.take('a')).toBe(0);
  });
});
