// Tests the security scan's judging rules on small SARIF samples shaped like electronegativity 1.10.3's output.
// It must not run electronegativity itself (that is `npm run security:scan`).
import { describe, expect, it } from 'vitest';
import {
  type AllowEntry,
  GLOBAL_FILE,
  formatVerdict,
  globToRegExp,
  judge,
  parseAllowList,
  parseSarif,
} from './security-scan-lib.js';

interface SampleResult {
  rule: string;
  uri: string;
  line?: number;
  column?: number;
}

function sarif(results: SampleResult[]): string {
  return JSON.stringify({
    $schema: 'http://json.schemastore.org/sarif-2.1.0',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', version: '1.10.3', rules: [] } },
        results: results.map((r) => ({
          ruleId: r.rule,
          level: 'warning',
          message: { text: `message for ${r.rule}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.uri },
                region: { startLine: r.line ?? 1, startColumn: r.column ?? 1, charLength: 0 },
              },
            },
          ],
        })),
      },
    ],
  });
}

function allowList(entries: unknown[]): string {
  return JSON.stringify({ entries });
}

const openExternal: SampleResult = {
  rule: 'OPEN_EXTERNAL_JS_CHECK',
  uri: 'main/platform/opener.ts',
  line: 14,
  column: 11,
};
const noCsp: SampleResult = { rule: 'CSP_GLOBAL_CHECK', uri: 'file:///' };
const openerEntry: AllowEntry = {
  rule: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main/platform/opener.ts',
  reason: 'Only https URLs from the endpoint table reach openExternal.',
};

describe('parseSarif', () => {
  it('reads rule, file, line and column, and marks file:/// findings as global', () => {
    expect(parseSarif(sarif([openExternal, noCsp]))).toEqual([
      {
        rule: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'main/platform/opener.ts',
        line: 14,
        column: 11,
        message: 'message for OPEN_EXTERNAL_JS_CHECK',
      },
      { rule: 'CSP_GLOBAL_CHECK', file: GLOBAL_FILE, line: 1, column: 1, message: 'message for CSP_GLOBAL_CHECK' },
    ]);
  });

  it('turns Windows separators into forward slashes', () => {
    const [finding] = parseSarif(sarif([{ ...openExternal, uri: 'main\\platform\\opener.ts' }]));
    expect(finding?.file).toBe('main/platform/opener.ts');
  });

  it('refuses a report that is not electronegativity SARIF', () => {
    expect(() => parseSarif('{"version":"2.1.0","runs":[]}')).toThrow(/not electronegativity/);
    expect(() => parseSarif('not json')).toThrow(/not valid JSON/);
  });
});

describe('parseAllowList', () => {
  it('accepts entries with rule, file and reason', () => {
    expect(parseAllowList(allowList([openerEntry]))).toEqual([openerEntry]);
  });

  it('rejects an entry without a reason', () => {
    const { rule, file } = openerEntry;
    expect(() => parseAllowList(allowList([{ rule, file }]))).toThrow(/entries\.0\.reason/);
  });

  it('rejects a blank reason', () => {
    expect(() => parseAllowList(allowList([{ ...openerEntry, reason: '   ' }]))).toThrow(/must say why/);
  });

  it('rejects unknown keys, so a misspelt field cannot pass unnoticed', () => {
    expect(() => parseAllowList(allowList([{ ...openerEntry, reasn: 'x' }]))).toThrow(/reasn/);
  });
});

describe('judge', () => {
  it('fails an unjustified finding and names it with file:line and rule', () => {
    const { ok, lines } = formatVerdict(judge(parseSarif(sarif([openExternal])), []));
    expect(ok).toBe(false);
    expect(lines).toContain(
      'FINDING  main/platform/opener.ts:14:11 OPEN_EXTERNAL_JS_CHECK: message for OPEN_EXTERNAL_JS_CHECK',
    );
  });

  it('passes a finding the allow-list justifies', () => {
    const verdict = judge(parseSarif(sarif([openExternal])), [openerEntry]);
    expect(verdict.unjustified).toEqual([]);
    expect(verdict.stale).toEqual([]);
    expect(formatVerdict(verdict).ok).toBe(true);
  });

  it('fails a stale entry that matches no finding', () => {
    const verdict = judge([], [openerEntry]);
    expect(verdict.stale).toEqual([openerEntry]);
    const { ok, lines } = formatVerdict(verdict);
    expect(ok).toBe(false);
    expect(lines.some((line) => line.startsWith('STALE') && line.includes('OPEN_EXTERNAL_JS_CHECK'))).toBe(true);
  });

  it('does not let an entry for one rule justify another rule in the same file', () => {
    const other: SampleResult = { ...openExternal, rule: 'SANDBOX_JS_CHECK' };
    const verdict = judge(parseSarif(sarif([other])), [openerEntry]);
    expect(verdict.unjustified.map((f) => f.rule)).toEqual(['SANDBOX_JS_CHECK']);
    expect(verdict.stale).toEqual([openerEntry]);
  });

  it('matches global findings only with "(global)" entries, never with a file glob', () => {
    const globEntry: AllowEntry = { rule: 'CSP_GLOBAL_CHECK', file: '**', reason: 'too broad' };
    expect(judge(parseSarif(sarif([noCsp])), [globEntry]).unjustified).toHaveLength(1);
    const globalEntry: AllowEntry = { rule: 'CSP_GLOBAL_CHECK', file: GLOBAL_FILE, reason: 'CSP is sent as a header' };
    expect(judge(parseSarif(sarif([noCsp])), [globalEntry]).unjustified).toEqual([]);
  });

  it('reports a duplicate entry as stale', () => {
    const verdict = judge(parseSarif(sarif([openExternal])), [openerEntry, { ...openerEntry }]);
    expect(verdict.stale).toHaveLength(1);
  });
});

describe('globToRegExp', () => {
  it('lets ** span folders and keeps * inside one folder', () => {
    expect(globToRegExp('main/**/*.ts').test('main/platform/opener.ts')).toBe(true);
    expect(globToRegExp('main/**/*.ts').test('main/index.ts')).toBe(true);
    expect(globToRegExp('main/*.ts').test('main/platform/opener.ts')).toBe(false);
    expect(globToRegExp('main/window.ts').test('main/windowXts')).toBe(false);
  });
});
