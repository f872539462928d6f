// Power actions through @azure/arm-compute's modular client: each call sends the POST at once and returns the
// SDK's poller; `restore` rebuilds a poller from its serialized state (in a fresh process, or after a poll that
// failed for a passing reason). The pipeline still retries dropped connections, but a 429 goes straight back to
// the operations service, which honours Retry-After with a cap and paces the whole subscription (the SDK would
// sleep through any Retry-After, and Compute has answered 1200 s). `submit` and `poll` also answer the Retry-After
// Azure sent with the POST's 202 or the operation's status, which the service honours (capped) when it schedules
// the next poll: core-lro reads it too but keeps it private, and the service, not core-lro, times the polls.
// No Electron imports.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ComputeManagementClient, restorePoller } from '@azure/arm-compute';
import type { TokenCredential } from '@azure/core-auth';
import type { OperationState, PollerLike } from '@azure/core-lro';
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import type { OperationOptions, PowerAction } from '../../preload/contract-operations.js';
import type { CloudEndpoints } from '../clouds.js';
import { armClientOptions } from '../net/arm-pipeline.js';
import type { Connectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';

export type PowerPoller = PollerLike<OperationState<void>, void>;

export interface VmTarget {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/**
 * A 429 as an error the retry policy does not retry (it is not a RestError) and core-lro does not take for the
 * operation's failure; it carries what describeArmFailure reads: status, ARM's code, the response headers.
 */
export class ThrottledError extends Error {
  readonly statusCode = 429;
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly response: Pick<PipelineResponse, 'headers'>,
  ) {
    super(message);
    this.name = 'ThrottledError';
  }
}

/** Turns a 429 into an error before the retry policy could sleep for its Retry-After. */
const throttledToCaller: PipelinePolicy = {
  name: 'cloudDeskThrottledToCaller',
  async sendRequest(request, next) {
    const response = await next(request);
    if (response.status !== 429) return response;
    let code: string | undefined;
    try {
      code = (JSON.parse(response.bodyAsText ?? '{}') as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
    const wait = response.headers.get('retry-after') ?? 'a while';
    throw new ThrottledError(`Azure asked to wait ${wait} s before the next request.`, code, response);
  },
};

/** What one submit or poll heard: the last Retry-After among its responses (a poll may be two GETs). */
interface Heard {
  retryAfter?: string;
}

const heard = new AsyncLocalStorage<Heard>();

/** Notes each response's Retry-After for the submit or poll it belongs to (the call's async context says which). */
const retryAfterHeard: PipelinePolicy = {
  name: 'cloudDeskRetryAfterHeard',
  async sendRequest(request, next) {
    const response = await next(request);
    const value = response.headers.get('retry-after');
    const into = heard.getStore();
    if (into && value !== undefined) into.retryAfter = value;
    return response;
  },
};

export interface Answer<T> {
  value: T;
  /** Azure's Retry-After header as sent (seconds or an HTTP date), if it sent one. */
  retryAfter: string | undefined;
}

/** One poll of a running operation (made by a PowerClient, whose pipeline hears the Retry-After). */
export async function pollOnce(poller: PowerPoller, abortSignal: AbortSignal): Promise<Answer<void>> {
  const into: Heard = {};
  await heard.run(into, () => poller.poll({ abortSignal }));
  return { value: undefined, retryAfter: into.retryAfter };
}

export class PowerClient {
  private readonly client: ComputeManagementClient;

  constructor(
    credential: TokenCredential,
    cloud: CloudEndpoints,
    subscriptionId: string,
    connectivity: Connectivity,
    network: NetworkConfig,
  ) {
    const options = armClientOptions(cloud, connectivity, network);
    this.client = new ComputeManagementClient(credential, subscriptionId, {
      ...options,
      additionalPolicies: [
        ...options.additionalPolicies,
        { policy: throttledToCaller, position: 'perRetry' },
        { policy: retryAfterHeard, position: 'perRetry' },
      ],
    });
  }

  /** Sends the action and waits for Azure's answer to the POST (a 429 or a refusal throws). */
  async submit(
    action: PowerAction,
    vm: VmTarget,
    options: OperationOptions,
    correlationId: string,
  ): Promise<Answer<PowerPoller>> {
    const into: Heard = {};
    // The poller is awaitable (awaiting it waits for the whole operation), so it travels inside an object.
    const { poller } = await heard.run(into, async () => {
      const started = this.begin(action, vm, options, correlationId);
      await started.submitted();
      return { poller: started };
    });
    return { value: poller, retryAfter: into.retryAfter };
  }

  private begin(action: PowerAction, vm: VmTarget, options: OperationOptions, correlationId: string): PowerPoller {
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
          ...(action === 'deallocate' && options.forceDeallocate ? { forceDeallocate: true } : {}),
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
