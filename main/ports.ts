// The small interfaces main-process services ask for. Production passes Electron adapters (main/platform/),
// the browser preview passes Node ones, tests pass in-memory fakes. No Electron imports here.
import type { EventName, EventOf } from '../preload/contract.js';

/** A persistent key-value document (electron-store in Electron, a JSON file in the preview). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  keys(): string[];
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Opens a URL where the user sees it: the system browser in Electron, a new tab in the preview. */
export interface BrowserOpener {
  open(url: string): Promise<void>;
}

export interface Clock {
  now(): number;
}

/** Pushes a contract event to the renderer(s). */
export interface EventSink {
  emit<E extends EventName>(name: E, payload: EventOf<E>): void;
}

/** How well the OS can protect secrets at rest. */
export interface CipherStatus {
  /** os: a real keychain; weak: only obfuscation (Linux `basic_text`); unavailable: no encryption at all. */
  protection: 'os' | 'weak' | 'unavailable';
  backend?: string;
}

/** Encrypts strings for storage (Electron safeStorage in the app). Ciphertext is base64. */
export interface SecretCipher {
  status(): Promise<CipherStatus>;
  encrypt(plain: string): Promise<string>;
  decrypt(cipherText: string): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

/** Runs work later (setTimeout in the app, a manual clock in tests). Returns the cancel function. */
export interface Scheduler {
  after(delayMs: number, run: () => void): () => void;
}

/** What only a desktop shell can do: open main's own log folder, put text on the clipboard. */
export interface DesktopShell {
  openLogsFolder(): Promise<void>;
  copyText(text: string): void;
}

/** OS notifications (Electron's Notification in the app). */
export interface Notifier {
  notify(title: string, body: string): void;
}

/** Taskbar / dock progress for long work: a fraction from 0 to 1, or null to clear it. */
export interface TaskProgress {
  set(fraction: number | null): void;
}

/** Brings the app's window to the front (restored, shown, focused), e.g. when a browser sign-in finished. */
export interface WindowActivator {
  bringToFront(): void;
}

/** Whether the user is looking at the app (the main window has focus). */
export interface WindowFocus {
  focused(): boolean;
}

/** How many VMs run as the inventory last confirmed it; not `confirmed` (stale, offline): as of when. */
export interface RunningVms {
  count: number;
  confirmed: boolean;
  /** When Azure last confirmed the oldest power state counted, if known. */
  asOf?: string;
}

/** How many VMs run (undefined while the inventory has no subscriptions); the tray shows it. */
export interface RunningVmCount {
  current(): RunningVms | undefined;
  onChange(listener: (count: RunningVms | undefined) => void): () => void;
}
