// `npm run bench grid`: the VM grid in the browser preview, as a person meets it, against the emulator's fleet.
// - first_rows_ms: navigation to the first grid row on screen, starting from a saved 10,000-VM snapshot (median
//   of several loads); first_rows_ratio_to_empty: the same over a start with no accounts (to the Accounts view).
// - search_p95_ms: keystroke to the next paint in the search box at 10,000 rows; search_ratio_10k_to_100: over the
//   same at 100 rows (virtualization means the grid's cost does not grow with the rows). Beside it, the same keys
//   as the earlier probe measured them and as the browser's Event Timing reports them (see `instrument`).
// - long_tasks_during_sweep: tasks over 50 ms (PerformanceObserver 'longtask') on the VMs view while the first
//   full sweep's patches bring all 10,000 VMs in; and while a refresh sweep runs over a loaded grid.
// - with CLOUD_DESK_BENCH_50K=1: first_rows_ms_50k and the sweep's long tasks at 50,000 VMs (1,000 subscriptions).
// Builds the preview first, so it measures the code in the tree.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fleetUser } from '../emulator/scenarios/fleet.js';
import { signIn, startPreviewSession, type PreviewSession } from './preview-session.js';
import type { BenchSuite } from './suites.js';

const root = join(import.meta.dirname, '..');
const loads = 3;
/** The benchmark's scenario: Azure answers each request after 80 ms (and throttles reads as ARM does). */
const latencyMs = 80;
const rowSelector = '[role="grid"] [role="row"][aria-rowindex="2"]';
const queries = ['agent', 'westeurope', 'prod', 'rg-data', 'd4s', 'env: test'];

declare global {
  interface Window {
    __bench?: {
      longTasks: { start: number; duration: number }[];
      keySamples: number[];
      messageProbeSamples: number[];
      eventTimings: number[];
    };
  }
  // Chromium's Prioritized Task Scheduling API (not in TypeScript's DOM types).
  var scheduler: {
    postTask(
      callback: () => void,
      options: { priority: 'user-blocking' | 'user-visible' | 'background' },
    ): Promise<void>;
  };
}

// Runs in the page before the app: collects long tasks, and for every key pressed (not a bare modifier) the time
// from the keystroke to the paint of the frame after it. It starts at the event's own time stamp (so a key that
// waited behind a long task counts its wait) and ends after that frame's rendering: a frame callback runs after
// the input's handlers and React's render, and a `user-blocking` task posted from it runs once the frame is
// painted, ahead of the page's own queued work. Two cross-checks ride along: the earlier probe (from the handler's
// clock to a message posted from the frame callback, which runs only after every message queued before it, such
// as React's deferred renders) and the browser's Event Timing (`keydown` entries of 16 ms or more, in 8 ms steps).
function instrument(): void {
  const bench = {
    longTasks: [] as { start: number; duration: number }[],
    keySamples: [] as number[],
    messageProbeSamples: [] as number[],
    eventTimings: [] as number[],
  };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') bench.eventTimings.push(entry.duration);
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  const modifiers = new Set(['Control', 'Shift', 'Alt', 'Meta']);
  window.addEventListener(
    'keydown',
    (event) => {
      if (modifiers.has(event.key)) return;
      const handled = performance.now();
      requestAnimationFrame(() => {
        scheduler
          .postTask(() => bench.keySamples.push(performance.now() - event.timeStamp), { priority: 'user-blocking' })
          .catch((error: unknown) => console.error(error));
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.messageProbeSamples.push(performance.now() - handled);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (value: number) => Math.round(value * 10) / 10;

async function instrumentedPage(session: PreviewSession): Promise<Page> {
  const page = await session.newPage({ width: 1280, height: 800 });
  await page.addInitScript(instrument);
  return page;
}

/** Milliseconds from navigation start until `selector` is in the DOM, read in the page. */
async function timeTo(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    (wanted) => (document.querySelector(wanted) ? performance.now() : false),
    selector,
    { timeout: 120_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Waits, polling the page every 250 ms with a plain DOM check, until a status line's text matches `pattern` (or,
 * `present` false, until none does). Not Playwright's role locators: each of their polls (every 500 ms after the
 * first second) computes the role, name and visibility of the elements it looks through, work in the page measured
 * along with the app's own (its long tasks and frames).
 */
async function statusLine(page: Page, pattern: RegExp, present: boolean, timeout: number): Promise<void> {
  await page.waitForFunction(
    ([source, want]) =>
      Array.from(document.querySelectorAll('[role="status"]')).some((element) =>
        new RegExp(source).test(element.textContent ?? ''),
      ) === want,
    [pattern.source, present] as const,
    { timeout, polling: 250 },
  );
}

/** Waits, as `statusLine` does, until a button named `name` is in the page (or, `present` false, is gone). */
async function button(page: Page, name: string, present: boolean, timeout: number): Promise<void> {
  await page.waitForFunction(
    ([label, want]) =>
      Array.from(document.querySelectorAll('button')).some(
        (element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === label,
      ) === want,
    [name, present] as const,
    { timeout, polling: 250 },
  );
}

/**
 * The first full sweep on a fresh data folder is over when the header says when it ended (until then it reads "Not
 * refreshed yet"): the progress bar alone also hides between a sweep's start and its first progress event, and shows
 * for the power re-checks that follow.
 */
async function firstFullSweepDone(page: Page): Promise<void> {
  await statusLine(page, /^Last refreshed/, true, 1_800_000);
  // The rows follow the store at low priority: the sweep's work in the page ends when the grid's row count has
  // stayed the same for a second.
  await page.waitForFunction(
    () => {
      const state = (window as Window & { __rowCount?: { value: string | null; since: number } }).__rowCount ?? {
        value: null,
        since: performance.now(),
      };
      const value = document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? null;
      if (value !== state.value) Object.assign(state, { value, since: performance.now() });
      (window as Window & { __rowCount?: typeof state }).__rowCount = state;
      return performance.now() - state.since >= 1_000;
    },
    undefined,
    { timeout: 600_000, polling: 250 },
  );
}

interface LongTasks {
  count: number;
  maxMs: number;
}

async function longTasksSince(page: Page, since: number): Promise<LongTasks> {
  const tasks = await page.evaluate(
    (from) => (window.__bench?.longTasks ?? []).filter((task) => task.start >= from),
    since,
  );
  return { count: tasks.length, maxMs: round(Math.max(0, ...tasks.map((task) => task.duration))) };
}

/** Signs in on a fresh data folder and measures the first full sweep on the VMs view; leaves a saved snapshot. */
async function firstSweep(session: PreviewSession): Promise<LongTasks & { vms: number }> {
  const url = await session.startHost();
  const page = await instrumentedPage(session);
  await page.goto(url);
  await signIn(page, fleetUser);
  await page.getByRole('tab', { name: 'Virtual machines' }).click();
  const since = await page.evaluate(() => performance.now());
  await page.waitForFunction((selector) => document.querySelector(selector) !== null, rowSelector, {
    timeout: 600_000,
    polling: 250,
  });
  await firstFullSweepDone(page);
  const tasks = await longTasksSince(page, since);
  const vms = await page.evaluate(
    () => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')) - 1,
  );
  return { ...tasks, vms };
}

/** Loads from the saved snapshot; each host stops mid start-up sweep, which leaves the snapshot whole. */
async function firstRows(session: PreviewSession, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const url = await session.startHost();
    const page = await instrumentedPage(session);
    times.push(await timeTo(page, url, rowSelector));
  }
  return times;
}

interface SearchSamples {
  /** Keystroke to the paint after it (ms), one per key. */
  keys: number[];
  /** The earlier probe's figure for the same keys. */
  messageProbe: number[];
  /** Event Timing's `keydown` durations of 16 ms or more, over the same keys. */
  eventTimings: number[];
}

async function searchSamples(page: Page): Promise<SearchSamples> {
  const search = page.getByRole('searchbox', { name: 'Search VMs' });
  await search.click();
  const count = () => page.evaluate(() => window.__bench?.keySamples.length ?? 0);
  const from = await count();
  const fromTimings = await page.evaluate(() => window.__bench?.eventTimings.length ?? 0);
  let expected = from;
  for (const query of queries) {
    for (const key of [...query, 'Control+a', 'Backspace']) {
      await page.keyboard.press(key);
      expected += 1;
      await page.waitForFunction(
        (n) => (window.__bench?.keySamples.length ?? 0) >= n && (window.__bench?.messageProbeSamples.length ?? 0) >= n,
        expected,
      );
    }
  }
  // Event Timing reports an entry once its paint is known: wait for the browser's observer callback.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  return page.evaluate(
    ([start, startTimings]) => ({
      keys: window.__bench?.keySamples.slice(start) ?? [],
      messageProbe: window.__bench?.messageProbeSamples.slice(start) ?? [],
      eventTimings: window.__bench?.eventTimings.slice(startTimings) ?? [],
    }),
    [from, fromTimings] as const,
  );
}

/** The p95 of Event Timing's figures, the keys without an entry (under 16 ms) counted as 8 ms. */
function eventTimingP95(samples: SearchSamples): number {
  const all = [...samples.eventTimings];
  while (all.length < samples.keys.length) all.push(8);
  return percentile(all, 95);
}

/**
 * On a loaded grid once its start-up sweep is over: search timings, then the long tasks of a refresh sweep
 * (Cancel refresh shows while that full sweep runs).
 */
async function onQuietGrid(session: PreviewSession): Promise<{ search: SearchSamples; refresh: LongTasks }> {
  const url = await session.startHost();
  const page = await instrumentedPage(session);
  await timeTo(page, url, rowSelector);
  const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
  await refresh.waitFor({ timeout: 900_000 });
  const search = await searchSamples(page);
  const since = await page.evaluate(() => performance.now());
  await refresh.click({ timeout: 900_000 });
  // Cancel shows only while a full sweep runs: the one asked for (queued behind a power sweep, it starts after it).
  await button(page, 'Cancel refresh', true, 900_000);
  await button(page, 'Cancel refresh', false, 1_200_000);
  return { search, refresh: await longTasksSince(page, since) };
}

async function emptyStart(): Promise<number[]> {
  const session = await startPreviewSession({ scenario: 'demo' });
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const url = await session.startHost();
      const page = await instrumentedPage(session);
      times.push(await timeTo(page, url, 'h1'));
    }
    return times;
  } finally {
    await session.close();
  }
}

/** Runs `work` on a fresh preview session of `scenario`, and prints what it measured as soon as it has it. */
async function fleet<T>(scenario: string, work: (session: PreviewSession) => Promise<T>): Promise<T> {
  const session = await startPreviewSession({ scenario, latencyMs });
  try {
    const result = await work(session);
    console.log(`grid: ${scenario}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await session.close();
  }
}

export const gridBench: BenchSuite = {
  name: 'grid',
  async run() {
    const build = spawnSync('npm', ['run', 'build:preview'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build:preview failed');

    // The machine is shared: the 1-minute load average beside each part's figures.
    const load = (): number => round(loadavg()[0] ?? 0);
    const loadAtStart = load();
    const emptyLoads = await emptyStart();
    const loadAtEmpty = load();
    console.log(`grid: empty start: ${JSON.stringify(emptyLoads)}`);
    const empty = median(emptyLoads);
    const at10k = await fleet('fleet', async (session) => {
      const sweep = await firstSweep(session);
      const loadsMs = await firstRows(session, loads);
      return { sweep, loadsMs, ...(await onQuietGrid(session)) };
    });
    const loadAt10k = load();
    const at100 = await fleet('fleet:tenants=2,subscriptions=4,vms=100', async (session) => {
      await firstSweep(session);
      return (await onQuietGrid(session)).search;
    });
    const loadAt100 = load();
    // 50,000 VMs take a long first sweep (minutes on two cores): only on request.
    const at50k =
      process.env['CLOUD_DESK_BENCH_50K'] === '1'
        ? await fleet('fleet:tenants=12,subscriptions=1000,vms=50000', async (session) => {
            const sweep = await firstSweep(session);
            const loadsMs = await firstRows(session, 3);
            return { sweep, loadsMs };
          })
        : undefined;

    const firstRowsMs = median(at10k.loadsMs);
    const search10k = percentile(at10k.search.keys, 95);
    const search100 = percentile(at100.keys, 95);
    return {
      load_average_1m_at: {
        start: loadAtStart,
        empty_start: loadAtEmpty,
        fleet_10k: loadAt10k,
        fleet_100: loadAt100,
        ...(at50k ? { fleet_50k: load() } : {}),
      },
      vms: at10k.sweep.vms,
      first_rows_ms: round(firstRowsMs),
      first_rows_loads_ms: at10k.loadsMs.map(round),
      empty_start_ms: round(empty),
      first_rows_ratio_to_empty: round(firstRowsMs / empty),
      search_p95_ms: round(search10k),
      search_p50_ms: round(percentile(at10k.search.keys, 50)),
      search_keystrokes: at10k.search.keys.length,
      search_p95_ms_message_probe: round(percentile(at10k.search.messageProbe, 95)),
      search_p95_ms_event_timing: eventTimingP95(at10k.search),
      search_p95_ms_100: round(search100),
      search_ratio_10k_to_100: round(search10k / search100),
      long_tasks_during_sweep: at10k.sweep.count,
      longest_task_during_sweep_ms: at10k.sweep.maxMs,
      long_tasks_during_refresh: at10k.refresh.count,
      longest_task_during_refresh_ms: at10k.refresh.maxMs,
      ...(at50k
        ? {
            vms_50k: at50k.sweep.vms,
            first_rows_ms_50k: round(median(at50k.loadsMs)),
            long_tasks_during_sweep_50k: at50k.sweep.count,
            longest_task_during_sweep_50k_ms: at50k.sweep.maxMs,
          }
        : {}),
    };
  },
};
