// The Electron composition root: resolves the data folder, wires the Electron adapters into the plain services,
// binds IPC, serves the renderer and opens the one window. Behaviour lives in the services, not here.
import { app, dialog, nativeTheme, type BrowserWindow } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Notice } from '../preload/contract.js';
import { createAppServices, type AppServices } from './app-services.js';
import { appOrigin, registerAppScheme, serveRenderer } from './app-protocol.js';
import { watchProcessFailures } from './app/process-failures.js';
import { QuitGate } from './app/quit-gate.js';
import { bindIpc, windowEventSink } from './ipc.js';
import { createDispatcher, trustOrigin } from './ipc-router.js';
import { installAppMenu, installContextMenu } from './platform/app-menu.js';
import { claimSingleInstance } from './platform/app-instance.js';
import { TrayController } from './desktop/tray-controller.js';
import { electronDesktopShell } from './platform/desktop-shell.js';
import { electronNotifier, electronTray, windowFocus, windowProgress } from './platform/desktop-indicators.js';
import { electronLogger } from './platform/electron-log.js';
import { openElectronStore } from './platform/electron-store-kv.js';
import { electronUpdateSource } from './platform/electron-updater.js';
import { windowActivator } from './platform/window-activator.js';
import { readBuiltinClientId } from './settings/client-choice.js';
import { StorageHealth } from './storage/memory-fallback-store.js';
import { electronProxyResolver } from './platform/electron-proxy-resolver.js';
import { saveDialogFileSaver } from './platform/save-dialog.js';
import { safeStorageCipher } from './platform/safe-storage-cipher.js';
import { shellOpener } from './platform/shell-opener.js';
import { cloudConfigNotices, loadClouds } from './cloud-config.js';
import { systemClock } from './system-clock.js';
import { createMainWindow } from './window.js';
import { applyMainProcessV8Flags } from './engine-flags.js';

applyMainProcessV8Flags();
const here = dirname(fileURLToPath(import.meta.url));
const overrideDir = process.env['CLOUD_DESK_DATA_DIR'];
if (overrideDir) {
  app.setPath('userData', resolve(overrideDir));
  app.setAppLogsPath(join(resolve(overrideDir), 'logs'));
}
const dataDir = app.getPath('userData');

// Every renderer is sandboxed, not only the main window's.
app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | undefined;
let services: AppServices | undefined;
// Links and failures that arrive before the services exist wait here.
const earlyLinks: string[] = [];
const earlyNotices: Notice[] = [];
// Set once the app quits (or restarts to install an update): closing the window then closes it, even with the tray.
let quitting = false;

const activator = windowActivator(() => mainWindow);
const showWindow = (): void => activator.bringToFront();

if (
  !claimSingleInstance({
    openLink: (raw) => {
      if (services) services.deepLinks.open(raw);
      else earlyLinks.push(raw);
    },
    showWindow,
  })
) {
  app.quit();
} else {
  const { logger, filePath: logFile } = electronLogger({ console: !app.isPackaged });
  watchProcessFailures(process, logger, (notice) => {
    if (services) services.notices.post(notice);
    else earlyNotices.push(notice);
  });

  app.on('window-all-closed', () => app.quit());
  // macOS: a click on the Dock icon brings back a window hidden in the menu bar.
  app.on('activate', showWindow);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const start = async (): Promise<void> => {
    const storageHealth = StorageHealth.forFolder(dataDir, logger);
    const { store: settingsStore, recovered } = openElectronStore(dataDir, 'settings', {
      logger,
      health: storageHealth,
    });
    const secrets = openElectronStore(dataDir, 'secrets', { logger, health: storageHealth });
    const inventoryStore = openElectronStore(dataDir, 'inventory', { logger, health: storageHealth });
    const cloudLoad = loadClouds(process.env['CLOUD_DESK_CLOUD_CONFIG']);
    const events = windowEventSink(() => mainWindow, logger);
    const ready = await createAppServices({
      settingsStore,
      secretsStore: secrets.store,
      inventoryStore: inventoryStore.store,
      cipher: safeStorageCipher,
      clouds: cloudLoad.clouds,
      clock: systemClock,
      events,
      opener: shellOpener,
      systemProxy: electronProxyResolver,
      fileSaver: saveDialogFileSaver(() => mainWindow),
      logger,
      desktop: electronDesktopShell,
      indicators: {
        progress: windowProgress(() => mainWindow),
        notifier: electronNotifier,
        focus: windowFocus(() => mainWindow),
      },
      window: activator,
      ...cloudConfigNotices(cloudLoad),
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
      updates: electronUpdateSource(
        {
          isPackaged: app.isPackaged,
          platform: process.platform,
          resourcesPath: process.resourcesPath,
          appImage: process.env['APPIMAGE'],
          devUpdateConfig: process.env['CLOUD_DESK_DEV_UPDATE_CONFIG'],
        },
        logger,
        () => {
          quitting = true;
        },
      ),
      storageHealth,
      builtinClientId: readBuiltinClientId(join(app.getAppPath(), 'package.json')),
    });
    services = ready;
    for (const notice of earlyNotices.splice(0)) ready.notices.post(notice);
    for (const link of earlyLinks.splice(0)) ready.deepLinks.open(link);

    nativeTheme.themeSource = ready.settings.get().theme;
    ready.settings.onChange((settings) => {
      nativeTheme.themeSource = settings.theme;
    });
    bindIpc(createDispatcher(ready.handlers, { isTrusted: trustOrigin(appOrigin), logger, logFile }), () => mainWindow);
    serveRenderer(join(here, '..', 'renderer'));
    installAppMenu(
      { platform: process.platform, packaged: app.isPackaged, appName: app.name },
      {
        command: (command) => {
          showWindow();
          events.emit('command', command);
        },
        openHelp: (topic) => {
          ready.openHelp(topic).catch((error: unknown) => logger.warn('a help link did not open', { error }));
        },
      },
    );
    mainWindow = createMainWindow({
      preloadPath: join(here, '..', 'preload', 'index.cjs'),
      store: settingsStore,
      logger,
      devTools: !app.isPackaged,
      onRendererGone: (reason) =>
        ready.notices.post({
          id: 'renderer-gone',
          level: 'warning',
          title: 'The window was reloaded',
          message: `Cloud Desk’s window stopped unexpectedly (${reason}) and was reloaded. Your accounts and settings are unchanged.`,
        }),
      // The window is blank and the renderer cannot show a notice: a native dialog says what to do.
      onRendererGaveUp: (reason) => {
        dialog
          .showMessageBox({
            type: 'error',
            title: 'Cloud Desk',
            message: 'Cloud Desk’s window keeps stopping',
            detail:
              `The window stopped unexpectedly (${reason}) several times in a minute, so it was not reloaded again. ` +
              `Your accounts and settings are unchanged. Restart Cloud Desk; if this keeps happening, the details ` +
              `are in ${logFile()}.`,
            buttons: ['Restart Cloud Desk', 'Quit'],
            defaultId: 0,
          })
          .then(({ response }) => {
            if (response === 0) app.relaunch();
            app.quit();
          })
          .catch((error: unknown) => logger.error('the renderer failure dialog failed', { error }));
      },
    });
    installContextMenu(mainWindow, app.isPackaged);
    mainWindow.once('ready-to-show', () => ready.updates.afterFirstPaint());
    // Power sweeps slow down while nobody looks at the window.
    mainWindow.on('hide', () => ready.inventory.setVisible(false));
    mainWindow.on('minimize', () => ready.inventory.setVisible(false));
    mainWindow.on('show', () => ready.inventory.setVisible(true));
    mainWindow.on('restore', () => ready.inventory.setVisible(true));
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });

    // The tray icon (a setting); while it shows, closing the window hides it instead of quitting.
    const tray = new TrayController(
      electronTray(
        app.isPackaged ? join(process.resourcesPath, 'tray.png') : join(app.getAppPath(), 'resources', 'icon.png'),
      ),
      () => ready.settings.get().desktop.trayIcon,
      {
        openWindow: showWindow,
        // The tray shows the inventory's count: its Refresh sweeps the inventory, whatever view the window shows.
        refresh: () => ready.refreshInventory(),
        quit: () => app.quit(),
      },
      ready.runningVms,
    );
    tray.apply();
    ready.settings.onChange(() => tray.apply());
    mainWindow.on('close', (event) => {
      if (quitting || !tray.keepsRunningWhenClosed()) return;
      event.preventDefault();
      mainWindow?.hide();
    });

    const quitGate = new QuitGate(
      () => ready.stop(),
      () => app.quit(),
      logger,
    );
    app.on('before-quit', (event) => {
      quitting = true;
      quitGate.beforeQuit(event);
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
        `${error instanceof Error ? error.message : String(error)}\n\nDetails are in ${logFile()}.`,
      );
      app.exit(1);
    });
}
