// The inventory part of the contract: subscriptions and VMs across every account and tenant, sent once as a
// snapshot with a sequence number and then as patches with increasing sequence numbers (never the whole
// inventory per change), plus sweep progress. Pure data and types: no Electron, no Node, no DOM.
import { z } from 'zod';

const isoTime = z.string().max(40);
const id = z.string().min(1).max(600);

/** A VM's power state as Azure reports it (`PowerState/<code>`), `hibernated` from `HibernationState/Hibernated`. */
export const powerStates = [
  'starting',
  'running',
  'stopping',
  'stopped',
  'deallocating',
  'deallocated',
  'hibernated',
  'unknown',
] as const;
export const powerStateSchema = z.enum(powerStates);
export type PowerState = z.infer<typeof powerStateSchema>;

/** Transitional states: a VM in one of these is re-checked every few seconds until it settles. */
export const transitionalPowerStates: ReadonlySet<PowerState> = new Set(['starting', 'stopping', 'deallocating']);

/** ARM's subscription states (`Expired` is what the portal calls a subscription past its end). */
export const subscriptionStateSchema = z.enum(['Enabled', 'Warned', 'PastDue', 'Disabled', 'Expired', 'Deleted']);
export type SubscriptionState = z.infer<typeof subscriptionStateSchema>;

/** One way to reach a subscription: an account and the tenant it reached it through. */
export const accessPathSchema = z.strictObject({ accountId: id, tenantId: z.string().min(1).max(100) });
export type AccessPath = z.infer<typeof accessPathSchema>;

/**
 * How a subscription's VM listing stands: ok (listed), loading (a sweep is on it now), error (the last listing
 * failed: see `error`), needs_sign_in (its tenant needs an interactive sign-in), throttled (ARM asked us to wait
 * until `throttledUntil`), not_listed (Disabled/Deleted/hidden: shown, never listed for VMs).
 */
export const subscriptionStatusSchema = z.enum(['ok', 'loading', 'error', 'needs_sign_in', 'throttled', 'not_listed']);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

/** A failure of one subscription's listing, in words, with Azure's ids for support. */
export const inventoryErrorSchema = z.strictObject({
  code: z.enum(['offline', 'interaction_required', 'forbidden', 'throttled', 'not_found', 'internal']),
  message: z.string(),
  correlationId: z.string().optional(),
  requestId: z.string().optional(),
});
export type InventoryError = z.infer<typeof inventoryErrorSchema>;

/**
 * The last failure of one (account, tenant)'s subscription listing in a full sweep, in words: no subscription row
 * may stand for that tenant (its first sweep), so the views say it here. Gone when that listing next succeeds, or
 * when the account signs out or the tenant is no longer ready.
 */
export const listingFailureSchema = z.strictObject({
  accountId: id,
  tenantId: z.string().min(1).max(100),
  kind: z.enum(['error', 'throttled', 'needs_sign_in']),
  error: inventoryErrorSchema,
  /** When the listing failed. */
  at: isoTime,
});
export type ListingFailure = z.infer<typeof listingFailureSchema>;

export const subscriptionSummarySchema = z.strictObject({
  /** The subscription id, lower-case: the key everywhere. */
  id: z.string(),
  displayName: z.string(),
  state: subscriptionStateSchema,
  tenantId: z.string(),
  tenantName: z.string().optional(),
  cloudId: z.string(),
  /** Every account that reaches it, in the order they first listed it. */
  accessPaths: z.array(accessPathSchema).min(1),
  /** The account that acts on it (the user's pick, persisted; default the first that listed it). */
  actingAccountId: z.string(),
  hidden: z.boolean(),
  status: subscriptionStatusSchema,
  error: inventoryErrorSchema.optional(),
  throttledUntil: isoTime.optional(),
  /** When its VMs were last listed in full (plain + statusOnly), and when their power states were last confirmed. */
  fetchedAt: isoTime.optional(),
  powerFetchedAt: isoTime.optional(),
  vmCount: z.number().int().nonnegative(),
});
export type SubscriptionSummary = z.infer<typeof subscriptionSummarySchema>;

export const vmSchema = z.strictObject({
  /** Which cloud provider the machine lives in; only Azure today, so the grid need not change for others. */
  provider: z.literal('azure'),
  /** Stable id: the ARM resource id in lower case. */
  id: z.string(),
  /** The ARM resource id as Azure spells it. */
  resourceId: z.string(),
  name: z.string(),
  resourceGroup: z.string(),
  /** Lower-case subscription id (the key of its subscription). */
  subscriptionId: z.string(),
  tenantId: z.string(),
  location: z.string(),
  zones: z.array(z.string()).optional(),
  size: z.string().optional(),
  osType: z.enum(['Windows', 'Linux']).optional(),
  /** e.g. `Canonical:ubuntu-24_04-lts:server:latest`, or the gallery image id. */
  image: z.string().optional(),
  tags: z.record(z.string(), z.string()),
  provisioningState: z.string().optional(),
  timeCreated: isoTime.optional(),
  powerState: powerStateSchema,
  /**
   * When a sweep saw the VM change to this power state; absent for the state it was in when first listed (Azure
   * does not say since when). Moves only when the state changes, so a power sweep that confirms unchanged VMs
   * sends nothing for them; the subscription's `powerFetchedAt` says when its VMs' power states were last confirmed.
   */
  powerStateAt: isoTime.optional(),
  /** Whether the VM was created with hibernation enabled (`additionalCapabilities.hibernationEnabled`). */
  hibernationEnabled: z.boolean().optional(),
});
export type Vm = z.infer<typeof vmSchema>;

export const sweepKindSchema = z.enum(['full', 'power']);
export type SweepKind = z.infer<typeof sweepKindSchema>;

export const sweepProgressSchema = z.strictObject({
  sweepId: z.string(),
  kind: sweepKindSchema,
  state: z.enum(['running', 'done', 'cancelled']),
  subscriptionsDone: z.number().int().nonnegative(),
  subscriptionsTotal: z.number().int().nonnegative(),
  /** Per tenant, so the UI can say which directory is still loading. */
  tenants: z.array(
    z.strictObject({
      tenantId: z.string(),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
    }),
  ),
  startedAt: isoTime,
  finishedAt: isoTime.optional(),
  /** Set on a running power check when the user asked for a full refresh: it starts as soon as this check ends. */
  fullQueued: z.literal(true).optional(),
});
export type SweepProgress = z.infer<typeof sweepProgressSchema>;

export const inventorySnapshotSchema = z.strictObject({
  /** The sequence number of the last patch this snapshot includes; the next patch carries seq + 1. */
  seq: z.number().int().nonnegative(),
  subscriptions: z.array(subscriptionSummarySchema),
  vms: z.array(vmSchema),
  /** When the last full sweep finished (from the stored snapshot at start-up, until a sweep confirms it). */
  lastFullSweepAt: isoTime.optional(),
  /** True until a sweep of this run has confirmed the data: the snapshot came from disk. */
  fromStore: z.boolean(),
  sweep: sweepProgressSchema.nullable(),
  /** Tenants whose subscriptions could not be listed in this run (absent: none). Not stored on disk. */
  listingFailures: z.array(listingFailureSchema).optional(),
});
export type InventorySnapshot = z.infer<typeof inventorySnapshotSchema>;

/** A change since `seq - 1`: subscriptions upserted or removed, VMs upserted or removed (by id). */
export const inventoryPatchSchema = z.strictObject({
  seq: z.number().int().positive(),
  subscriptions: z.array(subscriptionSummarySchema),
  removedSubscriptions: z.array(z.string()),
  vms: z.array(vmSchema),
  removedVms: z.array(z.string()),
  lastFullSweepAt: isoTime.optional(),
  fromStore: z.boolean().optional(),
  /** When they changed: every tenant whose subscriptions could not be listed, replacing the previous list. */
  listingFailures: z.array(listingFailureSchema).optional(),
});
export type InventoryPatch = z.infer<typeof inventoryPatchSchema>;

export const refreshArgsSchema = z
  .strictObject({
    kind: sweepKindSchema,
    /** Only these subscriptions (e.g. "Retry" on one); all visible ones otherwise. */
    subscriptionIds: z.array(z.string().min(1).max(100)).max(5000).optional(),
  })
  .optional();

export const instanceViewSchema = z.strictObject({
  vmId: z.string(),
  statuses: z.array(
    z.strictObject({
      code: z.string(),
      displayStatus: z.string().optional(),
      level: z.string().optional(),
      time: isoTime.optional(),
      message: z.string().optional(),
    }),
  ),
  agent: z
    .strictObject({
      version: z.string().optional(),
      status: z.string().optional(),
      time: isoTime.optional(),
    })
    .optional(),
  disks: z.array(z.strictObject({ name: z.string(), status: z.string().optional(), time: isoTime.optional() })),
  computerName: z.string().optional(),
  osName: z.string().optional(),
  osVersion: z.string().optional(),
  fetchedAt: isoTime,
});
export type InstanceView = z.infer<typeof instanceViewSchema>;

export const vmIdSchema = z.string().min(1).max(600);

export const subscriptionRefSchema = z.strictObject({ subscriptionId: z.string().min(1).max(100) });

/** What to open in the Azure portal: a VM (by its id) or a subscription. Never a URL. */
export const portalTargetSchema = z.union([z.strictObject({ vmId: vmIdSchema }), subscriptionRefSchema]);
export type PortalTarget = z.infer<typeof portalTargetSchema>;
