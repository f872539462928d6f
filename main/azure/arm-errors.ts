// Turns what ARM, the SDK and the credential throw into an error the user can read: what happened, why, what to
// do, with Azure's request and correlation ids for support. The SDK's own wording ("Pagination failed with
// unexpected statusCode 403") and MSAL's codes ("endpoints_resolution_error") never reach the user.
// No Electron imports.
import { isRestError, type RestError } from '@azure/core-rest-pipeline';
import type { InventoryError } from '../../preload/contract-inventory.js';
import { classifyAuthError } from '../auth/auth-errors.js';
import { ServiceError } from '../errors.js';
import { isConnectivityError } from '../net/connectivity.js';
import { networkProblemOf } from '../net/network-errors.js';

/**
 * ARM asked us to wait longer than we are willing to wait inside a sweep. Thrown by the rate-limit policy before
 * the SDK's retry policy could sleep for it; not a RestError, so the SDK passes it straight through.
 */
export class LongThrottleError extends Error {
  constructor(
    readonly retryAfterMs: number,
    readonly requestId: string | undefined,
    readonly correlationId: string | undefined,
  ) {
    super(`Azure asked to wait ${Math.ceil(retryAfterMs / 1000)} s before the next request.`);
    this.name = 'LongThrottleError';
  }
}

/** A failure that needs an interactive sign-in (from the credential), as opposed to an ARM answer. */
export function needsSignIn(error: unknown): boolean {
  const code = (error as { code?: unknown; errorCode?: unknown } | null)?.code;
  const errorCode = (error as { errorCode?: unknown } | null)?.errorCode;
  return (
    code === 'interaction_required' ||
    errorCode === 'no_tokens_found' ||
    errorCode === 'interaction_required' ||
    (error instanceof Error && error.name === 'InteractionRequiredAuthError') ||
    (error instanceof Error && error.name === 'AuthenticationRequiredError')
  );
}

const inventoryCodes: ReadonlySet<string> = new Set<InventoryError['code']>([
  'offline',
  'interaction_required',
  'forbidden',
  'throttled',
  'not_found',
  'internal',
]);

/** What was being read when the error happened; the words name it the way the user sees it on screen. */
export type ArmSubject =
  /** One subscription's VM lists (shown on that subscription's row or chip). */
  | { kind: 'vms' }
  /** The subscription list of one tenant (shown on each subscription that tenant reaches). */
  | { kind: 'subscriptions'; tenant: string }
  /** One VM's instance view (shown in its details panel). */
  | { kind: 'vm' }
  /** The resource groups (and their tags) of one subscription, read before a disruptive action. */
  | { kind: 'resourceGroups' }
  /** One resource group read by name (the list left it out), before a disruptive action. */
  | { kind: 'resourceGroup' };

interface Words {
  /** "list the VMs of this subscription" */
  doing: string;
  /** "this subscription" */
  target: string;
  /** What to do about a permission failure. */
  permissionFix: string;
}

function wordsFor(subject: ArmSubject): Words {
  switch (subject.kind) {
    case 'vms':
      return {
        doing: 'list the VMs of this subscription',
        target: 'this subscription',
        permissionFix:
          'Ask an owner of the subscription for the Reader role, or choose another account to act on it in Subscriptions.',
      };
    case 'subscriptions':
      return {
        doing: `list the subscriptions of tenant ${subject.tenant}`,
        target: `tenant ${subject.tenant}`,
        permissionFix: 'Ask an administrator of the tenant for access, or connect another account that has it.',
      };
    case 'vm':
      return {
        doing: 'read the state of this virtual machine',
        target: 'this virtual machine',
        permissionFix: 'Ask an owner of its subscription for the Reader role.',
      };
    case 'resourceGroups':
      return {
        doing: 'read the resource groups of this subscription',
        target: 'this subscription',
        permissionFix: 'Ask an owner of the subscription for the Reader role.',
      };
    case 'resourceGroup':
      return {
        doing: 'read this resource group',
        target: 'this resource group',
        permissionFix: 'Reader on the resource group is enough.',
      };
  }
}

export function describeArmError(error: unknown, subject: ArmSubject): InventoryError {
  const words = wordsFor(subject);
  if (error instanceof LongThrottleError) {
    return {
      code: 'throttled',
      message:
        `Azure is limiting requests for ${words.target} and asked Cloud Desk to wait ${duration(error.retryAfterMs)}. ` +
        'Cloud Desk lists it again after that.',
      ...ids(error.requestId, error.correlationId),
    };
  }
  if (isRestError(error)) return describeRestError(error, words);
  if (error instanceof ServiceError) {
    return {
      code: inventoryCodes.has(error.code) ? (error.code as InventoryError['code']) : 'internal',
      message: error.message,
    };
  }
  if (isAuthFailure(error)) {
    const problem = classifyAuthError(error);
    const prefix = `Cloud Desk could not get a sign-in token to ${words.doing}.`;
    if (problem.kind === 'needs_sign_in') {
      return { code: 'interaction_required', message: `${prefix} ${problem.message}` };
    }
    const unreachable =
      problem.kind === 'offline' || ['network_error', 'endpoints_resolution_error'].includes(codeOf(error));
    return {
      code: unreachable ? 'offline' : 'internal',
      message: `${prefix} ${problem.message}`,
      ...(problem.kind === 'error' && problem.correlationId ? { correlationId: problem.correlationId } : {}),
    };
  }
  const network = describeNetwork(error, words, undefined);
  if (network) return network;
  if (error instanceof SyntaxError) return garbage(words);
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return timeout(words);
  }
  return {
    code: 'internal',
    message:
      `Cloud Desk could not ${words.doing}: ${error instanceof Error ? error.message : String(error)}. ` +
      'Try again; if it keeps happening, the log file has the details.',
  };
}

function describeRestError(error: RestError, words: Words): InventoryError {
  const headers = error.response?.headers;
  const requestIds = ids(headers?.get('x-ms-request-id'), headers?.get('x-ms-correlation-request-id'));
  const status = error.statusCode ?? 0;
  if (error.code === 'PARSE_ERROR' || /while parsing the response body/.test(error.message)) return garbage(words);
  const azure = azureSaid(error);
  if (status === 401) {
    return {
      code: 'forbidden',
      message:
        `Azure did not accept the account's sign-in to ${words.doing}${azure}. ` +
        'Refresh the account in Accounts, or sign in to it again.',
      ...requestIds,
    };
  }
  if (status === 403) {
    return {
      code: 'forbidden',
      message: `You do not have permission to ${words.doing}${azure}. ${words.permissionFix}`,
      ...requestIds,
    };
  }
  if (status === 404) {
    return {
      code: 'not_found',
      message: `Azure no longer knows ${words.target}${azure}: it may have been deleted or moved. Refresh to update the list.`,
      ...requestIds,
    };
  }
  if (status === 429) {
    return {
      code: 'throttled',
      message:
        `Azure is limiting requests for ${words.target} (too many requests from this account)${azure}. ` +
        'Cloud Desk tries again at the next refresh.',
      ...requestIds,
    };
  }
  if (status >= 500) {
    return {
      code: 'internal',
      message:
        `Azure had a problem answering for ${words.target} (HTTP ${status}${error.code ? ` ${error.code}` : ''}). ` +
        'This is usually temporary: retry in a minute.',
      ...requestIds,
    };
  }
  const network = describeNetwork(error, words, hostOf(error));
  if (network) return network;
  if (status === 0 && /timed? ?out|aborted/i.test(error.message)) return timeout(words);
  return {
    code: 'internal',
    message:
      `Cloud Desk could not ${words.doing}${status ? ` (HTTP ${status}${error.code ? ` ${error.code}` : ''})` : ''}. ` +
      'Try again; if it keeps happening, the log file has the details.',
    ...requestIds,
  };
}

/** DNS, proxy, certificate and plain "cannot connect" failures, in main/net's words. */
function describeNetwork(error: unknown, words: Words, host: string | undefined): InventoryError | undefined {
  const problem = networkProblemOf(error, host);
  if (problem) {
    return {
      code: isConnectivityError(problem) ? 'offline' : 'internal',
      message: `Cloud Desk could not ${words.doing}. ${problem.message}`,
    };
  }
  if (isConnectivityError(error) || (isRestError(error) && error.code === 'REQUEST_SEND_ERROR')) {
    return {
      code: 'offline',
      message: `Cloud Desk could not ${words.doing}: Azure could not be reached. Check your connection.`,
    };
  }
  return undefined;
}

/** MSAL's and @azure/identity's failures to get a token (they are not ARM answers). */
function isAuthFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (typeof (error as { errorCode?: unknown }).errorCode === 'string') return true;
  const name = (error as { name?: unknown }).name;
  return name === 'AuthenticationError' || name === 'CredentialUnavailableError' || needsSignIn(error);
}

function codeOf(error: unknown): string {
  const code = (error as { errorCode?: unknown }).errorCode;
  return typeof code === 'string' ? code : '';
}

function garbage(words: Words): InventoryError {
  return {
    code: 'internal',
    message:
      `Azure sent an answer for ${words.target} that Cloud Desk could not read (broken or cut-off data; a proxy ` +
      'may be in the way). Retry; if it keeps happening, check your proxy settings.',
  };
}

function timeout(words: Words): InventoryError {
  return {
    code: 'internal',
    message: `Azure did not answer in time for ${words.target}: it may be busy, or the connection slow. Retry in a minute.`,
  };
}

/**
 * ARM's error code in brackets, and its sentence when the SDK kept it. The paging helpers replace ARM's message
 * with "Pagination failed with unexpected statusCode N": that is the SDK talking, not Azure, and is dropped.
 */
function azureSaid(error: RestError): string {
  const code = error.code && !/^[A-Z_]+_ERROR$/.test(error.code) ? error.code : undefined;
  const message = error.message.trim();
  const sdkNoise = message === '' || /^Pagination failed|^Unexpected status code/i.test(message);
  const sentence = sdkNoise ? '' : message.length > 300 ? `${message.slice(0, 300)}…` : message;
  if (!code && !sentence) return '';
  if (!sentence) return ` (Azure: ${code})`;
  return ` (Azure: ${code ? `${code}, ` : ''}“${sentence.replace(/\.$/, '')}”)`;
}

function hostOf(error: RestError): string | undefined {
  const url = error.request?.url;
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** "45 s", "20 minutes", "2 h 5 min" */
export function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

function ids(requestId: string | undefined, correlationId: string | undefined): Partial<InventoryError> {
  return { ...(requestId ? { requestId } : {}), ...(correlationId ? { correlationId } : {}) };
}
