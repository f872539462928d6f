// MSAL's network client on node:https through the one network configuration (proxy and trusted certificates), so
// every sign-in call takes the same route as the Azure SDK and tells Connectivity whether the host answered.
// msal-node 7 has no agent or proxy options; INetworkModule is its extension point for exactly this. A network
// failure is rejected as an AuthError carrying the problem's code and words, which MSAL passes on unchanged.
// Connections are pooled (keep-alive): a call written to one the server had just closed as idle is sent again on a
// new connection (Node's documented answer to `request.reusedSocket`), never reported as offline. The Azure SDK's
// pipeline retries these resets itself. No Electron imports.
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { request } from 'node:https';
import type { Connectivity } from './connectivity.js';
import type { NetworkConfig } from './network-config.js';

const staleConnectionTries = 3;

export class MsalNetworkClient implements INetworkModule {
  constructor(
    private readonly network: NetworkConfig,
    /** Where this cloud's calls report whether the host answered. */
    private readonly connectivity: Connectivity,
    private readonly caPem: string | undefined,
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: string,
    url: string,
    options: NetworkRequestOptions | undefined,
    timeout = 30_000,
  ): Promise<NetworkResponse<T>> {
    try {
      const agent = await this.network.agentFor(url, this.caPem);
      // Each stale connection fails once and leaves the pool; a few tries reach a fresh one.
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.call<T>(method, url, options, timeout, agent);
        } catch (error) {
          if (!(error instanceof StaleConnectionError) || attempt === staleConnectionTries) throw error;
        }
      }
    } catch (error) {
      const problem = await this.network.explain(error, url);
      this.connectivity.reportFailure(problem ?? error);
      if (!problem) throw error;
      throw Object.assign(new AuthError(problem.code, '', problem.message), { cause: problem });
    }
  }

  private call<T>(
    method: string,
    url: string,
    options: NetworkRequestOptions | undefined,
    timeout: number,
    agent: Awaited<ReturnType<NetworkConfig['agentFor']>>,
  ): Promise<NetworkResponse<T>> {
    const body = options?.body;
    return new Promise((resolve, reject) => {
      let answered = false;
      const call = request(
        url,
        {
          method,
          agent,
          timeout,
          headers: {
            ...options?.headers,
            ...(body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body).toString() }),
          },
        },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            this.connectivity.reportSuccess();
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? {} : JSON.parse(text);
            } catch {
              // Entra always answers JSON; anything else (a proxy's HTML page) is reported as an error body.
              parsed = {
                error: 'invalid_response',
                error_description: `Unexpected response from ${new URL(url).host}`,
              };
            }
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({ headers, body: parsed as T, status: response.statusCode ?? 0 });
          });
        },
      );
      call.on('timeout', () =>
        call.destroy(Object.assign(new Error(`Timed out calling ${url}`), { code: 'ETIMEDOUT' })),
      );
      call.on('error', (error: NodeJS.ErrnoException) => {
        const stale = call.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        reject(stale ? new StaleConnectionError(error) : error);
      });
      if (body !== undefined) call.write(body);
      call.end();
    });
  }
}

/** The server closed a pooled connection before reading the call written to it: the call never reached it. */
class StaleConnectionError extends Error {
  constructor(cause: NodeJS.ErrnoException) {
    super('the server closed the kept-alive connection before the call reached it', { cause });
    this.name = 'StaleConnectionError';
  }
}
