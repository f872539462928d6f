// The Electron composition root: resolves the data folder, wires the Electron adapters into the plain services,
// binds IPC, serves the renderer and opens the one window. Behaviour lives in the services, not here.
import { app, dialog, nativeTheme, type BrowserWindow } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from './app-services.js';
import { appOrigin, registerAppScheme, serveRenderer } from './app-protocol.js';
import { bindIpc, windowEventSink } from './ipc.js';
import { createDispatcher, trustOrigin } from './ipc-router.js';
import { createLogger } from './logging/logger.js';
import { openElectronStore } from './platform/electron-store-kv.js';
import { electronUpdateSource } from './platform/electron-updater.js';
import { safeStorageCipher } from './platform/safe-storage-cipher.js';
import { shellOpener } from './platform/shell-opener.js';
import { loadClouds } from './cloud-config.js';
import { systemClock } from './system-clock.js';
import { createMainWindow } from './window.js';

const here = dirname(fileURLToPath(import.meta.url));
const overrideDir = process.env['CLOUD_DESK_DATA_DIR'];
if (overrideDir) app.setPath('userData', resolve(overrideDir));
const dataDir = app.getPath('userData');

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  const logger = createLogger({
    filePath: join(dataDir, 'logs', 'main.log'),
    stderr: !app.isPackaged,
    clock: systemClock,
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const start = async (): Promise<void> => {
    const { store: settingsStore, recovered } = openElectronStore(dataDir, 'settings', logger);
    const secrets = openElectronStore(dataDir, 'secrets', logger);
    const cloudLoad = loadClouds(process.env['CLOUD_DESK_CLOUD_CONFIG']);
    const events = windowEventSink(() => mainWindow, logger);
    const services = await createAppServices({
      settingsStore,
      secretsStore: secrets.store,
      cipher: safeStorageCipher,
      clouds: cloudLoad.clouds,
      clock: systemClock,
      events,
      opener: shellOpener,
      logger,
      ...(cloudLoad.problem
        ? {
            startupProblems: [
              { id: 'cloud-config', level: 'error', title: 'Custom cloud not loaded', message: cloudLoad.problem },
            ],
          }
        : {}),
      appInfo: () => ({
        name: 'Cloud Desk',
        version: app.getVersion(),
        platform: process.platform,
        arch: process.arch,
        runtime: 'electron',
        versions: {
          electron: process.versions.electron,
          chrome: process.versions.chrome,
          node: process.versions.node,
        },
        packaged: app.isPackaged,
        dataDir,
      }),
      recoveries: [recovered, secrets.recovered].filter((item) => item !== undefined),
      updates: electronUpdateSource(
        {
          isPackaged: app.isPackaged,
          platform: process.platform,
          resourcesPath: process.resourcesPath,
          appImage: process.env['APPIMAGE'],
          devUpdateConfig: process.env['CLOUD_DESK_DEV_UPDATE_CONFIG'],
        },
        logger,
      ),
    });
    nativeTheme.themeSource = services.settings.get().theme;
    services.settings.onChange((settings) => {
      nativeTheme.themeSource = settings.theme;
    });
    bindIpc(createDispatcher(services.handlers, { isTrusted: trustOrigin(appOrigin), logger }), () => mainWindow);
    serveRenderer(join(here, '..', 'renderer'));
    mainWindow = createMainWindow({
      preloadPath: join(here, '..', 'preload', 'index.cjs'),
      store: settingsStore,
      logger,
    });
    mainWindow.once('ready-to-show', () => services.updates.afterFirstPaint());
    // Quit waits once for the services to stop (timers, downloads, sign-in) and the vault to flush its writes.
    let stopped = false;
    app.on('before-quit', (event) => {
      if (stopped) return;
      event.preventDefault();
      services
        .stop()
        .catch((error: unknown) => logger.error('services did not stop cleanly', { error }))
        .finally(() => {
          stopped = true;
          app.quit();
        });
    });
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  };

  // A start-up failure must not leave an invisible process behind: say what happened, where the log is, and quit.
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('Cloud Desk could not start', { error });
      dialog.showErrorBox(
        'Cloud Desk could not start',
        `${error instanceof Error ? error.message : String(error)}\n\nDetails are in ${join(dataDir, 'logs', 'main.log')}.`,
      );
      app.exit(1);
    });
}
