// `npm run bench`: runs the benchmark suites (all, or those named on the command line), prints each one's
// figures, and merges them into bench/results/latest.json with the machine they ran on. Each suite measures its
// ratios within one run (against a lower bound and a naive baseline), so a noisy shared machine moves both sides.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suites } from './suites.js';

const resultsFile = join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');

function previous(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(resultsFile, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown suite(s): ${unknown.join(', ')}. Known: ${suites.map((s) => s.name).join(', ')}`);
  }
  const results = previous();
  results['machine'] = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  for (const suite of suites) {
    if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
    console.log(`\n== ${suite.name}`);
    const figures = await suite.run();
    console.log(JSON.stringify(figures, null, 2));
    results[suite.name] = { ...figures, measuredAt: new Date().toISOString() };
  }
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${resultsFile}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
