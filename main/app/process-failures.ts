// Uncaught exceptions and unhandled rejections in main (and in the preview host) are logged and shown as a
// notice, never swallowed and never a silent exit. Listens on anything shaped like `process`. No Electron imports.
import type { Notice } from '../../preload/contract.js';
import { redactText } from '../logging/redact.js';
import type { Logger } from '../ports.js';

/** A notice shows the start of the message; the whole (redacted) error is in the log. */
const maxMessageLength = 300;

/** What the renderer may see of a failure: credentials scrubbed as in the log, and no longer than a notice line. */
function noticeText(error: unknown): string {
  const text = redactText(error instanceof Error ? error.message : String(error));
  return text.length > maxMessageLength ? `${text.slice(0, maxMessageLength - 1)}…` : text;
}

export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function watchProcessFailures(target: ProcessEvents, logger: Logger, show: (notice: Notice) => void): void {
  let count = 0;
  const failed = (kind: string, error: unknown): void => {
    count += 1;
    logger.error(kind, { error });
    const message = noticeText(error);
    show({
      // One notice, replaced by the newest failure: a failure in a loop must not bury the window in notices.
      id: 'main-process-failure',
      level: 'error',
      title: 'Something went wrong in Cloud Desk',
      message:
        `${message}${count > 1 ? ` (${count} failures so far)` : ''}. The details are in the log ` +
        '(About, Open logs folder). If things stop working, restart Cloud Desk.',
    });
  };
  target.on('uncaughtException', (error) => failed('uncaught exception', error));
  target.on('unhandledRejection', (reason) => failed('unhandled promise rejection', reason));
}
