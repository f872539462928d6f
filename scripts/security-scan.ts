// `npm run security:scan`: runs electronegativity over the shipped Electron code (main/, preload/, renderer/)
// and fails on any finding that scripts/electronegativity-allowlist.json does not justify, or on an allow-list
// entry that no longer matches anything. Usage: tsx scripts/security-scan.ts [--sarif <file to keep the report>]
// It must not reach the network (electronegativity's GitHub and translation fetches are switched off) and must
// not write into the repository except the optional --sarif copy.
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatVerdict, judge, parseAllowList, parseSarif } from './security-scan-lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scannedFolders = ['main', 'preload', 'renderer'];
const allowListPath = path.join(root, 'scripts', 'electronegativity-allowlist.json');
const offlinePreload = pathToFileURL(path.join(root, 'scripts', 'electronegativity-offline.mjs')).href;
const excludedChecks = [
  // Fetches Electron release notes from GitHub; every other check is local.
  'AvailableSecurityFixesGlobalCheck',
  // Not a check: it reports which Electron version package.json names, as a finding, on every run.
  'ElectronVersionJSONCheck',
];

function fail(message: string): never {
  process.stderr.write(`security scan: ${message}\n`);
  process.exit(1);
}

function sarifOutArgument(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--sarif');
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) fail('--sarif needs a file name');
  return path.resolve(value);
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Tests are not shipped and may build deliberately unsafe windows, so the scan sees product code only. */
function isShippedSource(source: string): boolean {
  const name = path.basename(source);
  return name !== 'node_modules' && !/\.(test|spec)\.[cm]?[jt]sx?$/.test(name);
}

async function stageSources(): Promise<{ workDir: string; stageDir: string }> {
  for (const folder of scannedFolders) {
    if (!(await isDirectory(path.join(root, folder)))) fail(`${folder}/ is missing: nothing to scan`);
  }
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'cloud-desk-security-scan-'));
  const stageDir = path.join(workDir, 'app');
  await mkdir(stageDir);
  // One folder holding all three, so the global checks (CSP, navigation limits, permission handler) see the
  // whole app at once; package.json is there for electronegativity's package.json checks.
  for (const folder of scannedFolders) {
    await cp(path.join(root, folder), path.join(stageDir, folder), { recursive: true, filter: isShippedSource });
  }
  await copyFile(path.join(root, 'package.json'), path.join(stageDir, 'package.json'));
  return { workDir, stageDir };
}

async function electronVersion(): Promise<string> {
  const require = createRequire(import.meta.url);
  const manifest: unknown = JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, 'version') : undefined;
  if (typeof version !== 'string') fail('cannot read the installed electron version');
  return version;
}

function electronegativityCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
}

function runElectronegativity(stageDir: string, sarifPath: string, version: string): void {
  const args = [
    '--import',
    offlinePreload,
    electronegativityCli(),
    '--input',
    stageDir,
    '--output',
    sarifPath,
    '--relative',
    '--verbose',
    'false',
    '--electron-version',
    version,
    '--exclude-checks',
    excludedChecks.join(','),
  ];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } });
  if (result.error !== undefined) fail(`could not start electronegativity: ${result.error.message}`);
  // It exits 0 whatever it finds; a non-zero exit means it did not finish the scan.
  if (result.status !== 0) {
    fail(`electronegativity exited with ${String(result.status ?? result.signal)}:\n${result.stdout}${result.stderr}`);
  }
}

async function main(): Promise<void> {
  const sarifOut = sarifOutArgument(process.argv.slice(2));
  const entries = parseAllowList(await readFile(allowListPath, 'utf8'));
  const { workDir, stageDir } = await stageSources();
  try {
    const sarifPath = path.join(workDir, 'electronegativity.sarif');
    runElectronegativity(stageDir, sarifPath, await electronVersion());
    const sarif = await readFile(sarifPath, 'utf8').catch(() => fail('electronegativity wrote no SARIF report'));
    if (sarifOut !== undefined) {
      await mkdir(path.dirname(sarifOut), { recursive: true });
      await copyFile(sarifPath, sarifOut);
    }
    const { ok, lines } = formatVerdict(judge(parseSarif(sarif), entries));
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
