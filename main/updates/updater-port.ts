// The Updater port: what UpdateService needs from an auto-updater (electron-updater in the app, see
// main/platform/electron-updater.ts; a scripted fake in tests). No Electron imports here.
import type { UpdateChannel } from '../../preload/contract-updates.js';

export interface FoundUpdate {
  version: string;
}

export interface DownloadProgress {
  percent: number;
  bytesPerSecond: number;
}

export interface Updater {
  /** Applied before every check: which channel to follow and whether a downloaded update installs on quit. */
  configure(options: { channel: UpdateChannel; installOnQuit: boolean }): void;
  /** Asks the feed; resolves with the newer version, or null when this one is the newest. */
  check(): Promise<FoundUpdate | null>;
  /** Downloads the update found by the last check; aborting the signal cancels it. Resolves with the file. */
  download(onProgress: (progress: DownloadProgress) => void, signal: AbortSignal): Promise<{ file: string }>;
  /** Quits the app and installs the downloaded update. */
  quitAndInstall(): void;
}

/**
 * What this build can do: update in place; download and tell the user how to install (deb, rpm: installing
 * needs root through the package manager, which the app must not run); or nothing (development builds,
 * installer types with no update path).
 */
export type UpdateSource =
  | { kind: 'in-place'; updater: Updater }
  | { kind: 'manual'; packageType: 'deb' | 'rpm'; updater: Updater }
  | { kind: 'disabled'; reason: 'development' | 'unsupported'; message: string };

/** Why a development build or the browser preview shows no updates. */
export const notInstalledMessage = 'This copy of Cloud Desk is not an installed release, so it does not update itself.';
