// The Updater port on electron-updater: the GitHub feed from electron-builder.yml `publish` (https), NSIS,
// macOS zip and AppImage in place; deb and rpm downloaded only (installing them needs root through the package
// manager, which the app must not run). Which kind this build is comes from how it was packaged.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import electronUpdater from 'electron-updater';
import type { Logger } from '../ports.js';
import { notInstalledMessage, type Updater, type UpdateSource } from '../updates/updater-port.js';

// electron-updater is CommonJS: named ESM imports of it fail at run time, the default import works.
const { CancellationToken } = electronUpdater;

export interface UpdateBuild {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  resourcesPath: string;
  /** Set by the AppImage runtime to the image's path. */
  appImage: string | undefined;
  /** CLOUD_DESK_DEV_UPDATE_CONFIG: a dev-app-update.yml (e.g. a local generic feed in the e2e tests). */
  devUpdateConfig: string | undefined;
}

/**
 * What this build can do, and the updater when it can do anything. `beforeInstall` runs just before
 * quitAndInstall: on macOS Squirrel closes the windows before `before-quit`, so the app must know it is quitting
 * (a close handler that hides the window to the tray would otherwise stop the install).
 */
export function electronUpdateSource(
  build: UpdateBuild,
  logger: Logger,
  beforeInstall: () => void = () => undefined,
): UpdateSource {
  // A released build follows only its own (https) feed: the dev config is for development builds and the e2e tests.
  if (build.isPackaged && build.devUpdateConfig) {
    logger.warn('ignored CLOUD_DESK_DEV_UPDATE_CONFIG: a packaged build uses its own update feed');
  }
  const devUpdateConfig = build.isPackaged ? undefined : build.devUpdateConfig;
  if (!build.isPackaged && !devUpdateConfig) {
    return { kind: 'disabled', reason: 'development', message: notInstalledMessage };
  }
  const updater = electronUpdaterPort(logger, devUpdateConfig, beforeInstall);
  if (build.platform !== 'linux' || build.appImage || devUpdateConfig) return { kind: 'in-place', updater };
  const packageType = readPackageType(build.resourcesPath);
  if (packageType === 'deb' || packageType === 'rpm') return { kind: 'manual', packageType, updater };
  return {
    kind: 'disabled',
    reason: 'unsupported',
    message:
      'This Linux package cannot update itself. Install new versions from the releases page, or use the ' +
      'AppImage or the .deb package, which check for updates.',
  };
}

function readPackageType(resourcesPath: string): string | undefined {
  const file = join(resourcesPath, 'package-type');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

function electronUpdaterPort(logger: Logger, devUpdateConfig: string | undefined, beforeInstall: () => void): Updater {
  // Reading `autoUpdater` creates the platform's updater; a build that does not update never does.
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = {
    info: (message?: unknown) => logger.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => logger.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => logger.error(`updater: ${String(message)}`),
    debug: (message: string) => logger.debug(`updater: ${message}`),
  };
  if (devUpdateConfig) {
    autoUpdater.forceDevUpdateConfig = true;
    autoUpdater.updateConfigPath = devUpdateConfig;
  }
  return {
    configure({ channel, installOnQuit }) {
      autoUpdater.autoInstallOnAppQuit = installOnQuit;
      autoUpdater.allowPrerelease = channel === 'beta';
      autoUpdater.channel = channel === 'beta' ? 'beta' : 'latest';
      // Setting the channel allows downgrades; leaving beta must wait for stable to catch up instead.
      autoUpdater.allowDowngrade = false;
    },
    async check() {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    async download(onProgress, signal) {
      const token = new CancellationToken();
      const cancel = (): void => token.cancel();
      signal.addEventListener('abort', cancel, { once: true });
      const progress = (info: { percent: number; bytesPerSecond: number }): void =>
        onProgress({ percent: info.percent, bytesPerSecond: info.bytesPerSecond });
      autoUpdater.on('download-progress', progress);
      try {
        const files = await autoUpdater.downloadUpdate(token);
        const file = files[0];
        if (file === undefined) throw new Error('the updater downloaded no file');
        return { file };
      } finally {
        autoUpdater.off('download-progress', progress);
        signal.removeEventListener('abort', cancel);
      }
    },
    quitAndInstall() {
      beforeInstall();
      autoUpdater.quitAndInstall();
    },
  };
}
