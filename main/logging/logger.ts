// A JSON-lines logger that redacts every line before it is written. Writes to a file in the data directory
// (and to stderr when asked). Node only; no Electron.
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

export function createLogger(options: LineLoggerOptions): Logger {
  const minimum = order[options.level ?? 'info'];
  if (options.filePath) mkdirSync(dirname(options.filePath), { recursive: true });
  const write = (level: Level, message: string, fields?: Record<string, unknown>): void => {
    if (order[level] < minimum) return;
    const line = JSON.stringify({
      time: new Date(options.clock.now()).toISOString(),
      level,
      message: redactText(message),
      ...(fields ? { fields: redact(fields) } : {}),
    });
    if (options.filePath) {
      try {
        appendFileSync(options.filePath, `${line}\n`);
      } catch {
        // A full disk must not take the app down with it; stderr still gets the line.
        process.stderr.write(`${line}\n`);
        return;
      }
    }
    if (options.stderr) process.stderr.write(`${line}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
