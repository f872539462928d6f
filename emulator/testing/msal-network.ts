// An MSAL INetworkModule that trusts one extra CA (the emulator's), for tests and tools that cannot set
// NODE_EXTRA_CA_CERTS before start-up. Test/tool code only; the app has its own network port for custom CAs.
import { request } from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { rootCertificates } from 'node:tls';

function send<T>(
  method: 'GET' | 'POST',
  url: string,
  ca: string[],
  options?: NetworkRequestOptions,
): Promise<NetworkResponse<T>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, ca, headers: options?.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ headers, body: JSON.parse(text) as T, status: res.statusCode ?? 0 });
        } catch (err) {
          reject(
            new Error(`Failed to parse response from ${url}: ${err instanceof Error ? err.message : String(err)}`),
          );
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options?.body);
  });
}

/** Trusts the public roots plus `extraCaPem`, so one MSAL app can talk to the emulator and real Azure alike. */
export function networkModuleTrusting(extraCaPem: string): INetworkModule {
  const ca = [...rootCertificates, extraCaPem];
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('GET', url, ca, options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, ca, options),
  };
}
