// Typed client for the emulator's admin API, for tests and tools. Talks only to the emulator it was made for,
// trusting only that run's CA; it never touches Azure.
import { request } from 'node:https';
import type { ActiveFault, FaultRuleInput } from '../core/faults.js';
import type { RequestLogSnapshot } from '../core/request-log.js';
import type { SessionSummary } from '../identity/service.js';
import type { PowerState, ScenarioInput } from '../scenario.js';

export interface ClockState {
  epochMs: number;
  iso: string;
  offsetMs: number;
}

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export class AdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly adminToken: string,
    private readonly caPem: string,
  ) {}

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(`/_emulator${path}`, this.baseUrl);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise<T>((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          ca: this.caPem,
          headers: {
            authorization: `Bearer ${this.adminToken}`,
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = JSON.parse(text) as unknown;
            } catch {
              reject(new AdminApiError(res.statusCode ?? 0, `Admin API answered non-JSON: ${text.slice(0, 200)}`));
              return;
            }
            if ((res.statusCode ?? 500) >= 400) {
              const error = typeof json === 'object' && json !== null && 'error' in json ? json.error : undefined;
              const message =
                typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
                  ? error.message
                  : text;
              reject(new AdminApiError(res.statusCode ?? 0, message));
              return;
            }
            resolve(json as T);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  health(): Promise<{ ok: boolean; scenario: string }> {
    return this.call('GET', '/health');
  }

  /** Resets identity and ARM state to the current scenario, or to a new one ('demo', 'fleet', a path, an object). */
  reset(scenario?: string | ScenarioInput): Promise<{ scenario: string }> {
    return this.call('POST', '/reset', scenario === undefined ? {} : { scenario });
  }

  addFaults(spec: string | FaultRuleInput[]): Promise<{ added: ActiveFault[] }> {
    return this.call('POST', '/faults', typeof spec === 'string' ? { spec } : { rules: spec });
  }

  async listFaults(): Promise<ActiveFault[]> {
    return (await this.call<{ faults: ActiveFault[] }>('GET', '/faults')).faults;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  /** Continuous access evaluation: ARM answers the user's existing access tokens with a claims challenge. */
  async revokeAccessTokens(userId: string): Promise<void> {
    await this.call('POST', `/users/${encodeURIComponent(userId)}/revoke-access-tokens`);
  }

  async revokeRefreshTokens(userId: string): Promise<number> {
    return (await this.call<{ revoked: number }>('POST', `/users/${encodeURIComponent(userId)}/revoke-refresh-tokens`))
      .revoked;
  }

  async requireMfa(target: { userId?: string; tenantId?: string }): Promise<void> {
    await this.call('POST', '/requirements/mfa', target);
  }

  /** adminOnly: the tenant allows no user consent, so the sign-in page says "Need admin approval" (AADSTS90094). */
  async requireConsent(target: { userId?: string; tenantId?: string; adminOnly?: boolean }): Promise<void> {
    await this.call('POST', '/requirements/consent', target);
  }

  async clearRequirements(): Promise<void> {
    await this.call('DELETE', '/requirements');
  }

  async setVmPowerState(resourceId: string, state: PowerState): Promise<void> {
    await this.call('POST', '/vms/power', { resourceId, state });
  }

  requestLog(): Promise<RequestLogSnapshot> {
    return this.call('GET', '/requests');
  }

  async clearRequestLog(): Promise<void> {
    await this.call('DELETE', '/requests');
  }

  clock(): Promise<ClockState> {
    return this.call('GET', '/clock');
  }

  setClock(time: Date | number): Promise<ClockState> {
    return this.call('POST', '/clock', { epochMs: typeof time === 'number' ? time : time.getTime() });
  }

  advanceClock(seconds: number): Promise<ClockState> {
    return this.call('POST', '/clock', { advanceSeconds: seconds });
  }

  resetClock(): Promise<ClockState> {
    return this.call('POST', '/clock', { reset: true });
  }

  async sessions(): Promise<SessionSummary[]> {
    return (await this.call<{ sessions: SessionSummary[] }>('GET', '/sessions')).sessions;
  }

  /** tokenLifetimeSeconds: null restores Entra's random 60-90 minutes. */
  async updateSettings(settings: {
    tokenLifetimeSeconds?: number | null;
    latencyMs?: number;
    jitterMs?: number;
  }): Promise<void> {
    await this.call('PATCH', '/settings', settings);
  }
}
