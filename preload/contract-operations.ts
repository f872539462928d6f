// The operations part of the contract: power actions on VMs as long-running operations, the local activity log,
// and subscription rename; plus `actionAvailability`, the one rule for which action a VM allows and why not,
// used by main (to refuse) and the renderer (to disable with the reason). Pure data and functions: no Electron,
// no Node, no DOM.
import { z } from 'zod';
import {
  powerStateSchema,
  transitionalPowerStates,
  vmIdSchema,
  type PowerState,
  type SubscriptionSummary,
  type Vm,
} from './contract-inventory.js';

const isoTime = z.string().max(40);

/** What the user can ask for; `hibernate` is a deallocate with `hibernate=true`. */
export const powerActions = ['start', 'powerOff', 'deallocate', 'hibernate', 'restart'] as const;
export const powerActionSchema = z.enum(powerActions);
export type PowerAction = z.infer<typeof powerActionSchema>;

/** The button names, and the words for a finished action ("3 deallocated"). */
export const actionLabels: Record<PowerAction, { verb: string; done: string; progress: string }> = {
  start: { verb: 'Start', done: 'started', progress: 'Starting' },
  powerOff: { verb: 'Stop', done: 'stopped', progress: 'Stopping' },
  deallocate: { verb: 'Deallocate', done: 'deallocated', progress: 'Deallocating' },
  hibernate: { verb: 'Hibernate', done: 'hibernated', progress: 'Hibernating' },
  restart: { verb: 'Restart', done: 'restarted', progress: 'Restarting' },
};

/** Actions that interrupt a running VM: the UI asks before running them. */
export const disruptiveActions: ReadonlySet<PowerAction> = new Set(['powerOff', 'deallocate', 'hibernate', 'restart']);

/**
 * accepted: queued or being sent to Azure; running: Azure accepted it and we are watching it; succeeded/failed:
 * Azure said so; cancelled: we stopped watching (Azure may still finish it).
 */
export const operationStates = ['accepted', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const operationStateSchema = z.enum(operationStates);
export type OperationState = z.infer<typeof operationStateSchema>;

export const finishedStates: ReadonlySet<OperationState> = new Set(['succeeded', 'failed', 'cancelled']);

export const operationErrorSchema = z.strictObject({
  code: z.enum(['offline', 'interaction_required', 'forbidden', 'throttled', 'not_found', 'conflict', 'internal']),
  /** What happened, why, and what to do, in the user's words. */
  message: z.string(),
  /** Azure's error code, e.g. AuthorizationFailed. */
  armCode: z.string().optional(),
});
export type OperationError = z.infer<typeof operationErrorSchema>;

export const operationSchema = z.strictObject({
  id: z.string(),
  batchId: z.string(),
  action: powerActionSchema,
  vmId: z.string(),
  vmName: z.string(),
  resourceGroup: z.string(),
  subscriptionId: z.string(),
  accountId: z.string(),
  /** The acting account's user name, as the activity log and messages show it. */
  accountName: z.string(),
  state: operationStateSchema,
  /** The VM's power state as Azure last reported it while the operation ran (e.g. deallocating). */
  powerState: powerStateSchema.optional(),
  startedAt: isoTime,
  endedAt: isoTime.optional(),
  error: operationErrorSchema.optional(),
  /** How it ended when that needs saying, e.g. for cancelled: "Azure may still finish deallocating vm-1". */
  note: z.string().optional(),
  /** ARM's correlation id of the request that started it, for support. */
  correlationId: z.string().optional(),
  /** True when it was still running at the last quit and is watched again since this start. */
  resumed: z.boolean().optional(),
});
export type Operation = z.infer<typeof operationSchema>;

export const operationOptionsSchema = z.strictObject({
  /** powerOff: skip the guest's graceful shutdown (`powerOff?skipShutdown=true`). */
  skipShutdown: z.boolean().optional(),
  /**
   * deallocate: `deallocate?forceDeallocate=true` (Compute api-version 2025-11-01 and later). Azure deallocates
   * even when the normal stop cannot complete (e.g. during a platform problem); the guest is not shut down.
   * Azure documents no per-VM condition for it, so it is offered on every plain deallocate and never with
   * hibernate (Azure's own tools refuse that pair); if Azure refuses it for a VM, its reason is shown.
   */
  forceDeallocate: z.boolean().optional(),
});
export type OperationOptions = z.infer<typeof operationOptionsSchema>;

/** Which action each option belongs to: an option sent with another action is refused at the contract's gate. */
export const optionActions: Record<keyof OperationOptions, PowerAction> = {
  skipShutdown: 'powerOff',
  forceDeallocate: 'deallocate',
};

export const startOperationsArgsSchema = z
  .strictObject({
    action: powerActionSchema,
    vmIds: z.array(vmIdSchema).min(1).max(1000),
    options: operationOptionsSchema.optional(),
  })
  .superRefine((args, ctx) => {
    for (const [option, value] of Object.entries(args.options ?? {})) {
      const owner = optionActions[option as keyof OperationOptions];
      if (value === true && owner !== args.action) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', option],
          message: `${option} applies only to ${actionLabels[owner].verb.toLowerCase()}`,
        });
      }
    }
  });
export type StartOperationsArgs = z.infer<typeof startOperationsArgsSchema>;

export const startOperationsResultSchema = z.strictObject({
  batchId: z.string(),
  operationIds: z.array(z.string()),
  /** VMs the action was not started for, each with the reason in words. */
  refused: z.array(z.strictObject({ vmId: z.string(), reason: z.string() })),
});
export type StartOperationsResult = z.infer<typeof startOperationsResultSchema>;

// ---- activity log ----------------------------------------------------------------------------------------

export const activityResultSchema = z.enum(['succeeded', 'failed', 'cancelled']);
export type ActivityResult = z.infer<typeof activityResultSchema>;

export const activityEntrySchema = z.strictObject({
  id: z.string(),
  /** When the action was started. */
  at: isoTime,
  action: z.union([powerActionSchema, z.literal('rename')]),
  /** What it was done to: the VM's id, or the subscription id for a rename. */
  targetId: z.string(),
  /** The VM's or the subscription's name. */
  targetName: z.string(),
  resourceGroup: z.string().optional(),
  subscriptionId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  result: activityResultSchema,
  message: z.string().optional(),
  correlationId: z.string().optional(),
  durationMs: z.number().int().nonnegative(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityFilterSchema = z
  .strictObject({
    result: activityResultSchema.optional(),
    /** Part of the VM's name or id, any case. */
    vm: z.string().max(600).optional(),
    /** An account id or part of its user name, any case. */
    account: z.string().max(320).optional(),
  })
  .optional();
export type ActivityFilter = z.infer<typeof activityFilterSchema>;

/** Whether an entry passes a filter: the one rule main's list and the renderer's live view both apply. */
export function matchesActivityFilter(entry: ActivityEntry, filter: ActivityFilter): boolean {
  const vm = filter?.vm?.trim().toLowerCase();
  const account = filter?.account?.trim().toLowerCase();
  return (
    (filter?.result === undefined || entry.result === filter.result) &&
    (!vm || entry.targetName.toLowerCase().includes(vm) || entry.targetId.toLowerCase().includes(vm)) &&
    (!account || entry.accountId.toLowerCase() === account || entry.accountName.toLowerCase().includes(account))
  );
}

/** The log as `activity.list` answers it: newest first, with the sequence number of the last change sent. */
export const activityPageSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  entries: z.array(activityEntrySchema),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;

/**
 * The `activity` event: what changed since the last one (seq is one more; a gap means: list again). `cleared`
 * says the log was emptied before `appended` (oldest first) was written; entries dropped at the bound are not
 * sent (a view keeps at most as many entries as the log).
 */
export const activityChangeSchema = z.strictObject({
  seq: z.number().int().positive(),
  cleared: z.boolean(),
  appended: z.array(activityEntrySchema),
});
export type ActivityChange = z.infer<typeof activityChangeSchema>;

/**
 * The desktop app saves through a save dialog in main (`savedTo` the path, or null when the user cancelled) and
 * sends no text back; the browser preview has no dialog, so main answers the text and the page downloads it.
 */
export const activityExportSchema = z.strictObject({
  fileName: z.string(),
  savedTo: z.string().nullable(),
  csv: z.string().nullable(),
  rows: z.number().int().nonnegative(),
});
export type ActivityExport = z.infer<typeof activityExportSchema>;

export const renameSubscriptionArgsSchema = z.strictObject({
  subscriptionId: z.string().min(1).max(100),
  displayName: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .regex(/^[^<>;|]*$/, 'must not contain < > ; or |'),
});
export type RenameSubscriptionArgs = z.infer<typeof renameSubscriptionArgsSchema>;

// ---- which action a VM allows ----------------------------------------------------------------------------

export type Availability = { enabled: true } | { enabled: false; reason: string };

export interface AvailabilityStatus {
  online: boolean;
}

const settledFor: Record<PowerAction, (state: PowerState) => string | undefined> = {
  start: (s) => (s === 'running' ? 'It is already running.' : undefined),
  powerOff: (s) =>
    s === 'stopped'
      ? 'It is already stopped.'
      : s === 'deallocated' || s === 'hibernated'
        ? `It is already ${s}.`
        : undefined,
  deallocate: (s) => (s === 'deallocated' || s === 'hibernated' ? `It is already ${s}.` : undefined),
  hibernate: (s) => (s === 'running' || s === 'unknown' ? undefined : 'Only a running VM can hibernate.'),
  restart: (s) => (s === 'running' || s === 'unknown' ? undefined : 'Only a running VM can restart.'),
};

/**
 * Whether each action can run on `vm` now, and if not why, in words (about the VM, without its name: the UI
 * shows it on the VM's row; main prefixes the name when it refuses). `operations` are the operations the app
 * knows (any VM's: only this VM's unfinished ones matter).
 */
export function actionAvailability(
  vm: Vm,
  subscription: SubscriptionSummary | undefined,
  status: AvailabilityStatus,
  operations: readonly Pick<Operation, 'vmId' | 'state' | 'action'>[],
): Record<PowerAction, Availability> {
  const common = commonBlock(vm, subscription, status, operations);
  const out = {} as Record<PowerAction, Availability>;
  for (const action of powerActions) {
    const reason =
      common ??
      (action === 'hibernate' && vm.hibernationEnabled !== true
        ? 'It was not created with hibernation enabled.'
        : settledFor[action](vm.powerState));
    out[action] = reason === undefined ? { enabled: true } : { enabled: false, reason };
  }
  return out;
}

function commonBlock(
  vm: Vm,
  subscription: SubscriptionSummary | undefined,
  status: AvailabilityStatus,
  operations: readonly Pick<Operation, 'vmId' | 'state' | 'action'>[],
): string | undefined {
  const running = operations.find((op) => op.vmId === vm.id && !finishedStates.has(op.state));
  if (running) {
    return `${actionLabels[running.action].progress} is still in progress; wait until it finishes.`;
  }
  if (!status.online) return 'Cloud Desk is offline; actions come back when it can reach Azure.';
  if (subscription === undefined) return 'Its subscription is no longer listed; refresh the inventory.';
  if (subscription.status === 'needs_sign_in') {
    return `Sign in again to the tenant of ${subscription.displayName} to act on its VMs.`;
  }
  if (subscription.state !== 'Enabled') {
    return `Subscription ${subscription.displayName} is ${subscription.state}; Azure allows no changes to its VMs.`;
  }
  if (transitionalPowerStates.has(vm.powerState)) {
    return `It is ${vm.powerState}; wait until it settles.`;
  }
  return undefined;
}

/** Production-tagged: an `environment` or `env` tag (any case) of prod or production, on the VM. */
export function isProductionTagged(vm: Pick<Vm, 'tags'>): boolean {
  return Object.entries(vm.tags).some(
    ([key, value]) => /^(env|environment)$/i.test(key) && /^(prod|production)$/i.test(value.trim()),
  );
}

/** "12 deallocated, 1 failed: permission" for a finished batch. */
export function batchSummary(action: PowerAction, operations: readonly Pick<Operation, 'state' | 'error'>[]): string {
  const done = operations.filter((op) => op.state === 'succeeded').length;
  const failed = operations.filter((op) => op.state === 'failed');
  const cancelled = operations.filter((op) => op.state === 'cancelled').length;
  const parts = [`${done} ${actionLabels[action].done}`];
  if (failed.length > 0) {
    const reasons = [...new Set(failed.map((op) => failureWord(op.error?.code)))];
    parts.push(`${failed.length} failed: ${reasons.join(', ')}`);
  }
  if (cancelled > 0) parts.push(`${cancelled} no longer watched`);
  return parts.join(', ');
}

function failureWord(code: OperationError['code'] | undefined): string {
  switch (code) {
    case 'forbidden':
      return 'permission';
    case 'conflict':
      return 'conflict';
    case 'throttled':
      return 'throttled';
    case 'offline':
      return 'offline';
    case 'interaction_required':
      return 'sign-in needed';
    case 'not_found':
      return 'not found';
    default:
      return 'error';
  }
}
