// What the power-action confirmation says about production, in words: how many of the VMs sit in
// production-tagged resource groups (named), how many are tagged production themselves, which subscriptions'
// resource groups could not be checked and why, and how old the resource group tags are when they came from
// main's short-lived cache. Before main answers only the VMs' own tags (which the renderer holds) are counted.
// Pure: no React, no bridge.
import type { Vm } from '../../../preload/contract-inventory';
import { isProductionTagged } from '../../../preload/contract-operations';
import type { CheckTargetsResult } from '../../../preload/contract-targets';
import { formatAsOf } from '../../components/age';

export interface ProductionLine {
  /** production: a count to heed; problem: a subscription that could not be checked; note: anything else. */
  tone: 'production' | 'problem' | 'note';
  text: string;
  /** Names in `text` that should not break across lines (resource group names break at their hyphens). */
  names?: readonly string[];
}

/** main's answer, or why there is none; undefined while it is being asked. */
export type CheckState = { ok: true; value: CheckTargetsResult } | { ok: false; message: string } | undefined;

/** Tags older than this say when they were read. */
const showAgeAfterMs = 60_000;

function ofThem(count: number, singular: string, plural: string): string {
  return `${count} of them ${count === 1 ? singular : plural}`;
}

export function productionLines(
  vms: readonly Pick<Vm, 'id' | 'tags'>[],
  check: CheckState,
  now: number,
): ProductionLine[] {
  const answer = check?.ok ? check.value : undefined;
  const byId = new Map(answer?.vms.map((vm) => [vm.vmId, vm]));
  const lines: ProductionLine[] = [];

  const groups = new Set<string>();
  let inGroups = 0;
  let own = 0;
  for (const vm of vms) {
    const checked = byId.get(vm.id);
    const group = checked?.reasons.find((reason) => reason.kind === 'resource_group_tag');
    if (group) {
      inGroups += 1;
      groups.add(group.resourceGroup);
    }
    // The VM's own tag as main saw it, or as the renderer holds it for a VM main no longer lists.
    if (checked ? checked.reasons.some((reason) => reason.kind === 'vm_tag') : isProductionTagged(vm)) own += 1;
  }
  if (inGroups > 0) {
    const names = [...groups].sort((a, b) => a.localeCompare(b));
    lines.push({
      tone: 'production',
      text:
        ofThem(inGroups, 'is in a production-tagged resource group', 'are in production-tagged resource groups') +
        ` (${names.join(', ')}).`,
      names,
    });
  }
  if (own > 0) lines.push({ tone: 'production', text: `${ofThem(own, 'is', 'are')} tagged as production.` });

  if (check?.ok === false) {
    lines.push({ tone: 'problem', text: `Couldn't check the resource group tags: ${check.message}` });
  }
  for (const sub of answer?.unchecked ?? []) {
    lines.push({
      tone: 'problem',
      // A message about some of its groups is a whole sentence naming them.
      text: sub.resourceGroups
        ? sub.error.message
        : `Couldn't check the resource group tags of ${sub.subscriptionName}: ${sub.error.message}`,
    });
  }
  // "None" only when every VM's own group was read: a group main could not read proves nothing.
  const allChecked = vms.every((vm) => byId.get(vm.id)?.resourceGroupChecked === true);
  if (answer && inGroups === 0 && own === 0 && allChecked) {
    lines.push({ tone: 'note', text: 'None of them or their resource groups is tagged as production.' });
  }
  if (answer?.readAt && now - Date.parse(answer.readAt) >= showAgeAfterMs) {
    lines.push({ tone: 'note', text: `Resource group tags as of ${formatAsOf(answer.readAt, now)}.` });
  }
  return lines;
}
