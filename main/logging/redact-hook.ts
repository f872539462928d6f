// The log hook electron-log runs on every message before any transport writes it: each argument goes through
// redact(), so no transport (file or console) ever sees a token, secret, code or authorization header.
// Typed structurally so it is tested without loading electron-log. No Electron imports.
import { redact } from './redact.js';

export interface HookedMessage {
  data: unknown[];
}

export function redactLogMessage<M extends HookedMessage>(message: M): M {
  return { ...message, data: message.data.map((item) => redact(item)) };
}
