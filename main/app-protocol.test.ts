// The app:// protocol handler against a typed fake of `electron`: privileged like https, files only from the
// renderer folder, the strict CSP on every response, nothing but GET.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './testing/fake-electron.js';

vi.mock('electron', async () => {
  const { fakeElectron: fake } = await import('./testing/fake-electron.js');
  return {
    get protocol() {
      return fake.protocol;
    },
  };
});

const { registerAppScheme, serveRenderer } = await import('./app-protocol.js');

const root = mkdtempSync(join(tmpdir(), 'cloud-desk-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Cloud Desk</title>');
writeFileSync(join(root, 'assets', 'index.js'), 'export {};');
writeFileSync(join(tmpdir(), 'cloud-desk-secret.txt'), 'secret');

async function get(url: string, method = 'GET'): Promise<Response> {
  const handler = fakeElectron.protocol.handlers.get('app');
  if (!handler) throw new Error('no app: handler');
  return handler(new Request(url, { method }) as never) as Promise<Response>;
}

describe('app:// protocol', () => {
  beforeEach(() => {
    fakeElectron.reset();
    registerAppScheme();
    serveRenderer(root);
  });

  it('is registered as a secure, standard scheme', () => {
    expect(fakeElectron.protocol.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('serves the renderer with the strict CSP and no-sniff', async () => {
    const response = await get('app://cloud-desk/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Cloud Desk</title>');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await get('app://cloud-desk/assets/index.js')).headers.get('Content-Type')).toMatch(/javascript/);
  });

  it.each([
    ['a path out of the folder', 'app://cloud-desk/../cloud-desk-secret.txt'],
    ['an encoded traversal', 'app://cloud-desk/%2e%2e/cloud-desk-secret.txt'],
    ['an encoded backslash', 'app://cloud-desk/..%5ccloud-desk-secret.txt'],
    ['another host', 'app://evil/index.html'],
    ['a missing file', 'app://cloud-desk/nope.js'],
  ])('answers 404 to %s', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers 404 to anything but GET', async () => {
    expect((await get('app://cloud-desk/index.html', 'POST')).status).toBe(404);
  });
});
