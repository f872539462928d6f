// Token buckets for ARM's and Compute's request limits, refilled lazily from the emulator clock so that
// tests with a fake clock stay deterministic. It only counts and answers "how many left / how long to
// wait"; the router decides which buckets a request draws from and writes the 429.

export interface BucketLimit {
  /** Tokens a full bucket holds (the burst). */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

interface BucketState {
  tokens: number;
  updatedAt: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole tokens left after this request, as ARM reports them in x-ms-ratelimit-remaining-*. */
  remaining: number;
  /** Seconds until one token is back, when refused. */
  retryAfterSeconds: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, BucketState>();

  constructor(private readonly now: () => number) {}

  private refill(key: string, limit: BucketLimit): BucketState {
    const now = this.now();
    const state = this.buckets.get(key) ?? { tokens: limit.capacity, updatedAt: now };
    const elapsed = Math.max(0, now - state.updatedAt) / 1000;
    state.tokens = Math.min(limit.capacity, state.tokens + elapsed * limit.refillPerSecond);
    state.updatedAt = now;
    this.buckets.set(key, state);
    return state;
  }

  /** Checks without taking, so a request refused by one bucket does not drain the others. */
  peek(key: string, limit: BucketLimit): TakeResult {
    const state = this.refill(key, limit);
    if (state.tokens >= 1) {
      return { allowed: true, remaining: Math.floor(state.tokens) - 1, retryAfterSeconds: 0 };
    }
    const wait = limit.refillPerSecond > 0 ? (1 - state.tokens) / limit.refillPerSecond : 3600;
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
  }

  take(key: string, limit: BucketLimit): void {
    const state = this.refill(key, limit);
    state.tokens = Math.max(0, state.tokens - 1);
  }

  clear(): void {
    this.buckets.clear();
  }
}
