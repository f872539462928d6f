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
    ws.addEventListener('open', () => {
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
    });
  });
  return ready;
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
