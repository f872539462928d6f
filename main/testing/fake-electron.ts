// A typed stand-in for the `electron` module, for unit tests of the glue (window, protocol, single instance)
// through `vi.mock('electron', ...)`. Every member is typed against Electron's own .d.ts (type imports only: the
// real module is never loaded), so a signature that changes upstream breaks these tests at compile time.
// It records what the glue did (options, handlers) and lets tests fire the events Electron would.
import type {
  App,
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
  Display,
  HandlerDetails,
  Protocol,
  Rectangle,
  RenderProcessGoneDetails,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  /** Fires an event the way Electron would, with a preventable event object first. */
  fire(event: string, ...args: unknown[]): { defaultPrevented: boolean } {
    const result = { defaultPrevented: false };
    const eventObject = { preventDefault: () => (result.defaultPrevented = true) };
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(eventObject, ...args);
    return result;
  }
  /** Fires an event whose listeners take no event object (e.g. BrowserWindow 'ready-to-show'). */
  emitPlain(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

export class FakeSession {
  permissionRequest: PermissionRequestHandler = null;
  permissionCheck: PermissionCheckHandler = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheck = handler;
  }
}

export class FakeWebContents extends Emitter {
  readonly session = new FakeSession();
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  reloads = 0;
  setWindowOpenHandler(handler: Parameters<WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
  reload(): void {
    this.reloads += 1;
  }
  goneWith(details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>): void {
    this.fire('render-process-gone', details);
  }
}

export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  shown = false;
  maximized = false;
  minimized = false;
  focused = false;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  progress: number[] = [];
  setProgressBar(progress: number): void {
    this.progress.push(progress);
  }
  isFocused(): boolean {
    return this.focused;
  }
  getNormalBounds(): Rectangle {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
}

/** A built menu keeps its template, so tests can read and click what the glue built. */
export class FakeMenu {
  constructor(readonly template: MenuItemConstructorOptions[]) {}
  static buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    return new FakeMenu(template);
  }
}

export class FakeNativeImage {
  constructor(
    readonly path: string,
    readonly size?: { width: number; height: number },
  ) {}
  static createFromPath(path: string): FakeNativeImage {
    return new FakeNativeImage(path);
  }
  resize(size: { width: number; height: number }): FakeNativeImage {
    return new FakeNativeImage(this.path, size);
  }
}

export class FakeTray {
  static created: FakeTray[] = [];
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(readonly image: FakeNativeImage) {
    FakeTray.created.push(this);
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification {
  static supported = true;
  static shown: NotificationConstructorOptions[] = [];
  constructor(readonly options: NotificationConstructorOptions) {}
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  show(): void {
    FakeNotification.shown.push(this.options);
  }
}

type ProtocolHandler = Parameters<Protocol['handle']>[1];
type PrivilegedSchemes = Parameters<Protocol['registerSchemesAsPrivileged']>[0];

export class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();
  privileged: PrivilegedSchemes = [];
  registerSchemesAsPrivileged(schemes: PrivilegedSchemes): void {
    this.privileged = schemes;
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  }
}

export class FakeApp extends Emitter {
  isPackaged = true;
  lockAvailable = true;
  defaultProtocolClients = new Set<string>();
  focusRequests: Parameters<App['focus']>[0][] = [];
  focus(options?: Parameters<App['focus']>[0]): void {
    this.focusRequests.push(options);
  }
  requestSingleInstanceLock(): ReturnType<App['requestSingleInstanceLock']> {
    return this.lockAvailable;
  }
  isDefaultProtocolClient(protocol: string): boolean {
    return this.defaultProtocolClients.has(protocol);
  }
  setAsDefaultProtocolClient(protocol: string): ReturnType<App['setAsDefaultProtocolClient']> {
    this.defaultProtocolClients.add(protocol);
    return true;
  }
}

const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } } as const satisfies Pick<Display, 'workArea'>;

/** The module object `vi.mock('electron', ...)` returns; `reset()` between tests. */
export const fakeElectron = {
  app: new FakeApp(),
  protocol: new FakeProtocol(),
  BrowserWindow: FakeBrowserWindow,
  Menu: FakeMenu,
  Tray: FakeTray,
  Notification: FakeNotification,
  nativeImage: FakeNativeImage,
  nativeTheme: { shouldUseDarkColors: false },
  screen: { getAllDisplays: (): Pick<Display, 'workArea'>[] => [display] },
  reset(): void {
    fakeElectron.app = new FakeApp();
    fakeElectron.protocol = new FakeProtocol();
    FakeBrowserWindow.created = [];
    FakeTray.created = [];
    FakeNotification.shown = [];
    FakeNotification.supported = true;
  },
};
