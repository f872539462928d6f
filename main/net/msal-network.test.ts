// MSAL's network client over pooled connections: a server may close an idle kept-alive connection just as the
// next sign-in call is written to it (its keep-alive timeout, 5 s in Node's server, lands between two steps of a
// sign-in). That call never reached the server: it is sent again on a new connection, and the cloud stays online.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTlsMaterial, type TlsMaterial } from '../../emulator/core/tls.js';
import { Connectivity } from './connectivity.js';
import { MsalNetworkClient } from './msal-network.js';
import { testNetwork } from './testing/network.js';

let tls: TlsMaterial;
let server: Server | undefined;

beforeAll(() => {
  tls = createTlsMaterial();
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Answers every request with JSON, except that a connection's second request finds the connection closed. */
async function closingServer(): Promise<{ url: string; answered: () => number }> {
  const requestsBySocket = new WeakMap<object, number>();
  let answered = 0;
  server = createServer({ cert: tls.certPem, key: tls.keyPem }, (request, response) => {
    const seen = (requestsBySocket.get(request.socket) ?? 0) + 1;
    requestsBySocket.set(request.socket, seen);
    if (seen > 1) {
      request.socket.destroy();
      return;
    }
    answered += 1;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ answer: answered }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `https://localhost:${port}/token`, answered: () => answered };
}

describe('MSAL calls on a kept-alive connection', () => {
  it('sends a call again on a new connection when the server had closed the reused one', async () => {
    const { url, answered } = await closingServer();
    const connectivity = new Connectivity();
    const client = new MsalNetworkClient(testNetwork(), connectivity, tls.caPem);
    await expect(client.sendGetRequestAsync(url)).resolves.toMatchObject({ status: 200, body: { answer: 1 } });
    await expect(client.sendPostRequestAsync(url, { body: 'grant_type=authorization_code' })).resolves.toMatchObject({
      status: 200,
      body: { answer: 2 },
    });
    expect(answered()).toBe(2);
    expect(connectivity.online).toBe(true);
  });

  it('still reports a connection reset on a new connection as offline', async () => {
    server = createServer({ cert: tls.certPem, key: tls.keyPem }, (request) => request.socket.destroy());
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const connectivity = new Connectivity();
    const client = new MsalNetworkClient(testNetwork(), connectivity, tls.caPem);
    await expect(client.sendGetRequestAsync(`https://localhost:${port}/token`)).rejects.toMatchObject({
      errorCode: 'NETWORK_OFFLINE',
    });
    expect(connectivity.online).toBe(false);
  });
});
