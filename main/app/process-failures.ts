// Uncaught exceptions and unhandled rejections in main (and in the preview host) are logged and shown as a
// notice, never swallowed and never a silent exit. Listens on anything shaped like `process`. No Electron imports.
import type { Notice } from '../../preload/contract.js';
import type { Logger } from '../ports.js';

export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function watchProcessFailures(target: ProcessEvents, logger: Logger, show: (notice: Notice) => void): void {
  let count = 0;
  const failed = (kind: string, error: unknown): void => {
    count += 1;
    logger.error(kind, { error });
    const message = error instanceof Error ? error.message : String(error);
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
