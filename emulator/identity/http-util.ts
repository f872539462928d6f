// Small HTTP and protocol helpers shared by the emulator's Entra ID endpoints (cookies, HTML replies, random
// tokens, PKCE hashing, redirect URI matching). No endpoint logic and no state here.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Params = URLSearchParams;

export function readHeader(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (readHeader(req, 'cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export function writeHtml(res: ServerResponse, status: number, html: string, setCookie?: string): void {
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    'cache-control': 'no-store, no-cache',
    'x-frame-options': 'DENY',
  };
  if (setCookie !== undefined) headers['set-cookie'] = setCookie;
  res.writeHead(status, headers);
  res.end(html);
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** Entra accepts `http://localhost` (and 127.0.0.1) registrations for any loopback port. */
export function redirectMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  let r: URL;
  let q: URL;
  try {
    r = new URL(registered);
    q = new URL(requested);
  } catch {
    return false;
  }
  const loopback = (u: URL): boolean =>
    u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
  const path = (u: URL): string => (u.pathname === '' ? '/' : u.pathname);
  return loopback(r) && loopback(q) && r.hostname === q.hostname && path(r) === path(q) && q.search === '';
}

export function claimsDemandMfa(claims: string | null): boolean {
  if (claims === null || claims.length === 0) return false;
  return /capolids|acrs|"amr"|mfa/i.test(claims);
}
