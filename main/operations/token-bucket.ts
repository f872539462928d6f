// A token bucket per key (here: per subscription) that mirrors ARM's own write limits (200 writes, refilled at
// 10/s per subscription and principal), so a bulk action spends its burst and then paces itself instead of
// collecting 429s. Hand-written because the maintained limiters (bottleneck, p-throttle) are not dependencies
// and this needs only take-or-tell-me-when; time comes from the Clock port so tests need no sleeps.
// No Electron imports.
import type { Clock } from '../ports.js';

export interface BucketLimit {
  capacity: number;
  refillPerSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: BucketLimit,
  ) {}

  private current(key: string): Bucket {
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.capacity, at: now };
    bucket.tokens = Math.min(
      this.limit.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.refillPerSecond,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Takes a token and answers 0, or answers how many milliseconds until one is there (taking nothing). */
  take(key: string): number {
    const bucket = this.current(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.limit.refillPerSecond) * 1000);
  }

  /** ARM said to wait: the bucket is empty until then. */
  drain(key: string, forMs: number): void {
    const bucket = this.current(key);
    bucket.tokens = Math.min(bucket.tokens, -(forMs / 1000) * this.limit.refillPerSecond);
  }
}
