import { describe, expect, it } from 'vitest';
import type { SubscriptionSummary, SweepProgress } from '../../preload/contract-inventory.js';
import type { AccessPathRef } from '../azure/arm-session.js';
import { testSubscription } from '../../preload/testing/inventory-fixtures.js';
import { ManualScheduler } from '../testing/manual-scheduler.js';
import { MemoryStore, RecordingLogger } from '../testing/fakes.js';
import { InventoryState } from './inventory-state.js';
import { SubscriptionPreferences } from './preferences.js';
import { SweepRecorder } from './sweep-recorder.js';
import type { SweepTarget } from './sweep.js';

const path = { accountId: 'a1', tenantId: 't1' };

interface RecorderOptions {
  pathAlive?: () => boolean;
  /** The ready paths of the sweep (default: `path` alone). */
  paths?: AccessPathRef[];
  /** What every subscription has besides its id (default: reached through `path` alone). */
  subscription?: Partial<SubscriptionSummary>;
}

function recorderOver(ids: string[], options: RecorderOptions = {}) {
  const time = new ManualScheduler();
  const state = new InventoryState();
  state.change((change) => {
    for (const id of ids) {
      change.upsertSubscription(testSubscription({ id, displayName: id, ...options.subscription }));
    }
  });
  const progress: SweepProgress[] = [];
  const recorder = new SweepRecorder(
    {
      state,
      prefs: new SubscriptionPreferences(new MemoryStore(), new RecordingLogger()),
      now: () => time.now(),
      timers: { setTimeout: (run, ms) => time.after(ms, run), clearTimeout: (cancel) => (cancel as () => void)() },
      commit: (apply) => void state.change(apply),
      progress: (event) => progress.push(event),
      describePath: () => ({ cloudId: 'azure', tenantName: 'Tenant 1' }),
      pathAlive: options.pathAlive ?? (() => true),
    },
    'full',
    'sweep-1',
    options.paths ?? [path],
    new AbortController().signal,
  );
  const targets = ids.flatMap((id) => {
    const subscription = state.subscription(id);
    return subscription ? (recorder.targetFor(subscription) ?? []) : [];
  });
  return { time, state, recorder, progress, targets };
}

const failed = { kind: 'error', error: { code: 'internal', message: 'Azure had a problem.' } } as const;

describe('SweepRecorder progress', () => {
  it('reports the last change before a quiet spell once the 200 ms gap has passed', () => {
    const { time, recorder, progress, targets } = recorderOver(['s1', 's2', 's3']);
    const [first, second] = targets as [SweepTarget, SweepTarget, SweepTarget];
    time.advance(10);
    recorder.subscriptionFailed(first, failed);
    recorder.subscriptionFailed(second, failed);
    // The third subscription keeps the sweep running for a long time (Azure retrying, a slow page).
    time.advance(5_000);
    expect(progress.at(-1)).toMatchObject({ state: 'running', subscriptionsDone: 2, subscriptionsTotal: 3 });
  });

  it('sends at most one event per 200 ms while running, and the end at once', () => {
    const { time, recorder, progress, targets } = recorderOver(['s1', 's2', 's3']);
    for (const target of targets) {
      time.advance(20);
      recorder.subscriptionFailed(target, failed);
    }
    recorder.end('done');
    time.advance(1_000);
    expect(progress.map((event) => [event.state, event.subscriptionsDone])).toEqual([
      ['running', 0],
      ['done', 3],
    ]);
  });
});

describe('SweepRecorder discovery', () => {
  it('keeps the subscriptions of a tenant that needed a sign-in before its listing arrived (it answered nothing we took)', () => {
    let alive = true;
    const { state, recorder } = recorderOver(['s1', 's2'], { pathAlive: () => alive });
    // The listing was on its way when the tenant's token failed elsewhere (e.g. the start-up tenant check).
    alive = false;
    expect(
      recorder.subscriptionsListed(path, [{ id: 's1', displayName: 's1', state: 'Enabled', tenantId: 't1' }]),
    ).toEqual([]);
    recorder.discoveryDone([path]);
    expect(state.allSubscriptions().map((sub) => sub.id)).toEqual(['s1', 's2']);
  });

  it('drops a subscription the path listed without (no longer reached)', () => {
    const { state, recorder } = recorderOver(['s1', 's2']);
    recorder.subscriptionsListed(path, [{ id: 's1', displayName: 's1', state: 'Enabled', tenantId: 't1' }]);
    recorder.discoveryDone([path]);
    expect(state.allSubscriptions().map((sub) => sub.id)).toEqual(['s1']);
  });
});

describe('SweepRecorder with subscriptions listed before their tenant answered', () => {
  const vmResult = (target: SweepTarget) => ({
    target,
    details: [],
    readings: [],
  });

  it('does not publish what was listed for a subscription its tenant now lists as disabled', () => {
    const { state, recorder, targets } = recorderOver(['s1']);
    const [early] = targets as [SweepTarget];
    recorder.subscriptionsListed(path, [{ id: 's1', displayName: 's1', state: 'Disabled', tenantId: 't1' }]);
    recorder.subscriptionDone(vmResult(early));
    expect(state.subscription('s1')).toMatchObject({ state: 'Disabled', status: 'not_listed' });
    expect(state.subscription('s1')?.fetchedAt).toBeUndefined();
  });

  it('does not publish a failure for a subscription its tenant no longer lists', () => {
    const { state, recorder, targets } = recorderOver(['s1', 's2']);
    const [, gone] = targets as [SweepTarget, SweepTarget];
    recorder.subscriptionsListed(path, [{ id: 's1', displayName: 's1', state: 'Enabled', tenantId: 't1' }]);
    recorder.discoveryDone([path]);
    recorder.subscriptionFailed(gone, failed);
    expect(state.allSubscriptions().map((sub) => sub.id)).toEqual(['s1']);
  });

  it("keeps a subscription's own answer when its tenant's listing fails", () => {
    const { state, recorder, targets } = recorderOver(['s1']);
    const [early] = targets as [SweepTarget];
    recorder.subscriptionDone(vmResult(early));
    recorder.pathFailed(path, failed);
    expect(state.subscription('s1')).toMatchObject({ status: 'ok' });
    expect(state.subscription('s1')?.fetchedAt).toBeDefined();
  });

  it('is not listed a second time when its tenant answers', () => {
    const { recorder } = recorderOver(['s1']);
    expect(
      recorder.subscriptionsListed(path, [{ id: 's1', displayName: 's1', state: 'Enabled', tenantId: 't1' }]),
    ).toEqual([]);
    expect(recorder.progress()).toMatchObject({ subscriptionsTotal: 1 });
  });
});

describe('SweepRecorder when a known subscription lost the path it was listed through', () => {
  const a1 = { accountId: 'a1', tenantId: 't1' };
  const a2 = { accountId: 'a2', tenantId: 't1' };

  function twoAccounts() {
    const { state, recorder, targets } = recorderOver(['s1'], {
      paths: [a1, a2],
      subscription: { accessPaths: [a1, a2], actingAccountId: 'a1' },
    });
    const [early] = targets;
    if (early) recorder.subscriptionStarted(early);
    // a1 lost its role on s1: its listing answers without s1; a2 still lists it.
    recorder.subscriptionsListed(a1, []);
    recorder.subscriptionsListed(a2, [{ id: 's1', displayName: 's1', state: 'Enabled', tenantId: 't1' }]);
    return { state, recorder, early };
  }

  it('lists it again through the path that still reaches it, and drops the first answer', () => {
    const { state, recorder, early } = twoAccounts();
    expect(early?.path).toEqual(a1);
    const again = recorder.discoveryDone([a1, a2]);
    expect(again.map((target) => target.path)).toEqual([a2]);
    recorder.subscriptionFailed(early as SweepTarget, failed);
    expect(state.subscription('s1')).toMatchObject({ status: 'loading', actingAccountId: 'a2' });
    recorder.subscriptionDone({ target: again[0] as SweepTarget, details: [], readings: [] });
    expect(state.subscription('s1')).toMatchObject({ status: 'ok', accessPaths: [a2] });
    expect(recorder.progress()).toMatchObject({ subscriptionsDone: 2, subscriptionsTotal: 2 });
  });

  it("ends with the second answer when the first arrived before the tenants' listings", () => {
    const { state, recorder, early } = twoAccounts();
    recorder.subscriptionFailed(early as SweepTarget, failed);
    const [again] = recorder.discoveryDone([a1, a2]);
    recorder.subscriptionDone({ target: again as SweepTarget, details: [], readings: [] });
    expect(state.subscription('s1')).toMatchObject({ status: 'ok' });
    expect(state.subscription('s1')?.error).toBeUndefined();
  });
});

describe('SweepRecorder listing failures', () => {
  const unavailable = {
    kind: 'error',
    error: { code: 'internal', message: 'Azure could not list the subscriptions of tenant Tenant 1.' },
  } as const;

  it('keeps the failure of a tenant that holds no subscription yet, with its words and time', () => {
    const { time, state, recorder } = recorderOver([]);
    time.advance(1_000);
    recorder.pathFailed(path, unavailable);
    expect(state.snapshot(null).listingFailures).toEqual([
      { ...path, kind: 'error', error: unavailable.error, at: new Date(time.now()).toISOString() },
    ]);
  });

  it('sends the failure in a patch, and its end when the next listing of that tenant succeeds', () => {
    const { state, recorder } = recorderOver([]);
    recorder.pathFailed(path, unavailable);
    const failedSeq = state.currentSeq;
    recorder.subscriptionsListed(path, [{ id: 's1', displayName: 's1', state: 'Enabled', tenantId: 't1' }]);
    expect(state.snapshot(null).listingFailures).toEqual([]);
    expect(state.currentSeq).toBe(failedSeq + 1);
  });

  it('records nothing for a tenant that is no longer connected', () => {
    const { state, recorder } = recorderOver([], { pathAlive: () => false });
    recorder.pathFailed(path, unavailable);
    expect(state.snapshot(null).listingFailures).toEqual([]);
  });
});
