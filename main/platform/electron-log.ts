// The Logger port on electron-log: rotating files in the platform's log folder (main.log, kept to 5 MB with
// one main.old.log), nothing injected into the sandboxed renderer (`preload: false`), and every message
// redacted by a hook before any transport writes it.
import log from 'electron-log/main';
import type { Logger } from '../ports.js';
import { redactLogMessage } from '../logging/redact-hook.js';

export function electronLogger(options: { console: boolean }): { logger: Logger; filePath: () => string } {
  log.initialize({ preload: false, spyRendererConsole: false });
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.console.level = options.console ? 'info' : false;
  log.hooks.push((message) => redactLogMessage(message));
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields) log[level](message, fields);
      else log[level](message);
    };
  return {
    logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') },
    filePath: () => log.transports.file.getFile().path,
  };
}
