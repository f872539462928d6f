// The emulator's admin API under /_emulator/: test levers (reset, faults, revocation, MFA/consent demands, VM
// power, clock, request log). Bearer-protected with the per-run admin token; it is never part of Azure's surface.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EmulatorClock } from '../core/clock.js';
import { faultRuleSchema, parseFaultSpec, type FaultTable } from '../core/faults.js';
import type { RequestLog } from '../core/request-log.js';
import type { PipelineSettings, RouteHandler } from '../core/server.js';
import type { IdentityService } from '../identity/service.js';
import { powerStates, type PowerState } from '../scenario.js';
import type { RequestContext } from '../types.js';

export interface AdminDeps {
  adminToken: string;
  identity: IdentityService;
  setVmPowerState(resourceId: string, state: PowerState): void;
  revokeAccessTokens(principalId: string): void;
  faults: FaultTable;
  log: RequestLog;
  clock: EmulatorClock;
  settings: PipelineSettings;
  /** Resets all state to the given scenario (or the current one) and returns the scenario's name. */
  reset(scenario: unknown): string;
  scenarioName(): string;
}

const requirementSchema = z.strictObject({ userId: z.string().optional(), tenantId: z.string().optional() });
const consentRequirementSchema = requirementSchema.extend({ adminOnly: z.boolean().optional() });
const faultsBodySchema = z.strictObject({
  spec: z.string().optional(),
  rules: z.array(faultRuleSchema).optional(),
});
const powerSchema = z.strictObject({ resourceId: z.string().min(1), state: z.enum(powerStates) });
const clockSchema = z.strictObject({
  epochMs: z.number().optional(),
  iso: z.string().optional(),
  advanceSeconds: z.number().optional(),
  reset: z.boolean().optional(),
});
const settingsSchema = z.strictObject({
  tokenLifetimeSeconds: z.number().int().positive().nullable().optional(),
  latencyMs: z.number().nonnegative().optional(),
  jitterMs: z.number().nonnegative().optional(),
});
const resetSchema = z.strictObject({ scenario: z.unknown().optional() });

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function parseBody<T>(schema: z.ZodType<T>, body: Buffer): T {
  let json: unknown = {};
  if (body.length > 0) {
    try {
      json = JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      throw new AdminError(400, 'The body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AdminError(400, `Invalid body: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`);
  }
  return parsed.data;
}

function authorized(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization ?? '';
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(auth);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createAdminHandler(deps: AdminDeps): RouteHandler {
  return async (req, body, res, url, ctx: RequestContext) => {
    if (!url.pathname.startsWith('/_emulator/')) return false;
    const method = req.method ?? 'GET';
    const path = url.pathname.slice('/_emulator'.length);
    ctx.route = `${method} /_emulator${path.replace(/\/users\/[^/]+/, '/users/{id}')}`;
    if (!authorized(req, deps.adminToken)) {
      res.setHeader('www-authenticate', 'Bearer realm="emulator-admin"');
      send(res, 401, {
        error: { code: 'Unauthorized', message: 'The admin API needs Authorization: Bearer <adminToken>.' },
      });
      return true;
    }
    try {
      const result = await route(deps, method, path, body);
      send(res, 200, result);
    } catch (err) {
      if (err instanceof AdminError) {
        send(res, err.status, {
          error: { code: err.status === 404 ? 'NotFound' : 'BadRequest', message: err.message },
        });
      } else {
        send(res, 400, { error: { code: 'BadRequest', message: err instanceof Error ? err.message : String(err) } });
      }
    }
    return true;
  };
}

async function route(deps: AdminDeps, method: string, path: string, body: Buffer): Promise<unknown> {
  const cae = /^\/users\/([^/]+)\/revoke-access-tokens$/.exec(path);
  if (method === 'POST' && cae) {
    deps.revokeAccessTokens(decodeURIComponent(cae[1] ?? ''));
    return { revoked: true };
  }
  const revoke = /^\/users\/([^/]+)\/revoke-refresh-tokens$/.exec(path);
  if (method === 'POST' && revoke) {
    return { revoked: deps.identity.revokeRefreshTokens(decodeURIComponent(revoke[1] ?? '')) };
  }
  switch (`${method} ${path}`) {
    case 'GET /health':
      return { ok: true, scenario: deps.scenarioName() };
    case 'POST /reset': {
      const { scenario } = parseBody(resetSchema, body);
      return { scenario: deps.reset(scenario) };
    }
    case 'GET /faults':
      return { faults: deps.faults.list() };
    case 'POST /faults': {
      const { spec, rules } = parseBody(faultsBodySchema, body);
      const all = [...(spec === undefined ? [] : parseFaultSpec(spec)), ...(rules ?? [])];
      if (all.length === 0) throw new AdminError(400, 'Give `spec` (fault spec text) or `rules`.');
      return { added: deps.faults.add(all) };
    }
    case 'DELETE /faults':
      deps.faults.clear();
      return { faults: [] };
    case 'POST /requirements/mfa':
      deps.identity.requireMfa(parseBody(requirementSchema, body));
      return { ok: true };
    case 'POST /requirements/consent':
      deps.identity.requireConsent(parseBody(consentRequirementSchema, body));
      return { ok: true };
    case 'DELETE /requirements':
      deps.identity.clearRequirements();
      return { ok: true };
    case 'POST /vms/power': {
      const { resourceId, state } = parseBody(powerSchema, body);
      try {
        deps.setVmPowerState(resourceId, state);
      } catch (err) {
        throw new AdminError(404, err instanceof Error ? err.message : String(err));
      }
      return { ok: true };
    }
    case 'GET /requests':
      return deps.log.snapshot();
    case 'DELETE /requests':
      deps.log.clear();
      return { ok: true };
    case 'GET /clock':
      return clockState(deps.clock);
    case 'POST /clock': {
      const c = parseBody(clockSchema, body);
      if (c.reset === true) deps.clock.reset();
      if (c.epochMs !== undefined) deps.clock.set(c.epochMs);
      if (c.iso !== undefined) {
        const ms = Date.parse(c.iso);
        if (Number.isNaN(ms)) throw new AdminError(400, `Not a date: '${c.iso}'.`);
        deps.clock.set(ms);
      }
      if (c.advanceSeconds !== undefined) deps.clock.advance(c.advanceSeconds * 1000);
      return clockState(deps.clock);
    }
    case 'GET /sessions':
      return { sessions: deps.identity.sessions() };
    case 'PATCH /settings': {
      const s = parseBody(settingsSchema, body);
      if (s.tokenLifetimeSeconds !== undefined) deps.identity.setTokenLifetime(s.tokenLifetimeSeconds ?? undefined);
      if (s.latencyMs !== undefined) deps.settings.latencyMs = s.latencyMs;
      if (s.jitterMs !== undefined) deps.settings.jitterMs = s.jitterMs;
      return { ok: true, latencyMs: deps.settings.latencyMs, jitterMs: deps.settings.jitterMs };
    }
    default:
      throw new AdminError(404, `No admin route ${method} /_emulator${path}.`);
  }
}

function clockState(clock: EmulatorClock): { epochMs: number; iso: string; offsetMs: number } {
  const now = clock.now();
  return { epochMs: now, iso: new Date(now).toISOString(), offsetMs: now - Date.now() };
}
