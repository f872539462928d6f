// In-memory port fakes for unit tests: they record what services did so tests can assert on it.
import type { EventName, EventOf } from '../../preload/contract.js';
import type { BrowserOpener, Clock, EventSink, KeyValueStore, Logger } from '../ports.js';

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get(key: string): unknown {
    return this.data.get(key);
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
  delete(key: string): void {
    this.data.delete(key);
  }
}

export interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown> | undefined;
}

export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];
  private record(level: string, message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level, message, fields });
  }
  debug(message: string, fields?: Record<string, unknown>): void {
    this.record('debug', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.record('info', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.record('warn', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.record('error', message, fields);
  }
}

export class RecordingEvents implements EventSink {
  readonly emitted: { name: EventName; payload: unknown }[] = [];
  emit<E extends EventName>(name: E, payload: EventOf<E>): void {
    this.emitted.push({ name, payload });
  }
}

export class RecordingOpener implements BrowserOpener {
  readonly opened: string[] = [];
  open(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}

export const fixedClock = (iso: string): Clock => ({ now: () => Date.parse(iso) });
