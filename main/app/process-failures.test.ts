import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../preload/contract.js';
import { RecordingLogger } from '../testing/fakes.js';
import { watchProcessFailures, type ProcessEvents } from './process-failures.js';

describe('watchProcessFailures', () => {
  it('logs and shows uncaught exceptions and unhandled rejections, one notice counting them', () => {
    const target = new EventEmitter();
    const logger = new RecordingLogger();
    const shown: Notice[] = [];
    watchProcessFailures(target as ProcessEvents, logger, (notice) => shown.push(notice));
    target.emit('uncaughtException', new Error('boom'));
    target.emit('unhandledRejection', 'late no');
    expect(logger.lines.map((line) => [line.level, line.message])).toEqual([
      ['error', 'uncaught exception'],
      ['error', 'unhandled promise rejection'],
    ]);
    expect(shown.map((notice) => notice.id)).toEqual(['main-process-failure', 'main-process-failure']);
    expect(shown[0]?.message).toMatch(/^boom\. The details are in the log/);
    expect(shown[1]?.message).toMatch(/^late no \(2 failures so far\)\./);
  });
});
