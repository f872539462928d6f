// The confirmation's production words: one total with the reasons behind it (groups named), what could not be
// checked (merged by reason, same-named subscriptions told apart), "none" only when everything was read, the age
// of cached tags, and the VMs' own tags alone while main is being asked.
import { describe, expect, it } from 'vitest';
import type { CheckTargetsResult, UncheckedSubscription } from '../../../preload/contract-targets';
import { nothingToCheck, productionLines, tagsAge, type CheckState } from './production-words';

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

const texts = (state: CheckState, of: readonly { id: string; tags: Record<string, string> }[] = vms) =>
  productionLines(of, state).map((line) => line.text);

function unchecked(id: string, name: string, message: string, tenantName?: string): UncheckedSubscription {
  return {
    subscriptionId: id,
    subscriptionName: name,
    ...(tenantName ? { tenantName } : {}),
    error: { code: 'offline', message },
  };
}

describe('productionLines', () => {
  it('counts only the VMs’ own tags while main is asked', () => {
    expect(productionLines(vms, undefined)).toEqual([
      { key: 'production', tone: 'production', text: '1 of 4 is production: 1 tagged itself.', names: [] },
    ]);
  });

  it('counts each production VM once, then says by what, naming each group once', () => {
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
        { vmId: 'c', reasons: [], resourceGroupChecked: true },
        { vmId: 'd', reasons: [], resourceGroupChecked: true },
      ],
    });
    expect(productionLines(vms, state)).toEqual([
      {
        key: 'production',
        tone: 'production',
        text: '2 of 4 are production: 2 in production-tagged resource groups (rg-payments, rg-web), 1 tagged itself.',
        names: ['rg-payments', 'rg-web'],
      },
    ]);
  });

  it('speaks of one VM as this VM', () => {
    const one = [{ id: 'a', tags: { env: 'prod' } }];
    const both = answer({
      vms: [
        {
          vmId: 'a',
          reasons: [{ kind: 'vm_tag' }, { kind: 'resource_group_tag', resourceGroup: 'rg-web' }],
          resourceGroupChecked: true,
        },
      ],
    });
    expect(texts(both, one)).toEqual([
      'This VM is production: it is tagged as production and is in a production-tagged resource group (rg-web).',
    ]);
    const none = answer({ vms: [{ vmId: 'b', reasons: [], resourceGroupChecked: true }] });
    expect(texts(none, [{ id: 'b', tags: {} }])).toEqual([
      'Neither this VM nor its resource group is tagged as production.',
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
    expect(texts(state)).toEqual([
      '2 of 4 are production: 1 in a production-tagged resource group (rg-web), 1 tagged itself.',
      "Couldn't check the resource group tags of Payments: No permission.",
    ]);
  });

  it('merges subscriptions with the same reason into one line, keyed by their ids, telling same names apart', () => {
    const state = answer({
      unchecked: [
        unchecked('s1', 'Pay-As-You-Go', 'Cloud Desk is offline.', 'Contoso'),
        unchecked('s2', 'Pay-As-You-Go', 'Cloud Desk is offline.', 'Fabrikam'),
        unchecked('s3', 'Dev', 'Cloud Desk is offline.'),
        unchecked('s4', 'Ops', 'No permission.'),
      ],
    });
    const problems = productionLines(vms, state).filter((line) => line.tone === 'problem');
    expect(problems).toEqual([
      {
        key: 'subscriptions:s1,s2,s3',
        tone: 'problem',
        text:
          "Couldn't check the resource group tags of 3 subscriptions (Pay-As-You-Go in tenant Contoso, " +
          'Pay-As-You-Go in tenant Fabrikam, Dev): Cloud Desk is offline.',
      },
      {
        key: 'subscriptions:s4',
        tone: 'problem',
        text: "Couldn't check the resource group tags of Ops: No permission.",
      },
    ]);
    expect(new Set(problems.map((line) => line.key)).size).toBe(problems.length);
  });

  it('says the request failed as a whole, keeping the own-tag count', () => {
    expect(texts({ ok: false, message: 'Cloud Desk is offline.' })).toEqual([
      '1 of 4 is production: 1 tagged itself.',
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
      ),
    ).toEqual([{ key: 'none', tone: 'note', text: 'None of them or their resource groups is tagged as production.' }]);
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
    expect(productionLines(two, partly)).toEqual([]);
    const missing = answer({ vms: [{ vmId: 'a', reasons: [], resourceGroupChecked: true }] });
    expect(productionLines(two, missing)).toEqual([]);
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
    expect(texts(state)).toEqual(['1 of 4 is production: 1 tagged itself.', message]);
  });

  it('has nothing to say, and nothing to wait for, when no VM is left', () => {
    expect(productionLines([], nothingToCheck)).toEqual([]);
    expect(productionLines([], undefined)).toEqual([]);
    expect(nothingToCheck).toEqual({ ok: true, value: { vms: [], unchecked: [], readAt: null } });
  });
});

describe('tagsAge', () => {
  it('says how old cached resource group tags are, once they are a minute old', () => {
    const readAt = new Date(now - 4 * 60_000).toISOString();
    expect(tagsAge(answer({ readAt }), now)).toMatch(/^Resource group tags as of .+, 4 min ago\.$/);
    expect(tagsAge(answer({ readAt: new Date(now - 30_000).toISOString() }), now)).toBeUndefined();
    expect(tagsAge(undefined, now)).toBeUndefined();
  });
});
