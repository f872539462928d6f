import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startPreviewHost, type PreviewHost } from './host.js';
import { wsPath } from './protocol.js';

let host: PreviewHost;

beforeEach(async () => {
  const root = mkdtempSync(join(tmpdir(), 'cloud-desk-preview-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  writeFileSync(join(root, 'bridge.js'), '/* bridge */');
  host = await startPreviewHost({
    port: 0,
    dataDir: join(root, 'data'),
    rendererDir,
    bridgeFile: join(root, 'bridge.js'),
    version: '9.9.9',
  });
});

afterEach(() => host.close());

const token = () => new URL(host.url).searchParams.get('token') ?? '';

function connect(query: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}${wsPath}${query}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

function ask(ws: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const parsed = JSON.parse(String(data)) as { type: string; result?: unknown };
      if (parsed.type === 'result') resolve(parsed.result);
    });
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('preview host HTTP', () => {
  it('serves the renderer with the bridge first in <head> and the strict CSP', async () => {
    const response = await fetch(host.url);
    const html = await response.text();
    expect(html).toMatch(/<head>\s*<script src="\/__preview\/bridge.js"><\/script>/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ${host.origin.replace('http', 'ws')}`);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt']) {
      const response = await fetch(`${host.origin}${path}`);
      expect(response.status).toBe(404);
    }
  });
});

describe('preview host WebSocket', () => {
  it('refuses a wrong token and a foreign origin', async () => {
    await expect(connect('?token=nope', host.origin)).rejects.toThrow('HTTP 403');
    await expect(connect('', host.origin)).rejects.toThrow('HTTP 403');
    await expect(connect(`?token=${token()}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('answers contract requests and rejects malformed ones with invalid_input', async () => {
    const ws = await connect(`?token=${token()}`, host.origin);
    expect(await ask(ws, { id: 1, channel: 'settings.get' })).toMatchObject({ ok: true, value: { theme: 'system' } });
    expect(await ask(ws, { id: 2, channel: 'settings.set', arg: { theme: 7 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', detail: 'theme' },
    });
    expect(await ask(ws, { id: 3, channel: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ws.close();
  });
});
