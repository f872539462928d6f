// Starts a local Azure (Entra ID v2 + ARM) on one HTTPS port with a per-run CA, for tests, benchmarks and demos.
// Composition only: behaviour lives in core/, identity/, arm/ and admin/. Never imported by product code.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminClient } from './admin/client.js';
import { createAdminHandler } from './admin/api.js';
import { createArm, type ArmOptions } from './arm/index.js';
import { EmulatorClock } from './core/clock.js';
import { FaultTable, parseFaultSpec, type FaultRuleInput, faultRuleSchema } from './core/faults.js';
import { RequestLog } from './core/request-log.js';
import { createHttpsServer, createRequestListener, type PipelineSettings } from './core/server.js';
import { createTlsMaterial } from './core/tls.js';
import { createIdentity } from './identity/service.js';
import type { Scenario } from './scenario.js';
import type { AccessTokenClaims } from './types.js';
import { loadScenario, type ScenarioSpec } from './scenarios/index.js';

export { AdminClient } from './admin/client.js';
export { mfaCode } from './identity/service.js';
export type { ScenarioSpec } from './scenarios/index.js';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** 'demo' (default), 'fleet', 'fleet:tenants=3,subscriptions=10,vms=500,seed=7', a JSON file path, or an object. */
  scenario?: ScenarioSpec;
  latencyMs?: number;
  jitterMs?: number;
  /** ARM list page size (shortcut for arm.pageSize). */
  pageSize?: number;
  /** Fault spec text (see docs/emulator.md) or rules. */
  faults?: string | FaultRuleInput[];
  /** Where ca.pem goes; default a fresh temp directory. */
  stateDir?: string;
  /** Fixed access-token lifetime; default random 60-90 minutes like Entra. */
  tokenLifetimeSeconds?: number;
  /** Device code polling interval advertised to clients (Entra: 5 s). */
  deviceCodeIntervalSeconds?: number;
  arm?: Partial<ArmOptions>;
}

export interface RunningEmulator {
  /** Authority host URL for MSAL: `${authority}/{tenant}`. */
  authority: string;
  /** ARM endpoint (same origin as the authority). */
  arm: string;
  caFile: string;
  caPem: string;
  adminToken: string;
  scenario: string;
  admin: AdminClient;
  /** ARM's token check, exposed so tests can assert what ARM would accept. */
  verifyAccessToken(token: string): Promise<AccessTokenClaims>;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  let scenario: Scenario = loadScenario(options.scenario ?? 'demo');
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'azure-emulator-'));
  mkdirSync(stateDir, { recursive: true });
  const tls = createTlsMaterial();
  const caFile = join(stateDir, 'ca.pem');
  writeFileSync(caFile, tls.caPem);
  const adminToken = randomBytes(24).toString('base64url');

  const clock = new EmulatorClock();
  const faults = new FaultTable();
  const log = new RequestLog();
  const settings: PipelineSettings = { latencyMs: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0 };
  if (options.faults !== undefined) {
    faults.add(
      typeof options.faults === 'string'
        ? parseFaultSpec(options.faults)
        : options.faults.map((f) => faultRuleSchema.parse(f)),
    );
  }
  let baseUrl = '';
  const now = (): number => clock.now();

  const identity = await createIdentity(scenario, {
    baseUrl: () => baseUrl,
    now,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    ...(options.deviceCodeIntervalSeconds === undefined
      ? {}
      : { deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds }),
  });
  const arm = createArm(scenario, {
    verifyAccessToken: (token) => identity.verifyAccessToken(token),
    now,
    baseUrl: () => baseUrl,
    armAudiences: identity.armAudiences,
    options: { ...options.arm, ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }) },
  });
  const admin = createAdminHandler({
    adminToken,
    identity,
    setVmPowerState: (id, state) => arm.setVmPowerState(id, state),
    revokeAccessTokens: (principalId) => arm.revokeAccessTokens(principalId),
    faults,
    log,
    clock,
    settings,
    reset: (spec) => {
      if (spec !== undefined) scenario = loadScenario(spec as ScenarioSpec);
      identity.reset(scenario);
      arm.reset(scenario);
      faults.clear();
      log.clear();
      clock.reset();
      return scenario.name;
    },
    scenarioName: () => scenario.name,
  });

  const server = createHttpsServer(
    tls,
    createRequestListener({
      handlers: [admin, identity.handle, (req, body, res, url, ctx) => arm.handle(req, body, res, url, ctx)],
      faults,
      log,
      settings,
      now,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `https://localhost:${port}`;

  return {
    authority: baseUrl,
    arm: baseUrl,
    caFile,
    caPem: tls.caPem,
    adminToken,
    scenario: scenario.name,
    admin: new AdminClient(baseUrl, adminToken, tls.caPem),
    verifyAccessToken: (token) => identity.verifyAccessToken(token),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          // A temp dir we made is ours to remove; a caller's stateDir is left as it was.
          if (options.stateDir === undefined) rmSync(stateDir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
