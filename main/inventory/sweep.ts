// One sweep across accounts -> tenants -> subscriptions -> VMs. A full sweep lists each ready (account, tenant)'s
// subscriptions and, at the same time, both VM lists of every listable subscription it already knew; a subscription
// new to it is listed as soon as its tenant answered. A power sweep lists only statusOnly. All through one work pool
// (bounded concurrency, tenants first, largest subscriptions next). Each failure stays with its subscription or
// tenant; results go to the host as they arrive.
// No Electron imports.
import type { InventoryError, SweepKind } from '../../preload/contract-inventory.js';
import { describeArmError, LongThrottleError, needsSignIn, type ArmSubject } from '../azure/arm-errors.js';
import type { AccessPathRef, ArmSession } from '../azure/arm-session.js';
import type { SubscriptionRecord } from '../azure/subscriptions.js';
import {
  instanceViewOf,
  listPowerReadings,
  listVmDetails,
  powerStateOf,
  type PowerReading,
  type VmDetails,
} from '../azure/vms.js';
import { WorkPool } from './work-pool.js';

export interface SweepTarget {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  /** The tenant's display name (its id when the name is not known). */
  tenantName: string;
  /** The acting account's path. */
  path: AccessPathRef;
  /** Previous VM count: larger subscriptions start first. */
  size: number;
  /** Needs the plain list even in a power sweep (e.g. never listed in full). */
  needsDetails: boolean;
}

export type SubscriptionFailure =
  | { kind: 'error'; error: InventoryError }
  | { kind: 'throttled'; error: InventoryError; until: number }
  | { kind: 'needs_sign_in'; error: InventoryError };

export interface SweepResult {
  target: SweepTarget;
  /** Present when the plain list ran: the complete set of VMs. */
  details: VmDetails[] | undefined;
  readings: PowerReading[];
}

export interface SweepHost {
  now(): number;
  /** The tenant's display name for messages (its id when unknown). */
  tenantName(path: AccessPathRef): string;
  /** Merges what one path listed; returns the subscriptions to sweep now. */
  subscriptionsListed(path: AccessPathRef, records: SubscriptionRecord[]): SweepTarget[];
  pathFailed(path: AccessPathRef, failure: SubscriptionFailure): void;
  /**
   * Every path has answered (or failed): the ones that answered are complete lists. Returns the subscriptions to
   * list again: known ones listed from the start through a path that, it turns out, no longer reaches them.
   */
  discoveryDone(listed: readonly AccessPathRef[]): SweepTarget[];
  subscriptionStarted(target: SweepTarget): void;
  subscriptionDone(result: SweepResult): void;
  subscriptionFailed(target: SweepTarget, failure: SubscriptionFailure): void;
}

export interface SweepPlan {
  kind: SweepKind;
  /** Full sweep: the paths to discover subscriptions through. */
  paths: AccessPathRef[];
  /** The subscriptions to list from the start (in a full sweep of everything: the ones already known). */
  targets: SweepTarget[];
  concurrency: number;
}

const tenantPriority = Number.MAX_SAFE_INTEGER;

/** The words for a subscription whose tenant needs an interactive sign-in before it can be listed. */
export function signInNeededError(tenantName: string): InventoryError {
  return {
    code: 'interaction_required',
    message:
      `Tenant ${tenantName} needs you to sign in again before Cloud Desk can list this subscription: open ` +
      'Accounts and sign in to that tenant.',
  };
}

export function classify(error: unknown, subject: ArmSubject, tenantName: string, now: number): SubscriptionFailure {
  if (needsSignIn(error)) return { kind: 'needs_sign_in', error: signInNeededError(tenantName) };
  const described = describeArmError(error, subject);
  if (error instanceof LongThrottleError) {
    return { kind: 'throttled', error: described, until: now + error.retryAfterMs };
  }
  if (described.code === 'interaction_required') return { kind: 'needs_sign_in', error: described };
  return { kind: 'error', error: described };
}

export async function runSweep(
  plan: SweepPlan,
  session: ArmSession,
  host: SweepHost,
  signal: AbortSignal,
): Promise<void> {
  const pool = new WorkPool(plan.concurrency, signal);
  const sweepTarget = (target: SweepTarget): void => sweepSubscription(plan.kind, target, session, host, pool, signal);

  if (plan.kind === 'full' && plan.paths.length > 0) {
    const listed: AccessPathRef[] = [];
    let pending = plan.paths.length;
    for (const path of plan.paths) {
      pool.add(tenantPriority, async () => {
        try {
          const records = await session.subscriptions(path, signal);
          signal.throwIfAborted();
          listed.push(path);
          for (const target of host.subscriptionsListed(path, records)) sweepTarget(target);
        } catch (error) {
          if (!signal.aborted) {
            const tenant = host.tenantName(path);
            host.pathFailed(path, classify(error, { kind: 'subscriptions', tenant }, tenant, host.now()));
          }
        } finally {
          pending -= 1;
          if (pending === 0 && !signal.aborted) for (const target of host.discoveryDone(listed)) sweepTarget(target);
        }
      });
    }
  }
  for (const target of plan.targets) sweepTarget(target);
  await pool.idle();
}

function sweepSubscription(
  kind: SweepKind,
  target: SweepTarget,
  session: ArmSession,
  host: SweepHost,
  pool: WorkPool,
  signal: AbortSignal,
): void {
  let details: VmDetails[] | undefined;
  let readings: PowerReading[] | undefined;
  let failed = false;
  const withDetails = kind === 'full' || target.needsDetails;
  /** Requests of this subscription still to answer: its lists, then one instance view per VM without a state. */
  let pending = withDetails ? 2 : 1;
  host.subscriptionStarted(target);
  const client = (): ReturnType<ArmSession['compute']> => session.compute(target.path, target.subscriptionId);
  const fail = (error: unknown): void => {
    if (failed || signal.aborted) return;
    failed = true;
    host.subscriptionFailed(target, classify(error, { kind: 'vms' }, target.tenantName, host.now()));
  };
  const answered = (): void => {
    pending -= 1;
    if (pending > 0 || failed || signal.aborted || !readings) return;
    host.subscriptionDone({ target, details, readings });
  };
  // A VM without a power state in statusOnly is asked once through its instance view, as soon as statusOnly has
  // answered: the plain list (running beside it) is not needed for that.
  const askInstanceViews = (known: readonly PowerReading[]): void => {
    if (failed) return;
    for (const reading of known) {
      if (reading.powerState !== undefined) continue;
      pending += 1;
      pool.add(target.size, async () => {
        if (!failed) {
          try {
            const view = await instanceViewOf(client(), reading.resourceId, signal);
            reading.powerState = powerStateOf(view.statuses);
          } catch {
            // Stays unknown: one VM's instance view is not worth failing the subscription for.
          }
        }
        answered();
      });
    }
  };
  // What the host does with an answer is outside the try: a throw there is not this subscription's failure.
  if (withDetails) {
    pool.add(target.size, async () => {
      try {
        details = await listVmDetails(client(), target.subscriptionId, target.tenantId, signal);
      } catch (error) {
        fail(error);
        return;
      }
      answered();
    });
  }
  pool.add(target.size, async () => {
    let listed: PowerReading[];
    try {
      listed = await listPowerReadings(client(), signal);
    } catch (error) {
      fail(error);
      return;
    }
    readings = listed;
    askInstanceViews(listed);
    answered();
  });
}
