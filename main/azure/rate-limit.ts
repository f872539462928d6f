// Keeps the app under ARM's read limits instead of running into them: a pipeline policy added after the SDK's
// retry phase sees every attempt, reads `x-ms-ratelimit-remaining-*` (which the SDK ignores) and spaces the next
// requests to the same (principal, scope) at ARM's refill rate once the bucket runs low. It also caps
// `Retry-After`: a wait longer than the cap is not slept through inside a sweep but thrown as LongThrottleError,
// so the caller marks that one subscription throttled and moves on. No Electron imports.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { Clock } from '../ports.js';
import { LongThrottleError } from './arm-errors.js';

export interface RateLimitOptions {
  /** Below this many remaining reads, requests to that scope are spaced at the refill rate. */
  lowWater: number;
  /** ARM refills reads at 25/s per subscription and principal. */
  refillPerSecond: number;
  /** The longest Retry-After the SDK may sleep through inside a sweep. */
  retryAfterCapMs: number;
  /** Per attempt. */
  timeoutMs: number;
}

export const defaultRateLimitOptions: RateLimitOptions = {
  lowWater: 30,
  refillPerSecond: 25,
  retryAfterCapMs: 30_000,
  timeoutMs: 30_000,
};

export interface RequestStats {
  requests: number;
  throttled: number;
  paced: number;
}

interface ScopeState {
  remaining: number;
  nextSlot: number;
}

/** Shared by every client of the app, so two sweeps (or a sweep and a power action) see the same budget. */
export class RateGovernor {
  private readonly scopes = new Map<string, ScopeState>();
  readonly stats: RequestStats = { requests: 0, throttled: 0, paced: 0 };

  constructor(
    readonly clock: Clock,
    readonly options: RateLimitOptions = defaultRateLimitOptions,
  ) {}

  /** How long to wait before sending to this scope. */
  reserve(key: string): number {
    const state = this.scopes.get(key);
    if (!state || state.remaining > this.options.lowWater) return 0;
    const now = this.clock.now();
    const slot = Math.max(now, state.nextSlot);
    state.nextSlot = slot + 1000 / this.options.refillPerSecond;
    return slot - now;
  }

  observe(key: string, remaining: number): void {
    const state = this.scopes.get(key);
    if (state) state.remaining = remaining;
    else this.scopes.set(key, { remaining, nextSlot: 0 });
  }
}

/**
 * The scope ARM counts a request against: its subscription, or the tenant for tenant-level lists. Read from the
 * path only (up to the query), with a regular expression rather than a parsed URL: this runs on every request.
 */
export function scopeOf(url: string): string {
  const authority = url.indexOf('://');
  const hostStart = authority < 0 ? 0 : authority + 3;
  const end = firstOf(url, ['?', '#'], hostStart);
  const pathStart = url.indexOf('/', hostStart);
  if (pathStart < 0 || pathStart > end) return 'tenant';
  const match = /\/subscriptions\/([^/?#]+)/i.exec(url.slice(pathStart, end));
  return match?.[1] ? `subscription:${match[1].toLowerCase()}` : 'tenant';
}

/** Where the first of `marks` is at or after `from`, or the end of `text`. */
function firstOf(text: string, marks: readonly string[], from: number): number {
  let end = text.length;
  for (const mark of marks) {
    const at = text.indexOf(mark, from);
    if (at >= 0 && at < end) end = at;
  }
  return end;
}

const remainingHeaders = [
  'x-ms-ratelimit-remaining-subscription-reads',
  'x-ms-ratelimit-remaining-tenant-reads',
] as const;

export function rateLimitPolicy(
  governor: RateGovernor,
  principal: string,
  sleep: (ms: number) => Promise<void>,
): PipelinePolicy {
  return {
    name: 'cloudDeskRateLimit',
    async sendRequest(request, next) {
      const key = `${principal}|${scopeOf(request.url)}`;
      const wait = governor.reserve(key);
      if (wait > 0) {
        governor.stats.paced += 1;
        await sleep(wait);
      }
      if (!request.timeout) request.timeout = governor.options.timeoutMs;
      governor.stats.requests += 1;
      const response = await next(request);
      for (const header of remainingHeaders) {
        const value = Number(response.headers.get(header));
        if (response.headers.has(header) && Number.isFinite(value)) governor.observe(key, value);
      }
      if (response.status === 429 || response.status === 503) {
        if (response.status === 429) governor.stats.throttled += 1;
        const retryAfterMs = retryAfter(response.headers.get('retry-after'), governor.clock.now());
        if (retryAfterMs !== undefined && retryAfterMs > governor.options.retryAfterCapMs) {
          throw new LongThrottleError(
            retryAfterMs,
            response.headers.get('x-ms-request-id'),
            response.headers.get('x-ms-correlation-request-id'),
          );
        }
      }
      return response;
    },
  };
}

function retryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
