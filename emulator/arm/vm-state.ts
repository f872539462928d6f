// The VMs' live power state and their power operations (start, powerOff, deallocate, restart) as Compute
// runs them: an operation holds the VM in an intermediate state for `transitionMs`, then settles it.
// State is derived lazily from the emulator clock (no timers), so a paused or fake clock stays exact.
// A newer action preempts a running one, which ends Canceled/OperationPreempted as in real Compute.
// No HTTP and no RBAC here.
import { createHash, randomUUID } from 'node:crypto';

import type { PowerState, Scenario, Vm } from '../scenario.js';
import { ArmError, type ArmErrorBody } from './http.js';
import type { VmAction } from './rbac.js';

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface VmOperation {
  id: string;
  subscriptionId: string;
  location: string;
  vmKey: string;
  action: VmAction;
  startedAt: number;
  endsAt: number;
  intermediate: PowerState;
  final: PowerState;
  hibernate: boolean;
  status: OperationStatus;
  endedAt?: number;
  error?: ArmErrorBody;
}

export interface VmRuntime {
  vm: Vm;
  /** Canonical resource id, with the resource group as the scenario spells it. */
  id: string;
  vmId: string;
  timeCreated: string;
  base: PowerState;
  hibernated: boolean;
  op: VmOperation | undefined;
}

export function vmResourceId(vm: Pick<Vm, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  const group = `/subscriptions/${vm.subscriptionId}/resourceGroups/${vm.resourceGroup}`;
  return `${group}/providers/Microsoft.Compute/virtualMachines/${vm.name}`;
}

export function vmKey(subscriptionId: string, resourceGroup: string, name: string): string {
  return `${subscriptionId}/${resourceGroup}/${name}`.toLowerCase();
}

/** A stable number in [0, 1) per string, so "random" facts about a VM survive restarts and resets. */
export function unitHash(text: string): number {
  return createHash('sha256').update(text.toLowerCase()).digest().readUInt32BE(0) / 2 ** 32;
}

function stableGuid(text: string): string {
  const h = createHash('sha256').update(text.toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Compute writes times with 7 fractional digits and an explicit offset. */
export function computeTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '0000+00:00');
}

const preempted: ArmErrorBody = {
  code: 'OperationPreempted',
  message: 'Operation execution has been preempted by a more recent operation.',
};

const plan: Record<VmAction, { intermediate: PowerState; final: PowerState }> = {
  start: { intermediate: 'starting', final: 'running' },
  powerOff: { intermediate: 'stopping', final: 'stopped' },
  deallocate: { intermediate: 'deallocating', final: 'deallocated' },
  restart: { intermediate: 'starting', final: 'running' },
};

const vmIdPattern =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i;

export class VmFleet {
  private vms = new Map<string, VmRuntime>();
  private bySubscription = new Map<string, VmRuntime[]>();
  private operations = new Map<string, VmOperation>();

  constructor(
    private readonly now: () => number,
    private readonly transitionMs: number,
  ) {}

  load(scenario: Scenario): void {
    this.vms = new Map();
    this.bySubscription = new Map();
    this.operations = new Map();
    for (const vm of scenario.vms) {
      const id = vmResourceId(vm);
      const runtime: VmRuntime = {
        vm,
        id,
        vmId: stableGuid(id),
        // Spread creation times over 2024 so sorting by age means something in the UI.
        timeCreated: computeTime(Date.UTC(2024, 0, 1) + Math.floor(unitHash(`created:${id}`) * 365 * 86_400_000)),
        base: vm.powerState,
        hibernated: vm.hibernated,
        op: undefined,
      };
      this.vms.set(vmKey(vm.subscriptionId, vm.resourceGroup, vm.name), runtime);
      const subscription = vm.subscriptionId.toLowerCase();
      const list = this.bySubscription.get(subscription);
      if (list) list.push(runtime);
      else this.bySubscription.set(subscription, [runtime]);
    }
  }

  all(): VmRuntime[] {
    return [...this.vms.values()].map((vm) => this.settle(vm));
  }

  /** The VMs of one subscription, settled; cheaper than `all()` for a 50,000-VM fleet listed page by page. */
  ofSubscription(subscriptionId: string): VmRuntime[] {
    return (this.bySubscription.get(subscriptionId.toLowerCase()) ?? []).map((vm) => this.settle(vm));
  }

  find(subscriptionId: string, resourceGroup: string, name: string): VmRuntime | undefined {
    const vm = this.vms.get(vmKey(subscriptionId, resourceGroup, name));
    return vm === undefined ? undefined : this.settle(vm);
  }

  findById(resourceId: string): VmRuntime | undefined {
    const m = vmIdPattern.exec(resourceId);
    if (m === null || m[1] === undefined || m[2] === undefined || m[3] === undefined) return undefined;
    return this.find(m[1], m[2], m[3]);
  }

  private settle(vm: VmRuntime): VmRuntime {
    const op = vm.op;
    if (op !== undefined && this.now() >= op.endsAt) {
      vm.base = op.final;
      vm.hibernated = op.hibernate;
      op.status = 'Succeeded';
      op.endedAt = op.endsAt;
      vm.op = undefined;
    }
    return vm;
  }

  powerState(vm: VmRuntime): PowerState {
    return this.settle(vm).op?.intermediate ?? vm.base;
  }

  /** Compute reports Updating while a power operation runs. */
  provisioningState(vm: VmRuntime): string {
    return this.settle(vm).op === undefined ? vm.vm.provisioningState : 'Updating';
  }

  operation(id: string): VmOperation | undefined {
    const op = this.operations.get(id);
    if (op !== undefined) {
      const vm = this.vms.get(op.vmKey);
      if (vm !== undefined) this.settle(vm);
    }
    return op;
  }

  private preemptRunning(vm: VmRuntime): void {
    const running = vm.op;
    if (running === undefined) return;
    vm.base = running.intermediate;
    running.status = 'Canceled';
    running.endedAt = this.now();
    running.error = preempted;
    vm.op = undefined;
  }

  begin(vm: VmRuntime, action: VmAction, hibernate: boolean): VmOperation {
    const current = this.powerState(vm);
    if (action === 'restart' && current !== 'running' && current !== 'starting') {
      throw new ArmError(409, {
        code: 'OperationNotAllowed',
        message: 'The operation requires the VM to be running (or set to run).',
      });
    }
    const { intermediate, final } = plan[action];
    const wantsHibernate = action === 'deallocate' && hibernate;
    // Asking for the state the VM is already settled in succeeds at once, as Compute's no-op does.
    const alreadyThere =
      vm.op === undefined && action !== 'restart' && vm.base === final && vm.hibernated === wantsHibernate;
    const poweredOffAlready = action === 'powerOff' && vm.op === undefined && vm.base === 'deallocated';
    this.preemptRunning(vm);
    const now = this.now();
    const instant = alreadyThere || poweredOffAlready;
    const op: VmOperation = {
      id: randomUUID(),
      subscriptionId: vm.vm.subscriptionId,
      location: vm.vm.location,
      vmKey: vmKey(vm.vm.subscriptionId, vm.vm.resourceGroup, vm.vm.name),
      action,
      startedAt: now,
      endsAt: instant ? now : now + this.transitionMs,
      intermediate,
      final: poweredOffAlready ? 'deallocated' : final,
      hibernate: poweredOffAlready ? vm.hibernated : wantsHibernate,
      status: 'InProgress',
    };
    this.operations.set(op.id, op);
    if (instant) {
      op.status = 'Succeeded';
      op.endedAt = now;
    } else {
      vm.op = op;
    }
    return op;
  }

  /** Admin override: puts the VM in `state` now; a running operation is preempted. */
  force(resourceId: string, state: PowerState): void {
    const vm = this.findById(resourceId);
    if (vm === undefined) throw new Error(`No VM with id ${resourceId} in the scenario`);
    this.preemptRunning(vm);
    vm.base = state;
    vm.hibernated = false;
  }
}
