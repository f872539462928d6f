// Lists the tenants a principal can reach (ARM /tenants, api-version 2022-12-01 through the SDK), as the facts the
// account registry keeps, and says in words why a listing failed. The SDK's own retries are capped: it honours
// any Retry-After (a 429 asking for 90 s would freeze a refresh), so a longer wait fails at once as "throttled",
// and the whole listing has a deadline. No Electron imports.
import type { TokenCredential } from '@azure/core-auth';
import { isRestError, RestError, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { AccountProblem } from '../../preload/contract.js';
import type { CloudEndpoints } from '../clouds.js';
import { isConnectivityError, type Connectivity } from '../net/connectivity.js';
import { armClientOptions } from '../net/arm-pipeline.js';
import type { NetworkConfig } from '../net/network-config.js';

export interface TenantRecord {
  tenantId: string;
  displayName: string;
  defaultDomain?: string;
  /** ARM's tenantCategory: Home (member or guest), ProjectedBy / ManagedBy (Lighthouse). */
  category: string;
}

export interface ListTenantsOptions {
  /** Give up after this long, retries included. */
  deadlineMs?: number;
  /** A Retry-After longer than this is not waited for: the listing fails as throttled. */
  maxRetryAfterSeconds?: number;
}

export const defaultListDeadlineMs = 20_000;
export const defaultMaxRetryAfterSeconds = 5;

/** What a 429/503 that asked to wait longer than we do carries (RestError cannot be subclassed: it resets its prototype). */
interface RetryAfterTooLong {
  retryAfterSeconds: number;
  ids: { requestId?: string; correlationId?: string };
}

function retryAfterTooLong(error: unknown): RetryAfterTooLong | undefined {
  const candidate = error as Partial<RetryAfterTooLong> | undefined;
  return isRestError(error) && typeof candidate?.retryAfterSeconds === 'number' && candidate.ids
    ? { retryAfterSeconds: candidate.retryAfterSeconds, ids: candidate.ids }
    : undefined;
}

/** Thrown when the listing ran out of time. */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`No answer within ${Math.round(ms / 1000)} s.`);
    this.name = 'DeadlineError';
  }
}

export async function listTenants(
  credential: TokenCredential,
  cloud: CloudEndpoints,
  connectivity: Connectivity,
  network: NetworkConfig,
  options: ListTenantsOptions = {},
): Promise<TenantRecord[]> {
  const deadlineMs = options.deadlineMs ?? defaultListDeadlineMs;
  const base = armClientOptions(cloud, connectivity, network);
  const client = new SubscriptionClient(credential, {
    ...base,
    retryOptions: { maxRetries: 2, maxRetryDelayInMs: 4_000 },
    additionalPolicies: [
      ...base.additionalPolicies,
      { position: 'perRetry', policy: capRetryAfter(options.maxRetryAfterSeconds ?? defaultMaxRetryAfterSeconds) },
    ],
  });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new DeadlineError(deadlineMs)), deadlineMs);
  try {
    const tenants: TenantRecord[] = [];
    for await (const tenant of client.tenants.list({ abortSignal: abort.signal })) {
      if (!tenant.tenantId) continue;
      tenants.push({
        tenantId: tenant.tenantId,
        displayName: tenant.displayName ?? tenant.defaultDomain ?? tenant.tenantId,
        ...(tenant.defaultDomain ? { defaultDomain: tenant.defaultDomain } : {}),
        category: tenant.tenantCategory ?? 'Home',
      });
    }
    return tenants;
  } catch (error) {
    if (abort.signal.aborted) throw new DeadlineError(deadlineMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Fails a 429/503 at once when it asks to wait longer than `maxSeconds`, instead of the SDK sleeping on it. */
function capRetryAfter(maxSeconds: number): PipelinePolicy {
  return {
    name: 'cloudDeskCapRetryAfter',
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status !== 429 && response.status !== 503) return response;
      const retryAfter = Number(response.headers.get('retry-after'));
      if (!Number.isFinite(retryAfter) || retryAfter <= maxSeconds) return response;
      const requestId = response.headers.get('x-ms-request-id');
      const correlationId = response.headers.get('x-ms-correlation-request-id');
      // No `response` on the error: the SDK's retry policy would find the Retry-After there and wait after all.
      const error = new RestError(`The service asked to wait ${retryAfter} s before trying again.`, {
        code: response.status === 429 ? 'Throttled' : 'ServiceUnavailable',
        statusCode: response.status,
        request,
      });
      const details: RetryAfterTooLong = {
        retryAfterSeconds: retryAfter,
        ids: { ...(requestId ? { requestId } : {}), ...(correlationId ? { correlationId } : {}) },
      };
      throw Object.assign(error, details);
    },
  };
}

/** Why listing an account's tenants failed, in words, with Azure's ids for support. */
export function tenantListProblem(error: unknown, cloud: CloudEndpoints): AccountProblem {
  const host = new URL(cloud.armEndpoint).host;
  const tooLong = retryAfterTooLong(error);
  const ids = tooLong?.ids ?? restIds(error);
  if (error instanceof DeadlineError) {
    return {
      code: 'timeout',
      message: `Azure Resource Manager (${host}) did not answer within ${Math.round(error.ms / 1000)} s, so the tenant list may be out of date. Retry in a moment.`,
    };
  }
  if (isConnectivityError(error)) {
    return {
      code: 'offline',
      message: `Azure Resource Manager (${host}) could not be reached or dropped the connection, so the tenant list may be out of date. Check your connection, then retry.`,
      ...ids,
    };
  }
  if (isRestError(error) && error.statusCode !== undefined) {
    const status = error.statusCode;
    const retryAfter = tooLong?.retryAfterSeconds ?? Number(error.response?.headers.get('retry-after'));
    const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? ` (it asked to wait ${retryAfter} s)` : '';
    if (status === 429) {
      return {
        code: 'throttled',
        message: `Azure Resource Manager is limiting requests${wait}, so the tenant list was not refreshed. Retry in a minute.`,
        ...ids,
      };
    }
    if (status === 401 || status === 403) {
      return {
        code: 'forbidden',
        message: `Azure Resource Manager refused to list this account's tenants (HTTP ${status}): ${armMessage(error)}`,
        ...ids,
      };
    }
    if (status >= 500) {
      return {
        code: 'unavailable',
        message: `Azure Resource Manager is having trouble (HTTP ${status}${wait}), so the tenant list was not refreshed. Retry in a few minutes.`,
        ...ids,
      };
    }
    if (status >= 200 && status < 300) return badResponse(host, ids);
  }
  if (error instanceof SyntaxError || /JSON|Unexpected (end|token)|parse/i.test(describe(error))) {
    return badResponse(host, ids);
  }
  return {
    code: 'internal',
    message: `The tenant list could not be read: ${describe(error)}. Retry; if it keeps happening, the log file has the details.`,
    ...ids,
  };
}

function badResponse(host: string, ids: { requestId?: string; correlationId?: string }): AccountProblem {
  return {
    code: 'bad_response',
    message: `Azure Resource Manager (${host}) sent an answer that could not be read (cut short or not JSON), so the tenant list was not refreshed. Retry; a proxy may be changing the answers.`,
    ...ids,
  };
}

function restIds(error: unknown): { requestId?: string; correlationId?: string } {
  if (!isRestError(error) || !error.response) return {};
  const requestId = error.response.headers.get('x-ms-request-id');
  const correlationId = error.response.headers.get('x-ms-correlation-request-id');
  return { ...(requestId ? { requestId } : {}), ...(correlationId ? { correlationId } : {}) };
}

function armMessage(error: RestError): string {
  const body = error.details as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? error.message;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
