// The main window and its security rails: sandboxed, context-isolated renderer, no new windows, no navigation
// off our origin, no permissions, no webviews, no DevTools in packaged builds; shown only once the first paint is
// ready; a crashed renderer is reloaded with a message; bounds remembered per arrangement of displays.
import { BrowserWindow, nativeTheme, screen, type WebContents } from 'electron';
import type { KeyValueStore, Logger } from './ports.js';
import { appOrigin } from './app-protocol.js';
import { originOf } from './origin.js';
import {
  defaultWindowSize,
  rememberBounds as nextWindowStates,
  restoreBounds,
  type WindowState,
} from './window-state.js';

const windowStateKey = 'window';

export interface MainWindowDeps {
  preloadPath: string;
  store: KeyValueStore;
  logger: Logger;
  /** False in packaged builds. */
  devTools: boolean;
  /** Called after the renderer process died and the window was reloaded; the reason is Electron's. */
  onRendererGone(reason: string): void;
  /** The renderer died again too soon after repeated reloads: it is not reloaded any more. */
  onRendererGaveUp(reason: string): void;
  /** Milliseconds, for counting recent reloads; Date.now unless a test sets it. */
  now?: () => number;
}

/** A renderer that dies this many times within `reloadWindowMs` is not reloaded again (it would crash forever). */
const maxReloads = 3;
const reloadWindowMs = 60_000;

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const saved = restoreBounds(deps.store.get(windowStateKey), workAreas());
  const window = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : defaultWindowSize),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Cloud Desk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#fafafa',
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: deps.devTools,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  lockDown(window.webContents, deps.logger);
  reloadWhenGone(window, deps);
  rememberBounds(window, deps.store);
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

function lockDown(contents: WebContents, logger: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('blocked a new window', { url });
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (originOf(url) !== appOrigin) {
      event.preventDefault();
      logger.warn('blocked navigation off the app origin', { url });
    }
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

function reloadWhenGone(window: BrowserWindow, deps: MainWindowDeps): void {
  const now = deps.now ?? Date.now;
  let reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    deps.logger.error('the window renderer process is gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const at = now();
    reloads = reloads.filter((time) => at - time < reloadWindowMs);
    if (reloads.length >= maxReloads) {
      deps.logger.error('the window renderer keeps dying: not reloading it again', {
        reason: details.reason,
        reloads: reloads.length,
      });
      deps.onRendererGaveUp(details.reason);
      return;
    }
    reloads.push(at);
    window.webContents.reload();
    deps.onRendererGone(details.reason);
  });
}

const workAreas = () => screen.getAllDisplays().map((display) => display.workArea);

function rememberBounds(window: BrowserWindow, store: KeyValueStore): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    store.set(windowStateKey, nextWindowStates(store.get(windowStateKey), workAreas(), state));
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
