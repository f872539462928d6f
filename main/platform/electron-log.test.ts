// The electron-log adapter against a fake of electron-log/main typed by its own .d.ts: no preload injected into
// the sandboxed renderer, rotation size, and every message redacted by the hook before a transport sees it.
import { describe, expect, it, vi } from 'vitest';
import type { LogMessage, MainLogger } from 'electron-log';

const fake = vi.hoisted(() => {
  const written: unknown[][] = [];
  const log = {
    initialized: undefined as unknown,
    hooks: [] as ((message: { data: unknown[] }) => { data: unknown[] } | false)[],
    transports: {
      file: { level: 'silly' as unknown, maxSize: 0, getFile: () => ({ path: '/logs/main.log' }) },
      console: { level: 'silly' as unknown },
    },
    initialize(options: unknown) {
      log.initialized = options;
    },
    write(level: string, data: unknown[]) {
      let message: { data: unknown[] } | false = { data };
      for (const hook of log.hooks) if (message) message = hook(message);
      if (message) written.push([level, ...message.data]);
    },
    debug: (...data: unknown[]) => log.write('debug', data),
    info: (...data: unknown[]) => log.write('info', data),
    warn: (...data: unknown[]) => log.write('warn', data),
    error: (...data: unknown[]) => log.write('error', data),
  };
  return { log, written };
});

vi.mock('electron-log/main', () => ({ default: fake.log }));

const { electronLogger } = await import('./electron-log.js');

describe('electronLogger', () => {
  const { logger, filePath } = electronLogger({ console: false });

  it('injects no preload into the renderer and rotates main.log at 5 MB', () => {
    const options: Parameters<MainLogger['initialize']>[0] = { preload: false, spyRendererConsole: false };
    expect(fake.log.initialized).toEqual(options);
    expect(fake.log.transports.file.maxSize).toBe(5 * 1024 * 1024);
    expect(fake.log.transports.file.level).toBe('info');
    expect(fake.log.transports.console.level).toBe(false);
    expect(filePath()).toBe('/logs/main.log');
  });

  it('redacts every message through the hook before it is written', () => {
    const hook: (message: LogMessage) => LogMessage | false = fake.log.hooks[0] as never;
    expect(hook).toBeTypeOf('function');
    logger.info('token exchange failed for http://localhost:1/?code=0.SECRET', {
      headers: { Authorization: 'Bearer abcdefghijklmnop' },
      account: 'a1',
    });
    expect(fake.written.at(-1)).toEqual([
      'info',
      'token exchange failed for http://localhost:1/?code=[redacted]',
      { headers: { Authorization: '[redacted]' }, account: 'a1' },
    ]);
  });
});
