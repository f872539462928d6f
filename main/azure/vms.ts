// The VMs of one subscription through @azure/arm-compute: the plain list (size, OS, image, tags...) and the
// statusOnly list (power state) merged by lower-cased resource id, every nextLink followed (empty pages with a
// nextLink included); a VM whose power state is missing is asked once through its instance view. Pure mapping
// from the SDK's models to the contract's Vm. No Electron imports.
import type {
  ComputeManagementClient,
  InstanceViewStatus,
  VirtualMachine,
  VirtualMachineInstanceView,
} from '@azure/arm-compute';
import type { InstanceView, PowerState, Vm } from '../../preload/contract-inventory.js';

/** The part of a VM only the plain list knows; kept between power sweeps. */
export type VmDetails = Omit<Vm, 'powerState' | 'powerStateAt'>;

export interface PowerReading {
  id: string;
  resourceId: string;
  powerState: PowerState | undefined;
  provisioningState: string | undefined;
}

export function resourceGroupOf(resourceId: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(resourceId)?.[1] ?? '';
}

export function powerStateOf(statuses: readonly InstanceViewStatus[] | undefined): PowerState | undefined {
  let power: PowerState | undefined;
  for (const status of statuses ?? []) {
    const code = status.code?.toLowerCase() ?? '';
    if (code === 'hibernationstate/hibernated') return 'hibernated';
    if (code.startsWith('powerstate/')) {
      const value = code.slice('powerstate/'.length);
      power = (['starting', 'running', 'stopping', 'stopped', 'deallocating', 'deallocated'] as const).find(
        (state) => state === value,
      );
    }
  }
  return power;
}

function provisioningOf(statuses: readonly InstanceViewStatus[] | undefined): string | undefined {
  const code = statuses?.find((status) => status.code?.toLowerCase().startsWith('provisioningstate/'))?.code;
  if (!code) return undefined;
  const value = code.slice('provisioningstate/'.length);
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function imageOf(vm: VirtualMachine): string | undefined {
  const image = vm.storageProfile?.imageReference;
  if (!image) return undefined;
  if (image.publisher && image.offer && image.sku)
    return [image.publisher, image.offer, image.sku, image.version ?? 'latest'].join(':');
  return image.sharedGalleryImageId ?? image.communityGalleryImageId ?? image.id;
}

export function detailsOf(vm: VirtualMachine, subscriptionId: string, tenantId: string): VmDetails | undefined {
  if (!vm.id || !vm.name) return undefined;
  // Optional fields are assigned one by one (not spread from small objects): this runs for every VM of a sweep.
  const details: VmDetails = {
    provider: 'azure',
    id: vm.id.toLowerCase(),
    resourceId: vm.id,
    name: vm.name,
    resourceGroup: resourceGroupOf(vm.id),
    subscriptionId,
    tenantId,
    location: vm.location,
    tags: vm.tags ?? {},
  };
  if (vm.zones && vm.zones.length > 0) details.zones = vm.zones;
  if (vm.hardwareProfile?.vmSize) details.size = vm.hardwareProfile.vmSize;
  const osType = vm.storageProfile?.osDisk?.osType;
  if (osType === 'Windows' || osType === 'Linux') details.osType = osType;
  const image = imageOf(vm);
  if (image) details.image = image;
  if (vm.provisioningState) details.provisioningState = vm.provisioningState;
  if (vm.timeCreated) details.timeCreated = vm.timeCreated.toISOString();
  const hibernation = vm.additionalCapabilities?.hibernationEnabled;
  if (hibernation !== undefined) details.hibernationEnabled = hibernation;
  return details;
}

export function readingOf(vm: VirtualMachine): PowerReading | undefined {
  if (!vm.id) return undefined;
  const statuses = vm.instanceView?.statuses;
  return {
    id: vm.id.toLowerCase(),
    resourceId: vm.id,
    powerState: powerStateOf(statuses),
    provisioningState: provisioningOf(statuses),
  };
}

/** Every item of a paged SDK list: `byPage` follows each nextLink, empty pages with a nextLink included. */
async function collect<T>(pages: AsyncIterable<T[]>, signal: AbortSignal | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) {
    signal?.throwIfAborted();
    items.push(...page);
  }
  return items;
}

export async function listVmDetails(
  client: ComputeManagementClient,
  subscriptionId: string,
  tenantId: string,
  signal?: AbortSignal,
): Promise<VmDetails[]> {
  const vms = await collect(client.virtualMachines.listAll(signal ? { abortSignal: signal } : {}).byPage(), signal);
  return vms.flatMap((vm) => detailsOf(vm, subscriptionId, tenantId) ?? []);
}

export async function listPowerReadings(
  client: ComputeManagementClient,
  signal?: AbortSignal,
): Promise<PowerReading[]> {
  const vms = await collect(
    client.virtualMachines.listAll({ statusOnly: 'true', ...(signal ? { abortSignal: signal } : {}) }).byPage(),
    signal,
  );
  return vms.flatMap((vm) => readingOf(vm) ?? []);
}

export async function instanceViewOf(
  client: ComputeManagementClient,
  resourceId: string,
  signal?: AbortSignal,
): Promise<VirtualMachineInstanceView> {
  const name = /\/virtualMachines\/([^/]+)/i.exec(resourceId)?.[1] ?? '';
  return client.virtualMachines.instanceView(resourceGroupOf(resourceId), name, signal ? { abortSignal: signal } : {});
}

export function toInstanceView(vmId: string, view: VirtualMachineInstanceView, fetchedAt: string): InstanceView {
  const iso = (time: Date | undefined): { time?: string } => (time ? { time: time.toISOString() } : {});
  const agentStatus = view.vmAgent?.statuses?.[0];
  return {
    vmId,
    statuses: (view.statuses ?? []).map((status) => ({
      code: status.code ?? '',
      ...(status.displayStatus ? { displayStatus: status.displayStatus } : {}),
      ...(status.level ? { level: status.level } : {}),
      ...iso(status.time),
      ...(status.message ? { message: status.message } : {}),
    })),
    ...(view.vmAgent
      ? {
          agent: {
            ...(view.vmAgent.vmAgentVersion ? { version: view.vmAgent.vmAgentVersion } : {}),
            ...(agentStatus?.displayStatus ? { status: agentStatus.displayStatus } : {}),
            ...iso(agentStatus?.time),
          },
        }
      : {}),
    disks: (view.disks ?? []).map((disk) => ({
      name: disk.name ?? '',
      ...(disk.statuses?.[0]?.displayStatus ? { status: disk.statuses[0].displayStatus } : {}),
      ...iso(disk.statuses?.[0]?.time),
    })),
    ...(view.computerName ? { computerName: view.computerName } : {}),
    ...(view.osName ? { osName: view.osName } : {}),
    ...(view.osVersion ? { osVersion: view.osVersion } : {}),
    fetchedAt,
  };
}
