// Command line for the local Azure emulator: `npm run emulator -- --port 0 --scenario demo ...`.
// Prints exactly one JSON line when ready ({authority, arm, caFile, adminToken, scenario}) and closes cleanly on
// SIGINT/SIGTERM. Bad arguments exit with status 2. Logs nothing else to stdout, so callers can parse it.
import { parseArgs } from 'node:util';
import { parseFaultSpec } from './core/faults.js';
import { startEmulator, type EmulatorOptions } from './index.js';
import { loadScenario } from './scenarios/index.js';

const usage = `Usage: npm run emulator -- [options]

  --port N                     port on 127.0.0.1 (0 = any free port; default 0)
  --scenario NAME|PATH         demo (default), fleet, fleet:tenants=3,subscriptions=10,vms=500,seed=7, or a JSON file
  --latency-ms N               fixed delay added to every Azure request (default 0)
  --jitter-ms N                random extra delay, 0..N ms (default 0)
  --page-size N                ARM list page size (default 50)
  --transition-ms N            how long VM power transitions take (default 30000)
  --faults SPEC                fault rules, e.g. 'GET:/subscriptions*=503x2;POST:*/start=reset' (see docs/emulator.md)
  --state-dir DIR              where ca.pem is written (default: a new temp directory)
  --token-lifetime-seconds N   fixed access-token lifetime (default: random 3600-5400 like Entra ID)
  --device-code-interval N     polling interval the device code flow advertises (default 5)
  -h, --help                   show this help`;

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n\n${usage}\n`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer >= ${min}, got '${value}'`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        scenario: { type: 'string' },
        'latency-ms': { type: 'string' },
        'jitter-ms': { type: 'string' },
        'page-size': { type: 'string' },
        'transition-ms': { type: 'string' },
        faults: { type: 'string' },
        'state-dir': { type: 'string' },
        'token-lifetime-seconds': { type: 'string' },
        'device-code-interval': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help === true) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const port = integer('port', values.port, 0);
  if (port !== undefined && port > 65535) fail(`--port must be <= 65535, got '${values.port ?? ''}'`);
  const scenarioArg = values.scenario ?? 'demo';
  // Validate early, so a bad scenario or fault spec is a usage error (exit 2), not a crash.
  try {
    loadScenario(scenarioArg);
    if (values.faults !== undefined) parseFaultSpec(values.faults);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const latencyMs = integer('latency-ms', values['latency-ms'], 0);
  const jitterMs = integer('jitter-ms', values['jitter-ms'], 0);
  const pageSize = integer('page-size', values['page-size'], 1);
  const transitionMs = integer('transition-ms', values['transition-ms'], 0);
  const tokenLifetimeSeconds = integer('token-lifetime-seconds', values['token-lifetime-seconds'], 1);
  const deviceCodeIntervalSeconds = integer('device-code-interval', values['device-code-interval'], 0);
  const options: EmulatorOptions = {
    scenario: scenarioArg,
    ...(port === undefined ? {} : { port }),
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(jitterMs === undefined ? {} : { jitterMs }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(values.faults === undefined ? {} : { faults: values.faults }),
    ...(values['state-dir'] === undefined ? {} : { stateDir: values['state-dir'] }),
    ...(tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds }),
    ...(deviceCodeIntervalSeconds === undefined ? {} : { deviceCodeIntervalSeconds }),
    ...(transitionMs === undefined ? {} : { arm: { transitionMs } }),
  };
  const emu = await startEmulator(options);
  // Handlers go in before the ready line: a caller may signal the moment it reads that line.
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.stdout.write(
    `${JSON.stringify({
      authority: emu.authority,
      arm: emu.arm,
      caFile: emu.caFile,
      adminToken: emu.adminToken,
      scenario: emu.scenario,
    })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
