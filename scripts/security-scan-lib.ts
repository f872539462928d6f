// The judging half of the security scan: reads electronegativity's SARIF, reads the allow-list, and decides
// which findings are justified, which are not and which allow-list entries have gone stale.
// Pure functions only: no process spawning, no file system, no exit codes (scripts/security-scan.ts does those).
import { z } from 'zod';

/** The allow-list `file` value for findings about the app as a whole (electronegativity's *_GLOBAL_CHECK). */
export const GLOBAL_FILE = '(global)';

export interface Finding {
  readonly rule: string;
  /** Repository-relative path with forward slashes, or GLOBAL_FILE. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const allowEntrySchema = z.strictObject({
  rule: z.string().regex(/^[A-Z0-9_]+$/, 'must be an electronegativity rule id such as CSP_GLOBAL_CHECK'),
  file: z.string().trim().min(1, 'must name a file, a glob, or "(global)"'),
  reason: z.string().trim().min(1, 'must say why this finding is acceptable'),
});

export type AllowEntry = z.infer<typeof allowEntrySchema>;

const allowListSchema = z.strictObject({
  $comment: z.string().optional(),
  entries: z.array(allowEntrySchema),
});

const sarifSchema = z.object({
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({ driver: z.object({ name: z.literal('Electronegativity') }) }),
        results: z.array(
          z.object({
            ruleId: z.string().min(1),
            message: z.object({ text: z.string() }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string() }),
                    region: z.object({ startLine: z.number().int(), startColumn: z.number().int() }).optional(),
                  }),
                }),
              )
              .min(1),
          }),
        ),
      }),
    )
    .length(1),
});

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Electronegativity writes `file:///` for global findings and paths relative to the scanned folder otherwise. */
function normaliseUri(uri: string): string {
  let file = uri.startsWith('file://') ? uri.slice('file://'.length) : uri;
  file = decodeURIComponent(file).replace(/\\/g, '/').replace(/^\.\//, '');
  return file === '' || file === '/' || file === 'N/A' ? GLOBAL_FILE : file;
}

export function parseSarif(text: string): Finding[] {
  const parsed = sarifSchema.safeParse(parseJson(text, 'The SARIF report'));
  if (!parsed.success) {
    throw new Error(
      `The SARIF report is not electronegativity's single-run SARIF 2.1.0:\n${describeIssues(parsed.error)}`,
    );
  }
  const [run] = parsed.data.runs;
  return (run?.results ?? []).map((result) => {
    const [location] = result.locations;
    const region = location?.physicalLocation.region;
    return {
      rule: result.ruleId,
      file: normaliseUri(location?.physicalLocation.artifactLocation.uri ?? ''),
      line: region?.startLine ?? 1,
      column: region?.startColumn ?? 1,
      message: result.message.text,
    };
  });
}

export function parseAllowList(text: string): AllowEntry[] {
  const parsed = allowListSchema.safeParse(parseJson(text, 'The allow-list'));
  if (!parsed.success) {
    throw new Error(`The allow-list is invalid:\n${describeIssues(parsed.error)}`);
  }
  return parsed.data.entries;
}

/** `**` spans folders, `*` and `?` stay inside one path segment, everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob.charAt(i);
    if (char === '*' && glob.charAt(i + 1) === '*') {
      const slashAfter = glob.charAt(i + 2) === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

export function entryMatches(entry: AllowEntry, finding: Finding): boolean {
  if (entry.rule !== finding.rule) return false;
  if (entry.file === GLOBAL_FILE || finding.file === GLOBAL_FILE) return entry.file === finding.file;
  return globToRegExp(entry.file).test(finding.file);
}

export interface Verdict {
  readonly unjustified: readonly Finding[];
  readonly justified: readonly { readonly finding: Finding; readonly entry: AllowEntry }[];
  readonly stale: readonly AllowEntry[];
}

export function judge(findings: readonly Finding[], entries: readonly AllowEntry[]): Verdict {
  const used = new Set<AllowEntry>();
  const unjustified: Finding[] = [];
  const justified: { finding: Finding; entry: AllowEntry }[] = [];
  for (const finding of findings) {
    const entry = entries.find((candidate) => entryMatches(candidate, finding));
    if (entry === undefined) {
      unjustified.push(finding);
    } else {
      used.add(entry);
      justified.push({ finding, entry });
    }
  }
  // A duplicate entry never matches first, so it shows up as stale too.
  return { unjustified, justified, stale: entries.filter((entry) => !used.has(entry)) };
}

export function formatFinding(finding: Finding): string {
  const where = finding.file === GLOBAL_FILE ? GLOBAL_FILE : `${finding.file}:${finding.line}:${finding.column}`;
  return `${where} ${finding.rule}: ${finding.message}`;
}

export function formatVerdict(verdict: Verdict): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  for (const { finding, entry } of verdict.justified) {
    lines.push(`allowed  ${formatFinding(finding)} (${entry.reason})`);
  }
  for (const finding of verdict.unjustified) {
    lines.push(`FINDING  ${formatFinding(finding)}`);
  }
  for (const entry of verdict.stale) {
    lines.push(`STALE    allow-list entry ${entry.rule} for ${entry.file} matches no finding; remove it`);
  }
  const ok = verdict.unjustified.length === 0 && verdict.stale.length === 0;
  lines.push(
    ok
      ? `security scan passed: ${verdict.justified.length} justified finding(s), none unjustified`
      : `security scan failed: ${verdict.unjustified.length} unjustified finding(s), ${verdict.stale.length} stale allow-list entr${verdict.stale.length === 1 ? 'y' : 'ies'}`,
  );
  return { ok, lines };
}
