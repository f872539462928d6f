// The browser preview's stand-in for the Electron preload: defines the same `window.cloudDesk`, generated from
// the same contract, carried over the preview host's WebSocket. Also opens the URLs the host's BrowserOpener
// sends (sign-in pages) in a new tab, as the system browser would. Never part of the packaged app.
import { buildApi } from '../preload/api';
import type { Channel, EventName, Result } from '../preload/contract';
import { wsPath, type ClientMessage, type HostMessage, type VisibilityMessage } from './protocol';

const token = new URLSearchParams(window.location.search).get('token') ?? '';
const socketUrl = `ws://${window.location.host}${wsPath}?token=${encodeURIComponent(token)}`;
const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;
let socket: WebSocket | undefined;
let ready: Promise<WebSocket> | undefined;

const disconnected: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'The preview host is not reachable. Is `npm run preview` still running?' },
};

function connect(): Promise<WebSocket> {
  ready ??= new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(socketUrl);
    let opened = false;
    ws.addEventListener('open', () => {
      opened = true;
      socket = ws;
      reportVisibility();
      resolve(ws);
    });
    ws.addEventListener('message', (event) => receive(String(event.data)));
    ws.addEventListener('close', () => {
      socket = undefined;
      ready = undefined;
      for (const settle of pending.values()) settle(disconnected);
      pending.clear();
      reject(new Error('closed'));
      // The host drops a connection it stays up behind (a frame over its limit, a request failing outside the
      // contract gate): connect again at once, so events keep coming (the stores fetch a snapshot on the gap). A
      // connection that never opened means the host is gone, or restarted on a token this page does not have.
      if (opened) void connect().catch(() => undefined);
      else showHostStopped();
    });
  });
  return ready;
}

let leaving = false;
window.addEventListener('pagehide', () => (leaving = true));
window.addEventListener('pageshow', () => (leaving = false));

/**
 * The host is gone (stopped, crashed, or restarted with a new token this page does not have): what the page shows
 * was the host's and nothing updates it any more, as an Electron window closes with its main process. Says so in a
 * modal dialog, which makes everything else inert (portals mounted later too), so no stale "Refreshing" or Ready is
 * taken for live and nothing is acted on.
 */
function showHostStopped(): void {
  if (leaving || document.getElementById('preview-host-stopped')) return;
  const dialog = document.createElement('dialog');
  dialog.id = 'preview-host-stopped';
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-labelledby', 'preview-host-stopped-title');
  dialog.setAttribute('aria-describedby', 'preview-host-stopped-text');
  dialog.tabIndex = -1;
  // Nothing to go back to: Escape does not close it.
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  Object.assign(dialog.style, {
    maxWidth: '480px',
    padding: '20px 24px',
    borderRadius: '8px',
    border: '1px solid CanvasText',
    background: 'Canvas',
    color: 'CanvasText',
    colorScheme: 'light dark',
    font: '14px/1.45 "Segoe UI", system-ui, sans-serif',
    // Dims the page behind it (its ::backdrop cannot be styled inline, and the page's CSP allows no stylesheet).
    boxShadow: '0 0 0 100vmax rgba(0, 0, 0, 0.45)',
  });
  const title = document.createElement('h2');
  title.id = 'preview-host-stopped-title';
  title.textContent = 'The preview host stopped';
  Object.assign(title.style, { margin: '0 0 8px', fontSize: '20px' });
  const text = document.createElement('p');
  text.id = 'preview-host-stopped-text';
  text.textContent =
    `Nothing on this page is live any more: it shows what the host sent until it stopped at ${new Date().toLocaleTimeString()}. ` +
    'Start the preview again (npm run preview or npm run demo) and open the address it prints.';
  text.style.margin = '0';
  dialog.append(title, text);
  document.body.append(dialog);
  dialog.showModal();
  dialog.focus();
}

/** Main's sweep schedule follows whether anyone can see the app (Electron's main reads it from its window). */
function reportVisibility(): void {
  const message: VisibilityMessage = { type: 'visibility', visible: document.visibilityState === 'visible' };
  socket?.send(JSON.stringify(message));
}
document.addEventListener('visibilitychange', reportVisibility);

function receive(data: string): void {
  const message = JSON.parse(data) as HostMessage;
  if (message.type === 'result') {
    pending.get(message.id)?.(message.result as Result<unknown>);
    pending.delete(message.id);
  } else if (message.type === 'event') {
    for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
  } else if (message.type === 'open') {
    window.open(message.url, '_blank', 'noopener');
  }
}

async function invoke(channel: Channel, arg: unknown): Promise<Result<unknown>> {
  let ws: WebSocket;
  try {
    ws = socket ?? (await connect());
  } catch {
    return disconnected;
  }
  const id = nextId++;
  const message: ClientMessage = { id, channel, arg };
  return new Promise((resolve) => {
    pending.set(id, resolve);
    ws.send(JSON.stringify(message));
  });
}

function listen(name: EventName, deliver: (payload: unknown) => void): () => void {
  const set = listeners.get(name) ?? new Set();
  listeners.set(name, set);
  set.add(deliver);
  void connect().catch(() => undefined);
  return () => {
    set.delete(deliver);
  };
}

Object.defineProperty(window, 'cloudDesk', {
  value: buildApi({ invoke, listen }),
  writable: false,
  configurable: false,
  enumerable: true,
});

// Connected while the page loads, as the Electron preload's IPC is there from the start: the renderer's first
// requests (the inventory's snapshot among them) need not wait for a handshake.
void connect().catch(() => undefined);
