// The counting rule behind the confirmation's production line: a VM is production by its own tag, by its resource
// group's tag (matched without case, named as ARM spells it), or both; a group not read (its subscription's, or
// only it) leaves only its own tag, and the VM is not called checked.
import { describe, expect, it } from 'vitest';
import { productionReasons, type GroupIndex } from './target-check.js';

const groups: GroupIndex = new Map(
  [
    { name: 'rg-Payments', tags: { Environment: 'PRODUCTION' } },
    { name: 'rg-stage', tags: { env: 'preprod' } },
    { name: 'rg-misnamed', tags: { environments: 'production' } },
    { name: 'rg-untagged', tags: {} },
  ].map((group) => [group.name.toLowerCase(), group]),
);

describe('productionReasons', () => {
  it('names the resource group whose tag says production, however the VM spells the group', () => {
    expect(productionReasons({ resourceGroup: 'RG-PAYMENTS', tags: {} }, groups)).toEqual({
      reasons: [{ kind: 'resource_group_tag', resourceGroup: 'rg-Payments' }],
      resourceGroupChecked: true,
    });
  });

  it('gives both reasons when the VM and its group are tagged', () => {
    expect(productionReasons({ resourceGroup: 'rg-payments', tags: { ENV: 'Prod' } }, groups).reasons).toEqual([
      { kind: 'vm_tag' },
      { kind: 'resource_group_tag', resourceGroup: 'rg-Payments' },
    ]);
  });

  it('does not count other environments, other keys or untagged groups', () => {
    for (const resourceGroup of ['rg-stage', 'rg-misnamed', 'rg-untagged']) {
      expect(productionReasons({ resourceGroup, tags: { owner: 'web' } }, groups)).toEqual({
        reasons: [],
        resourceGroupChecked: true,
      });
    }
  });

  it('does not call a VM checked when its group is not among those read (hidden from the account, or new)', () => {
    expect(productionReasons({ resourceGroup: 'rg-gone', tags: { owner: 'web' } }, groups)).toEqual({
      reasons: [],
      resourceGroupChecked: false,
    });
  });

  it('keeps the VM’s own tag when its subscription’s groups could not be read', () => {
    expect(productionReasons({ resourceGroup: 'rg-payments', tags: { env: 'production' } }, undefined)).toEqual({
      reasons: [{ kind: 'vm_tag' }],
      resourceGroupChecked: false,
    });
  });
});
