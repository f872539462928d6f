import { describe, expect, it } from 'vitest';
import { RecordingLogger } from '../testing/fakes.js';
import { ManualScheduler } from '../testing/manual-scheduler.js';
import { ActivityReporter, notifyAfterMs } from './activity-reporter.js';

function setup(options: { focused?: boolean; notify?: boolean } = {}) {
  const clock = new ManualScheduler();
  const bars: (number | null)[] = [];
  const notes: string[] = [];
  const reporter = new ActivityReporter({
    progress: { set: (fraction) => bars.push(fraction) },
    notifier: { notify: (title, body) => notes.push(`${title}: ${body}`) },
    focus: { focused: () => options.focused ?? false },
    clock,
    logger: new RecordingLogger(),
    notifyWhenDone: () => options.notify ?? true,
  });
  return { clock, bars, notes, reporter };
}

const done = { title: 'Refresh finished', body: '12 VMs in 3 subscriptions' };

describe('ActivityReporter', () => {
  it('shows progress while work runs and clears it at the end', () => {
    const { bars, reporter } = setup();
    const activity = reporter.begin();
    activity.progress(0.25);
    activity.progress(1.5);
    activity.finish(done);
    expect(bars).toEqual([0, 0.25, 1, null]);
  });

  it('averages several activities', () => {
    const { bars, reporter } = setup();
    const a = reporter.begin();
    const b = reporter.begin();
    a.progress(1);
    expect(bars.at(-1)).toBe(0.5);
    a.finish(done);
    b.finish(done);
    expect(bars.at(-1)).toBeNull();
  });

  it('notifies when long work ends while the window is not focused', () => {
    const { clock, notes, reporter } = setup();
    const activity = reporter.begin();
    clock.advance(notifyAfterMs);
    activity.finish(done);
    expect(notes).toEqual(['Refresh finished: 12 VMs in 3 subscriptions']);
  });

  it.each([
    ['the window is focused', { focused: true }, notifyAfterMs],
    ['the setting is off', { notify: false }, notifyAfterMs],
    ['the work was short', {}, notifyAfterMs - 1],
  ])('does not notify when %s', (_why, options, duration) => {
    const { clock, notes, reporter } = setup(options);
    const activity = reporter.begin();
    clock.advance(duration);
    activity.finish(done);
    expect(notes).toEqual([]);
  });

  it('tracks a promise and words its outcome, failures included', async () => {
    const { clock, notes, reporter, bars } = setup();
    const failing = reporter.track(
      async () => {
        clock.advance(notifyAfterMs);
        throw new Error('offline');
      },
      ({ ok }) => ({ title: ok ? 'Refresh finished' : 'Refresh failed', body: 'See Cloud Desk for details.' }),
    );
    await expect(failing).rejects.toThrow('offline');
    expect(notes).toEqual(['Refresh failed: See Cloud Desk for details.']);
    expect(bars.at(-1)).toBeNull();
  });
});
