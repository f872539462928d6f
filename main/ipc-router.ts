// The one gate every renderer request passes: sender check, argument validation against the contract, the
// handler, result validation, and errors turned into values. Transport-agnostic (Electron IPC and the preview
// WebSocket both call `dispatch`), so no Electron imports here.
import {
  appErrorSchema,
  events,
  invalidInput,
  requests,
  type AppError,
  type Channel,
  type EventName,
  type Requests,
  type Result,
  type ResultOf,
} from '../preload/contract.js';
import type { z } from 'zod';
import { ServiceError } from './errors.js';
import { originOf } from './origin.js';
import type { EventSink, Logger } from './ports.js';

export type Handlers = {
  [C in Channel]: (arg: z.output<Requests[C]['args']>) => ResultOf<C> | Promise<ResultOf<C>>;
};

/** What the transport knows about who sent a request. */
export interface SenderInfo {
  /** URL of the sending frame, or null when the frame is gone (Electron's senderFrame can be null). */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export type SenderCheck = (sender: SenderInfo) => boolean;

/** Trusts only the main frame of a page on exactly `origin`. */
export function trustOrigin(origin: string): SenderCheck {
  return (sender) => {
    if (sender.frameUrl === null || !sender.isMainFrame) return false;
    return originOf(sender.frameUrl) === origin.toLowerCase();
  };
}

export type Dispatch = (channel: string, arg: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(requests, name);

export function createDispatcher(
  handlers: Handlers,
  deps: { isTrusted: SenderCheck; logger: Logger; logFile?: () => string | undefined },
): Dispatch {
  // Point to the log file only while it is really being written (not on a read-only or full disk).
  const internal = (): AppError => ({
    code: 'internal',
    message: deps.logFile?.()
      ? 'Something went wrong inside Cloud Desk. The details are in the log file; please try again.'
      : 'Something went wrong inside Cloud Desk; please try again.',
  });
  return async (channel, arg, sender) => {
    if (!deps.isTrusted(sender)) {
      deps.logger.warn('rejected a request from an untrusted sender', { channel, frameUrl: sender.frameUrl });
      return fail({ code: 'forbidden', message: 'This request did not come from Cloud Desk’s own window.' });
    }
    if (!isChannel(channel)) {
      return fail({ code: 'invalid_input', message: `Unknown request: ${channel}`, detail: 'channel' });
    }
    const spec = requests[channel];
    const parsed = spec.args.safeParse(arg);
    if (!parsed.success) return fail(invalidInput(parsed.error, `argument for ${channel}`));
    try {
      const handler = handlers[channel] as (value: unknown) => unknown;
      const value: unknown = await handler(parsed.data);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        deps.logger.error('a handler returned a result that breaks the contract', {
          channel,
          issues: checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        });
        return fail(internal());
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ServiceError) {
        const reported = appErrorSchema.safeParse({
          code: error.code,
          message: error.message,
          ...(error.detail === undefined ? {} : { detail: error.detail }),
        });
        if (reported.success) return fail(reported.data);
      }
      deps.logger.error('a request handler failed', { channel, error });
      return fail(internal());
    }
  };
}

function fail(error: AppError): Result<never> {
  return { ok: false, error };
}

/** An EventSink that checks each payload against the contract before it is sent anywhere. */
export function validatingSink(send: (name: EventName, payload: unknown) => void, logger: Logger): EventSink {
  return {
    emit(name, payload) {
      const checked = events[name].safeParse(payload);
      if (!checked.success) {
        logger.error('an event payload breaks the contract; not sent', { event: name });
        return;
      }
      send(name, checked.data);
    },
  };
}
