// Things the user should know that are not answers to a request (a store that was reset, encryption that is
// unavailable). Kept for the session and pushed with the `notices` event. No Electron imports.
import type { Notice } from '../../preload/contract.js';
import type { EventSink } from '../ports.js';

export class NoticeBoard {
  private notices: Notice[] = [];

  constructor(private readonly events: EventSink) {}

  list(): Notice[] {
    return this.notices;
  }

  post(notice: Notice): void {
    this.notices = [...this.notices.filter((existing) => existing.id !== notice.id), notice];
    this.events.emit('notices', this.notices);
  }

  dismiss(id: string): void {
    const next = this.notices.filter((notice) => notice.id !== id);
    if (next.length === this.notices.length) return;
    this.notices = next;
    this.events.emit('notices', this.notices);
  }
}
