// Renderer errors reported through the contract (`app.reportError`) land in main's log, redacted like every
// line, at most `limit` per minute: a render loop that throws must not fill the disk. No Electron imports.
import type { RendererError } from '../../preload/contract-desktop.js';
import type { Clock, Logger } from '../ports.js';

export class RendererErrorLog {
  private windowStart = 0;
  private count = 0;
  private dropped = 0;

  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly limit = 10,
  ) {}

  report(error: RendererError): void {
    const now = this.clock.now();
    if (now - this.windowStart >= 60_000) {
      if (this.dropped > 0) this.logger.warn('renderer errors dropped (rate limit)', { dropped: this.dropped });
      this.windowStart = now;
      this.count = 0;
      this.dropped = 0;
    }
    if (this.count >= this.limit) {
      this.dropped += 1;
      return;
    }
    this.count += 1;
    this.logger.error(`renderer error: ${error.message}`, error.stack ? { stack: error.stack } : undefined);
  }
}
