// The main window's security rails, checked against a typed fake of the `electron` module (the real binary
// cannot run here; the `electron` e2e project checks the same for real on three OSes).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, type FakeBrowserWindow } from './testing/fake-electron.js';
import { MemoryStore, RecordingLogger } from './testing/fakes.js';

vi.mock('electron', async () => {
  const { fakeElectron: fake } = await import('./testing/fake-electron.js');
  return {
    get app() {
      return fake.app;
    },
    get protocol() {
      return fake.protocol;
    },
    BrowserWindow: fake.BrowserWindow,
    nativeTheme: fake.nativeTheme,
    screen: fake.screen,
  };
});

const { createMainWindow } = await import('./window.js');

function open(devTools = false, store = new MemoryStore(), now = () => 0) {
  const logger = new RecordingLogger();
  const gone: string[] = [];
  const gaveUp: string[] = [];
  createMainWindow({
    preloadPath: '/app/preload/index.cjs',
    store,
    logger,
    devTools,
    onRendererGone: (reason) => gone.push(reason),
    onRendererGaveUp: (reason) => gaveUp.push(reason),
    now,
  });
  const window = fakeElectron.BrowserWindow.created.at(-1) as FakeBrowserWindow;
  return { window, logger, gone, gaveUp };
}

describe('createMainWindow', () => {
  beforeEach(() => fakeElectron.reset());

  it('sandboxes the renderer: context isolation, no Node, web security, no webviews, no DevTools', () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(window.loadedUrl).toBe('app://cloud-desk/index.html');
  });

  it('allows DevTools only when asked (development builds)', () => {
    expect(open(true).window.options.webPreferences?.devTools).toBe(true);
  });

  it('shows the window only once the first paint is ready', () => {
    const { window } = open();
    expect(window.options.show).toBe(false);
    window.emitPlain('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('denies every new window', () => {
    const { window, logger } = open();
    const answer = window.webContents.windowOpenHandler?.({
      url: 'https://evil.example/',
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'no-referrer' },
    } as Parameters<NonNullable<typeof window.webContents.windowOpenHandler>>[0]);
    expect(answer).toEqual({ action: 'deny' });
    expect(logger.lines.some((line) => line.message === 'blocked a new window')).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect'])('refuses %s off the app origin, allows it on the origin', (event) => {
    const { window } = open();
    expect(window.webContents.fire(event, 'https://evil.example/').defaultPrevented).toBe(true);
    expect(window.webContents.fire(event, 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(window.webContents.fire(event, 'app://cloud-desk.evil/index.html').defaultPrevented).toBe(true);
    expect(window.webContents.fire(event, 'app://cloud-desk/index.html').defaultPrevented).toBe(false);
  });

  it('refuses to attach webviews', () => {
    const { window } = open();
    expect(window.webContents.fire('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const { window } = open();
    const { session } = window.webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'] as const) {
      let granted: boolean | undefined;
      session.permissionRequest?.(window.webContents as never, permission, (answer) => (granted = answer), {} as never);
      expect(granted, permission).toBe(false);
      expect(session.permissionCheck?.(null, permission, 'app://cloud-desk', {} as never), permission).toBe(false);
    }
  });

  it('reloads a crashed renderer and says so; a clean exit is left alone', () => {
    const { window, gone, logger } = open();
    window.webContents.goneWith({ reason: 'crashed', exitCode: 139 });
    expect(window.webContents.reloads).toBe(1);
    expect(gone).toEqual(['crashed']);
    expect(logger.lines.some((line) => line.level === 'error' && line.fields?.['reason'] === 'crashed')).toBe(true);
    window.webContents.goneWith({ reason: 'clean-exit', exitCode: 0 });
    expect(window.webContents.reloads).toBe(1);
  });

  it('stops reloading a renderer that dies a fourth time within a minute, and says so', () => {
    let time = 0;
    const { window, gone, gaveUp } = open(false, new MemoryStore(), () => time);
    for (const at of [0, 10_000, 20_000]) {
      time = at;
      window.webContents.goneWith({ reason: 'crashed', exitCode: 139 });
    }
    expect({ reloads: window.webContents.reloads, gaveUp }).toEqual({ reloads: 3, gaveUp: [] });
    time = 30_000;
    window.webContents.goneWith({ reason: 'oom', exitCode: 1 });
    expect({ reloads: window.webContents.reloads, gone: gone.length, gaveUp }).toEqual({
      reloads: 3,
      gone: 3,
      gaveUp: ['oom'],
    });
  });

  it('keeps reloading a renderer whose crashes are more than a minute apart', () => {
    let time = 0;
    const { window, gaveUp } = open(false, new MemoryStore(), () => time);
    for (const at of [0, 40_000, 80_000, 120_000, 160_000]) {
      time = at;
      window.webContents.goneWith({ reason: 'crashed', exitCode: 139 });
    }
    expect({ reloads: window.webContents.reloads, gaveUp }).toEqual({ reloads: 5, gaveUp: [] });
  });

  it('saves its bounds for the displays it is on when it closes, and opens there next time', () => {
    const store = new MemoryStore();
    const { window } = open(false, store);
    window.fire('close');
    const next = open(false, store).window;
    expect(next.options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800 });
  });
});
