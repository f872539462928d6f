// Azure SDK options through the one network configuration: every ARM client (armClientOptions) and every
// @azure/identity credential (identityCredentialOptions) gets a per-retry policy that picks the request's agent
// (proxy route and trusted certificates, the cloud's CA included), turns network failures into words with a
// stable code (a RestError the ARM error mapping can read) and reports connectivity. It replaces the SDK's own
// proxy agent on purpose: one route for MSAL and the SDK. No Electron imports.
import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { armScope, type CloudEndpoints } from '../clouds.js';
import type { Connectivity } from './connectivity.js';
import type { NetworkConfig } from './network-config.js';
import { errorCodes } from './network-errors.js';

interface AdditionalPolicyConfig {
  policy: PipelinePolicy;
  position: 'perCall' | 'perRetry';
}

export interface ArmClientOptions {
  endpoint: string;
  credentials: { scopes: string[] };
  additionalPolicies: AdditionalPolicyConfig[];
  userAgentOptions: { userAgentPrefix: string };
}

export interface IdentityCredentialOptions {
  authorityHost: string;
  disableInstanceDiscovery: boolean;
  additionalPolicies: AdditionalPolicyConfig[];
}

export function networkPolicy(
  cloud: CloudEndpoints,
  connectivity: Connectivity,
  network: NetworkConfig,
): AdditionalPolicyConfig {
  return {
    position: 'perRetry',
    policy: {
      name: 'cloudDeskNetwork',
      async sendRequest(request, next) {
        try {
          request.agent = await network.agentFor(request.url, cloud.caPem);
          const response = await next(request);
          connectivity.reportSuccess();
          return response;
        } catch (error) {
          const problem = await network.explain(error, request.url);
          connectivity.reportFailure(problem ?? error);
          if (!problem) throw error;
          // Connection-level failures keep Node's code, so the SDK's retry policy still retries them.
          const keepCode = problem.kind === 'offline' || problem.kind === 'dns_failure';
          throw new RestError(problem.message, { code: (keepCode && errorCodes(error)[0]) || problem.code, request });
        }
      },
    },
  };
}

export function armClientOptions(
  cloud: CloudEndpoints,
  connectivity: Connectivity,
  network: NetworkConfig,
): ArmClientOptions {
  return {
    endpoint: cloud.armEndpoint,
    credentials: { scopes: [armScope(cloud)] },
    additionalPolicies: [networkPolicy(cloud, connectivity, network)],
    userAgentOptions: { userAgentPrefix: 'CloudDesk' },
  };
}

/** Options for ClientSecretCredential / ClientCertificateCredential: the cloud's authority and our network. */
export function identityCredentialOptions(
  cloud: CloudEndpoints,
  connectivity: Connectivity,
  network: NetworkConfig,
): IdentityCredentialOptions {
  return {
    authorityHost: cloud.authorityHost,
    disableInstanceDiscovery: cloud.kind === 'custom',
    additionalPolicies: [networkPolicy(cloud, connectivity, network)],
  };
}
