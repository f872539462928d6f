// Turns what ARM and the SDK throw into a per-subscription error the user can read: what happened, why, what to
// do, with Azure's request and correlation ids for support. No Electron imports.
import { isRestError } from '@azure/core-rest-pipeline';
import type { InventoryError } from '../../preload/contract-inventory.js';
import { isConnectivityError } from '../net/connectivity.js';

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

export function describeArmError(error: unknown, what: string): InventoryError {
  if (error instanceof LongThrottleError) {
    return {
      code: 'throttled',
      message: `Azure is limiting requests for ${what}: ${error.message} Cloud Desk will try again then.`,
      ...ids(error.requestId, error.correlationId),
    };
  }
  if (isRestError(error)) {
    const headers = error.response?.headers;
    const requestIds = ids(headers?.get('x-ms-request-id'), headers?.get('x-ms-correlation-request-id'));
    const status = error.statusCode ?? 0;
    if (error.code === 'PARSE_ERROR' || /while parsing the response body/.test(error.message)) return garbage(what);
    const detail = armMessage(error);
    if (status === 401 || status === 403) {
      return {
        code: 'forbidden',
        message:
          `You do not have permission to list the virtual machines of ${what} (${error.code ?? status}). ` +
          `Ask an owner of the subscription for the Reader role, or pick another account to act on it. ${detail}`.trim(),
        ...requestIds,
      };
    }
    if (status === 404) {
      return { code: 'not_found', message: `Azure no longer knows ${what}. ${detail}`.trim(), ...requestIds };
    }
    if (status === 429) {
      return {
        code: 'throttled',
        message: `Azure is limiting requests for ${what}; Cloud Desk will try again later. ${detail}`.trim(),
        ...requestIds,
      };
    }
    if (status >= 500) {
      return {
        code: 'internal',
        message:
          `Azure could not answer for ${what} right now (HTTP ${status}); try again in a minute. ${detail}`.trim(),
        ...requestIds,
      };
    }
    if (isConnectivityError(error) || error.code === 'REQUEST_SEND_ERROR') {
      return { code: 'offline', message: `Azure could not be reached for ${what}. Check your connection.` };
    }
    return {
      code: 'internal',
      message: `Listing ${what} failed: ${error.message}`,
      ...requestIds,
    };
  }
  if (isConnectivityError(error)) {
    return { code: 'offline', message: `Azure could not be reached for ${what}. Check your connection.` };
  }
  if (error instanceof SyntaxError) return garbage(what);
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return { code: 'internal', message: `Azure did not answer in time for ${what}; try again in a minute.` };
  }
  return {
    code: 'internal',
    message: `Listing ${what} failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}

function garbage(what: string): InventoryError {
  return {
    code: 'internal',
    message: `Azure sent an answer for ${what} that Cloud Desk could not read (broken or cut-off data); try again.`,
  };
}

function armMessage(error: { message: string }): string {
  const message = error.message.trim();
  return message.length > 400 ? `${message.slice(0, 400)}…` : message;
}

function ids(requestId: string | undefined, correlationId: string | undefined): Partial<InventoryError> {
  return { ...(requestId ? { requestId } : {}), ...(correlationId ? { correlationId } : {}) };
}
