// A JSON-lines logger that redacts every line before it is written. Writes to an owner-only file in the data
// directory (and to stderr when asked). When the file cannot be written (read-only or full disk), every line goes
// to stderr instead and `logFile()` says there is no file, so no message points users to it. Node only; no Electron.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock, Logger } from '../ports.js';
import { redact, redactText } from './redact.js';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LineLoggerOptions {
  filePath?: string;
  stderr?: boolean;
  level?: Level;
  clock: Clock;
}

export interface FileLogger extends Logger {
  /** The log file, or undefined when there is none or it could not be written: then lines went to stderr. */
  logFile(): string | undefined;
}

export function createLogger(options: LineLoggerOptions): FileLogger {
  const minimum = order[options.level ?? 'info'];
  let file = options.filePath;
  if (file) {
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    } catch {
      file = undefined;
    }
  }
  const write = (level: Level, message: string, fields?: Record<string, unknown>): void => {
    if (order[level] < minimum) return;
    const line = JSON.stringify({
      time: new Date(options.clock.now()).toISOString(),
      level,
      message: redactText(message),
      ...(fields ? { fields: redact(fields) } : {}),
    });
    if (file) {
      try {
        appendFileSync(file, `${line}\n`, { mode: 0o600 });
      } catch {
        // A full or read-only disk must not take the app down with it: from now on stderr gets every line.
        file = undefined;
      }
    }
    if (!file || options.stderr) process.stderr.write(`${line}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    logFile: () => file,
  };
}
