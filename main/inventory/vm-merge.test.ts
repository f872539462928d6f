import { describe, expect, it } from 'vitest';
import type { Vm } from '../../preload/contract-inventory.js';
import type { VmDetails } from '../azure/vms.js';
import { mergeFull, mergePower } from './vm-merge.js';

const detail = (name: string): VmDetails => ({
  provider: 'azure',
  id: `/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/${name}`,
  resourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`,
  name,
  resourceGroup: 'rg',
  subscriptionId: 's',
  tenantId: 't',
  location: 'westeurope',
  tags: { env: 'prod' },
  provisioningState: 'Succeeded',
});
const reading = (name: string, powerState: Vm['powerState'] | undefined) => ({
  id: detail(name).id,
  resourceId: detail(name).resourceId,
  powerState,
  provisioningState: 'Succeeded',
});

describe('merging the plain and statusOnly lists', () => {
  it('joins by id, and a VM with no power reading is unknown', () => {
    const vms = mergeFull([detail('a'), detail('b')], [reading('a', 'running')], () => undefined, 'T1');
    expect(vms.map((vm) => [vm.name, vm.powerState])).toEqual([
      ['a', 'running'],
      ['b', 'unknown'],
    ]);
  });

  it('claims no time for a state it found the VM in (Azure does not say since when), only for a change it saw', () => {
    const [first] = mergeFull([detail('a')], [reading('a', undefined)], () => undefined, 'T1');
    expect(first?.powerStateAt).toBeUndefined();
    const [known] = mergeFull([detail('a')], [reading('a', 'running')], () => first, 'T2');
    expect(known?.powerStateAt).toBeUndefined();
    const [changed] = mergeFull([detail('a')], [reading('a', 'stopped')], () => known, 'T3');
    expect(changed?.powerStateAt).toBe('T3');
  });

  it('keeps powerStateAt while the state is unchanged, so an unchanged VM serializes the same', () => {
    const [first] = mergeFull([detail('a')], [reading('a', 'running')], () => undefined, 'T1');
    const [again] = mergeFull([detail('a')], [reading('a', 'running')], () => first, 'T2');
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    const [changed] = mergeFull([detail('a')], [reading('a', 'stopped')], () => first, 'T3');
    expect(changed?.powerStateAt).toBe('T3');
  });

  it('a power sweep updates known VMs, drops missing ones and names VMs it has no details for', () => {
    const existing = mergeFull(
      [detail('a'), detail('b')],
      [reading('a', 'running'), reading('b', 'running')],
      () => undefined,
      'T1',
    );
    const { vms, unknown } = mergePower(existing, [reading('a', 'deallocating'), reading('new', 'running')], 'T2');
    expect(vms.map((vm) => [vm.name, vm.powerState, vm.tags])).toEqual([['a', 'deallocating', { env: 'prod' }]]);
    expect(unknown).toEqual([detail('new').id]);
  });

  it('a power sweep that finds a VM as it was returns that row itself, and copies only the changed ones', () => {
    const existing = mergeFull(
      [detail('a'), detail('b')],
      [reading('a', 'running'), reading('b', 'running')],
      () => undefined,
      'T1',
    );
    const { vms } = mergePower(existing, [reading('a', 'running'), reading('b', 'stopped')], 'T2');
    expect(vms[0]).toBe(existing[0]);
    expect(vms[1]).not.toBe(existing[1]);
    expect(vms[1]).toMatchObject({ name: 'b', powerState: 'stopped', powerStateAt: 'T2', tags: { env: 'prod' } });
    expect(existing[1]).toMatchObject({ powerState: 'running' });
  });

  it("a power sweep that loses a state and finds it again claims no time for it (the old one was another state's)", () => {
    const [running] = mergeFull([detail('a')], [reading('a', 'running')], () => undefined, 'T1');
    const [stopped] = mergePower(running ? [running] : [], [reading('a', 'stopped')], 'T2').vms;
    expect(stopped?.powerStateAt).toBe('T2');
    const [lost] = mergePower(stopped ? [stopped] : [], [reading('a', undefined)], 'T3').vms;
    const [again] = mergePower(lost ? [lost] : [], [reading('a', 'stopped')], 'T4').vms;
    expect(again).toMatchObject({ powerState: 'stopped' });
    expect(again?.powerStateAt).toBeUndefined();
  });
});
