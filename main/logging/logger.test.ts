import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../testing/fakes.js';
import { createLogger } from './logger.js';

const clock = fixedClock('2026-11-30T10:00:00.000Z');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createLogger', () => {
  it('writes redacted JSON lines to an owner-only file and names it', () => {
    const filePath = join(mkdtempSync(join(tmpdir(), 'cloud-desk-log-')), 'logs', 'main.log');
    const logger = createLogger({ filePath, clock });
    logger.info('signed in', { refresh_token: 'secret-value' });
    expect(logger.logFile()).toBe(filePath);
    expect(readFileSync(filePath, 'utf8')).toContain('"message":"signed in"');
    expect(readFileSync(filePath, 'utf8')).not.toContain('secret-value');
    if (process.platform !== 'win32') expect(statSync(filePath).mode & 0o777).toBe(0o600);
  });

  it('writes to stderr and names no log file when the file cannot be written', () => {
    const root = mkdtempSync(join(tmpdir(), 'cloud-desk-log-'));
    writeFileSync(join(root, 'in-the-way'), '');
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const logger = createLogger({ filePath: join(root, 'in-the-way', 'logs', 'main.log'), clock });
    logger.warn('the data folder cannot be written');
    expect(logger.logFile()).toBeUndefined();
    expect(written.join('')).toContain('the data folder cannot be written');
  });
});
