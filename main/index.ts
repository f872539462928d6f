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
import { electronProxyResolver } from './platform/electron-proxy-resolver.js';
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
    const inventoryStore = openElectronStore(dataDir, 'inventory', logger);
    const cloudLoad = loadClouds(process.env['CLOUD_DESK_CLOUD_CONFIG']);
    const events = windowEventSink(() => mainWindow, logger);
    const services = await createAppServices({
      settingsStore,
      secretsStore: secrets.store,
      inventoryStore: inventoryStore.store,
      cipher: safeStorageCipher,
      clouds: cloudLoad.clouds,
      clock: systemClock,
      events,
      opener: shellOpener,
      systemProxy: electronProxyResolver,
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
      recoveries: [recovered, secrets.recovered, inventoryStore.recovered].filter((item) => item !== undefined),
    });
    // On quit, stop the services (the inventory's timers and sweeps first, its last snapshot written) before exit.
    let stopped = false;
    app.on('before-quit', (event) => {
      if (stopped) return;
      event.preventDefault();
      void services
        .stop()
        .catch((error: unknown) => logger.error('stopping the services failed', { error }))
        .finally(() => {
          stopped = true;
          app.quit();
        });
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
    // Power sweeps slow down while nobody looks at the window.
    mainWindow.on('hide', () => services.inventory.setVisible(false));
    mainWindow.on('minimize', () => services.inventory.setVisible(false));
    mainWindow.on('show', () => services.inventory.setVisible(true));
    mainWindow.on('restore', () => services.inventory.setVisible(true));
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
