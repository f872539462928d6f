// JSON shapes of ARM and Compute records (tenant, subscription, resource group, VM model, instance view),
// modelled on the REST specs' examples and real responses. Pure functions of the scenario record and the
// live state; no access checks and no paging here.
import type { PowerState, ResourceGroup, Subscription, Tenant } from '../scenario.js';
import { computeTime, unitHash, vmResourceId, type VmRuntime } from './vm-state.js';

export function tenantRecord(tenant: Tenant): Record<string, unknown> {
  const initial = tenant.defaultDomain.split('.')[0] ?? tenant.defaultDomain;
  const onMicrosoft = `${initial}.onmicrosoft.com`;
  return {
    id: `/tenants/${tenant.id}`,
    tenantId: tenant.id,
    countryCode: tenant.countryCode,
    displayName: tenant.displayName,
    domains: [...new Set([tenant.defaultDomain, onMicrosoft])],
    tenantCategory: 'Home',
    defaultDomain: tenant.defaultDomain,
    tenantType: 'AAD',
  };
}

export function subscriptionRecord(sub: Subscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${sub.id}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: sub.id,
    tenantId: sub.tenantId,
    displayName: sub.displayName,
    state: sub.state,
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
  };
}

export function resourceGroupRecord(rg: ResourceGroup): Record<string, unknown> {
  return {
    id: `/subscriptions/${rg.subscriptionId}/resourceGroups/${rg.name}`,
    name: rg.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: rg.location,
    tags: rg.tags,
    properties: { provisioningState: 'Succeeded' },
  };
}

export interface LiveVm {
  runtime: VmRuntime;
  powerState: PowerState;
  provisioningState: string;
}

/**
 * A VM's id with the resource group spelt as given. Compute's subscription-wide list spells it in upper
 * case whatever its real casing, GETs echo the caller's casing: clients must compare ids case-insensitively.
 */
export function vmIdFor(live: LiveVm, resourceGroupSpelling: string): string {
  const vm = live.runtime.vm;
  return vmResourceId({
    subscriptionId: vm.subscriptionId,
    resourceGroup: resourceGroupSpelling,
    name: vm.name,
  });
}

const powerDisplay: Record<PowerState, string> = {
  starting: 'VM starting',
  running: 'VM running',
  stopping: 'VM stopping',
  stopped: 'VM stopped',
  deallocating: 'VM deallocating',
  deallocated: 'VM deallocated',
};

export interface InstanceViewStatus {
  code: string;
  level: 'Info';
  displayStatus: string;
  time?: string;
}

export function vmStatuses(live: LiveVm, includePowerState: boolean): InstanceViewStatus[] {
  const provisioning = live.provisioningState;
  const statuses: InstanceViewStatus[] = [
    {
      code: `ProvisioningState/${provisioning.toLowerCase()}`,
      level: 'Info',
      displayStatus: provisioning === 'Updating' ? 'Updating' : `Provisioning ${provisioning.toLowerCase()}`,
      time: live.runtime.timeCreated,
    },
  ];
  if (live.powerState === 'deallocated' && live.runtime.hibernated) {
    statuses.push({ code: 'HibernationState/Hibernated', level: 'Info', displayStatus: 'VM hibernated' });
  }
  if (includePowerState) {
    statuses.push({
      code: `PowerState/${live.powerState}`,
      level: 'Info',
      displayStatus: powerDisplay[live.powerState],
    });
  }
  return statuses;
}

function osDiskName(live: LiveVm): string {
  const suffix = Math.floor(unitHash(`disk:${live.runtime.id}`) * 2 ** 32)
    .toString(16)
    .padStart(8, '0');
  return `${live.runtime.vm.name}_OsDisk_1_${suffix}${suffix}${suffix}${suffix}`;
}

export function instanceView(live: LiveVm): Record<string, unknown> {
  const vm = live.runtime.vm;
  const up = live.powerState === 'running' || live.powerState === 'starting' || live.powerState === 'stopping';
  const view: Record<string, unknown> = {};
  if (up) {
    view['computerName'] = vm.name;
    view['osName'] = vm.os === 'Linux' ? vm.image.offer : 'Windows Server';
    view['osVersion'] = vm.os === 'Linux' ? vm.image.sku : '10.0.20348';
    view['vmAgent'] = {
      vmAgentVersion: vm.os === 'Linux' ? '2.10.0.8' : '2.7.41491.1102',
      statuses: [
        {
          code: 'ProvisioningState/succeeded',
          level: 'Info',
          displayStatus: 'Ready',
          message: 'Guest Agent is running',
          time: computeTime(Date.UTC(2024, 0, 1)),
        },
      ],
    };
  }
  view['hyperVGeneration'] = 'V2';
  view['disks'] = [
    {
      name: osDiskName(live),
      statuses: [
        {
          code: 'ProvisioningState/succeeded',
          level: 'Info',
          displayStatus: 'Provisioning succeeded',
          time: live.runtime.timeCreated,
        },
      ],
    },
  ];
  view['statuses'] = vmStatuses(live, true);
  return view;
}

/** The full model, as a plain list or GET returns it: no instanceView unless expanded. */
export function vmModel(live: LiveVm, id: string, withInstanceView: boolean): Record<string, unknown> {
  const vm = live.runtime.vm;
  const rgPrefix = `/subscriptions/${vm.subscriptionId}/resourceGroups/${vm.resourceGroup}`;
  const osConfig =
    vm.os === 'Linux'
      ? {
          linuxConfiguration: {
            disablePasswordAuthentication: true,
            provisionVMAgent: true,
            patchSettings: { patchMode: 'ImageDefault', assessmentMode: 'ImageDefault' },
          },
        }
      : {
          windowsConfiguration: {
            provisionVMAgent: true,
            enableAutomaticUpdates: true,
            patchSettings: { patchMode: 'AutomaticByOS', assessmentMode: 'ImageDefault' },
          },
        };
  const properties: Record<string, unknown> = {
    vmId: live.runtime.vmId,
    hardwareProfile: { vmSize: vm.size },
    ...(vm.hibernationEnabled ? { additionalCapabilities: { hibernationEnabled: true } } : {}),
    storageProfile: {
      imageReference: {
        publisher: vm.image.publisher,
        offer: vm.image.offer,
        sku: vm.image.sku,
        version: vm.image.version,
        exactVersion: vm.image.version === 'latest' ? '1.0.0' : vm.image.version,
      },
      osDisk: {
        osType: vm.os,
        name: osDiskName(live),
        createOption: 'FromImage',
        caching: 'ReadWrite',
        managedDisk: {
          storageAccountType: 'Premium_LRS',
          id:
            `/subscriptions/${vm.subscriptionId}/resourceGroups/${vm.resourceGroup.toUpperCase()}` +
            `/providers/Microsoft.Compute/disks/${osDiskName(live)}`,
        },
        deleteOption: 'Delete',
        diskSizeGB: vm.os === 'Linux' ? 30 : 127,
      },
      dataDisks: [],
      diskControllerType: 'SCSI',
    },
    osProfile: {
      computerName: vm.name,
      adminUsername: 'azureuser',
      ...osConfig,
      secrets: [],
      allowExtensionOperations: true,
      requireGuestProvisionSignal: true,
    },
    networkProfile: {
      networkInterfaces: [
        {
          id: `${rgPrefix}/providers/Microsoft.Network/networkInterfaces/${vm.name}-nic`,
          properties: { deleteOption: 'Detach' },
        },
      ],
    },
    diagnosticsProfile: { bootDiagnostics: { enabled: true } },
    provisioningState: live.provisioningState,
    timeCreated: live.runtime.timeCreated,
  };
  if (withInstanceView) properties['instanceView'] = instanceView(live);
  const model: Record<string, unknown> = {
    name: vm.name,
    id,
    type: 'Microsoft.Compute/virtualMachines',
    location: vm.location,
    tags: vm.tags,
  };
  if (vm.zone !== undefined) model['zones'] = [vm.zone];
  model['properties'] = properties;
  return model;
}

/** A statusOnly list item: power and provisioning statuses, almost nothing else. */
export function vmStatusOnly(live: LiveVm, id: string, includePowerState: boolean): Record<string, unknown> {
  const vm = live.runtime.vm;
  return {
    name: vm.name,
    id,
    type: 'Microsoft.Compute/virtualMachines',
    location: vm.location,
    properties: {
      vmId: live.runtime.vmId,
      hardwareProfile: {},
      provisioningState: live.provisioningState,
      instanceView: { statuses: vmStatuses(live, includePowerState) },
    },
  };
}
