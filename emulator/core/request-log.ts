// The emulator's request log: counts and latency per route pattern and per token subject, plus recent requests.
// Records what happened on the wire; it never stores tokens, bodies or secrets.
export interface RequestRecord {
  time: string;
  method: string;
  path: string;
  route: string;
  status: number;
  ms: number;
  subject: string | undefined;
  requestId: string;
  fault: string | undefined;
}

export interface RouteStats {
  route: string;
  count: number;
  totalMs: number;
  maxMs: number;
  statuses: Record<string, number>;
  subjects: Record<string, number>;
}

export interface RequestLogSnapshot {
  total: number;
  routes: RouteStats[];
  subjects: Record<string, number>;
  recent: RequestRecord[];
}

// Segments whose successor is an instance name. ARM's handler names its routes with routePattern too, so a
// request failed by an injected fault (which never reaches the handler) counts under the same route.
const placeholders: Record<string, string> = {
  subscriptions: '{s}',
  resourcegroups: '{rg}',
  virtualmachines: '{vm}',
  locations: '{loc}',
  operations: '{id}',
};

/** The route name for a request no handler named: instance segments elided as ARM and Entra ID name them. */
export function defaultRoute(method: string, path: string): string {
  const segments = path.split('/').filter((s) => s.length > 0);
  if (segments.length > 1 && /^(v2\.0|oauth2|discovery)$/i.test(segments[1] ?? '')) {
    return `${method} /{tenant}/${segments.slice(1).join('/').toLowerCase()}`;
  }
  return routePattern(method, segments);
}

/** "GET /subscriptions/{s}/providers/Microsoft.Compute/virtualMachines": names kept, instances elided. */
export function routePattern(method: string, segments: readonly string[]): string {
  const parts = segments.map((segment, i) => {
    const previous = i > 0 ? segments[i - 1]?.toLowerCase() : undefined;
    return previous === undefined ? segment : (placeholders[previous] ?? segment);
  });
  return `${method} /${parts.join('/')}`;
}

export class RequestLog {
  private total = 0;
  private routes = new Map<string, RouteStats>();
  private subjects = new Map<string, number>();
  private recent: RequestRecord[] = [];

  constructor(private readonly keepRecent = 2000) {}

  record(entry: RequestRecord): void {
    this.total += 1;
    let stats = this.routes.get(entry.route);
    if (!stats) {
      stats = { route: entry.route, count: 0, totalMs: 0, maxMs: 0, statuses: {}, subjects: {} };
      this.routes.set(entry.route, stats);
    }
    stats.count += 1;
    stats.totalMs += entry.ms;
    stats.maxMs = Math.max(stats.maxMs, entry.ms);
    const status = String(entry.status);
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
    if (entry.subject !== undefined) {
      stats.subjects[entry.subject] = (stats.subjects[entry.subject] ?? 0) + 1;
      this.subjects.set(entry.subject, (this.subjects.get(entry.subject) ?? 0) + 1);
    }
    this.recent.push(entry);
    if (this.recent.length > this.keepRecent) this.recent.splice(0, this.recent.length - this.keepRecent);
  }

  snapshot(): RequestLogSnapshot {
    return {
      total: this.total,
      routes: [...this.routes.values()].map((s) => ({
        ...s,
        statuses: { ...s.statuses },
        subjects: { ...s.subjects },
      })),
      subjects: Object.fromEntries(this.subjects),
      recent: [...this.recent],
    };
  }

  clear(): void {
    this.total = 0;
    this.routes.clear();
    this.subjects.clear();
    this.recent = [];
  }
}
