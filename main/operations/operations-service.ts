// Power actions as long-running operations: refuses what `actionAvailability` refuses (nothing runs twice),
// sends the POSTs per subscription through a token bucket shaped like ARM's write limit, watches the accepted
// ones with the SDK's pollers (fewer polls per operation when many run), persists the pollers so a quit does
// not lose them, and when one ends asks the inventory to re-check the VM from Azure and writes the activity
// log. With many running in one subscription it watches them through the inventory's fast re-check (one
// statusOnly list for the whole subscription) and polls an operation soon only once its VM looks settled, so
// a bulk action costs about one list per subscription every two seconds plus a poll or two per VM.
// No Electron imports.
import { randomUUID } from 'node:crypto';
import { transitionalPowerStates, type PowerState } from '../../preload/contract-inventory.js';
import {
  actionAvailability,
  actionLabels,
  finishedStates,
  type Operation,
  type OperationError,
  type OperationOptions,
  type StartOperationsArgs,
  type StartOperationsResult,
} from '../../preload/contract-operations.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import { isConnectivityError, type CloudConnectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';
import type { Clock, Logger } from '../ports.js';
import type { SecretVault } from '../storage/secret-vault.js';
import { describeArmFailure, retryAfterMs, type ActionContext } from './arm-errors.js';
import { OperationsRegistry } from './operations-registry.js';
import { PendingStore, type Pending } from './pending-store.js';
import type { AccountsPort, InventoryPort } from './ports.js';
import { pollOnce, PowerClient, type PowerPoller, type VmTarget } from './power-client.js';
import { TokenBuckets, type BucketLimit } from './token-bucket.js';

export interface OperationsTuning {
  /** ARM's write limit per subscription and principal: 200 burst, 10/s. */
  writeLimit: BucketLimit;
  /** Polls are reads; this share of ARM's read limit (250, 25/s) leaves the rest to the inventory. */
  pollReadLimit: BucketLimit;
  /** The shortest time between two polls of one operation. */
  basePollMs: number;
  /** With n operations running in a subscription each is polled every n / this seconds (at least basePollMs). */
  pollsPerSecondPerSubscription: number;
  /** The longest Retry-After of a running operation's status honoured before polling it again anyway. */
  maxPollRetryAfterMs: number;
  /** The longest Retry-After honoured on a 429 before giving up on that VM. */
  maxRetryAfterMs: number;
  maxThrottleRetries: number;
  /** POSTs on their way at once per subscription. */
  maxInFlightPerSubscription: number;
  /** Re-checks requested within this window go to the inventory as one. */
  recheckDelayMs: number;
  /** From this many operations running in one subscription, they are watched through the inventory's list. */
  listWatchFrom: number;
  /** Then each is polled at most this often until its VM looks settled (then every basePollMs). */
  listWatchPollMs: number;
}

export const defaultTuning: OperationsTuning = {
  writeLimit: { capacity: 200, refillPerSecond: 10 },
  pollReadLimit: { capacity: 100, refillPerSecond: 10 },
  basePollMs: 2000,
  pollsPerSecondPerSubscription: 10,
  maxPollRetryAfterMs: 30_000,
  maxRetryAfterMs: 60_000,
  maxThrottleRetries: 3,
  maxInFlightPerSubscription: 20,
  recheckDelayMs: 200,
  listWatchFrom: 5,
  listWatchPollMs: 10_000,
};

/** Where each action leaves a VM: seeing it there means the operation has probably ended. */
const settledStates: Record<Operation['action'], ReadonlySet<PowerState>> = {
  start: new Set(['running']),
  powerOff: new Set(['stopped']),
  deallocate: new Set(['deallocated']),
  hibernate: new Set(['hibernated', 'deallocated']),
  // A restarted VM is running before and after: only the end of a transition seen on the way counts.
  restart: new Set(),
};

export interface OperationsDeps {
  inventory: InventoryPort;
  accounts: AccountsPort;
  clouds: () => readonly CloudEndpoints[];
  connectivity: CloudConnectivity;
  network: NetworkConfig;
  vault: SecretVault;
  activity: ActivityLog;
  clock: Clock;
  logger: Logger;
  tuning?: Partial<OperationsTuning>;
}

interface Job {
  id: string;
  target: VmTarget;
  tenantId: string;
  cloudId: string;
  options: OperationOptions;
  /** Bucket and lane key: ARM counts per subscription and principal. */
  lane: string;
  poller?: PowerPoller;
  /** The poller's serialized state: persisted, and the way back after a poll failed for a passing reason. */
  serialized?: string;
  polling: boolean;
  nextPollAt: number;
  throttleRetries: number;
  abort: AbortController;
  /** The inventory showed the VM in a transitional state while this ran. */
  sawTransition: boolean;
  /** The inventory shows the VM where the action leaves it: poll it soon. */
  settled: boolean;
}

interface Lane {
  queue: Job[];
  inFlight: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** A failure of the poll itself, not of the operation: no answer, throttled, or a server error. */
function isPassing(error: unknown): boolean {
  if (isConnectivityError(error)) return true;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 429 || status === 408 || (typeof status === 'number' && status >= 500);
}

export class OperationsService {
  readonly registry: OperationsRegistry;
  private readonly tuning: OperationsTuning;
  private readonly jobs = new Map<string, Job>();
  private readonly lanes = new Map<string, Lane>();
  private readonly writes: TokenBuckets;
  private readonly reads: TokenBuckets;
  private readonly pending: PendingStore;
  private readonly clients = new Map<string, PowerClient>();
  private readonly work = new Set<Promise<void>>();
  private readonly latestByVm = new Map<string, string>();
  private pollTimer: { at: number; handle: ReturnType<typeof setTimeout> } | undefined;
  private listTimer: ReturnType<typeof setTimeout> | undefined;
  private listing = false;
  private recheckIds = new Set<string>();
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly unsubscribe: () => void;
  /** Counters for benchmarks and tests: requests this service sent. */
  readonly stats = { posts: 0, polls: 0, throttled: 0, lists: 0 };

  constructor(private readonly deps: OperationsDeps) {
    this.tuning = { ...defaultTuning, ...deps.tuning };
    this.registry = new OperationsRegistry();
    this.writes = new TokenBuckets(deps.clock, this.tuning.writeLimit);
    this.reads = new TokenBuckets(deps.clock, this.tuning.pollReadLimit);
    this.pending = new PendingStore({ vault: deps.vault, logger: deps.logger });
    this.unsubscribe = deps.inventory.onVmsChanged((vms) => this.takePowerStates(vms));
  }

  /** Resumes the operations the last run left running; call after the accounts have started. */
  async start(): Promise<void> {
    for (const item of await this.pending.load()) this.resume(item);
    this.schedulePoll();
    this.scheduleLists();
  }

  list(): Operation[] {
    return this.registry.list();
  }

  begin(args: StartOperationsArgs): StartOperationsResult {
    if (this.stopped) throw new ServiceError('cancelled', 'Cloud Desk is quitting; nothing new is started.');
    const batchId = randomUUID();
    const operationIds: string[] = [];
    const refused: StartOperationsResult['refused'] = [];
    const touched = new Set<string>();
    const seen = new Set<string>();
    const online = { online: this.deps.connectivity.online };
    for (const requested of args.vmIds) {
      const vmId = requested.toLowerCase();
      if (seen.has(vmId)) continue;
      seen.add(vmId);
      const vm = this.deps.inventory.vm(vmId);
      if (!vm) {
        refused.push({ vmId: requested, reason: 'This VM is not in the inventory; refresh it and try again.' });
        continue;
      }
      const sub = this.deps.inventory.subscription(vm.subscriptionId);
      const availability = actionAvailability(vm, sub, online, this.registry.unfinished())[args.action];
      if (!availability.enabled || !sub) {
        const reason = availability.enabled ? 'Its subscription is not listed.' : availability.reason;
        refused.push({ vmId: requested, reason: `${vm.name}: ${reason}` });
        continue;
      }
      const accountId = sub.actingAccountId;
      const tenantId = sub.accessPaths.find((p) => p.accountId === accountId)?.tenantId ?? sub.tenantId;
      const op: Operation = {
        id: randomUUID(),
        batchId,
        action: args.action,
        vmId,
        vmName: vm.name,
        resourceGroup: vm.resourceGroup,
        subscriptionId: vm.subscriptionId,
        accountId,
        accountName: this.deps.accounts.accountName(accountId) ?? accountId,
        state: 'accepted',
        startedAt: this.iso(),
      };
      const job: Job = {
        id: op.id,
        target: { subscriptionId: vm.subscriptionId, resourceGroup: vm.resourceGroup, name: vm.name },
        tenantId,
        cloudId: sub.cloudId,
        options: args.options ?? {},
        lane: `${accountId}|${vm.subscriptionId}`,
        polling: false,
        nextPollAt: 0,
        throttleRetries: 0,
        abort: new AbortController(),
        sawTransition: false,
        settled: false,
      };
      this.registry.put(op);
      this.latestByVm.set(vmId, op.id);
      this.jobs.set(op.id, job);
      this.lane(job.lane).queue.push(job);
      touched.add(job.lane);
      operationIds.push(op.id);
    }
    for (const lane of touched) this.pump(lane);
    return { batchId, operationIds, refused };
  }

  cancel(id: string): Operation {
    const op = this.registry.get(id);
    if (!op) throw new ServiceError('not_found', 'That operation is no longer listed.');
    if (finishedStates.has(op.state)) return op;
    const job = this.jobs.get(id);
    const queue = job ? this.lanes.get(job.lane)?.queue : undefined;
    const queued = job !== undefined && queue !== undefined && queue.includes(job);
    if (queued) queue?.splice(queue.indexOf(job), 1);
    const what = `${actionLabels[op.action].progress.toLowerCase()} ${op.vmName}`;
    const note = queued
      ? `Cancelled before it was sent to Azure; ${op.vmName} was not changed.`
      : `Cloud Desk stopped watching. Azure may still finish ${what}; its row shows what Azure reports.`;
    return this.finish(id, 'cancelled', { note }) ?? op;
  }

  /** Stops polling and sending; running operations stay persisted and are resumed at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    for (const lane of this.lanes.values()) {
      if (lane.timer) clearTimeout(lane.timer);
      for (const job of lane.queue.splice(0)) {
        this.finish(job.id, 'cancelled', { note: 'Not sent to Azure: Cloud Desk quit first.' });
      }
    }
    if (this.pollTimer) clearTimeout(this.pollTimer.handle);
    this.pollTimer = undefined;
    if (this.listTimer) clearTimeout(this.listTimer);
    this.listTimer = undefined;
    for (const job of this.jobs.values()) job.abort.abort();
    // Rows of operations that just ended are still re-checked (the inventory stops after this service).
    this.flushRechecks();
    await Promise.allSettled([...this.work]);
    await this.pending.flush();
    this.registry.flush();
  }

  // ---- sending -------------------------------------------------------------------------------------------

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { queue: [], inFlight: 0, timer: undefined };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private pump(key: string): void {
    const lane = this.lane(key);
    while (!this.stopped && lane.inFlight < this.tuning.maxInFlightPerSubscription && lane.queue.length > 0) {
      const wait = this.writes.take(key);
      if (wait > 0) {
        lane.timer ??= setTimeout(() => {
          lane.timer = undefined;
          this.pump(key);
        }, wait);
        return;
      }
      const job = lane.queue.shift();
      if (!job) return;
      lane.inFlight += 1;
      this.track(
        this.submit(job).finally(() => {
          lane.inFlight -= 1;
          this.pump(key);
        }),
      );
    }
  }

  private track(work: Promise<void>): void {
    const guarded = work.catch((error: unknown) => this.deps.logger.error('a power operation step failed', { error }));
    this.work.add(guarded);
    void guarded.finally(() => this.work.delete(guarded));
  }

  private async submit(job: Job): Promise<void> {
    const op = this.registry.get(job.id);
    if (op?.state !== 'accepted') return;
    const ctx = this.context(op);
    const correlationId = randomUUID();
    let poller: PowerPoller;
    let retryAfter: string | undefined;
    try {
      const client = this.client(op.accountId, job);
      this.stats.posts += 1;
      ({ value: poller, retryAfter } = await client.submit(op.action, job.target, job.options, correlationId));
    } catch (error) {
      const failure = describeArmFailure(error, ctx, this.deps.clock.now());
      if (failure.error.code === 'throttled') this.stats.throttled += 1;
      const wait = failure.retryAfterMs ?? this.tuning.basePollMs;
      const retry =
        failure.error.code === 'throttled' &&
        job.throttleRetries < this.tuning.maxThrottleRetries &&
        wait <= this.tuning.maxRetryAfterMs;
      if (retry && !this.stopped && this.registry.get(job.id)?.state === 'accepted') {
        job.throttleRetries += 1;
        this.writes.drain(job.lane, wait);
        this.lane(job.lane).queue.unshift(job);
        return;
      }
      this.finish(job.id, 'failed', { error: failure.error, correlationId: failure.correlationId ?? correlationId });
      return;
    }
    if (this.registry.get(job.id)?.state !== 'accepted') return;
    job.poller = poller;
    const running = this.registry.update(job.id, { state: 'running', correlationId });
    if (poller.isDone) {
      this.settle(job);
      return;
    }
    if (running) {
      this.pending.set({
        operation: running,
        tenantId: job.tenantId,
        cloudId: job.cloudId,
        poller: await poller.serialize(),
      });
    }
    job.nextPollAt = this.nextPoll(job, retryAfter);
    this.recheck(op.vmId);
    this.schedulePoll();
    this.scheduleLists();
  }

  private resume(item: Pending): void {
    const op: Operation = { ...item.operation, state: 'running', resumed: true };
    const job: Job = {
      id: op.id,
      target: { subscriptionId: op.subscriptionId, resourceGroup: op.resourceGroup, name: op.vmName },
      tenantId: item.tenantId,
      cloudId: item.cloudId,
      options: {},
      lane: `${op.accountId}|${op.subscriptionId}`,
      polling: false,
      nextPollAt: this.deps.clock.now(),
      throttleRetries: 0,
      abort: new AbortController(),
      sawTransition: false,
      settled: false,
    };
    this.registry.put(op);
    this.latestByVm.set(op.vmId, op.id);
    this.jobs.set(op.id, job);
    try {
      job.poller = this.client(op.accountId, job).restore(op.action, item.poller);
      job.serialized = item.poller;
    } catch (error) {
      const verb = actionLabels[op.action].progress.toLowerCase();
      this.deps.logger.warn('a running operation could not be resumed', { id: op.id, error });
      this.finish(op.id, 'cancelled', {
        note: `Cloud Desk could not watch ${verb} ${op.vmName} again (${op.accountName} is no longer connected). Azure may have finished it.`,
      });
    }
  }

  // ---- watching ------------------------------------------------------------------------------------------

  private runningIn(lane: string): number {
    let running = 0;
    for (const job of this.jobs.values()) if (job.lane === lane && job.poller) running += 1;
    return running;
  }

  /**
   * With many operations running in one subscription, each is polled less often (ARM counts the reads); from
   * `listWatchFrom` on, rarely, because the subscription's list says when one is worth polling.
   */
  private interval(job: Job): number {
    if (job.settled) return this.tuning.basePollMs;
    const running = this.runningIn(job.lane);
    const spread = Math.max(
      this.tuning.basePollMs,
      Math.ceil((running * 1000) / this.tuning.pollsPerSecondPerSubscription),
    );
    return running >= this.tuning.listWatchFrom ? Math.max(spread, this.tuning.listWatchPollMs) : spread;
  }

  /** The VMs of unsettled operations in subscriptions where many run: the ones the list watches. */
  private listWatched(): string[] {
    const vmIds: string[] = [];
    const crowded = new Map<string, boolean>();
    for (const job of this.jobs.values()) {
      const vmId = this.registry.get(job.id)?.vmId;
      if (!job.poller || job.settled || !vmId) continue;
      let many = crowded.get(job.lane);
      if (many === undefined) {
        many = this.runningIn(job.lane) >= this.tuning.listWatchFrom;
        crowded.set(job.lane, many);
      }
      if (many) vmIds.push(vmId);
    }
    return vmIds;
  }

  /**
   * Every basePollMs while some subscription has many operations running: one re-check of all their VMs (the
   * inventory lists each of those subscriptions once, in one sweep), never two at once.
   */
  private scheduleLists(): void {
    if (this.stopped || this.listTimer || this.listWatched().length === 0) return;
    this.listTimer = setTimeout(() => {
      const vmIds = this.stopped || this.listing ? [] : this.listWatched();
      if (vmIds.length > 0) {
        this.listing = true;
        this.stats.lists += 1;
        this.track(
          this.deps.inventory.recheck(vmIds).finally(() => {
            this.listing = false;
          }),
        );
      }
      this.listTimer = undefined;
      this.scheduleLists();
    }, this.tuning.basePollMs);
  }

  /** When to poll again: the lane's interval, or later when Azure's Retry-After asks for it (up to a cap). */
  private nextPoll(job: Job, retryAfter: string | undefined): number {
    const now = this.deps.clock.now();
    const asked = retryAfterMs(retryAfter, now) ?? 0;
    return now + Math.max(this.interval(job), Math.min(asked, this.tuning.maxPollRetryAfterMs));
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    let next: number | undefined;
    for (const job of this.jobs.values()) {
      if (job.poller && !job.polling && (next === undefined || job.nextPollAt < next)) next = job.nextPollAt;
    }
    if (next === undefined) return;
    if (this.pollTimer && this.pollTimer.at <= next) return;
    if (this.pollTimer) clearTimeout(this.pollTimer.handle);
    const at = next;
    this.pollTimer = {
      at,
      handle: setTimeout(
        () => {
          this.pollTimer = undefined;
          this.pollDue();
        },
        Math.max(0, at - this.deps.clock.now()),
      ),
    };
  }

  private pollDue(): void {
    const now = this.deps.clock.now();
    for (const job of [...this.jobs.values()]) {
      if (!job.poller || job.polling || job.nextPollAt > now) continue;
      job.polling = true;
      this.track(
        this.pollOne(job, job.poller).finally(() => {
          job.polling = false;
          this.schedulePoll();
        }),
      );
    }
    this.schedulePoll();
  }

  private async pollOne(job: Job, poller: PowerPoller): Promise<void> {
    const wait = this.reads.take(job.lane);
    if (wait > 0) {
      job.nextPollAt = this.deps.clock.now() + wait;
      return;
    }
    let retryAfter: string | undefined;
    try {
      this.stats.polls += 1;
      ({ retryAfter } = await pollOnce(poller, job.abort.signal));
    } catch (error) {
      if (job.abort.signal.aborted) return;
      if (!poller.isDone || isPassing(error)) {
        // The operation goes on in Azure: a poll that failed for a passing reason (offline, throttled, a dropped
        // connection, a 5xx) is tried again later. core-lro marks its poller failed for any HTTP error, so the
        // poller is rebuilt from its serialized state.
        const op = this.registry.get(job.id);
        const failure = op ? describeArmFailure(error, this.context(op), this.deps.clock.now()) : undefined;
        if (failure?.error.code === 'throttled') this.stats.throttled += 1;
        if (poller.isDone && op && job.serialized)
          job.poller = this.client(op.accountId, job).restore(op.action, job.serialized);
        const wait = Math.min(this.tuning.maxRetryAfterMs, failure?.retryAfterMs ?? this.interval(job) * 2);
        job.nextPollAt = this.deps.clock.now() + wait;
        this.deps.logger.warn('a poll of a running operation failed; trying again', { id: job.id, error });
        return;
      }
    }
    if (poller.isDone) this.settle(job);
    else job.nextPollAt = this.nextPoll(job, retryAfter);
  }

  private settle(job: Job): void {
    const op = this.registry.get(job.id);
    const state = job.poller?.operationState;
    if (!op || !state) return;
    if (state.status === 'succeeded') {
      this.finish(job.id, 'succeeded', {});
    } else if (state.status === 'canceled') {
      const verb = actionLabels[op.action].verb.toLowerCase();
      this.finish(job.id, 'failed', {
        error: {
          code: 'conflict',
          message: `Azure cancelled the request to ${verb} ${op.vmName}: another action on the VM replaced it.`,
        },
      });
    } else {
      const failure = describeArmFailure(state.error, this.context(op), this.deps.clock.now());
      this.finish(job.id, 'failed', { error: failure.error });
    }
  }

  private finish(
    id: string,
    state: 'succeeded' | 'failed' | 'cancelled',
    extra: { error?: OperationError; note?: string; correlationId?: string },
  ): Operation | undefined {
    const op = this.registry.get(id);
    if (!op || finishedStates.has(op.state)) return op;
    this.jobs.get(id)?.abort.abort();
    this.jobs.delete(id);
    this.pending.remove(id);
    const endedAt = this.deps.clock.now();
    const done = this.registry.update(id, { state, endedAt: new Date(endedAt).toISOString(), ...extra });
    const correlationId = extra.correlationId ?? op.correlationId;
    const message = extra.error?.message ?? extra.note;
    this.deps.activity.record({
      at: op.startedAt,
      action: op.action,
      targetId: op.vmId,
      targetName: op.vmName,
      resourceGroup: op.resourceGroup,
      subscriptionId: op.subscriptionId,
      accountId: op.accountId,
      accountName: op.accountName,
      result: state,
      ...(message ? { message } : {}),
      ...(correlationId ? { correlationId } : {}),
      durationMs: Math.max(0, endedAt - Date.parse(op.startedAt)),
    });
    if (op.state !== 'accepted' || state !== 'cancelled') this.recheck(op.vmId);
    return done;
  }

  // ---- the VM's row --------------------------------------------------------------------------------------

  private recheck(vmId: string): void {
    if (this.stopped) return;
    this.recheckIds.add(vmId);
    this.recheckTimer ??= setTimeout(() => this.flushRechecks(), this.tuning.recheckDelayMs);
  }

  private flushRechecks(): void {
    if (this.recheckTimer) clearTimeout(this.recheckTimer);
    this.recheckTimer = undefined;
    const ids = [...this.recheckIds];
    this.recheckIds = new Set();
    if (ids.length > 0) this.track(this.deps.inventory.recheck(ids));
  }

  /**
   * The inventory's rows come from Azure: the latest operation on each VM shows its power state, and one whose
   * VM has reached where the action leaves it is polled now (its operation has probably ended).
   */
  private takePowerStates(vms: readonly { id: string; powerState: Operation['powerState'] }[]): void {
    let soon = false;
    for (const vm of vms) {
      const id = this.latestByVm.get(vm.id);
      const op = id ? this.registry.get(id) : undefined;
      if (!op || !vm.powerState) continue;
      if (op.powerState !== vm.powerState) this.registry.update(op.id, { powerState: vm.powerState });
      const job = this.jobs.get(op.id);
      if (!job?.poller || job.settled) continue;
      if (transitionalPowerStates.has(vm.powerState)) job.sawTransition = true;
      else if (settledStates[op.action].has(vm.powerState) || (job.sawTransition && vm.powerState !== 'unknown')) {
        job.settled = true;
        job.nextPollAt = Math.min(job.nextPollAt, this.deps.clock.now());
        soon = true;
      }
    }
    if (soon) this.schedulePoll();
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private client(accountId: string, job: Job): PowerClient {
    const key = `${job.cloudId}|${accountId}|${job.tenantId}|${job.target.subscriptionId}`;
    let client = this.clients.get(key);
    if (!client) {
      const cloud = this.deps.clouds().find((c) => c.id === job.cloudId);
      if (!cloud) throw new ServiceError('not_found', 'The cloud of this subscription is no longer configured.');
      const credential = this.deps.accounts.credentialFor(accountId, job.tenantId);
      client = new PowerClient(
        credential,
        cloud,
        job.target.subscriptionId,
        this.deps.connectivity.link(cloud.id),
        this.deps.network,
      );
      this.clients.set(key, client);
    }
    return client;
  }

  private context(op: Operation): ActionContext {
    return {
      action: op.action,
      vmName: op.vmName,
      subscriptionName: this.deps.inventory.subscription(op.subscriptionId)?.displayName ?? op.subscriptionId,
      accountName: op.accountName,
    };
  }

  private iso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }
}
