// The confirmation's production words: counts by resource group (named) and by the VMs' own tags, subscriptions
// that could not be checked, the age of cached tags, and the VMs' own tags alone while main is being asked.
import { describe, expect, it } from 'vitest';
import type { CheckTargetsResult } from '../../../preload/contract-targets';
import { productionLines, type CheckState } from './production-words';

const now = Date.parse('2026-11-30T10:42:30Z');
const vms = [
  { id: 'a', tags: { env: 'prod' } },
  { id: 'b', tags: {} },
  { id: 'c', tags: {} },
  { id: 'd', tags: { owner: 'web' } },
];

function answer(partial: Partial<CheckTargetsResult>): CheckState {
  return { ok: true, value: { vms: [], unchecked: [], readAt: new Date(now).toISOString(), ...partial } };
}

const texts = (state: CheckState) => productionLines(vms, state, now).map((line) => line.text);

describe('productionLines', () => {
  it('counts only the VMs’ own tags while main is asked', () => {
    expect(productionLines(vms, undefined, now)).toEqual([
      { tone: 'production', text: '1 of them is tagged as production.' },
    ]);
  });

  it('counts VMs in production-tagged resource groups, naming each group once, beside their own tags', () => {
    const state = answer({
      vms: [
        {
          vmId: 'a',
          reasons: [{ kind: 'vm_tag' }, { kind: 'resource_group_tag', resourceGroup: 'rg-web' }],
          resourceGroupChecked: true,
        },
        {
          vmId: 'b',
          reasons: [{ kind: 'resource_group_tag', resourceGroup: 'rg-payments' }],
          resourceGroupChecked: true,
        },
        { vmId: 'c', reasons: [{ kind: 'resource_group_tag', resourceGroup: 'rg-web' }], resourceGroupChecked: true },
        { vmId: 'd', reasons: [], resourceGroupChecked: true },
      ],
    });
    expect(texts(state)).toEqual([
      '3 of them are in production-tagged resource groups (rg-payments, rg-web).',
      '1 of them is tagged as production.',
    ]);
  });

  it('says which subscriptions could not be checked, and why, and still counts the rest', () => {
    const state = answer({
      vms: [
        { vmId: 'b', reasons: [{ kind: 'resource_group_tag', resourceGroup: 'rg-web' }], resourceGroupChecked: true },
        { vmId: 'd', reasons: [], resourceGroupChecked: false },
      ],
      unchecked: [
        { subscriptionId: 's', subscriptionName: 'Payments', error: { code: 'forbidden', message: 'No permission.' } },
      ],
    });
    expect(productionLines(vms, state, now)).toEqual([
      { tone: 'production', text: '1 of them is in a production-tagged resource group (rg-web).', names: ['rg-web'] },
      { tone: 'production', text: '1 of them is tagged as production.' },
      { tone: 'problem', text: "Couldn't check the resource group tags of Payments: No permission." },
    ]);
  });

  it('says the request failed as a whole, keeping the own-tag count', () => {
    expect(texts({ ok: false, message: 'Cloud Desk is offline.' })).toEqual([
      '1 of them is tagged as production.',
      "Couldn't check the resource group tags: Cloud Desk is offline.",
    ]);
  });

  it('says when nothing is production once everything was checked', () => {
    const state = answer({ vms: ['a', 'b'].map((vmId) => ({ vmId, reasons: [], resourceGroupChecked: true })) });
    expect(
      productionLines(
        [
          { id: 'a', tags: {} },
          { id: 'b', tags: {} },
        ],
        state,
        now,
      ),
    ).toEqual([{ tone: 'note', text: 'None of them or their resource groups is tagged as production.' }]);
  });

  it('does not say none is production while a VM’s group went unread, even with no subscription unchecked', () => {
    const two = [
      { id: 'a', tags: {} },
      { id: 'b', tags: {} },
    ];
    const partly = answer({
      vms: [
        { vmId: 'a', reasons: [], resourceGroupChecked: true },
        { vmId: 'b', reasons: [], resourceGroupChecked: false },
      ],
    });
    expect(productionLines(two, partly, now)).toEqual([]);
    const missing = answer({ vms: [{ vmId: 'a', reasons: [], resourceGroupChecked: true }] });
    expect(productionLines(two, missing, now)).toEqual([]);
  });

  it('shows a message about some of a subscription’s groups as main words it', () => {
    const message =
      "Couldn't read the tags of resource group rg-x as bob@contoso.example: Reader on the resource group is enough.";
    const state = answer({
      vms: [{ vmId: 'b', reasons: [], resourceGroupChecked: false }],
      unchecked: [
        {
          subscriptionId: 's',
          subscriptionName: 'Payments',
          resourceGroups: ['rg-x'],
          error: { code: 'forbidden', message },
        },
      ],
    });
    expect(texts(state)).toEqual(['1 of them is tagged as production.', message]);
  });

  it('says how old cached resource group tags are', () => {
    const readAt = new Date(now - 4 * 60_000).toISOString();
    const lines = texts(
      answer({ vms: [{ vmId: 'a', reasons: [{ kind: 'vm_tag' }], resourceGroupChecked: true }], readAt }),
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Resource group tags as of .+, 4 min ago\.$/);
    expect(texts(answer({ readAt: new Date(now - 30_000).toISOString() })).some((t) => t.includes(' as of '))).toBe(
      false,
    );
  });
});
