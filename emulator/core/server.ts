// The emulator's HTTPS front door: request/correlation ids, latency, fault injection and the request log,
// then dispatch to the route handlers (admin, Entra ID, ARM). No Azure behaviour lives here.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { decodeJwt } from 'jose';
import type { RequestContext } from '../types.js';
import { applyBodyFault, writeForbiddenFault, writeStatusFault } from './fault-responses.js';
import type { FaultTable } from './faults.js';
import { defaultRoute, type RequestLog } from './request-log.js';

/** Handles the request and returns true, or returns false without touching `res`. */
export type RouteHandler = (
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
  url: URL,
  ctx: RequestContext,
) => Promise<boolean>;

export interface PipelineSettings {
  latencyMs: number;
  jitterMs: number;
}

export interface PipelineDeps {
  handlers: RouteHandler[];
  faults: FaultTable;
  log: RequestLog;
  settings: PipelineSettings;
  now(): number;
}

const maxBodyBytes = 1024 * 1024;
const adminPrefix = '/_emulator/';

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function subjectFromBearer(req: IncomingMessage): string | undefined {
  const auth = header(req, 'authorization');
  if (!auth?.toLowerCase().startsWith('bearer ')) return undefined;
  try {
    const claims = decodeJwt(auth.slice(7).trim());
    const oid = claims['oid'];
    if (typeof oid === 'string') return oid;
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(deps, req, res);
  };
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', `https://${header(req, 'host') ?? 'localhost'}`);
  const clientCorrelation = header(req, 'x-ms-correlation-request-id') ?? header(req, 'client-request-id');
  const ctx: RequestContext = {
    requestId: randomUUID(),
    correlationId: clientCorrelation ?? randomUUID(),
    route: undefined,
    subject: undefined,
  };
  res.setHeader('x-ms-request-id', ctx.requestId);
  res.setHeader('x-ms-correlation-request-id', ctx.correlationId);
  const clientRequestId = header(req, 'client-request-id');
  if (clientRequestId !== undefined) res.setHeader('client-request-id', clientRequestId);
  res.setHeader('cache-control', 'no-store');

  const isAdmin = url.pathname.startsWith(adminPrefix);
  let faultName: string | undefined;
  const finish = (): void => {
    if (isAdmin) return;
    deps.log.record({
      time: new Date(deps.now()).toISOString(),
      method,
      path: url.pathname,
      route: ctx.route ?? defaultRoute(method, url.pathname),
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
      subject: ctx.subject ?? subjectFromBearer(req),
      requestId: ctx.requestId,
      fault: faultName,
    });
  };
  res.once('close', finish);

  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    if (!res.headersSent) writeJson(res, 413, { error: { code: 'RequestTooLarge', message: 'Body too large.' } });
    return;
  }

  if (!isAdmin) {
    const { latencyMs, jitterMs } = deps.settings;
    await delay(latencyMs + (jitterMs > 0 ? Math.random() * jitterMs : 0));
    const fault = deps.faults.take(method, url.pathname);
    if (fault) {
      faultName = fault.kind;
      if (fault.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === '403') {
        writeForbiddenFault(res, method, url.pathname, ctx.subject ?? subjectFromBearer(req));
        return;
      }
      if (fault.kind === '429' || fault.kind === '500' || fault.kind === '503' || fault.kind === '504') {
        writeStatusFault(res, fault.kind, url.pathname, ctx, deps.now(), fault.arg);
        return;
      }
      applyBodyFault(res, fault.kind, fault.arg ?? 3000);
    }
  }

  try {
    for (const handler of deps.handlers) {
      if (await handler(req, body, res, url, ctx)) return;
    }
    writeJson(res, 404, {
      error: { code: 'NotFound', message: `The emulator has no route for ${method} ${url.pathname}.` },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!res.headersSent) {
      writeJson(res, 500, {
        error: { code: 'InternalServerError', message: `Emulator error: ${message}` },
      });
    } else {
      res.destroy();
    }
  }
}

export function createHttpsServer(
  tls: { keyPem: string; certPem: string },
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  return createServer({ key: tls.keyPem, cert: tls.certPem }, listener);
}
