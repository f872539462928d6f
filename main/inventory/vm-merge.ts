// Pure merging of what a sweep listed into the contract's Vm rows: details from the plain list, power from the
// statusOnly list (or an instance view). A VM's powerStateAt moves only when its power state changes, so a
// power sweep that confirms 10,000 unchanged VMs changes none of them (the subscription's powerFetchedAt says
// when they were confirmed). No Electron imports.
import type { Vm } from '../../preload/contract-inventory.js';
import type { PowerReading, VmDetails } from '../azure/vms.js';

export function mergeFull(
  details: readonly VmDetails[],
  readings: readonly PowerReading[],
  previous: (id: string) => Vm | undefined,
  now: string,
): Vm[] {
  const power = new Map(readings.map((reading) => [reading.id, reading]));
  return details.map((detail) => {
    const reading = power.get(detail.id);
    return withPower(detail, reading, previous(detail.id), now);
  });
}

/** A power sweep: existing rows with fresh power; `unknown` lists ids Azure has that we have no details for. */
export function mergePower(
  existing: readonly Vm[],
  readings: readonly PowerReading[],
  now: string,
): { vms: Vm[]; unknown: string[] } {
  const byId = new Map(existing.map((vm) => [vm.id, vm]));
  const vms: Vm[] = [];
  const unknown: string[] = [];
  for (const reading of readings) {
    const vm = byId.get(reading.id);
    if (!vm) {
      unknown.push(reading.id);
      continue;
    }
    const { powerState: _p, powerStateAt: _a, ...detail } = vm;
    vms.push(withPower(detail, reading, vm, now));
  }
  return { vms, unknown };
}

function withPower(detail: VmDetails, reading: PowerReading | undefined, previous: Vm | undefined, now: string): Vm {
  const powerState = reading?.powerState ?? 'unknown';
  const provisioningState = reading?.provisioningState ?? detail.provisioningState;
  const powerStateAt = previous && previous.powerState === powerState ? previous.powerStateAt : now;
  return {
    ...detail,
    ...(provisioningState ? { provisioningState } : {}),
    powerState,
    ...(powerStateAt ? { powerStateAt } : {}),
  };
}
