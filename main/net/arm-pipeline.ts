// Azure SDK client options for one cloud: its ARM endpoint and token scope, the cloud's extra CA bundle (a
// per-request https agent), and Connectivity reporting on every call. No Electron imports.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { armScope, type CloudEndpoints } from '../clouds.js';
import type { Connectivity } from './connectivity.js';

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

export function armClientOptions(cloud: CloudEndpoints, connectivity: Connectivity): ArmClientOptions {
  const agent = cloud.caPem ? new Agent({ keepAlive: true, ca: [...rootCertificates, cloud.caPem] }) : undefined;
  const additionalPolicies: AdditionalPolicyConfig[] = [
    {
      position: 'perRetry',
      policy: {
        name: 'cloudDeskNetwork',
        async sendRequest(request, next) {
          if (agent) request.agent = agent;
          try {
            const response = await next(request);
            connectivity.reportSuccess();
            return response;
          } catch (error) {
            connectivity.reportFailure(error);
            throw error;
          }
        },
      },
    },
  ];
  return {
    endpoint: cloud.armEndpoint,
    credentials: { scopes: [armScope(cloud)] },
    additionalPolicies,
    userAgentOptions: { userAgentPrefix: 'CloudDesk' },
  };
}
