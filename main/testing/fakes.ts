// In-memory port fakes for unit tests: they record what services did so tests can assert on it.
import type { EventName, EventOf } from '../../preload/contract.js';
import type {
  BrowserOpener,
  CipherStatus,
  Clock,
  EventSink,
  KeyValueStore,
  Logger,
  Scheduler,
  SecretCipher,
} from '../ports.js';

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
  keys(): string[] {
    return [...this.data.keys()];
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

/** A reversible stand-in for the OS keychain; `fail` makes decryption throw like a blob from another machine. */
export class MemoryCipher implements SecretCipher {
  fail = false;
  constructor(public protection: CipherStatus['protection'] = 'os') {}
  status(): Promise<CipherStatus> {
    return Promise.resolve({
      protection: this.protection,
      ...(this.protection === 'weak' ? { backend: 'basic_text' } : {}),
    });
  }
  encrypt(plain: string): Promise<string> {
    return Promise.resolve(`enc:${Buffer.from(plain, 'utf8').toString('base64')}`);
  }
  decrypt(cipherText: string): Promise<{ plain: string; shouldReEncrypt: boolean }> {
    if (this.fail || !cipherText.startsWith('enc:'))
      return Promise.reject(new Error('Error while decrypting the ciphertext'));
    return Promise.resolve({
      plain: Buffer.from(cipherText.slice(4), 'base64').toString('utf8'),
      shouldReEncrypt: false,
    });
  }
}

/** A clock and scheduler that move only when the test says so. */
export class FakeTime implements Clock, Scheduler {
  private current: number;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; run: () => void }>();

  constructor(iso = '2026-11-30T12:00:00Z') {
    this.current = Date.parse(iso);
  }

  now(): number {
    return this.current;
  }

  after(delayMs: number, run: () => void): () => void {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + delayMs, run });
    return () => this.pending.delete(id);
  }

  /** Times at which scheduled work is due, soonest first. */
  due(): number[] {
    return [...this.pending.values()].map((work) => work.at).sort((a, b) => a - b);
  }

  /** Moves time forward, running everything that comes due on the way, in order. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const next = [...this.pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      this.pending.delete(next[0]);
      this.current = next[1].at;
      next[1].run();
    }
    this.current = end;
  }
}
