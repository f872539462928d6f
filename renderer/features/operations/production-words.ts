// What the power-action confirmation says about production, in words: how many of the VMs are production (each
// counted once), how many of those by a production-tagged resource group (named) and how many tagged themselves,
// what could not be checked and why (subscriptions with the same reason in one line, same-named ones told apart by
// tenant), and how old the resource group tags are when they came from main's short-lived cache. Before main
// answers only the VMs' own tags (which the renderer holds) are counted. Pure: no React, no bridge.
import type { Vm } from '../../../preload/contract-inventory';
import { isProductionTagged } from '../../../preload/contract-operations';
import type { CheckTargetsResult, UncheckedSubscription } from '../../../preload/contract-targets';
import { formatAsOf } from '../../components/age';

export interface ProductionLine {
  /** Stable identity of the line (React key): what it is about, never its text. */
  key: string;
  /** production: a count to heed; problem: something that could not be checked; note: anything else. */
  tone: 'production' | 'problem' | 'note';
  text: string;
  /** Names in `text` that should not break across lines (resource group names break at their hyphens). */
  names?: readonly string[];
}

/** main's answer, or why there is none; undefined while it is being asked. */
export type CheckState = { ok: true; value: CheckTargetsResult } | { ok: false; message: string } | undefined;

/** The answer for no VMs at all: nothing to check, nothing to wait for. */
export const nothingToCheck: CheckState = { ok: true, value: { vms: [], unchecked: [], readAt: null } };

/** Tags older than this say when they were read. */
const showAgeAfterMs = 60_000;

export function productionLines(vms: readonly Pick<Vm, 'id' | 'tags'>[], check: CheckState): ProductionLine[] {
  if (vms.length === 0) return [];
  const answer = check?.ok ? check.value : undefined;
  const byId = new Map(answer?.vms.map((vm) => [vm.vmId, vm]));
  const lines: ProductionLine[] = [];

  const groups = new Set<string>();
  let inGroups = 0;
  let own = 0;
  let production = 0;
  for (const vm of vms) {
    const checked = byId.get(vm.id);
    const group = checked?.reasons.find((reason) => reason.kind === 'resource_group_tag');
    if (group) {
      inGroups += 1;
      groups.add(group.resourceGroup);
    }
    // The VM's own tag as main saw it, or as the renderer holds it for a VM main no longer lists.
    const tagged = checked ? checked.reasons.some((reason) => reason.kind === 'vm_tag') : isProductionTagged(vm);
    if (tagged) own += 1;
    if (group || tagged) production += 1;
  }
  if (production > 0) {
    const names = [...groups].sort((a, b) => a.localeCompare(b));
    lines.push({
      key: 'production',
      tone: 'production',
      text: countText(vms.length, production, inGroups, own, names),
      names,
    });
  }

  if (check?.ok === false) {
    lines.push({ key: 'request', tone: 'problem', text: `Couldn't check the resource group tags: ${check.message}` });
  }
  lines.push(...problemLines(answer?.unchecked ?? []));
  // "None" only when every VM's own group was read: a group main could not read proves nothing.
  const allChecked = vms.every((vm) => byId.get(vm.id)?.resourceGroupChecked === true);
  if (answer && production === 0 && allChecked) {
    const text =
      vms.length === 1
        ? 'Neither this VM nor its resource group is tagged as production.'
        : 'None of them or their resource groups is tagged as production.';
    lines.push({ key: 'none', tone: 'note', text });
  }
  return lines;
}

/** "2 of 3 are production: 2 in production-tagged resource groups (rg-a), 1 tagged itself." */
function countText(total: number, production: number, inGroups: number, own: number, names: string[]): string {
  const group = names.length > 0 ? ` (${names.join(', ')})` : '';
  if (total === 1) {
    if (inGroups > 0 && own > 0) {
      return `This VM is production: it is tagged as production and is in a production-tagged resource group${group}.`;
    }
    return inGroups > 0
      ? `This VM is production: it is in a production-tagged resource group${group}.`
      : 'This VM is production: it is tagged as production.';
  }
  const parts: string[] = [];
  if (inGroups > 0) {
    parts.push(
      `${inGroups} in ${inGroups === 1 ? 'a production-tagged resource group' : 'production-tagged resource groups'}${group}`,
    );
  }
  if (own > 0) parts.push(`${own} tagged ${own === 1 ? 'itself' : 'themselves'}`);
  return `${production} of ${total} ${production === 1 ? 'is' : 'are'} production: ${parts.join(', ')}.`;
}

/**
 * One line per reason: subscriptions that could not be checked for the same reason share a line; a message about
 * some groups of a subscription is main's whole sentence. Same-named subscriptions are told apart by tenant.
 */
function problemLines(unchecked: readonly UncheckedSubscription[]): ProductionLine[] {
  const counts = new Map<string, number>();
  for (const sub of unchecked) counts.set(sub.subscriptionName, (counts.get(sub.subscriptionName) ?? 0) + 1);
  const label = (sub: UncheckedSubscription): string => {
    if ((counts.get(sub.subscriptionName) ?? 0) < 2) return sub.subscriptionName;
    return sub.tenantName
      ? `${sub.subscriptionName} in tenant ${sub.tenantName}`
      : `${sub.subscriptionName} (${sub.subscriptionId})`;
  };
  const lines: ProductionLine[] = [];
  const bySentence = new Map<string, UncheckedSubscription[]>();
  for (const sub of unchecked) {
    if (sub.resourceGroups) {
      lines.push({
        key: `groups:${sub.subscriptionId}:${sub.resourceGroups.join(',')}`,
        tone: 'problem',
        text: sub.error.message,
      });
      continue;
    }
    bySentence.set(sub.error.message, [...(bySentence.get(sub.error.message) ?? []), sub]);
  }
  for (const [message, subs] of bySentence) {
    const names = subs.map(label);
    const which = subs.length === 1 ? names.join('') : `${subs.length} subscriptions (${names.join(', ')})`;
    lines.push({
      key: `subscriptions:${subs.map((sub) => sub.subscriptionId).join(',')}`,
      tone: 'problem',
      text: `Couldn't check the resource group tags of ${which}: ${message}`,
    });
  }
  return lines;
}

/** "Resource group tags as of 10:42, 4 min ago." when main's lists are old enough to say so. */
export function tagsAge(check: CheckState, now: number): string | undefined {
  const readAt = check?.ok ? check.value.readAt : null;
  if (!readAt || now - Date.parse(readAt) < showAgeAfterMs) return undefined;
  return `Resource group tags as of ${formatAsOf(readAt, now)}.`;
}
