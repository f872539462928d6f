// The update state machine: checks the feed after the first paint and every 4 hours, downloads in the
// background (or when asked), and installs on "Restart to update" or, for in-place targets, on quit. Failures
// become words and a later retry, never a throw into the UI or a dialog loop. Plain TypeScript behind the
// Updater, Scheduler and Clock ports; no Electron imports.
import type { UpdatePhase, UpdatePreferences, UpdateState } from '../../preload/contract-updates.js';
import { ServiceError } from '../errors.js';
import type { Clock, EventSink, Logger, Scheduler } from '../ports.js';
import { describeUpdateError } from './update-errors.js';
import type { Updater, UpdateSource } from './updater-port.js';

export const firstCheckDelayMs = 10_000;
export const checkIntervalMs = 4 * 60 * 60 * 1000;
/** The first retry after a failure; each further failure doubles it, up to the regular interval. */
export const firstRetryMs = 15 * 60 * 1000;

export interface UpdateServiceDeps {
  source: UpdateSource;
  currentVersion: () => string;
  preferences: () => UpdatePreferences;
  scheduler: Scheduler;
  clock: Clock;
  events: EventSink;
  logger: Logger;
}

export class UpdateService {
  private phase: UpdatePhase;
  private lastCheckedAt: string | undefined;
  private cancelTimer: (() => void) | undefined;
  private download: AbortController | undefined;
  private failures = 0;
  private stopped = false;
  private configured: UpdatePreferences | undefined;
  private readonly updater: Updater | undefined;

  constructor(private readonly deps: UpdateServiceDeps) {
    const { source } = deps;
    this.updater = source.kind === 'disabled' ? undefined : source.updater;
    this.phase =
      source.kind === 'disabled'
        ? { status: 'disabled', reason: source.reason, message: source.message }
        : { status: 'idle' };
  }

  state(): UpdateState {
    return {
      currentVersion: this.deps.currentVersion(),
      phase: this.phase,
      ...(this.lastCheckedAt ? { lastCheckedAt: this.lastCheckedAt } : {}),
    };
  }

  /** Called once the window has painted: the first check waits a little so start-up has the network first. */
  afterFirstPaint(): void {
    this.schedule(firstCheckDelayMs);
  }

  /** Asks the feed now, unless a check or download is already running or an update is already downloaded. */
  async check(): Promise<UpdateState> {
    const updater = this.updater;
    if (!updater || !this.canCheck()) return this.state();
    this.cancelTimer?.();
    this.set({ status: 'checking' });
    const preferences = this.deps.preferences();
    let found;
    try {
      updater.configure({ channel: preferences.channel, installOnQuit: this.installMode() === 'restart' });
      this.configured = { ...preferences };
      found = await updater.check();
    } catch (error) {
      if (!this.stopped) this.fail(error, 'check');
      return this.state();
    }
    if (this.stopped) return this.state();
    this.failures = 0;
    this.lastCheckedAt = new Date(this.deps.clock.now()).toISOString();
    this.schedule(checkIntervalMs);
    if (!found) {
      this.set({ status: 'not-available' });
      return this.state();
    }
    this.deps.logger.info('update available', { version: found.version, channel: preferences.channel });
    this.set({ status: 'available', version: found.version, installMode: this.installMode() });
    if (preferences.autoDownload) this.startDownload();
    return this.state();
  }

  /** Starts downloading the update the last check found; progress goes out on the `updates` event. */
  requestDownload(): UpdateState {
    if (this.phase.status === 'downloading') return this.state();
    if (this.phase.status !== 'available') {
      throw new ServiceError('invalid_input', 'There is no update to download: check for updates first.');
    }
    this.startDownload();
    return this.state();
  }

  restartToUpdate(): void {
    if (this.phase.status !== 'downloaded' || this.phase.installMode !== 'restart') {
      throw new ServiceError('invalid_input', 'No update is ready to install: wait until it has downloaded.');
    }
    this.deps.logger.info('restarting to install update', { version: this.phase.version });
    this.updater?.quitAndInstall();
  }

  /** Settings changed: a new channel is checked at once; turning automatic download on fetches a found update. */
  preferencesChanged(): void {
    const preferences = this.deps.preferences();
    if (this.configured && preferences.channel !== this.configured.channel && this.canCheck()) {
      this.check().catch((error: unknown) => this.deps.logger.error('update check failed', { error }));
      return;
    }
    if (preferences.autoDownload && this.phase.status === 'available') this.startDownload();
  }

  /** On quit: no more timers, a running download is cancelled (nothing half-downloaded gets installed). */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.download?.abort();
  }

  private canCheck(): boolean {
    const busy = ['disabled', 'checking', 'downloading', 'downloaded'] as const;
    return !this.stopped && !(busy as readonly string[]).includes(this.phase.status);
  }

  private installMode(): 'restart' | 'manual' {
    return this.deps.source.kind === 'manual' ? 'manual' : 'restart';
  }

  private startDownload(): void {
    const updater = this.updater;
    if (!updater || this.phase.status !== 'available' || this.stopped) return;
    const { version, installMode } = this.phase;
    const controller = new AbortController();
    this.download = controller;
    this.set({ status: 'downloading', version, installMode, percent: 0, bytesPerSecond: 0 });
    let shownPercent = 0;
    const onProgress = ({ percent, bytesPerSecond }: { percent: number; bytesPerSecond: number }): void => {
      if (controller.signal.aborted || this.phase.status !== 'downloading') return;
      const clamped = Math.min(100, Math.max(0, percent));
      // A progress event a few times a second is plenty for a bar; one per whole percent keeps IPC quiet.
      if (Math.floor(clamped) === shownPercent) return;
      shownPercent = Math.floor(clamped);
      this.set({ status: 'downloading', version, installMode, percent: clamped, bytesPerSecond });
    };
    updater
      .download(onProgress, controller.signal)
      .then(({ file }) => {
        if (controller.signal.aborted) return;
        this.deps.logger.info('update downloaded', { version });
        this.set({
          status: 'downloaded',
          version,
          installMode,
          ...(installMode === 'manual' ? { instructions: this.instructions(file) } : {}),
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        this.fail(error, 'download');
      })
      .finally(() => {
        if (this.download === controller) this.download = undefined;
      });
  }

  private instructions(file: string): string {
    const { source } = this.deps;
    const command = source.kind === 'manual' && source.packageType === 'rpm' ? 'dnf' : 'apt';
    return `Quit Cloud Desk, then install the downloaded package with: sudo ${command} install "${file}"`;
  }

  private fail(error: unknown, during: 'check' | 'download'): void {
    const delay = Math.min(checkIntervalMs, firstRetryMs * 2 ** this.failures);
    this.failures += 1;
    const retryAt = new Date(this.deps.clock.now() + delay).toISOString();
    this.deps.logger.warn(`update ${during} failed`, { error, retryAt });
    this.set({ status: 'error', message: describeUpdateError(error, during), retryAt });
    this.schedule(delay);
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.phase.status === 'disabled') return;
    this.cancelTimer?.();
    this.cancelTimer = this.deps.scheduler.after(delayMs, () => {
      this.cancelTimer = undefined;
      this.check().catch((error: unknown) => this.deps.logger.error('update check failed', { error }));
    });
  }

  private set(phase: UpdatePhase): void {
    this.phase = phase;
    this.deps.events.emit('updates', this.state());
  }
}
