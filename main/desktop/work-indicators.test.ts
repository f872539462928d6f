import { describe, expect, it } from 'vitest';
import type { SweepProgress } from '../../preload/contract-inventory.js';
import type { Operation } from '../../preload/contract-operations.js';
import { RecordingLogger } from '../testing/fakes.js';
import { ManualScheduler } from '../testing/manual-scheduler.js';
import { ActivityReporter, notifyAfterMs } from './activity-reporter.js';
import { OperationBatchReporter, SweepReporter, batchSummary } from './work-indicators.js';

function setup(focused = false) {
  const clock = new ManualScheduler();
  const bars: (number | null)[] = [];
  const notes: string[] = [];
  const reporter = new ActivityReporter({
    progress: { set: (fraction) => bars.push(fraction) },
    notifier: { notify: (title, body) => notes.push(`${title}: ${body}`) },
    focus: { focused: () => focused },
    clock,
    logger: new RecordingLogger(),
    notifyWhenDone: () => true,
  });
  return { clock, bars, notes, reporter };
}

function op(id: string, state: Operation['state'], extra: Partial<Operation> = {}): Operation {
  return {
    id,
    batchId: 'batch-1',
    action: 'deallocate',
    vmId: `vm-${id}`,
    vmName: `web-${id}`,
    resourceGroup: 'rg',
    subscriptionId: 'sub-1',
    accountId: 'a1',
    accountName: 'alice@contoso.test',
    state,
    startedAt: '2026-11-30T10:00:00.000Z',
    ...extra,
  };
}

describe('OperationBatchReporter', () => {
  it('shows a bulk action’s progress on the taskbar and notifies when it ends unwatched', () => {
    const { clock, bars, notes, reporter } = setup();
    const batches = new OperationBatchReporter(reporter);
    batches.changed([op('1', 'accepted'), op('2', 'accepted'), op('3', 'accepted'), op('4', 'accepted')]);
    batches.changed([op('1', 'running'), op('2', 'succeeded')]);
    clock.advance(notifyAfterMs);
    batches.changed([op('1', 'succeeded'), op('3', 'failed', { error: { code: 'forbidden', message: 'No.' } })]);
    expect(notes).toEqual([]);
    batches.changed([op('4', 'cancelled')]);
    expect(bars).toEqual([0, 0, 0.25, 0.75, 1, null]);
    expect(notes).toEqual(['Deallocate finished with failures: 2 deallocated, 1 failed, 1 cancelled.']);
  });

  it('notifies for one VM without a taskbar bar', () => {
    const { clock, bars, notes, reporter } = setup();
    const batches = new OperationBatchReporter(reporter);
    batches.changed([op('1', 'accepted', { batchId: 'solo', action: 'start' })]);
    clock.advance(notifyAfterMs);
    batches.changed([op('1', 'succeeded', { batchId: 'solo', action: 'start' })]);
    expect(bars).toEqual([]);
    expect(notes).toEqual(['Start finished: web-1 started.']);
  });

  it('keeps batches apart and stays quiet while the window has focus', () => {
    const { clock, notes, reporter } = setup(true);
    const batches = new OperationBatchReporter(reporter);
    batches.changed([op('1', 'accepted'), op('2', 'accepted', { batchId: 'batch-2' })]);
    clock.advance(notifyAfterMs);
    batches.changed([op('1', 'succeeded'), op('2', 'succeeded', { batchId: 'batch-2' })]);
    expect(notes).toEqual([]);
  });

  it('ignores a batch first seen already finished (it started before the reporter listened)', () => {
    const { bars, notes, reporter } = setup();
    new OperationBatchReporter(reporter).changed([op('1', 'succeeded')]);
    expect(bars).toEqual([]);
    expect(notes).toEqual([]);
  });
});

describe('batchSummary', () => {
  it('words one failed or cancelled VM with Azure’s reason or the note', () => {
    expect(
      batchSummary('restart', [op('1', 'failed', { error: { code: 'forbidden', message: 'Not allowed.' } })]),
    ).toEqual({ title: 'Restart failed', body: 'web-1: Not allowed.' });
    expect(batchSummary('start', [op('1', 'cancelled', { note: 'Cancelled before it was sent to Azure.' })])).toEqual({
      title: 'Start cancelled',
      body: 'Cancelled before it was sent to Azure.',
    });
  });
});

describe('SweepReporter', () => {
  const progress = (state: SweepProgress['state'], done: number, sweepId = 's1'): SweepProgress => ({
    sweepId,
    kind: 'full',
    state,
    subscriptionsDone: done,
    subscriptionsTotal: 4,
    tenants: [],
    startedAt: '2026-11-30T10:00:00.000Z',
  });

  it('shows a refresh the user asked for, from progress reported before and after, and notifies at the end', () => {
    const { clock, bars, notes, reporter } = setup();
    const sweeps = new SweepReporter(reporter);
    sweeps.progress(progress('running', 1));
    sweeps.userAsked('s1');
    sweeps.progress(progress('running', 2));
    clock.advance(notifyAfterMs);
    sweeps.progress(progress('done', 4));
    expect(bars).toEqual([0, 0.25, 0.5, 1, null]);
    expect(notes).toEqual(['Inventory refreshed: 4 subscriptions listed; open Cloud Desk to see what changed.']);
  });

  it('shows a refresh queued behind a power sweep from when it starts, and drops it when Cancel ended the power sweep', () => {
    const { clock, bars, notes, reporter } = setup();
    const sweeps = new SweepReporter(reporter);
    const power = (state: SweepProgress['state']): SweepProgress => ({ ...progress(state, 0, 'p1'), kind: 'power' });
    sweeps.progress(power('running'));
    sweeps.userQueued();
    sweeps.progress(power('done'));
    sweeps.progress(progress('running', 0, 'queued'));
    clock.advance(notifyAfterMs);
    sweeps.progress(progress('done', 4, 'queued'));
    sweeps.progress(power('running'));
    sweeps.userQueued();
    sweeps.progress(power('cancelled'));
    sweeps.progress(progress('running', 0, 'scheduled'));
    sweeps.progress(progress('done', 4, 'scheduled'));
    expect(bars).toEqual([0, 0, 1, null]);
    expect(notes).toEqual(['Inventory refreshed: 4 subscriptions listed; open Cloud Desk to see what changed.']);
  });

  it('leaves scheduled sweeps and sweeps that already ended alone', () => {
    const { bars, notes, reporter } = setup();
    const sweeps = new SweepReporter(reporter);
    sweeps.progress(progress('running', 1, 'scheduled'));
    sweeps.progress(progress('done', 4, 'scheduled'));
    sweeps.userAsked('scheduled');
    expect(bars).toEqual([]);
    expect(notes).toEqual([]);
  });
});
