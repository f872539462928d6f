import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
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

describe('preview host page visibility', () => {
  it("follows the pages' visibilitychange reports, and counts a closed page as gone", async () => {
    expect(host.pageVisible).toBe(false);
    const page = await connect(`?token=${token()}`, host.origin);
    page.send(JSON.stringify({ type: 'visibility', visible: true }));
    await expect.poll(() => host.pageVisible).toBe(true);
    page.send(JSON.stringify({ type: 'visibility', visible: false }));
    await expect.poll(() => host.pageVisible).toBe(false);
    page.send(JSON.stringify({ type: 'visibility', visible: true }));
    await expect.poll(() => host.pageVisible).toBe(true);
    page.close();
    await expect.poll(() => host.pageVisible).toBe(false);
  });
});

/** Opens a WebSocket by hand over TCP (valid token and Origin), so the test can then send frames no client would. */
function rawUpgrade(): Promise<Socket> {
  const { port, pathname } = new URL(host.url.replace('/?', `${wsPath}?`));
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(Number(port), '127.0.0.1', () => {
      socket.write(
        `GET ${pathname}?token=${token()} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
          `Sec-WebSocket-Version: 13\r\nOrigin: ${host.origin}\r\n\r\n`,
      );
    });
    socket.once('error', reject);
    socket.once('data', (data) => {
      if (data.toString('latin1').startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`no upgrade: ${data.toString('latin1').split('\r\n')[0]}`));
    });
  });
}

/** A client frame: masked unless told otherwise, with the 7/16/64-bit length forms. */
function frame(first: number, payload: Buffer, options: { masked?: boolean; claimLength?: number } = {}): Buffer {
  const masked = options.masked ?? true;
  const length = options.claimLength ?? payload.length;
  const header =
    length < 126
      ? Buffer.from([first, (masked ? 0x80 : 0) | length])
      : length < 65536
        ? Buffer.from([first, (masked ? 0x80 : 0) | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([first, (masked ? 0x80 : 0) | 127]), bigLength(length)]);
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  return Buffer.concat([header, mask, Buffer.from(payload.map((byte, n) => byte ^ (mask[n % 4] ?? 0)))]);
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

describe('preview host on a data folder it cannot write', () => {
  it('starts, says so in a notice, keeps settings in memory and points to no log file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cloud-desk-preview-ro-'));
    writeFileSync(join(root, 'in-the-way'), '');
    const stuck = await startPreviewHost({
      port: 0,
      dataDir: join(root, 'in-the-way', 'data'),
      rendererDir: root,
      bridgeFile: join(root, 'bridge.js'),
      version: '9.9.9',
    });
    try {
      const query = `?token=${new URL(stuck.url).searchParams.get('token') ?? ''}`;
      const ws = await new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(`${stuck.origin.replace('http', 'ws')}${wsPath}${query}`, {
          origin: stuck.origin,
        });
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
      const notices = (await ask(ws, { id: 1, channel: 'app.getNotices' })) as {
        value: { id: string; message: string }[];
      };
      const notice = notices.value.find((item) => item.id === 'data-folder-unwritable');
      expect(notice?.message).toContain(join(root, 'in-the-way', 'data'));
      expect(await ask(ws, { id: 2, channel: 'settings.set', arg: { theme: 'dark' } })).toMatchObject({
        ok: true,
        value: { theme: 'dark' },
      });
      ws.close();
    } finally {
      await stuck.close();
    }
  });
});

describe('preview host against bad WebSocket frames', () => {
  const text = 0x81;
  const cases: [string, Buffer][] = [
    ['a frame announcing more than 1 MiB', frame(text, Buffer.alloc(16), { claimLength: 2 * 1024 * 1024 })],
    ['text that is not UTF-8', frame(text, Buffer.from([0xc3, 0x28, 0xff, 0xfe]))],
    ['an unmasked client frame', frame(text, Buffer.from('{"id":1}'), { masked: false })],
    ['a reserved opcode', frame(0x83, Buffer.from('x'))],
    ['RSV1 set without a negotiated extension', frame(0xc1, Buffer.from('x'))],
    ['a fragmented ping', frame(0x09, Buffer.from('x'))],
    ['a close frame with an invalid status code', frame(0x88, Buffer.from([0x03, 0xe7]))],
    ['a continuation with nothing to continue', frame(0x80, Buffer.from('x'))],
  ];

  it.each(cases)('drops the connection after %s and keeps answering others', async (_name, bad) => {
    const socket = await rawUpgrade();
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined);
    socket.write(bad);
    await closed;
    const ws = await connect(`?token=${token()}`, host.origin);
    expect(await ask(ws, { id: 1, channel: 'settings.get' })).toMatchObject({ ok: true });
    ws.close();
  });

  it('answers a malformed HTTP request with 400 and keeps answering others', async () => {
    const { port } = new URL(host.origin);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = tcpConnect(Number(port), '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nBad Header\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.once('close', () => resolve(text));
      socket.once('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('drops a connection whose client vanishes mid-frame, and keeps answering others', async () => {
    const socket = await rawUpgrade();
    socket.write(frame(text, Buffer.alloc(200)).subarray(0, 50));
    socket.resetAndDestroy();
    const ws = await connect(`?token=${token()}`, host.origin);
    expect(await ask(ws, { id: 1, channel: 'settings.get' })).toMatchObject({ ok: true });
    ws.close();
  });
});
