// A test Updater whose every answer the test decides: each check and download waits until the test resolves
// or rejects it, so every state in between can be observed. Used by unit tests only.
import type { UpdateChannel } from '../../preload/contract-updates.js';
import type { DownloadProgress, FoundUpdate, Updater } from '../updates/updater-port.js';

interface Pending<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

export class ScriptedUpdater implements Updater {
  readonly configured: { channel: UpdateChannel; installOnQuit: boolean }[] = [];
  checks = 0;
  installs = 0;
  private check$: Pending<FoundUpdate | null> | undefined;
  private download$:
    (Pending<{ file: string }> & { progress(p: DownloadProgress): void; signal: AbortSignal }) | undefined;

  configure(options: { channel: UpdateChannel; installOnQuit: boolean }): void {
    this.configured.push(options);
  }

  check(): Promise<FoundUpdate | null> {
    this.checks += 1;
    return new Promise((resolve, reject) => {
      this.check$ = { resolve, reject };
    });
  }

  download(onProgress: (progress: DownloadProgress) => void, signal: AbortSignal): Promise<{ file: string }> {
    return new Promise((resolve, reject) => {
      this.download$ = { resolve, reject, progress: onProgress, signal };
    });
  }

  quitAndInstall(): void {
    this.installs += 1;
  }

  get downloadSignal(): AbortSignal | undefined {
    return this.download$?.signal;
  }

  answerCheck(found: FoundUpdate | null): void {
    this.takeCheck().resolve(found);
  }

  failCheck(error: unknown): void {
    this.takeCheck().reject(error);
  }

  progress(progress: DownloadProgress): void {
    if (!this.download$) throw new Error('no download is running');
    this.download$.progress(progress);
  }

  finishDownload(file = '/tmp/cloud-desk-update'): void {
    this.takeDownload().resolve({ file });
  }

  failDownload(error: unknown): void {
    this.takeDownload().reject(error);
  }

  private takeCheck(): Pending<FoundUpdate | null> {
    const pending = this.check$;
    if (!pending) throw new Error('no check is waiting');
    this.check$ = undefined;
    return pending;
  }

  private takeDownload(): Pending<{ file: string }> {
    const pending = this.download$;
    if (!pending) throw new Error('no download is waiting');
    this.download$ = undefined;
    return pending;
  }
}
