// What one running sweep does to the inventory as results arrive: merges subscription listings (one row per
// subscription, every access path, the acting account), applies each subscription's VMs as one patch, keeps
// failures local to their subscription, and counts progress per tenant. Results for a subscription that was
// hidden, or whose account was signed out, while the sweep ran are dropped, never resurrected.
// No Electron imports.
import type {
  ListingFailure,
  SubscriptionSummary,
  SweepKind,
  SweepProgress,
  Vm,
} from '../../preload/contract-inventory.js';
import type { AccessPathRef } from '../azure/arm-session.js';
import type { SubscriptionRecord } from '../azure/subscriptions.js';
import { pathKey, type InventoryState, type InventoryChange } from './inventory-state.js';
import type { SubscriptionPreferences } from './preferences.js';
import type { Timers } from './scheduler.js';
import type { SubscriptionFailure, SweepHost, SweepResult, SweepTarget } from './sweep.js';
import { mergeFull, mergePower } from './vm-merge.js';

export interface RecorderDeps {
  state: InventoryState;
  prefs: SubscriptionPreferences;
  now(): number;
  /** For the trailing progress event: the last change before a quiet spell is reported, not dropped. */
  timers: Timers;
  /** Commits a change and sends its patch. */
  commit(apply: (change: InventoryChange) => void): void;
  progress(progress: SweepProgress): void;
  /** The account's cloud id and the tenant's display name, or undefined if the account is gone. */
  describePath(path: AccessPathRef): { cloudId: string; tenantName?: string } | undefined;
  /** Whether this (account, tenant) is still connected and ready. */
  pathAlive(path: AccessPathRef): boolean;
}

const listableStates = new Set(['Enabled', 'Warned', 'PastDue']);

export function isListable(subscription: Pick<SubscriptionSummary, 'state' | 'hidden'>): boolean {
  return listableStates.has(subscription.state) && !subscription.hidden;
}

export class SweepRecorder implements SweepHost {
  private readonly progressState: SweepProgress;
  private readonly tenants = new Map<string, { done: number; total: number }>();
  private readonly seen = new Map<string, Set<string>>();
  private readonly swept = new Set<string>();
  /** The path each subscription swept is listed through. */
  private readonly claimedPaths = new Map<string, string>();
  /** Paths whose subscription listing was taken in (not dropped because the path died or the sweep stopped). */
  private readonly merged = new Set<string>();
  private readonly readyPaths: Set<string>;
  readonly unknownVms = new Set<string>();
  transitional = false;
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private trailingProgress: unknown;

  constructor(
    private readonly deps: RecorderDeps,
    readonly kind: SweepKind,
    sweepId: string,
    paths: readonly AccessPathRef[],
    private readonly signal: AbortSignal,
  ) {
    this.readyPaths = new Set(paths.map(pathKey));
    this.progressState = {
      sweepId,
      kind,
      state: 'running',
      subscriptionsDone: 0,
      subscriptionsTotal: 0,
      tenants: [],
      startedAt: new Date(deps.now()).toISOString(),
    };
  }

  now(): number {
    return this.deps.now();
  }

  tenantName(path: AccessPathRef): string {
    return this.deps.describePath(path)?.tenantName ?? path.tenantId;
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  /** A target for a subscription already in the state (power sweeps, retries). */
  targetFor(subscription: SubscriptionSummary): SweepTarget | undefined {
    if (!isListable(subscription)) return undefined;
    const acting = subscription.accessPaths.find((path) => path.accountId === subscription.actingAccountId);
    const path = [acting, ...subscription.accessPaths].find((p) => p && this.readyPaths.has(pathKey(p)));
    if (!path) return undefined;
    return this.claim(subscription, path);
  }

  private claim(subscription: SubscriptionSummary, path: AccessPathRef): SweepTarget | undefined {
    if (this.swept.has(subscription.id)) return undefined;
    // ARM asked us to wait: asking again before then only earns another 429 (and its rows stay as they were).
    if (subscription.throttledUntil && Date.parse(subscription.throttledUntil) > this.deps.now()) return undefined;
    this.swept.add(subscription.id);
    this.claimedPaths.set(subscription.id, pathKey(path));
    const tenant = this.tenants.get(subscription.tenantId) ?? { done: 0, total: 0 };
    tenant.total += 1;
    this.tenants.set(subscription.tenantId, tenant);
    this.progressState.subscriptionsTotal += 1;
    this.emitProgress();
    return {
      subscriptionId: subscription.id,
      displayName: subscription.displayName,
      tenantId: subscription.tenantId,
      tenantName: subscription.tenantName ?? subscription.tenantId,
      path,
      size: subscription.vmCount,
      needsDetails: subscription.fetchedAt === undefined,
    };
  }

  subscriptionsListed(path: AccessPathRef, records: SubscriptionRecord[]): SweepTarget[] {
    const described = this.deps.describePath(path);
    if (!described || !this.deps.pathAlive(path) || this.signal.aborted) return [];
    this.merged.add(pathKey(path));
    const targets: SweepTarget[] = [];
    this.deps.commit((change) => {
      change.clearListingFailure(path);
      for (const record of records) {
        const seen = this.seen.get(record.id) ?? new Set<string>();
        seen.add(pathKey(path));
        this.seen.set(record.id, seen);
        const existing = this.deps.state.subscription(record.id);
        const paths = existing ? [...existing.accessPaths] : [];
        if (!paths.some((p) => pathKey(p) === pathKey(path))) paths.push({ ...path });
        const preferred = this.deps.prefs.actingAccount(record.id);
        const acting = paths.some((p) => p.accountId === preferred) ? preferred : paths[0]?.accountId;
        if (!acting) continue;
        if (preferred === undefined) this.deps.prefs.setActingAccount(record.id, acting);
        const hidden = this.deps.prefs.isHidden(record.id);
        const next: SubscriptionSummary = {
          ...(existing ?? { status: 'ok', vmCount: 0 }),
          id: record.id,
          displayName: record.displayName,
          state: record.state,
          tenantId: record.tenantId,
          ...(described.tenantName ? { tenantName: described.tenantName } : {}),
          cloudId: described.cloudId,
          accessPaths: paths,
          actingAccountId: acting,
          hidden,
        };
        if (!isListable(next)) next.status = 'not_listed';
        else if (next.status === 'not_listed') next.status = 'ok';
        change.upsertSubscription(next);
        if (!isListable(next)) change.replaceVms(next.id, []);
        // The acting account sweeps it; another path only if the acting one is not part of this sweep.
        const actingPath = paths.find((p) => p.accountId === acting && this.readyPaths.has(pathKey(p)));
        if (isListable(next) && (!actingPath || pathKey(actingPath) === pathKey(path))) {
          const target = this.claim(next, path);
          if (target) targets.push(target);
        }
      }
    });
    return targets;
  }

  pathFailed(path: AccessPathRef, failure: SubscriptionFailure): void {
    this.deps.commit((change) => {
      if (this.deps.pathAlive(path)) change.recordListingFailure(listingFailure(path, failure, this.iso()));
      for (const subscription of this.deps.state.allSubscriptions()) {
        const acting = subscription.accessPaths.find((p) => p.accountId === subscription.actingAccountId);
        if (!acting || pathKey(acting) !== pathKey(path) || !isListable(subscription)) continue;
        // Already being listed in this sweep (it was known before the sweep): its own answer stands.
        if (this.swept.has(subscription.id)) continue;
        change.upsertSubscription(withFailure(subscription, failure));
      }
    });
  }

  discoveryDone(listed: readonly AccessPathRef[]): SweepTarget[] {
    // Only a listing taken in says what a path no longer reaches: one dropped (its tenant needed a sign-in while
    // the answer was on its way) says nothing, and would otherwise remove every subscription of that tenant.
    const answered = new Set(listed.map(pathKey).filter((path) => this.merged.has(path)));
    const again: SweepTarget[] = [];
    this.deps.commit((change) => {
      for (const subscription of this.deps.state.allSubscriptions()) {
        const seen = this.seen.get(subscription.id) ?? new Set<string>();
        // A path that answered without this subscription no longer reaches it.
        const paths = subscription.accessPaths.filter((p) => !answered.has(pathKey(p)) || seen.has(pathKey(p)));
        if (paths.length === 0) {
          change.removeSubscription(subscription.id);
          continue;
        }
        if (paths.length !== subscription.accessPaths.length) {
          const acting = paths.some((p) => p.accountId === subscription.actingAccountId)
            ? subscription.actingAccountId
            : (paths[0]?.accountId ?? subscription.actingAccountId);
          const next = { ...subscription, accessPaths: paths, actingAccountId: acting };
          change.upsertSubscription(next);
          // Listed from the start through a path that no longer reaches it (a role lost, a tenant left): that
          // answer is dropped (see current()), so it is listed again through a path that does.
          const claimed = this.claimedPaths.get(subscription.id);
          if (claimed !== undefined && !paths.some((p) => pathKey(p) === claimed)) {
            this.swept.delete(subscription.id);
            const target = this.targetFor(next);
            if (target) again.push(target);
          }
        }
      }
    });
    return again;
  }

  subscriptionStarted(target: SweepTarget): void {
    if (this.kind !== 'full') return;
    const subscription = this.deps.state.subscription(target.subscriptionId);
    if (!subscription) return;
    this.deps.commit((change) => change.upsertSubscription({ ...subscription, status: 'loading' }));
  }

  /** Still wanted: present, listable, and reached through an account that is still connected. */
  private current(target: SweepTarget): SubscriptionSummary | undefined {
    if (this.signal.aborted) return undefined;
    const subscription = this.deps.state.subscription(target.subscriptionId);
    if (!subscription || !isListable(subscription) || !this.deps.pathAlive(target.path)) return undefined;
    if (!subscription.accessPaths.some((p) => pathKey(p) === pathKey(target.path))) return undefined;
    return subscription;
  }

  subscriptionDone(result: SweepResult): void {
    const subscription = this.current(result.target);
    this.finish(result.target);
    if (!subscription) return;
    const now = this.iso();
    const id = subscription.id;
    let vms: Vm[];
    if (result.details) {
      vms = mergeFull(result.details, result.readings, (vmId) => this.deps.state.vm(vmId), now);
    } else {
      const merged = mergePower(this.deps.state.vmsOf(id), result.readings, now);
      vms = merged.vms;
      if (merged.unknown.length > 0) this.unknownVms.add(id);
    }
    if (
      vms.some((vm) => vm.powerState === 'starting' || vm.powerState === 'stopping' || vm.powerState === 'deallocating')
    )
      this.transitional = true;
    this.deps.commit((change) => {
      change.replaceVms(id, vms);
      const { error: _e, throttledUntil: _t, ...rest } = subscription;
      change.upsertSubscription({
        ...rest,
        status: 'ok',
        ...(result.details ? { fetchedAt: now } : {}),
        powerFetchedAt: now,
        vmCount: vms.length,
      });
    });
  }

  subscriptionFailed(target: SweepTarget, failure: SubscriptionFailure): void {
    const subscription = this.current(target);
    this.finish(target);
    if (!subscription) return;
    this.deps.commit((change) => change.upsertSubscription(withFailure(subscription, failure)));
  }

  private finish(target: SweepTarget): void {
    const tenant = this.tenants.get(target.tenantId);
    if (tenant) tenant.done += 1;
    this.progressState.subscriptionsDone += 1;
    this.emitProgress();
  }

  /** A full refresh waits for this sweep (a power check) to end: its progress says so, so Refresh is not mute. */
  queueFull(): void {
    if (this.progressState.fullQueued) return;
    this.progressState.fullQueued = true;
    this.emitProgress();
  }

  end(state: 'done' | 'cancelled'): SweepProgress {
    this.progressState.state = state;
    this.progressState.finishedAt = this.iso();
    this.emitProgress();
    return this.progress();
  }

  /**
   * At most one progress event per 200 ms while running (a sweep finishes hundreds of subscriptions a second). A
   * change inside that gap is sent when it ends: the last subscriptions done before one that takes minutes (Azure
   * retrying a 503) must not wait for it to reach the screen.
   */
  private emitProgress(): void {
    const now = this.deps.now();
    const wait = this.lastProgressAt + 200 - now;
    if (this.progressState.state === 'running' && wait > 0) {
      this.trailingProgress ??= this.deps.timers.setTimeout(() => {
        this.trailingProgress = undefined;
        this.emitProgress();
      }, wait);
      return;
    }
    if (this.trailingProgress !== undefined) this.deps.timers.clearTimeout(this.trailingProgress);
    this.trailingProgress = undefined;
    this.lastProgressAt = now;
    this.deps.progress(this.progress());
  }

  progress(): SweepProgress {
    return {
      ...this.progressState,
      tenants: [...this.tenants].map(([tenantId, counts]) => ({ tenantId, ...counts })),
    };
  }
}

function listingFailure(path: AccessPathRef, failure: SubscriptionFailure, at: string): ListingFailure {
  return { accountId: path.accountId, tenantId: path.tenantId, kind: failure.kind, error: failure.error, at };
}

function withFailure(subscription: SubscriptionSummary, failure: SubscriptionFailure): SubscriptionSummary {
  const { throttledUntil: _t, ...rest } = subscription;
  return {
    ...rest,
    status: failure.kind,
    error: failure.error,
    ...(failure.kind === 'throttled' ? { throttledUntil: new Date(failure.until).toISOString() } : {}),
  };
}
