// Quitting waits once for the services to stop (timers, downloads, sign-in) and the vault to flush its writes.
// Electron's `before-quit` can fire again while that runs (a second Cmd+Q, the tray's Quit): it must not start a
// second stop, only keep the quit on hold until the first one has finished.
import type { Logger } from '../ports.js';

export class QuitGate {
  private stopping: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly stop: () => Promise<void>,
    private readonly quit: () => void,
    private readonly logger: Logger,
  ) {}

  /** The `before-quit` handler: holds the quit until the services have stopped, then quits for real. */
  beforeQuit(event: { preventDefault(): void }): void {
    if (this.stopped) return;
    event.preventDefault();
    this.stopping ??= this.stop()
      .catch((error: unknown) => this.logger.error('services did not stop cleanly', { error }))
      .finally(() => {
        this.stopped = true;
        this.quit();
      });
  }
}
