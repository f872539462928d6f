// Pooled connections end before the server ends them: a server that announces `Keep-Alive: timeout=2` sees the
// idle connection closed by Cloud Desk in time, so no call is ever written to a connection the server is closing.
import { createServer, type Server } from 'node:https';
import { request } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createTlsMaterial } from '../../emulator/core/tls.js';
import { waitFor } from '../../emulator/arm/test-harness.js';
import { testNetwork } from './testing/network.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

it('closes an idle pooled connection before the keep-alive timeout the server announced', async () => {
  const tls = createTlsMaterial();
  const sockets: Socket[] = [];
  const closed = new Set<Socket>();
  server = createServer({ cert: tls.certPem, key: tls.keyPem }, (_request, response) => {
    // The server would keep the connection far longer than it says; only the client can end it in time.
    response.setHeader('keep-alive', 'timeout=2');
    response.end('{}');
  });
  server.keepAliveTimeout = 60_000;
  server.on('secureConnection', (socket: Socket) => {
    sockets.push(socket);
    socket.on('close', () => closed.add(socket));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const url = `https://localhost:${(server.address() as AddressInfo).port}/`;
  const agent = await testNetwork().agentFor(url, tls.caPem);
  await new Promise<void>((resolve, reject) => {
    const call = request(url, { agent }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    call.on('error', reject);
    call.end();
  });
  expect(sockets).toHaveLength(1);
  await waitFor(() => sockets.every((socket) => closed.has(socket)), 5_000);
});
