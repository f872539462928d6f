// The browser preview host: runs the same main-process services under Node, serves the built renderer with the
// same CSP, and carries the same contract over a WebSocket bound to 127.0.0.1, guarded by a per-run token and
// an Origin check. It exists because the Electron binary cannot be downloaded on our build machines; it is
// never packaged and product code never imports it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createAppServices } from '../main/app-services.js';
import { watchProcessFailures, type ProcessEvents } from '../main/app/process-failures.js';
import { ServiceError } from '../main/errors.js';
import { createDispatcher, trustOrigin, validatingSink } from '../main/ipc-router.js';
import { createLogger } from '../main/logging/logger.js';
import { environmentProxyResolver } from '../main/net/proxy-resolver.js';
import type { BrowserOpener, KeyValueStore } from '../main/ports.js';
import { privateFileMode, removeStaleTempFiles } from '../main/storage/data-folder.js';
import { MemoryFallbackStore, StorageHealth } from '../main/storage/memory-fallback-store.js';
import { contentSecurityPolicy, contentTypeOf, resolveAsset, securityHeaders } from '../main/static-files.js';
import { JsonFileStore, type StoreRecovery } from '../main/storage/json-file-store.js';
import { cloudConfigNotices, loadClouds } from '../main/cloud-config.js';
import { devFileCipher } from './dev-cipher.js';
import { systemClock } from '../main/system-clock.js';
import { invalidInput } from '../preload/contract.js';
import { PageVisibility } from './page-visibility.js';
import { clientMessageSchema, visibilityMessageSchema, wsPath, bridgePath, type HostMessage } from './protocol.js';

export interface PreviewOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  bridgeFile: string;
  version: string;
  /** CLOUD_DESK_CLOUD_CONFIG: a custom cloud (e.g. the emulator). */
  cloudConfigPath?: string | undefined;
  /** The default client id a packaged app would carry (from package.json, as in the app). */
  builtinClientId?: string | undefined;
  /** CLOUD_DESK_PREVIEW_ENCRYPTION: `unavailable` or `weak` to act like Linux without a keyring. */
  simulateEncryption?: string | undefined;
  /** CLOUD_DESK_OPEN_LINK: a `clouddesk://` link handed over at start, as the OS hands one to the app's argv. */
  openLink?: string | undefined;
  /** The CLI passes `process`: its uncaught failures are logged and shown instead of ending the host. */
  watchProcess?: ProcessEvents;
}

export interface PreviewHost {
  url: string;
  origin: string;
  /** Whether a connected page is visible: the inventory's power sweeps run every minute then, slower otherwise. */
  readonly pageVisible: boolean;
  close(): Promise<void>;
}

export async function startPreviewHost(options: PreviewOptions): Promise<PreviewHost> {
  const token = randomBytes(24).toString('base64url');
  const logger = createLogger({ filePath: join(options.dataDir, 'logs', 'preview.log'), clock: systemClock });
  const sockets = new Set<WebSocket>();
  let lastActive: WebSocket | undefined;
  const send = (socket: WebSocket, message: HostMessage): void => socket.send(JSON.stringify(message));

  const events = validatingSink((name, payload) => {
    for (const socket of sockets) send(socket, { type: 'event', name, payload });
  }, logger);
  // Opening a page in "the system browser" means a new tab next to the preview, opened by the page itself.
  const opener: BrowserOpener = {
    open: async (url) => {
      const target = lastActive ?? [...sockets].at(-1);
      if (!target) throw new ServiceError('internal', 'No preview page is connected to open the link in.');
      send(target, { type: 'open', url });
    },
  };
  const storageHealth = StorageHealth.forFolder(options.dataDir, logger);
  const openStore = (name: string): { store: KeyValueStore; recovered: StoreRecovery | undefined } => {
    const opened = JsonFileStore.open(join(options.dataDir, name), {
      clock: systemClock,
      logger,
      mode: privateFileMode,
      health: storageHealth,
    });
    const store = new MemoryFallbackStore(opened.store, { folder: options.dataDir, health: storageHealth, logger });
    return { store, recovered: opened.recovered };
  };
  removeStaleTempFiles(options.dataDir, 'dev-cipher.key', logger);
  const { store: settingsStore, recovered } = openStore('settings.json');
  const secrets = openStore('secrets.json');
  const inventoryStore = openStore('inventory.json');
  const cloudLoad = loadClouds(options.cloudConfigPath);
  const services = await createAppServices({
    settingsStore,
    secretsStore: secrets.store,
    inventoryStore: inventoryStore.store,
    cipher: devFileCipher(join(options.dataDir, 'dev-cipher.key'), options.simulateEncryption),
    clouds: cloudLoad.clouds,
    clock: systemClock,
    events,
    opener,
    // The preview has no system proxy service: "system" means HTTPS_PROXY / NO_PROXY here.
    systemProxy: environmentProxyResolver(process.env),
    logger,
    ...cloudConfigNotices(cloudLoad),
    appInfo: () => ({
      name: 'Cloud Desk',
      version: options.version,
      platform: process.platform,
      arch: process.arch,
      runtime: 'preview',
      versions: { node: process.versions.node },
      packaged: false,
      dataDir: options.dataDir,
    }),
    recoveries: [recovered, secrets.recovered, inventoryStore.recovered].filter((item) => item !== undefined),
    storageHealth,
    builtinClientId: options.builtinClientId,
  });

  if (options.openLink) services.deepLinks.open(options.openLink);
  // No page is connected yet: hidden until one says it is visible.
  const visibility = new PageVisibility((visible) => services.inventory.setVisible(visible));
  services.inventory.setVisible(false);

  if (options.watchProcess)
    watchProcessFailures(options.watchProcess, logger, (notice) => services.notices.post(notice));

  const server = createServer();
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ready());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The preview host has no TCP address.');
  const origin = `http://127.0.0.1:${address.port}`;
  const dispatch = createDispatcher(services.handlers, {
    isTrusted: trustOrigin(origin),
    logger,
    logFile: logger.logFile,
  });
  const csp = contentSecurityPolicy([`ws://127.0.0.1:${address.port}`]);

  server.on('request', (request, response) => {
    (async () => {
      const url = new URL(request.url ?? '/', origin);
      const file = url.pathname === bridgePath ? options.bridgeFile : resolveAsset(options.rendererDir, url.pathname);
      if (request.method !== 'GET' || file === undefined) {
        response.writeHead(404).end('Not found');
        return;
      }
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        response.writeHead(404).end('Not found');
        return;
      }
      if (file.endsWith('.html')) body = Buffer.from(withBridge(body.toString('utf8')));
      response.writeHead(200, {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': csp,
        'Cache-Control': 'no-store',
        ...securityHeaders,
      });
      response.end(body);
    })().catch((error: unknown) => {
      logger.error('a preview HTTP request failed', { error });
      response.destroy();
    });
  });

  // One bad client must never end the host: every error of a socket, a connection or the server is logged and
  // at most that connection is dropped (ws closes it itself after a protocol error, e.g. a frame over 1 MiB).
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  wss.on('error', (error) => logger.error('the preview WebSocket server failed', { error }));
  server.on('clientError', (error, socket) => {
    logger.warn('dropped a malformed preview HTTP connection', { error });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', (error) => logger.warn('a preview connection failed', { error }));
    if (!isAllowedUpgrade(request, origin, token)) {
      logger.warn('refused a preview WebSocket', { origin: request.headers.origin });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('error', (error) => {
        logger.warn('dropped a preview WebSocket after a protocol error', { error });
        ws.terminate();
      });
      ws.on('close', () => {
        sockets.delete(ws);
        visibility.closed(ws);
        if (lastActive === ws) lastActive = undefined;
      });
      ws.on('message', (data) => {
        lastActive = ws;
        answer(ws, data.toString()).catch((error: unknown) => {
          logger.error('a preview request failed outside the contract gate; dropping its connection', { error });
          ws.terminate();
        });
      });
    });
  });

  const answer = async (ws: WebSocket, text: string): Promise<void> => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      logger.warn('ignored a preview message that is not JSON');
      return;
    }
    const seen = visibilityMessageSchema.safeParse(json);
    if (seen.success) {
      visibility.report(ws, seen.data.visible);
      return;
    }
    const message = clientMessageSchema.safeParse(json);
    if (!message.success) {
      logger.warn('ignored a malformed preview message');
      const id = (json as { id?: unknown } | null)?.id;
      if (typeof id === 'number')
        send(ws, { type: 'result', id, result: { ok: false, error: invalidInput(message.error, 'message') } });
      return;
    }
    const { id, channel, arg } = message.data;
    const result = await dispatch(channel, arg, { frameUrl: `${origin}/`, isMainFrame: true });
    if (ws.readyState === ws.OPEN) send(ws, { type: 'result', id, result });
  };

  return {
    url: `${origin}/?token=${token}`,
    origin,
    get pageVisible() {
      return visibility.visible;
    },
    close: async () => {
      await services.stop();
      await closeAll(server, wss);
    },
  };
}

function withBridge(html: string): string {
  // A classic script at the top of <head> runs before the renderer's module script, as a preload would.
  return html.replace('<head>', `<head>\n    <script src="${bridgePath}"></script>`);
}

function isAllowedUpgrade(request: IncomingMessage, origin: string, token: string): boolean {
  const url = new URL(request.url ?? '/', origin);
  if (url.pathname !== wsPath || request.headers.origin !== origin) return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function closeAll(server: Server, wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((done) => wss.close(() => done()));
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}

export function defaultPreviewDataDir(): string {
  return process.env['CLOUD_DESK_DATA_DIR']
    ? resolve(process.env['CLOUD_DESK_DATA_DIR'])
    : join(homedir(), '.cloud-desk-preview');
}
