import { AuthError } from '@azure/msal-node';
import { RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { classifyAuthError } from '../auth/auth-errors.js';
import { isConnectivityError } from './connectivity.js';
import { networkProblemOf, proxyAuthRequired, proxyUnreachable } from './network-errors.js';

const nodeError = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('network problems in words', () => {
  it('says DNS failure for a name that does not resolve, naming it', () => {
    const problem = networkProblemOf(
      nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND login.contoso.test'),
      'login.contoso.test',
    );
    expect(problem?.kind).toBe('dns_failure');
    expect(problem?.message).toMatch(/^DNS failure: the name login\.contoso\.test could not be resolved/);
    expect(isConnectivityError(problem)).toBe(true);
  });

  it('says offline when the network is unreachable', () => {
    const problem = networkProblemOf({ message: 'wrapped', cause: nodeError('ENETUNREACH') }, 'management.azure.com');
    expect(problem?.message).toMatch(/^Offline: management\.azure\.com could not be reached \(ENETUNREACH\)/);
  });

  it('keeps its kind and words through the SDK RestError and the MSAL AuthError wrappers', () => {
    const original = proxyAuthRequired('http://proxy.contoso.com:8080', false);
    const rest = new RestError(original.message, { code: original.code });
    expect(networkProblemOf(rest)?.kind).toBe('proxy_auth_required');
    const auth = new AuthError(original.code, '', original.message);
    expect(classifyAuthError(auth)).toEqual({ kind: 'error', message: original.message });
  });

  it('counts an unreachable proxy as offline for the app, with the proxy words for the user', () => {
    const problem = proxyUnreachable('http://127.0.0.1:9', nodeError('ECONNREFUSED'));
    expect(classifyAuthError(new AuthError(problem.code, '', problem.message))).toEqual({
      kind: 'offline',
      message: expect.stringMatching(/^Proxy unreachable: .*http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/),
    });
  });

  it('leaves errors that are not about the network alone', () => {
    expect(
      networkProblemOf(new RestError('Forbidden', { statusCode: 403, code: 'AuthorizationFailed' })),
    ).toBeUndefined();
  });
});
