// Pure merging of what a sweep listed into the contract's Vm rows: details from the plain list, power from the
// statusOnly list (or an instance view). A VM's powerStateAt is set only when a sweep sees its power state
// change, so a power sweep that confirms 10,000 unchanged VMs changes none of them (the subscription's
// powerFetchedAt says when they were confirmed). No Electron imports.
import type { Vm } from '../../preload/contract-inventory.js';
import type { PowerReading, VmDetails } from '../azure/vms.js';

export function mergeFull(
  details: readonly VmDetails[],
  readings: readonly PowerReading[],
  previous: (id: string) => Vm | undefined,
  now: string,
): Vm[] {
  const power = new Map<string, PowerReading>();
  for (const reading of readings) power.set(reading.id, reading);
  return details.map((detail) => withPower(detail, power.get(detail.id), previous(detail.id), now));
}

/**
 * A power sweep: existing rows with fresh power; `unknown` lists ids Azure has that we have no details for. A row
 * whose power and provisioning state Azure confirmed unchanged is returned as it is (not copied).
 */
export function mergePower(
  existing: readonly Vm[],
  readings: readonly PowerReading[],
  now: string,
): { vms: Vm[]; unknown: string[] } {
  const byId = new Map<string, Vm>();
  for (const vm of existing) byId.set(vm.id, vm);
  const vms: Vm[] = [];
  const unknown: string[] = [];
  for (const reading of readings) {
    const vm = byId.get(reading.id);
    if (vm) vms.push(withPower(vm, reading, vm, now));
    else unknown.push(reading.id);
  }
  return { vms, unknown };
}

/** `detail` is the plain list's part (or, in a power sweep, the row itself: `previous`). */
function withPower(detail: VmDetails, reading: PowerReading | undefined, previous: Vm | undefined, now: string): Vm {
  const powerState = reading?.powerState ?? 'unknown';
  const provisioningState = reading?.provisioningState ?? detail.provisioningState;
  const unchanged = previous !== undefined && previous.powerState === powerState;
  if (unchanged && previous === detail && previous.provisioningState === provisioningState) return previous;
  // In a power sweep `detail` is the old row: its time belongs to its old state, not to this one.
  const { powerStateAt: _previousTime, ...rest } = detail as VmDetails & { powerStateAt?: string };
  const vm: Vm = { ...rest, powerState };
  if (provisioningState) vm.provisioningState = provisioningState;
  // Only a change a sweep saw has a time: a state found at the first listing (or after none was known) may be
  // months old, and "in this state since" the first listing would be false.
  const seenChanging = previous !== undefined && previous.powerState !== 'unknown';
  const powerStateAt = unchanged ? previous.powerStateAt : seenChanging ? now : undefined;
  if (powerStateAt) vm.powerStateAt = powerStateAt;
  return vm;
}
