// Delivers validated `clouddesk://` links to the renderer (the `open` event) and keeps the latest one until the
// renderer has taken it, so a link that started the app is not lost before the window loads. Invalid links are
// ignored with a log line. No Electron imports.
import type { DeepLinkTarget } from '../../preload/contract-desktop.js';
import type { EventSink, Logger } from '../ports.js';
import { parseDeepLink } from './deep-link.js';

export class DeepLinkService {
  private pending: DeepLinkTarget | undefined;

  constructor(
    private readonly events: EventSink,
    private readonly logger: Logger,
  ) {}

  /** Returns whether the link was accepted (the window should come forward) or ignored. */
  open(raw: string): boolean {
    const parsed = parseDeepLink(raw);
    if (!parsed.ok) {
      this.logger.warn('ignored a clouddesk link', { reason: parsed.reason, link: raw.slice(0, 200) });
      return false;
    }
    this.logger.info('opening a clouddesk link', { kind: parsed.target.kind });
    this.pending = parsed.target;
    this.events.emit('open', parsed.target);
    return true;
  }

  /** The renderer asks once it has loaded; a link is handed out only once. */
  take(): DeepLinkTarget | null {
    const target = this.pending ?? null;
    this.pending = undefined;
    return target;
  }
}
