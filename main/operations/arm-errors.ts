// Turns what ARM or the network answered to a power action into the user's words: what happened, why, and
// what to do (AuthorizationFailed becomes "You don't have permission to deallocate VMs in <subscription> as
// <account>. Ask for Virtual Machine Contributor."). Duck-typed over the SDK's RestError classes (core-rest-
// pipeline's and the modular client's differ) and core-lro's "long-running operation has failed" errors.
// No Electron imports.
import { actionLabels, type OperationError, type PowerAction } from '../../preload/contract-operations.js';
import { ServiceError } from '../errors.js';
import { isConnectivityError } from '../net/connectivity.js';

const serviceCodes = new Set<string>(['offline', 'interaction_required', 'forbidden', 'throttled', 'not_found']);

export interface ActionContext {
  action: PowerAction;
  vmName: string;
  subscriptionName: string;
  accountName: string;
}

export interface ArmFailure {
  error: OperationError;
  correlationId?: string;
  /** ARM's Retry-After, when it sent one. */
  retryAfterMs?: number;
}

const verbs: Record<PowerAction, string> = {
  start: 'start',
  powerOff: 'stop',
  deallocate: 'deallocate',
  hibernate: 'hibernate',
  restart: 'restart',
};

interface HeaderBag {
  get(name: string): string | undefined;
}

interface RestLike {
  statusCode?: number;
  code?: string;
  message: string;
  response?: { headers?: HeaderBag };
}

function asRest(error: unknown): RestLike | undefined {
  if (typeof error !== 'object' || error === null || !(error instanceof Error)) return undefined;
  return error as RestLike;
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** core-lro's message for an operation that ended Failed: "The long-running operation has failed. <code>. <message>" */
const lroFailed = /^The long-running operation has failed\. ([A-Za-z0-9_.]+)\. ([\s\S]*)$/;

export function describeArmFailure(error: unknown, ctx: ActionContext, now: number): ArmFailure {
  const verb = verbs[ctx.action];
  const rest = asRest(error);
  const headers = rest?.response?.headers;
  const correlationId = headers?.get('x-ms-correlation-request-id');
  const base = correlationId ? { correlationId } : {};
  if (isConnectivityError(error)) {
    return {
      ...base,
      error: {
        code: 'offline',
        message: `Cloud Desk could not reach Azure to ${verb} ${ctx.vmName}. Check your network connection and try again.`,
      },
    };
  }
  if (error instanceof ServiceError) {
    const code = serviceCodes.has(error.code) ? (error.code as OperationError['code']) : 'internal';
    return { ...base, error: { code, message: error.message } };
  }
  if (typeof rest?.code === 'string' && rest.code === 'interaction_required') {
    return {
      ...base,
      error: {
        code: 'interaction_required',
        message: `Sign in again as ${ctx.accountName} to ${verb} VMs in ${ctx.subscriptionName}.`,
      },
    };
  }
  const failed = rest && rest.statusCode === undefined ? lroFailed.exec(rest.message) : null;
  const armCode = failed?.[1] ?? rest?.code;
  const armMessage = (failed?.[2] ?? rest?.message ?? String(error)).trim();
  const withCode = armCode ? { armCode } : {};
  const status = rest?.statusCode;
  if (status === 403 || armCode === 'AuthorizationFailed') {
    return {
      ...base,
      error: {
        code: 'forbidden',
        ...withCode,
        message:
          `You don't have permission to ${verb} VMs in ${ctx.subscriptionName} as ${ctx.accountName}. ` +
          'Ask for Virtual Machine Contributor.',
      },
    };
  }
  if (status === 401) {
    return {
      ...base,
      error: {
        code: 'interaction_required',
        ...withCode,
        message: `Azure did not accept the sign-in of ${ctx.accountName}. Sign in again to ${verb} VMs in ${ctx.subscriptionName}.`,
      },
    };
  }
  if (status === 429) {
    const wait = retryAfterMs(headers?.get('retry-after'), now);
    return {
      ...base,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
      error: {
        code: 'throttled',
        ...withCode,
        message:
          `Azure is limiting requests to ${ctx.subscriptionName}, so ${ctx.vmName} was not ` +
          `${actionLabels[ctx.action].done}. Try again in a few minutes.`,
      },
    };
  }
  if (status === 404) {
    return {
      ...base,
      error: {
        code: 'not_found',
        ...withCode,
        message: `${ctx.vmName} was not found in Azure: it may have been deleted or moved. Refresh the inventory.`,
      },
    };
  }
  if (status === 409 || armCode === 'OperationPreempted' || armCode === 'OperationNotAllowed') {
    return {
      ...base,
      error: {
        code: 'conflict',
        ...withCode,
        message: `Azure refused to ${verb} ${ctx.vmName} in its current state: ${armMessage}`,
      },
    };
  }
  return {
    ...base,
    error: {
      code: 'internal',
      ...withCode,
      message: `Azure could not ${verb} ${ctx.vmName}: ${armMessage}`,
    },
  };
}
