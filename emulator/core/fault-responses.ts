// What an injected fault looks like on the wire: bodies shaped like real ARM and Entra ID failures.
// Renders responses only; choosing which request fails is faults.ts's job.
import type { ServerResponse } from 'node:http';
import type { FaultKind } from './faults.js';
import type { RequestContext } from '../types.js';

function isIdentityPath(path: string): boolean {
  return /\/oauth2\/|\/discovery\/|openid-configuration|\/devicelogin/i.test(path);
}

function entraTimestamp(now: number): string {
  return new Date(now)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

const entraFaults: Record<'429' | '500' | '503' | '504', { error: string; code: number; text: string }> = {
  '429': { error: 'temporarily_unavailable', code: 90055, text: 'There are too many incoming requests.' },
  '500': { error: 'server_error', code: 90033, text: 'A transient error has occurred. Please try again.' },
  '503': { error: 'temporarily_unavailable', code: 90033, text: 'A transient error has occurred. Please try again.' },
  '504': { error: 'temporarily_unavailable', code: 90033, text: 'A transient error has occurred. Please try again.' },
};

/** Writes a 429/500/503/504 in the style of the service that owns the path. */
export function writeStatusFault(
  res: ServerResponse,
  kind: '429' | '500' | '503' | '504',
  path: string,
  ctx: RequestContext,
  now: number,
  retryAfterSeconds: number | undefined,
): void {
  const status = Number(kind);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (kind === '429' || kind === '503') headers['retry-after'] = String(retryAfterSeconds ?? (kind === '429' ? 5 : 10));
  let body: unknown;
  if (isIdentityPath(path)) {
    const f = entraFaults[kind];
    const ts = entraTimestamp(now);
    body = {
      error: f.error,
      error_description: `AADSTS${f.code}: ${f.text} Trace ID: ${ctx.requestId} Correlation ID: ${ctx.correlationId} Timestamp: ${ts}`,
      error_codes: [f.code],
      timestamp: ts,
      trace_id: ctx.requestId,
      correlation_id: ctx.correlationId,
    };
  } else if (kind === '429') {
    headers['x-ms-ratelimit-remaining-subscription-reads'] = '0';
    body = {
      error: {
        code: 'SubscriptionRequestsThrottled',
        message:
          `Number of 'read' requests for subscription actor '${ctx.subject ?? 'unknown'}' exceeded. ` +
          `Please try again after '${headers['retry-after']}' seconds after the last request.`,
      },
    };
  } else if (kind === '500') {
    body = {
      error: {
        code: 'InternalServerError',
        message:
          `Encountered internal server error. Diagnostic information: timestamp '${new Date(now).toISOString()}', ` +
          `tracking id '${ctx.requestId}', request correlation id '${ctx.correlationId}'.`,
      },
    };
  } else if (kind === '503') {
    body = { error: { code: 'ServiceUnavailable', message: 'The server is currently unable to handle the request.' } };
  } else {
    body = {
      error: {
        code: 'GatewayTimeout',
        message: "The gateway did not receive a response from 'Microsoft.Compute' within the specified time period.",
      },
    };
  }
  const text = JSON.stringify(body);
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(status, headers);
  res.end(text);
}

/**
 * ARM's RBAC refusal for the request's path, as if the caller's role assignment had just been removed: 403
 * `AuthorizationFailed` naming the action a read or write of that resource type needs.
 */
export function writeForbiddenFault(
  res: ServerResponse,
  method: string,
  path: string,
  subject: string | undefined,
): void {
  const provider = /\/providers\/([^/]+\/[^/]+)/i.exec(path)?.[1] ?? 'Microsoft.Resources/subscriptions';
  const action = `${provider}/${method === 'GET' ? 'read' : 'write'}`;
  const scope = path.replace(/\/providers\/[^/]+\/[^/]+$/i, '');
  const text = JSON.stringify({
    error: {
      code: 'AuthorizationFailed',
      message:
        `The client '${subject ?? 'unknown'}' with object id '${subject ?? 'unknown'}' does not have authorization ` +
        `to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently ` +
        'granted, please refresh your credentials.',
    },
  });
  res.writeHead(403, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export type BodyFault = Extract<FaultKind, 'truncate' | 'malformed' | 'slow'>;

type WriteFn = ServerResponse['write'];
type EndFn = ServerResponse['end'];

function toBuffer(chunk: unknown): Buffer | undefined {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return undefined;
}

/** Breaks JSON while keeping its length, so a declared Content-Length stays true. */
function malform(body: Buffer): Buffer {
  const out = Buffer.from(body);
  for (let i = out.length - 1; i >= 0; i -= 1) {
    const c = out[i];
    if (c === undefined || c === 0x20 || c === 0x0a || c === 0x0d) continue;
    out[i] = c === 0x7d ? 0x5d : 0x7d;
    return out;
  }
  return Buffer.from('<html>');
}

/**
 * Holds back whatever the handler writes, then delivers it damaged: cut in half, syntactically broken, or
 * dripped slowly over `slowMs`.
 */
export function applyBodyFault(res: ServerResponse, kind: BodyFault, slowMs: number): void {
  const chunks: Buffer[] = [];
  const realWrite: WriteFn = res.write.bind(res) as WriteFn;
  const realEnd: EndFn = res.end.bind(res) as EndFn;
  const realWriteHead = res.writeHead;
  // Headers are held back too, so a truncated body can go out without its original Content-Length.
  res.writeHead = ((status: number, a?: unknown, b?: unknown) => {
    res.statusCode = status;
    const headers = typeof a === 'string' ? b : a;
    if (typeof headers === 'object' && headers !== null && !Array.isArray(headers)) {
      for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
        if (typeof v === 'string' || typeof v === 'number' || Array.isArray(v))
          res.setHeader(k, v as string | number | string[]);
      }
    }
    return res;
  }) as ServerResponse['writeHead'];
  res.write = ((chunk: unknown) => {
    const b = toBuffer(chunk);
    if (b) chunks.push(b);
    return true;
  }) as WriteFn;
  res.end = ((chunk?: unknown) => {
    const b = toBuffer(chunk);
    if (b) chunks.push(b);
    res.write = realWrite;
    res.end = realEnd;
    res.writeHead = realWriteHead;
    deliver(Buffer.concat(chunks));
    return res;
  }) as EndFn;

  function deliver(body: Buffer): void {
    if (kind === 'malformed') {
      res.setHeader('content-length', String(body.length === 0 ? 6 : body.length));
      realEnd(malform(body));
      return;
    }
    if (kind === 'truncate') {
      const half = body.subarray(0, Math.floor(body.length / 2));
      if (res.headersSent) {
        // The length is already promised: send half and drop the connection, as a dying proxy would.
        realWrite(half, () => res.socket?.destroy());
      } else {
        res.removeHeader('content-length');
        realEnd(half);
      }
      return;
    }
    const pieces = 10;
    const size = Math.max(1, Math.ceil(body.length / pieces));
    let offset = 0;
    const step = (): void => {
      if (res.destroyed) return;
      const next = body.subarray(offset, offset + size);
      offset += size;
      if (offset >= body.length) {
        realEnd(next);
        return;
      }
      realWrite(next);
      setTimeout(step, slowMs / pieces);
    };
    res.setHeader('content-length', String(body.length));
    if (!res.headersSent) res.flushHeaders();
    setTimeout(step, slowMs / pieces);
  }
}
