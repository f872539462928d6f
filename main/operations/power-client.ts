// Power actions through @azure/arm-compute's modular client: each call sends the POST at once and returns the
// SDK's poller; `restore` rebuilds a poller from its serialized state in a fresh process. The pipeline's own
// retries are off: the operations service honours Retry-After itself, with a cap (the SDK's wait is unbounded,
// and Compute has answered Retry-After: 1200). No Electron imports.
import { ComputeManagementClient, restorePoller } from '@azure/arm-compute';
import type { TokenCredential } from '@azure/core-auth';
import type { OperationState, PollerLike } from '@azure/core-lro';
import type { OperationOptions, PowerAction } from '../../preload/contract-operations.js';
import type { CloudEndpoints } from '../clouds.js';
import { armClientOptions } from '../net/arm-pipeline.js';
import type { Connectivity } from '../net/connectivity.js';

export type PowerPoller = PollerLike<OperationState<void>, void>;

export interface VmTarget {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export class PowerClient {
  private readonly client: ComputeManagementClient;

  constructor(credential: TokenCredential, cloud: CloudEndpoints, subscriptionId: string, connectivity: Connectivity) {
    this.client = new ComputeManagementClient(credential, subscriptionId, {
      ...armClientOptions(cloud, connectivity),
      retryOptions: { maxRetries: 0 },
    });
  }

  /** Sends the action; the poller's `submitted()` settles with Azure's answer to the POST. */
  begin(action: PowerAction, vm: VmTarget, options: OperationOptions, correlationId: string): PowerPoller {
    const vms = this.client.virtualMachines;
    const common = { requestOptions: { headers: { 'x-ms-correlation-request-id': correlationId } } };
    switch (action) {
      case 'start':
        return vms.start(vm.resourceGroup, vm.name, common);
      case 'restart':
        return vms.restart(vm.resourceGroup, vm.name, common);
      case 'powerOff':
        return vms.powerOff(vm.resourceGroup, vm.name, {
          ...common,
          ...(options.skipShutdown ? { skipShutdown: true } : {}),
        });
      case 'deallocate':
      case 'hibernate':
        return vms.deallocate(vm.resourceGroup, vm.name, {
          ...common,
          ...(action === 'hibernate' ? { hibernate: true } : {}),
          ...(options.forceDeallocate ? { forceDeallocate: true } : {}),
        });
    }
  }

  restore(action: PowerAction, serialized: string): PowerPoller {
    const vms = this.client.virtualMachines;
    const source =
      action === 'start'
        ? vms.start
        : action === 'restart'
          ? vms.restart
          : action === 'powerOff'
            ? vms.powerOff
            : vms.deallocate;
    return restorePoller(this.client, serialized, source);
  }
}
