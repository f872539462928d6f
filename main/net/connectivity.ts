// Online/offline as learned from real calls, per cloud: a request that cannot reach its host marks that cloud
// offline, the next one that gets any answer marks it online again. While a cloud is offline it is re-checked on a
// timer with back-off, and at once when the OS says the network changed. One unreachable cloud (a custom cloud off
// the VPN) never makes another look offline. No Electron imports.
import type { CloudConnectivity as CloudConnectivityState } from '../../preload/contract.js';
import type { Clock, Logger, Scheduler } from '../ports.js';
import { NetworkProblemError } from './network-errors.js';

const connectivityCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'REQUEST_SEND_ERROR',
  // NetworkProblemError's codes for "nothing can be reached" (network-errors.ts).
  'PROXY_UNREACHABLE',
  'DNS_FAILURE',
  'NETWORK_OFFLINE',
]);

/** True when the error says the host could not be reached at all (as opposed to an HTTP error answer). */
export function isConnectivityError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectivityCodes.has(code)) return true;
    const errorCode = (current as { errorCode?: unknown }).errorCode;
    if (typeof errorCode === 'string' && connectivityCodes.has(errorCode)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** What one cloud's network clients report to: online until a call cannot reach its host. */
export class Connectivity {
  private current = true;
  private lastReport: number | undefined;
  private problem: NetworkProblemError | undefined;
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get online(): boolean {
    return this.current;
  }

  /** When a call last told us whether the cloud answers; undefined before the first one. */
  get checkedAt(): number | undefined {
    return this.lastReport;
  }

  /**
   * The last network problem in words (proxy, certificate, DNS), until a call succeeds. MSAL swallows some network
   * errors (authority discovery becomes endpoints_resolution_error); this keeps what really happened.
   */
  get lastProblem(): NetworkProblemError | undefined {
    return this.problem;
  }

  reportSuccess(): void {
    this.lastReport = this.now();
    this.problem = undefined;
    this.set(true);
  }

  reportFailure(error: unknown): void {
    if (error instanceof NetworkProblemError) this.problem = error;
    if (!isConnectivityError(error)) return;
    this.lastReport = this.now();
    this.set(false);
  }

  /** The OS says there is no network at all. */
  markOffline(): void {
    this.set(false);
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(online: boolean): void {
    if (online === this.current) return;
    this.current = online;
    for (const listener of this.listeners) listener(online);
  }
}

export interface CloudConnectivityDeps {
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  /** Makes one real call to the cloud through its network clients (which report to its link). */
  probe(cloudId: string): Promise<void>;
  /** First re-check after a cloud goes offline; doubled after each failed re-check up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

interface CloudLink {
  link: Connectivity;
  delayMs: number;
  /** Cancels the scheduled re-check. */
  cancel: (() => void) | undefined;
  nextCheckAt: number | undefined;
  probing: boolean;
}

/** Connectivity of every cloud the app talks to, with automatic re-checks of the offline ones. */
export class CloudConnectivity {
  private readonly clouds = new Map<string, CloudLink>();
  private readonly listeners = new Set<() => void>();
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private stopped = false;
  /** The OS said there is no network; cleared when it says otherwise or any call gets an answer. */
  private osOffline = false;

  constructor(private readonly deps: CloudConnectivityDeps) {
    this.firstDelayMs = deps.firstDelayMs ?? 5_000;
    this.maxDelayMs = deps.maxDelayMs ?? 5 * 60_000;
  }

  /** The link a cloud's MSAL and ARM clients report to. */
  link(cloudId: string): Connectivity {
    return this.entry(cloudId).link;
  }

  isOnline(cloudId: string): boolean {
    return !this.osOffline && (this.clouds.get(cloudId)?.link.online ?? true);
  }

  /** False when the OS says so, or when at least one cloud was contacted and none of those answers. */
  get online(): boolean {
    if (this.osOffline) return false;
    const contacted = [...this.clouds.values()].filter((entry) => entry.link.checkedAt !== undefined);
    return contacted.length === 0 || contacted.some((entry) => entry.link.online);
  }

  status(cloudIds: readonly string[]): CloudConnectivityState[] {
    return cloudIds.map((cloudId) => {
      const entry = this.clouds.get(cloudId);
      const checkedAt = entry?.link.checkedAt;
      return {
        cloudId,
        online: this.isOnline(cloudId),
        ...(checkedAt === undefined ? {} : { checkedAt: new Date(checkedAt).toISOString() }),
        ...(entry?.nextCheckAt === undefined ? {} : { nextCheckAt: new Date(entry.nextCheckAt).toISOString() }),
      };
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The OS network changed: offline marks every cloud offline; online re-checks the offline ones at once. */
  networkChanged(online: boolean): void {
    this.osOffline = !online;
    for (const [cloudId, entry] of this.clouds) {
      if (!online) {
        entry.link.markOffline();
      } else if (!entry.link.online) {
        entry.delayMs = this.firstDelayMs;
        this.recheck(cloudId, entry);
      }
    }
    this.notify();
  }

  /** Stops every pending re-check (on quit). */
  stop(): void {
    this.stopped = true;
    for (const entry of this.clouds.values()) this.cancelTimer(entry);
  }

  private entry(cloudId: string): CloudLink {
    let entry = this.clouds.get(cloudId);
    if (!entry) {
      const created: CloudLink = {
        link: new Connectivity(() => this.deps.clock.now()),
        delayMs: this.firstDelayMs,
        cancel: undefined,
        nextCheckAt: undefined,
        probing: false,
      };
      created.link.onChange((online) => {
        if (online) {
          this.osOffline = false;
          created.delayMs = this.firstDelayMs;
          this.cancelTimer(created);
        } else {
          this.schedule(cloudId, created);
        }
        this.notify();
      });
      this.clouds.set(cloudId, created);
      entry = created;
    }
    return entry;
  }

  private schedule(cloudId: string, entry: CloudLink): void {
    if (this.stopped || entry.cancel || entry.probing) return;
    entry.nextCheckAt = this.deps.clock.now() + entry.delayMs;
    entry.cancel = this.deps.scheduler.after(entry.delayMs, () => {
      entry.cancel = undefined;
      this.recheck(cloudId, entry);
    });
  }

  private recheck(cloudId: string, entry: CloudLink): void {
    if (this.stopped || entry.probing) return;
    this.cancelTimer(entry);
    entry.probing = true;
    this.notify();
    this.probe(cloudId, entry).catch((error: unknown) =>
      this.deps.logger.warn('a connectivity re-check failed', { cloudId, error }),
    );
  }

  private async probe(cloudId: string, entry: CloudLink): Promise<void> {
    try {
      await this.deps.probe(cloudId);
    } catch (error) {
      // The link already heard whether the host answered; the probe's own outcome does not matter.
      this.deps.logger.debug('connectivity probe answered with an error', { cloudId, error });
    } finally {
      entry.probing = false;
      if (!entry.link.online) {
        entry.delayMs = Math.min(entry.delayMs * 2, this.maxDelayMs);
        this.schedule(cloudId, entry);
      }
      this.notify();
    }
  }

  private cancelTimer(entry: CloudLink): void {
    entry.cancel?.();
    entry.cancel = undefined;
    entry.nextCheckAt = undefined;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
