// A probe (not a benchmark suite) for the VM grid's large mounts, A/B between renderer builds in the same minutes,
// robust to other load on the machine: it reads Chromium's trace of the page's main thread and reports each task's
// wall time and its thread CPU time (`tdur`), which a busy machine does not stretch. Tool code only.
//   npx tsx bench/probe-mount.ts <runs> <buildA> <buildB> ...    loads from the saved 10,000-VM snapshot, then
//     back to the grid from Accounts ("tab") and clearing a search of one VM ("clear")
//   PROBE_SWEEP=1 npx tsx bench/probe-mount.ts <runs> <buildA> ...    the first full sweep on a fresh data folder
//   PROBE_PROFILE=<file.cpuprofile> npx tsx bench/probe-mount.ts <build>    V8's CPU profile of the first rows
// A build is a copy of dist/renderer (after `npm run build:preview`); each run copies it into dist/renderer, which
// the preview host serves, and the first build is put back at the end. `rows-in` marks the task whose commit
// brought the grid's first row; a line per run: the longest tasks by wall and by CPU time (ms, and where, in ms
// from rows-in), and what the top CPU tasks spent their time on.
import { cpSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fleetUser } from '../emulator/scenarios/fleet.js';
import { signIn, startPreviewSession } from './preview-session.js';

const root = join(import.meta.dirname, '..');
const rowSelector = '[role="grid"] [role="row"][aria-rowindex="2"]';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { name?: string };
}

function use(dir: string) {
  rmSync(join(root, 'dist/renderer'), { recursive: true, force: true });
  cpSync(dir, join(root, 'dist/renderer'), { recursive: true });
}

/** Main-thread tasks between the marks `${label}-start` and `${label}-end`: max, sum, and breakdown of the longest. */
function analyse(events: TraceEvent[], label: string) {
  const start = events.find((e) => e.name === `${label}-start`);
  const end = events.find((e) => e.name === `${label}-end`);
  if (!start || !end) return undefined;
  const onThread = events.filter((e) => e.pid === start.pid && e.tid === start.tid);
  const tasks = onThread
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.ts >= start.ts && e.ts <= end.ts)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const rowsIn = onThread.filter((e) => e.name === 'rows-in' && e.ts >= start.ts && e.ts <= end.ts).pop();
  const mountTask = rowsIn && tasks.find((t) => t.ts <= rowsIn.ts && rowsIn.ts <= t.ts + (t.dur ?? 0));
  const ms = (e: TraceEvent) => Math.round((e.dur ?? 0) / 100) / 10;
  const detail = tasks
    .filter((t) => (t.dur ?? 0) > 40_000)
    .map((t) => {
      const calls = onThread
        .filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0))
        .map((e) => {
          const d = (
            e.args as
              { data?: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number } } | undefined
          )?.data;
          return `${d?.functionName ?? '?'}@${d?.lineNumber ?? ''}:${d?.columnNumber ?? ''}=${Math.round((e.dur ?? 0) / 1000)}`;
        });
      return {
        ms: ms(t),
        cpu: Math.round((t.tdur ?? 0) / 100) / 10,
        atFromRows: rowsIn ? Math.round((t.ts - rowsIn.ts) / 1000) : null,
        calls: calls.slice(0, 5),
      };
    });
  return {
    detail,
    mount: mountTask ? ms(mountTask) : null,
    mountCpu: mountTask ? Math.round((mountTask.tdur ?? 0) / 100) / 10 : null,
    topCpu: [...tasks]
      .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
      .slice(0, 5)
      .map((t) => {
        const kids: Record<string, number> = {};
        for (const e of onThread) {
          if (e.ph !== 'X' || e === t || e.ts < t.ts || e.ts > t.ts + (t.dur ?? 0)) continue;
          if (
            [
              'FunctionCall',
              'Layout',
              'UpdateLayoutTree',
              'Paint',
              'PrePaint',
              'MinorGC',
              'MajorGC',
              'HitTest',
              'RunMicrotasks',
              'ParseAuthorStyleSheet',
              'Layerize',
              'TimerFire',
              'FireAnimationFrame',
            ].includes(e.name)
          )
            kids[e.name] = Math.round(((kids[e.name] ?? 0) + (e.tdur ?? 0) / 1000) * 10) / 10;
        }
        return `${Math.round((t.tdur ?? 0) / 100) / 10}@${rowsIn ? Math.round((t.ts - rowsIn.ts) / 1000) : ''} ${JSON.stringify(kids)}`;
      }),
    top: tasks.slice(0, 4).map(ms),
    over50: tasks.filter((t) => (t.dur ?? 0) > 50_000).length,
    busy: Math.round(tasks.reduce((sum, t) => sum + (t.dur ?? 0), 0) / 1000),
  };
}

async function mark(page: Page, name: string) {
  await page.evaluate((n) => performance.mark(n), name);
}

function armScript() {
  (window as unknown as { __arm: () => void }).__arm = () => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')) {
        performance.mark('rows-in');
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  performance.mark('load-start');
  (window as unknown as { __arm: () => void }).__arm();
}

async function arm(page: Page) {
  await page.evaluate(() => (window as unknown as { __arm: () => void }).__arm());
}

async function run(browser: Browser, page: Page, url: string) {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
  await page.addInitScript(armScript);
  await page.goto(url);
  await page.waitForSelector(rowSelector, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  await mark(page, 'load-end');
  // Let the host's start-up sweep end.
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('[role="status"]')).some((e) =>
        /^Last refreshed/.test(e.textContent ?? ''),
      ) &&
      !Array.from(document.querySelectorAll('button')).some((e) => e.getAttribute('aria-label') === 'Cancel refresh'),
    undefined,
    { timeout: 600_000, polling: 500 },
  );
  await page.waitForTimeout(2000);
  // A large mount: back to the grid from another view (10,000 VMs in the store).
  await page.getByRole('tab', { name: 'Accounts' }).click();
  await page.waitForTimeout(800);
  await mark(page, 'tab-start');
  await arm(page);
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  await page.waitForSelector(rowSelector);
  await page.waitForTimeout(1500);
  await mark(page, 'tab-end');
  // A screenful back after a search that matched nothing.
  const search = page.getByRole('searchbox', { name: 'Search VMs' });
  await search.fill('agent-lnx-00005');
  await page.waitForFunction(() => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')) < 5);
  await page.waitForTimeout(800);
  await mark(page, 'clear-start');
  await arm(page);
  await search.press('Control+a');
  await search.press('Backspace');
  await page.waitForSelector(rowSelector);
  await page.waitForTimeout(1500);
  await mark(page, 'clear-end');
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  return { load: analyse(events, 'load'), tab: analyse(events, 'tab'), clear: analyse(events, 'clear') };
}

async function sweepRun(dir: string) {
  use(dir);
  const session = await startPreviewSession({ scenario: 'fleet', latencyMs: 80 });
  try {
    const url = await session.startHost();
    const page = await session.newPage();
    await page.addInitScript(armScript);
    await page.goto(url);
    await signIn(page, fleetUser);
    await session.browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
    await mark(page, 'sweep-start');
    await arm(page);
    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[role="status"]')).some((e) =>
          /^Last refreshed/.test(e.textContent ?? ''),
        ),
      undefined,
      { timeout: 600_000, polling: 500 },
    );
    await page.waitForTimeout(1500);
    await mark(page, 'sweep-end');
    const buffer = await session.browser.stopTracing();
    const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    return analyse(events, 'sweep');
  } finally {
    await session.close();
  }
}

async function profileRun(dir: string) {
  use(dir);
  const session = await startPreviewSession({ scenario: 'fleet', latencyMs: 80 });
  try {
    const url = await session.startHost();
    const page = await session.newPage();
    await page.goto(url);
    await signIn(page, fleetUser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.getByRole('tab', { name: 'Virtual machines' }).click();
    await page.waitForSelector(rowSelector, { timeout: 600_000 });
    await page.waitForTimeout(700);
    const { profile } = await cdp.send('Profiler.stop');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env['PROBE_PROFILE'] as string, JSON.stringify(profile));
  } finally {
    await session.close();
  }
}

if (process.env['PROBE_PROFILE']) {
  await profileRun(process.argv[2] as string);
  process.exit(0);
}

if (process.env['PROBE_SWEEP']) {
  const [runsArg, ...dirs] = process.argv.slice(2);
  try {
    for (let i = 0; i < Number(runsArg); i++)
      for (const dir of dirs)
        console.log(
          JSON.stringify({
            build: dir,
            loadavg: Math.round((loadavg()[0] ?? 0) * 10) / 10,
            sweep: await sweepRun(dir),
          }),
        );
  } finally {
    use(dirs[0] as string);
  }
  process.exit(0);
}

const [runsArg, ...dirs] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const session = await startPreviewSession({ scenario: 'fleet', latencyMs: 80 });
try {
  use(dirs[0] as string);
  const url = await session.startHost();
  const first = await session.newPage();
  await first.goto(url);
  await signIn(first, fleetUser);
  await first.getByRole('tab', { name: 'Virtual machines' }).click();
  await first.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('[role="status"]')).some((e) => /^Last refreshed/.test(e.textContent ?? '')),
    undefined,
    { timeout: 600_000, polling: 500 },
  );
  for (let i = 0; i < runs; i++) {
    for (const dir of dirs) {
      use(dir);
      const hostUrl = await session.startHost();
      const page = await session.newPage();
      const result = await run(session.browser, page, hostUrl);
      console.log(JSON.stringify({ build: dir, loadavg: Math.round((loadavg()[0] ?? 0) * 10) / 10, ...result }));
    }
  }
} finally {
  await session.close();
  use(dirs[0] as string);
}
