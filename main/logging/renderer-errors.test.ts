import { describe, expect, it } from 'vitest';
import { RecordingLogger } from '../testing/fakes.js';
import { ManualScheduler } from '../testing/manual-scheduler.js';
import { RendererErrorLog } from './renderer-errors.js';

describe('RendererErrorLog', () => {
  it('logs renderer errors with their stack', () => {
    const logger = new RecordingLogger();
    new RendererErrorLog(logger, new ManualScheduler()).report({ message: 'x is undefined', stack: 'at View' });
    expect(logger.lines).toEqual([
      { level: 'error', message: 'renderer error: x is undefined', fields: { stack: 'at View' } },
    ]);
  });

  it('keeps at most `limit` a minute and says how many it dropped', () => {
    const logger = new RecordingLogger();
    const clock = new ManualScheduler();
    const log = new RendererErrorLog(logger, clock, 3);
    for (let i = 0; i < 10; i += 1) log.report({ message: `boom ${i}` });
    expect(logger.lines.map((line) => line.message)).toEqual([
      'renderer error: boom 0',
      'renderer error: boom 1',
      'renderer error: boom 2',
    ]);
    clock.advance(60_000);
    log.report({ message: 'later' });
    expect(logger.lines.slice(3)).toEqual([
      { level: 'warn', message: 'renderer errors dropped (rate limit)', fields: { dropped: 7 } },
      { level: 'error', message: 'renderer error: later', fields: undefined },
    ]);
  });
});
