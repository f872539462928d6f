import { describe, expect, it } from 'vitest';
import type { SweepProgress } from '../../preload/contract-inventory.js';
import { testSubscription } from '../../preload/testing/inventory-fixtures.js';
import { ManualScheduler } from '../testing/manual-scheduler.js';
import { MemoryStore, RecordingLogger } from '../testing/fakes.js';
import { InventoryState } from './inventory-state.js';
import { SubscriptionPreferences } from './preferences.js';
import { SweepRecorder } from './sweep-recorder.js';
import type { SweepTarget } from './sweep.js';

const path = { accountId: 'a1', tenantId: 't1' };

function recorderOver(ids: string[], options: { pathAlive?: () => boolean } = {}) {
  const time = new ManualScheduler();
  const state = new InventoryState();
  state.change((change) => {
    for (const id of ids) change.upsertSubscription(testSubscription({ id, displayName: id }));
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
    [path],
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
