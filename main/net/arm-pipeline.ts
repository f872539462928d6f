// Azure SDK client options for one cloud: its ARM endpoint and token scope, the cloud's extra CA bundle (a
// per-request https agent), and Connectivity reporting on every call. No Electron imports.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { Agent } from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
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

/**
 * One keep-alive agent per CA bundle, with its TLS context built once: an agent per client (or `ca` passed per
 * connection) re-parses every root certificate for each new connection and never reuses a socket, which costs
 * more CPU than the requests themselves when a sweep creates a client per subscription.
 */
const agents = new Map<string, Agent>();
function agentFor(caPem: string): Agent {
  let agent = agents.get(caPem);
  if (!agent) {
    agent = new Agent({ keepAlive: true, secureContext: createSecureContext({ ca: [...rootCertificates, caPem] }) });
    agents.set(caPem, agent);
  }
  return agent;
}

export function armClientOptions(cloud: CloudEndpoints, connectivity: Connectivity): ArmClientOptions {
  const agent = cloud.caPem ? agentFor(cloud.caPem) : undefined;
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
