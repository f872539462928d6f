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

  it('scrubs credentials from the message the renderer sees and keeps it short', () => {
    const target = new EventEmitter();
    const shown: Notice[] = [];
    watchProcessFailures(target as ProcessEvents, new RecordingLogger(), (notice) => shown.push(notice));
    target.emit(
      'uncaughtException',
      new Error(
        'connect failed via https://user:pass@proxy:8080 for /token?code=abc123secret ' +
          `with Authorization: Bearer sk_live_0123456789abcdef${' and more'.repeat(100)}`,
      ),
    );
    const message = shown[0]?.message ?? '';
    expect(message).not.toMatch(/user:pass|abc123secret|sk_live_0123456789abcdef/);
    expect(message).toContain('https://[redacted]@proxy:8080');
    expect(message.length).toBeLessThan(450);
  });
});
