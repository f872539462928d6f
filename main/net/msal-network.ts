// MSAL's network client on node:https, so a cloud's extra CA bundle is trusted and every sign-in call tells
// Connectivity whether the host answered. msal-node 7 has no agent or proxy options; INetworkModule is its
// extension point for exactly this. No Electron imports.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { Agent, request } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { Connectivity } from './connectivity.js';

export class MsalNetworkClient implements INetworkModule {
  private readonly agent: Agent;

  constructor(
    private readonly connectivity: Connectivity,
    caPem: string | undefined,
  ) {
    this.agent = new Agent({ keepAlive: true, ...(caPem ? { ca: [...rootCertificates, caPem] } : {}) });
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private send<T>(
    method: string,
    url: string,
    options: NetworkRequestOptions | undefined,
    timeout = 30_000,
  ): Promise<NetworkResponse<T>> {
    const body = options?.body;
    return new Promise((resolve, reject) => {
      const call = request(
        url,
        {
          method,
          agent: this.agent,
          timeout,
          headers: {
            ...options?.headers,
            ...(body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body).toString() }),
          },
        },
        (response) => {
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
      call.on('error', (error) => {
        this.connectivity.reportFailure(error);
        reject(error);
      });
      if (body !== undefined) call.write(body);
      call.end();
    });
  }
}
