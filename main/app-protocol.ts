// The `app://cloud-desk/` scheme the renderer is served from: privileged like https (secure, standard) so the
// page gets a real origin, files only from the built renderer folder, and the strict CSP on every response.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy, contentTypeOf, resolveAsset, securityHeaders } from './static-files.js';

export const appScheme = 'app';
export const appHost = 'cloud-desk';
export const appOrigin = `${appScheme}://${appHost}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererRoot: string): void {
  const csp = contentSecurityPolicy();
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveAsset(rendererRoot, url.pathname) : undefined;
    if (file === undefined || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': csp, ...securityHeaders },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
