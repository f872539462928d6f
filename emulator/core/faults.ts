// Fault injection rules: parse the compact `--faults` spec, match requests, and count down limited faults.
// Pure logic only: it decides which fault applies; the server pipeline carries the fault out on the wire.
import { z } from 'zod';

export const faultKinds = ['403', '429', '500', '503', '504', 'reset', 'truncate', 'malformed', 'slow'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultRuleSchema = z.strictObject({
  /** HTTP method in upper case, or '*' for any. */
  method: z
    .string()
    .regex(/^(\*|[A-Z]+)$/)
    .default('*'),
  /** Path glob (query string excluded); `*` matches any run of characters, including '/'. Case-insensitive. */
  path: z.string().min(1),
  kind: z.enum(faultKinds),
  /** slow: total milliseconds to drip the body over; 429/503: Retry-After seconds. */
  arg: z.number().int().nonnegative().optional(),
  /** How many matching requests fail; absent = every matching request until cleared. */
  count: z.number().int().positive().optional(),
  /** Chance (0..1] that a matching request fails; absent = always. */
  probability: z.number().gt(0).lte(1).optional(),
});
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

export interface ActiveFault extends FaultRule {
  id: number;
  /** Requests still to fail, when the rule was given a count. */
  remaining: number | undefined;
  hits: number;
}

const ruleText = new RegExp(
  `^(?:(\\*|[A-Za-z]+):)?([^=]+)=(${faultKinds.join('|')})(?::(\\d+))?(?:x(\\d+))?(?:@(0?\\.\\d+|1(?:\\.0+)?))?$`,
);

/**
 * Parses `METHOD:PATH=KIND[:ARG][xCOUNT][@PROBABILITY]` rules separated by `;`, e.g.
 * `GET:/subscriptions*=503x2;POST:*\/start=reset;*:*\/oauth2/v2.0/token=429:5@0.5`.
 */
export function parseFaultSpec(spec: string): FaultRule[] {
  return spec
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const m = ruleText.exec(part);
      if (!m) {
        throw new Error(
          `Bad fault rule "${part}": expected METHOD:PATH=KIND[:ARG][xCOUNT][@PROBABILITY], ` +
            `KIND one of ${faultKinds.join(', ')}`,
        );
      }
      const [, method, path, kind, arg, count, probability] = m;
      const parsed = faultRuleSchema.safeParse({
        method: (method ?? '*').toUpperCase(),
        path,
        kind,
        ...(arg === undefined ? {} : { arg: Number(arg) }),
        ...(count === undefined ? {} : { count: Number(count) }),
        ...(probability === undefined ? {} : { probability: Number(probability) }),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`Bad fault rule "${part}": ${issue ? `${issue.path.join('.')}: ${issue.message}` : ''}`);
      }
      return parsed.data;
    });
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** The live fault table. `random` is injectable so probability rules can be tested deterministically. */
export class FaultTable {
  private rules: Array<ActiveFault & { matcher: RegExp }> = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(rules: FaultRule[]): ActiveFault[] {
    const added = rules.map((rule) => ({
      ...rule,
      id: this.nextId++,
      remaining: rule.count,
      hits: 0,
      matcher: globToRegExp(rule.path),
    }));
    this.rules.push(...added);
    return added.map(({ matcher: _matcher, ...fault }) => fault);
  }

  list(): ActiveFault[] {
    return this.rules.map(({ matcher: _matcher, ...fault }) => fault);
  }

  clear(): void {
    this.rules = [];
  }

  /** Returns the first rule that fires for this request and consumes one of its counts. */
  take(method: string, path: string): ActiveFault | undefined {
    for (const rule of this.rules) {
      if (rule.method !== '*' && rule.method !== method.toUpperCase()) continue;
      if (!rule.matcher.test(path)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.hits += 1;
      if (rule.remaining !== undefined) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      const { matcher: _matcher, ...fault } = rule;
      return fault;
    }
    return undefined;
  }
}
