// What a confirmation asks main about the VMs of a disruptive action before it runs (`operations.checkTargets`):
// for each VM whether it is production-tagged and why (its own tag, or its resource group's tag, named), and
// which subscriptions' resource groups could not be read, with the reason in words. The production rule itself
// is `isProductionTagged` (contract-operations.ts), applied to a VM's tags and to its resource group's alike.
// Pure data: no Electron, no Node, no DOM; nothing secret crosses here.
import { z } from 'zod';
import { inventoryErrorSchema, vmIdSchema } from './contract-inventory.js';

export const checkTargetsArgsSchema = z.strictObject({
  vmIds: z.array(vmIdSchema).min(1).max(1000),
});
export type CheckTargetsArgs = z.infer<typeof checkTargetsArgsSchema>;

/** Why a VM counts as production: its own tag, or the tag of its resource group (named as ARM spells it). */
export const productionReasonSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('vm_tag') }),
  z.strictObject({ kind: z.literal('resource_group_tag'), resourceGroup: z.string() }),
]);
export type ProductionReason = z.infer<typeof productionReasonSchema>;

export const targetCheckSchema = z.strictObject({
  vmId: z.string(),
  /** Empty when it is not production-tagged (as far as could be checked). */
  reasons: z.array(productionReasonSchema).max(2),
  /**
   * True only when its resource group was read (found in its subscription's list, or read by name). False when it
   * could not be (the subscription or the group unreadable, no answer in time): then only its own tags count.
   */
  resourceGroupChecked: z.boolean(),
});
export type TargetCheck = z.infer<typeof targetCheckSchema>;

export const uncheckedSubscriptionSchema = z.strictObject({
  subscriptionId: z.string(),
  subscriptionName: z.string(),
  /** Its tenant's name, to tell apart subscriptions of the same name (Pay-As-You-Go in two tenants). */
  tenantName: z.string().optional(),
  /**
   * Set when the subscription was read but these resource groups (of the VMs asked about) could not be: the
   * error's message is then a whole sentence naming them. Absent: none of the subscription's groups was read.
   */
  resourceGroups: z.array(z.string()).max(1000).optional(),
  /** What went wrong, in words (what happened, why, what to do), with Azure's ids for support. */
  error: inventoryErrorSchema,
});
export type UncheckedSubscription = z.infer<typeof uncheckedSubscriptionSchema>;

export const checkTargetsResultSchema = z.strictObject({
  /** The VMs main knows, in the order asked; a VM no longer in the inventory is left out. Answered within a few
   * seconds: subscriptions Azure has not answered for by then are in `unchecked` ("did not answer in time"). */
  vms: z.array(targetCheckSchema),
  unchecked: z.array(uncheckedSubscriptionSchema),
  /** When the oldest resource group list used was read from Azure (lists are kept a few minutes); null if none. */
  readAt: z.string().max(40).nullable(),
});
export type CheckTargetsResult = z.infer<typeof checkTargetsResultSchema>;
