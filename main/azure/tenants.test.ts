// Why a tenant list failed, in words, from the errors the SDK raises: no network, a deadline, throttling (with
// the wait it asked for), a server in trouble, a refusal, an answer that cannot be read; with ARM's ids.
import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import type { CloudEndpoints } from '../clouds.js';
import { DeadlineError, tenantListProblem } from './tenants.js';

const cloud: CloudEndpoints = {
  id: 'azure',
  name: 'Azure',
  kind: 'public',
  authorityHost: 'https://login.example',
  armEndpoint: 'https://management.example',
  armAudience: 'https://management.example/',
};

function answered(status: number, headers: Record<string, string> = {}): RestError {
  const request = createPipelineRequest({ url: 'https://management.example/tenants' });
  return new RestError(`HTTP ${status}`, {
    statusCode: status,
    request,
    response: { status, headers: createHttpHeaders(headers), request },
  });
}

describe('tenantListProblem', () => {
  it('says throttled with the wait Azure asked for, and keeps the request ids', () => {
    const problem = tenantListProblem(
      answered(429, { 'retry-after': '90', 'x-ms-request-id': 'r-1', 'x-ms-correlation-request-id': 'c-1' }),
      cloud,
    );
    expect(problem).toEqual({
      code: 'throttled',
      message: expect.stringContaining('it asked to wait 90 s'),
      requestId: 'r-1',
      correlationId: 'c-1',
    });
  });

  it.each([
    [answered(503), 'unavailable', /HTTP 503/],
    [answered(403), 'forbidden', /refused to list/],
    [new DeadlineError(20_000), 'timeout', /did not answer within 20 s/],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'offline', /management\.example/],
    [new SyntaxError('Unexpected end of JSON input'), 'bad_response', /could not be read/],
    [new Error('something else'), 'internal', /something else/],
  ])('words %s as %s', (error, code, words) => {
    expect(tenantListProblem(error, cloud)).toMatchObject({ code, message: expect.stringMatching(words) });
  });
});
