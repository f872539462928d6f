// The inventory's public face in main: the snapshot and patches the renderer reads, sweeps on demand and on a
// schedule (one at a time, cancellable), the user's subscription choices, instance views and portal links, and
// the reaction to accounts signing in and out. Collaborators come in through the constructor; no Electron.
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { TokenCredential } from '@azure/core-auth';
import type { AccountSummary } from '../../preload/contract.js';
import type {
  InstanceView,
  InventoryPatch,
  InventorySnapshot,
  PortalTarget,
  SubscriptionSummary,
  SweepKind,
  SweepProgress,
} from '../../preload/contract-inventory.js';
import { restrictOpener } from '../app/restricted-opener.js';
import { describeArmError } from '../azure/arm-errors.js';
import { ArmSession, type AccessPathRef } from '../azure/arm-session.js';
import { RateGovernor } from '../azure/rate-limit.js';
import { instanceViewOf, toInstanceView } from '../azure/vms.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import type { CloudConnectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';
import type { BrowserOpener, Clock, EventSink, KeyValueStore, Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { InventoryState, pathKey, type InventoryChange } from './inventory-state.js';
import { portalOrigin, resourcePortalUrl } from './portal.js';
import { SubscriptionPreferences } from './preferences.js';
import { SweepScheduler, systemTimers, type ScheduleOptions, type Timers } from './scheduler.js';
import { SnapshotStore } from './snapshot-store.js';
import { runSweep, signInNeededError } from './sweep.js';
import { isListable, SweepRecorder } from './sweep-recorder.js';

export interface InventoryAccounts {
  list(): AccountSummary[];
  credentialFor(accountId: string, tenantId: string): TokenCredential;
}

export interface InventoryDeps {
  accounts: InventoryAccounts;
  clouds: () => readonly CloudEndpoints[];
  /** Where the snapshot lives, encrypted. */
  vault: SecretVault;
  /** Plain preferences (hidden subscriptions, acting accounts). */
  preferencesStore: KeyValueStore;
  /** Each cloud's link: its ARM clients report to it. */
  connectivity: CloudConnectivity;
  /** Proxy and trusted certificates, shared with MSAL and the accounts' clients. */
  network: NetworkConfig;
  events: EventSink;
  opener: BrowserOpener;
  logger: Logger;
  clock: Clock;
  timers?: Timers;
  schedule?: ScheduleOptions;
  /** Subscriptions swept at once (the benchmark chose the default). */
  concurrency?: number;
  governor?: RateGovernor;
}

/**
 * Requests at once across subscriptions: the benchmark's choice (docs/performance.md, sixth round), the fastest that
 * keeps the main process answering within 50 ms while 10,000 VMs are swept (128 was faster but not within it).
 */
export const defaultConcurrency = 64;

/**
 * With a stored snapshot, the start-up sweep waits until a window has read it (or this long): the grid's first
 * rows should not queue behind 10,000 VMs of SDK work.
 */
export const startupHoldMs = 3_000;

interface Running {
  recorder: SweepRecorder;
  abort: AbortController;
  done: Promise<void>;
}

export class InventoryService {
  private readonly state = new InventoryState();
  private readonly prefs: SubscriptionPreferences;
  private readonly snapshots: SnapshotStore;
  private readonly scheduler: SweepScheduler;
  readonly governor: RateGovernor;
  private running: Running | undefined;
  private lastSweep: SweepProgress | null = null;
  private savedSeq = 0;
  /** The ready (account, tenant) paths, as of start() or the last accountsChanged(). */
  private knownPaths = new Set<string>();
  private fullQueued = false;
  /** Subscriptions whose Retry was asked for while another sweep ran: listed in full once it ends. */
  private readonly retriesQueued = new Set<string>();
  /** Set by start(): accounts published before it (the stored ones, at start-up) start no sweep of their own. */
  private started = false;
  /** Set by stop(): no sweep starts after it (a late one would write to the vault after quit's flush). */
  private stopped = false;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly deps: InventoryDeps) {
    this.prefs = new SubscriptionPreferences(deps.preferencesStore, deps.logger);
    this.snapshots = new SnapshotStore(deps.vault, deps.logger);
    this.governor = deps.governor ?? new RateGovernor(deps.clock);
    this.scheduler = new SweepScheduler(
      {
        sweep: (kind) => this.sweep(kind),
        recheck: () => this.recheck(),
        failed: (error) => deps.logger.error('a scheduled inventory sweep failed', { error }),
      },
      deps.clock,
      deps.timers ?? systemTimers,
      deps.schedule,
    );
  }

  /** Shows the stored snapshot (no network), then lets the schedule start with a full sweep. */
  async start(options: { schedule: boolean } = { schedule: true }): Promise<void> {
    const stored = await this.snapshots.load();
    if (stored) {
      this.commit((change) => {
        for (const subscription of stored.subscriptions) {
          change.upsertSubscription(
            subscription.status === 'loading' ? { ...subscription, status: 'ok' } : subscription,
          );
        }
        for (const vm of stored.vms) change.upsertVm(vm);
        change.setMeta({
          fromStore: true,
          ...(stored.lastFullSweepAt ? { lastFullSweepAt: stored.lastFullSweepAt } : {}),
        });
      });
      this.savedSeq = this.state.currentSeq;
    }
    this.knownPaths = new Set(this.readyPaths().map(pathKey));
    this.started = true;
    if (options.schedule) this.scheduler.start(stored ? { holdMs: startupHoldMs } : {});
  }

  /** Stops timers and any running sweep, then writes the snapshot if it changed. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.fullQueued = false;
    this.retriesQueued.clear();
    this.scheduler.stop();
    const running = this.running;
    running?.abort.abort();
    await running?.done;
    // Behind any queued write, so two writes never run at once and the last one holds the latest rows.
    this.saving = this.saving.then(() => this.save());
    await this.saving;
  }

  setVisible(visible: boolean): void {
    this.scheduler.setVisible(visible);
  }

  setOnline(online: boolean): void {
    this.scheduler.setOnline(online);
  }

  getSnapshot(): InventorySnapshot {
    return this.state.snapshot(this.running ? this.running.recorder.progress() : this.lastSweep);
  }

  /** The snapshot a window asked for: a window has the data now, so the held start-up sweep may run. */
  windowSnapshot(): InventorySnapshot {
    // The scheduler starts the sweep on a timer: this answer is on its way first.
    this.scheduler.release();
    return this.getSnapshot();
  }

  /**
   * Starts a sweep unless one runs (then answers that one's progress); null when no account can be swept. A full
   * refresh asked for while a scheduled power sweep runs is queued behind it, not swallowed by it; so is a retry
   * of some subscriptions while any sweep runs (it may have failed them already, or list only power states).
   */
  refresh(args?: { kind: SweepKind; subscriptionIds?: string[] | undefined }): SweepProgress | null {
    const kind = args?.kind ?? 'full';
    if (this.running && kind === 'full') {
      if (args?.subscriptionIds !== undefined) {
        for (const id of args.subscriptionIds) this.retriesQueued.add(id.toLowerCase());
      } else if (this.running.recorder.kind === 'power') {
        this.fullQueued = true;
        this.running.recorder.queueFull();
      }
    }
    const running =
      this.running ??
      this.begin(
        kind,
        args?.subscriptionIds?.map((id) => id.toLowerCase()),
      );
    if (!running) return null;
    void running.done.then(() => this.scheduler.ran(running.recorder.kind));
    return running.recorder.progress();
  }

  cancelRefresh(): void {
    this.fullQueued = false;
    this.retriesQueued.clear();
    this.running?.abort.abort();
  }

  /** Runs one sweep to its end, after whatever runs now (and any sweep queued behind it). */
  async sweep(kind: SweepKind, subscriptionIds?: readonly string[]): Promise<void> {
    while (this.running) await this.running.done;
    const running = this.begin(kind, subscriptionIds);
    if (running) await running.done;
  }

  private begin(kind: SweepKind, subscriptionIds?: readonly string[]): Running | undefined {
    if (this.stopped) return undefined;
    const paths = this.readyPaths();
    if (paths.length === 0) return undefined;
    const abort = new AbortController();
    const recorder = new SweepRecorder(
      {
        state: this.state,
        prefs: this.prefs,
        now: () => this.deps.clock.now(),
        timers: this.deps.timers ?? systemTimers,
        commit: (apply) => this.commit(apply),
        progress: (progress) => this.deps.events.emit('inventoryProgress', progress),
        describePath: (path) => this.describePath(path),
        // Looked up live: the accounts change in memory (a sign-out, a hidden tenant, a tenant found needing
        // sign-in) before their event reaches accountsChanged, and a subscription finishing in between must not
        // publish rows of an account that is gone.
        pathAlive: (path) => this.readyPaths().some((ready) => pathKey(ready) === pathKey(path)),
      },
      kind,
      randomUUID(),
      paths,
      abort.signal,
    );
    const everything = kind === 'full' && subscriptionIds === undefined;
    // A full sweep of everything lists the subscriptions it already knows at once, beside the listing of each
    // path's subscriptions (one round trip less; that listing still adds new ones, drops gone ones and keeps the
    // results of those no longer listable or reachable from being published).
    const targets = this.state
      .allSubscriptions()
      .filter((s) => subscriptionIds === undefined || subscriptionIds.includes(s.id))
      .sort((a, b) => b.vmCount - a.vmCount)
      .flatMap((s) => recorder.targetFor(kind === 'full' ? { ...s, fetchedAt: undefined } : s) ?? []);
    this.markSignInNeeded();
    const plan = { kind, paths: everything ? paths : [], targets, concurrency: this.concurrency };
    const run = async (): Promise<void> => {
      await runSweep(plan, this.session(), recorder, abort.signal);
      if (everything && !abort.signal.aborted) {
        this.commit((change) =>
          change.setMeta({ fromStore: false, lastFullSweepAt: new Date(this.deps.clock.now()).toISOString() }),
        );
      }
      this.lastSweep = recorder.end(abort.signal.aborted ? 'cancelled' : 'done');
    };
    const done = run()
      .catch((error: unknown) => this.deps.logger.error('an inventory sweep failed', { error }))
      .finally(() => {
        this.running = undefined;
        // Written after the sweep has finished (its rows and its end are published already); stop() waits for it.
        this.saveSoon();
        if (recorder.transitional) this.scheduler.transitional();
        const queued = this.fullQueued;
        const retries = new Set([...this.retriesQueued, ...recorder.unknownVms]);
        this.fullQueued = false;
        this.retriesQueued.clear();
        if (abort.signal.aborted) return;
        if (queued) {
          // A whole sweep like the scheduler's: it moves the next scheduled one on.
          const next = this.begin('full');
          if (next) void next.done.then(() => this.scheduler.ran('full'));
        } else if (retries.size > 0) {
          this.begin('full', [...retries]);
        }
      });
    const running = { recorder, abort, done };
    this.running = running;
    return running;
  }

  private get concurrency(): number {
    return this.deps.concurrency ?? defaultConcurrency;
  }

  private session(): ArmSession {
    return new ArmSession({
      credentialFor: (accountId, tenantId) => this.deps.accounts.credentialFor(accountId, tenantId),
      cloudOf: (accountId) => this.cloudOf(accountId),
      connectivity: this.deps.connectivity,
      network: this.deps.network,
      governor: this.governor,
    });
  }

  /** One statusOnly list per subscription that has VMs in a transitional state; true while some remain. */
  private async recheck(): Promise<boolean> {
    const affected = this.state
      .allSubscriptions()
      .filter((s) =>
        this.state.vmsOf(s.id).some((vm) => ['starting', 'stopping', 'deallocating'].includes(vm.powerState)),
      )
      .map((s) => s.id);
    if (affected.length === 0) return false;
    await this.sweep('power', affected);
    return this.state
      .allSubscriptions()
      .some((s) =>
        this.state.vmsOf(s.id).some((vm) => ['starting', 'stopping', 'deallocating'].includes(vm.powerState)),
      );
  }

  async getInstanceView(vmId: string): Promise<InstanceView> {
    const vm = this.state.vm(vmId.toLowerCase());
    const subscription = vm ? this.state.subscription(vm.subscriptionId) : undefined;
    if (!vm || !subscription)
      throw new ServiceError('not_found', 'That virtual machine is not in the inventory any more.');
    const path = this.actingPath(subscription);
    try {
      const view = await instanceViewOf(this.session().compute(path, subscription.id), vm.resourceId);
      return toInstanceView(vm.id, view, new Date(this.deps.clock.now()).toISOString());
    } catch (error) {
      const described = describeArmError(error, { kind: 'vm' });
      throw new ServiceError(described.code, described.message, described.correlationId);
    }
  }

  setSubscriptionHidden(args: { subscriptionId: string; hidden: boolean }): SubscriptionSummary {
    const id = args.subscriptionId.toLowerCase();
    const subscription = this.requireSubscription(id);
    this.prefs.setHidden(id, args.hidden);
    const next: SubscriptionSummary = { ...subscription, hidden: args.hidden };
    next.status = isListable(next) ? (subscription.status === 'not_listed' ? 'ok' : subscription.status) : 'not_listed';
    this.commit((change) => {
      change.upsertSubscription(next);
      if (args.hidden) change.replaceVms(id, []);
    });
    if (!args.hidden && isListable(next)) this.refresh({ kind: 'full', subscriptionIds: [id] });
    return next;
  }

  setActingAccount(args: { subscriptionId: string; accountId: string }): SubscriptionSummary {
    const id = args.subscriptionId.toLowerCase();
    const subscription = this.requireSubscription(id);
    if (!subscription.accessPaths.some((path) => path.accountId === args.accountId)) {
      throw new ServiceError('invalid_input', 'That account does not reach this subscription.', 'accountId');
    }
    this.prefs.setActingAccount(id, args.accountId);
    const next = { ...subscription, actingAccountId: args.accountId };
    this.commit((change) => change.upsertSubscription(next));
    return next;
  }

  async openInPortal(target: PortalTarget): Promise<void> {
    const vm = 'vmId' in target ? this.state.vm(target.vmId.toLowerCase()) : undefined;
    if ('vmId' in target && !vm)
      throw new ServiceError('not_found', 'That virtual machine is not in the inventory any more.');
    const subscription = this.requireSubscription(
      vm ? vm.subscriptionId : ('subscriptionId' in target ? target.subscriptionId : '').toLowerCase(),
    );
    const cloud = this.cloudOf(subscription.actingAccountId);
    const origin = cloud ? portalOrigin(cloud) : undefined;
    if (!cloud || !origin) {
      throw new ServiceError(
        'not_found',
        `Cloud Desk opens the Azure portal only for Azure's own clouds (Azure, Azure operated by 21Vianet, Azure US Government), not for ` +
          `${cloud?.name ?? 'this cloud'}. Open its portal in your browser and find the resource there.`,
      );
    }
    const resourceId = vm ? vm.resourceId : `/subscriptions/${subscription.id}`;
    const opener = restrictOpener(this.deps.opener, () => [new URL(origin).host]);
    await opener.open(resourcePortalUrl(origin, subscription.tenantId, resourceId));
  }

  /** Accounts changed: drop what signed-out accounts reached, and sweep when a new (account, tenant) is ready. */
  accountsChanged(): void {
    const seqBefore = this.state.currentSeq;
    const accounts = new Set(this.deps.accounts.list().map((account) => account.id));
    this.commit((change) => {
      for (const subscription of this.state.allSubscriptions()) {
        const paths = subscription.accessPaths.filter((path) => accounts.has(path.accountId));
        if (paths.length === subscription.accessPaths.length) continue;
        if (paths.length === 0) {
          change.removeSubscription(subscription.id);
          continue;
        }
        const acting = paths.some((p) => p.accountId === subscription.actingAccountId)
          ? subscription.actingAccountId
          : (paths[0]?.accountId ?? subscription.actingAccountId);
        change.upsertSubscription({ ...subscription, accessPaths: paths, actingAccountId: acting });
      }
    });
    for (const subscription of this.state.allSubscriptions()) {
      if (!accounts.has(this.prefs.actingAccount(subscription.id) ?? subscription.actingAccountId)) {
        this.prefs.setActingAccount(subscription.id, subscription.actingAccountId);
      }
    }
    const ready = this.readyPaths().map(pathKey);
    const added = ready.some((path) => !this.knownPaths.has(path));
    this.knownPaths = new Set(ready);
    this.commit((change) => change.keepListingFailures((path) => this.knownPaths.has(pathKey(path))));
    this.markSignInNeeded();
    if (added) {
      if (this.running) this.fullQueued = true;
      // The start-up sweep sweeps every ready path: the accounts published before start() (every stored one) or
      // during its hold must not start a sweep of their own, which would compete with the window reading the
      // snapshot and then run again as the start-up sweep.
      else if (this.started && !this.scheduler.holding) this.begin('full');
    }
    // What this change removed or re-pointed is written now (a signed-out account's rows leave the disk at once);
    // an account event that changed nothing here writes nothing: a running sweep's rows are written when it ends,
    // not once per token refresh (a 50,000-VM snapshot is tens of megabytes).
    if (this.state.currentSeq !== seqBefore) this.saveSoon();
  }

  /** Resolves once every snapshot write queued so far has finished (written, or failed and logged). */
  persisted(): Promise<void> {
    return this.saving;
  }

  /**
   * Queues a snapshot write behind the previous one, to start on the next turn of the event loop: whoever waits
   * for the sweep (or the account change) that asked for it goes on first, and serializing and encrypting tens
   * of megabytes does not hold that up. The write itself stays atomic (the vault's store replaces the file in
   * one rename) and stop() waits for it. Failures are logged; the next sweep tries again.
   */
  private saveSoon(): void {
    this.saving = this.saving
      .then(() => (this.stopped ? undefined : nextTurn()))
      .then(() => this.save())
      .catch((error: unknown) => this.deps.logger.error('saving the inventory snapshot failed', { error }));
  }

  private markSignInNeeded(): void {
    const needs = new Set(
      this.deps.accounts
        .list()
        .flatMap((account) =>
          account.tenants
            .filter((t) => t.status === 'needs_sign_in')
            .map((t) => pathKey({ accountId: account.id, tenantId: t.tenantId })),
        ),
    );
    if (needs.size === 0) return;
    this.commit((change) => {
      for (const subscription of this.state.allSubscriptions()) {
        const acting = subscription.accessPaths.find((p) => p.accountId === subscription.actingAccountId);
        if (!acting || !needs.has(pathKey(acting)) || !isListable(subscription)) continue;
        change.upsertSubscription({
          ...subscription,
          status: 'needs_sign_in',
          error: signInNeededError(subscription.tenantName ?? subscription.tenantId),
        });
      }
    });
  }

  private readyPaths(): AccessPathRef[] {
    return this.deps.accounts
      .list()
      .flatMap((account) =>
        account.tenants
          .filter((tenant) => tenant.status === 'ready' && !tenant.hidden)
          .map((tenant) => ({ accountId: account.id, tenantId: tenant.tenantId })),
      );
  }

  private actingPath(subscription: SubscriptionSummary): AccessPathRef {
    const path =
      subscription.accessPaths.find((p) => p.accountId === subscription.actingAccountId) ?? subscription.accessPaths[0];
    if (!path) throw new ServiceError('not_found', 'No connected account reaches this subscription any more.');
    return path;
  }

  private describePath(path: AccessPathRef): { cloudId: string; tenantName?: string } | undefined {
    const account = this.deps.accounts.list().find((a) => a.id === path.accountId);
    if (!account) return undefined;
    const tenant = account.tenants.find((t) => t.tenantId === path.tenantId);
    return { cloudId: account.cloudId, ...(tenant ? { tenantName: tenant.displayName } : {}) };
  }

  private cloudOf(accountId: string): CloudEndpoints | undefined {
    const account = this.deps.accounts.list().find((a) => a.id === accountId);
    return account ? this.deps.clouds().find((cloud) => cloud.id === account.cloudId) : undefined;
  }

  private requireSubscription(id: string): SubscriptionSummary {
    const subscription = this.state.subscription(id);
    if (!subscription) throw new ServiceError('not_found', 'That subscription is not in the inventory any more.');
    return subscription;
  }

  private commit(apply: (change: InventoryChange) => void): void {
    const patch: InventoryPatch | undefined = this.state.change(apply);
    if (patch) this.deps.events.emit('inventory', patch);
  }

  private async save(): Promise<void> {
    if (this.state.currentSeq === this.savedSeq) return;
    const seq = this.state.currentSeq;
    const snapshot = this.state.snapshot(null);
    await this.snapshots.save({
      savedAt: new Date(this.deps.clock.now()).toISOString(),
      ...(snapshot.lastFullSweepAt ? { lastFullSweepAt: snapshot.lastFullSweepAt } : {}),
      subscriptions: snapshot.subscriptions,
      vms: snapshot.vms,
    });
    this.savedSeq = seq;
  }
}
