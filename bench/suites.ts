// The benchmark suites `npm run bench` knows, in the order they run. A suite returns flat figures (times in ms,
// ratios, counts) measured within its own run.
import { tenantsSuite } from './tenants.js';
export interface BenchSuite {
  name: string;
  run(): Promise<Record<string, unknown>>;
}

export const suites: BenchSuite[] = [tenantsSuite];
