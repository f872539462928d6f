// Serving the built renderer safely: map a request path to a file strictly inside the renderer folder (no
// traversal, no absolute paths, no encoded escapes), its content type, and the Content-Security-Policy every
// page gets. Shared by the Electron `app://` protocol and the preview host. No Electron imports.
import { isAbsolute, relative, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Resolves a URL pathname to a file under `root`, or undefined when it would leave `root` or is malformed.
 * `/` is the single-page app's index.html; anything else must name a file.
 */
export function resolveAsset(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const trimmed = decoded.replace(/^\/+/, '');
  const wanted = trimmed === '' ? 'index.html' : trimmed;
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, wanted);
  const inside = relative(absoluteRoot, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
    return undefined;
  }
  return target;
}

export function contentTypeOf(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  return (dot >= 0 && contentTypes[filePath.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/**
 * The renderer's CSP. Scripts only from our own origin (no inline, no eval); styles allow inline because
 * Fluent UI's CSS-in-JS inserts rules at run time; nothing remote. `connectSources` is empty in Electron
 * (the renderer talks to main over IPC) and the preview's WebSocket in the preview.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSources.length > 0 ? connectSources.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;
