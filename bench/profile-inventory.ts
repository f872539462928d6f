// Profiles the app's side of full inventory sweeps (this process; the emulator runs in its own): a warm-up sweep,
// then N sweeps each under the V8 sampling profiler started and stopped around the sweep only, written as
// .cpuprofile files (open in Chrome DevTools) with a self-time summary on stdout.
// `tsx bench/profile-inventory.ts [concurrency] [sweeps] [outDir]`
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { MemoryStore } from '../main/testing/fakes.js';
import { inventoryFor, openFleet } from './inventory.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const concurrency = Number(process.argv[2] ?? 64);
const sweeps = Number(process.argv[3] ?? 3);
const outDir = process.argv[4] ?? '/tmp';
/** `-` as the directory: time the sweeps without the profiler. */
const profiling = outDir !== '-';

function summarize(profile: Profile): void {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byNode.get(id);
    if (!node) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const url = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*r4-sweep\//, '');
    const label = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber}`;
    self.set(label, (self.get(label) ?? 0) + ms);
    total += ms;
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
  console.log(`samples ${Math.round(total)} ms`);
  for (const [label, ms] of top)
    console.log(`${ms.toFixed(1).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${label}`);
}

const fleet = await openFleet('fleet');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
let seed: MemoryStore | undefined;
try {
  for (let i = 0; i <= sweeps; i += 1) {
    // After the warm-up, every sweep starts from the snapshot the warm-up wrote (FROM_NOTHING=1: from nothing).
    const { inventory, store } = await inventoryFor(fleet, concurrency, seed);
    if (i === 0 && process.env['FROM_NOTHING'] !== '1') seed = store;
    await inventory.start({ schedule: false });
    fleet.events.reset();
    fleet.events.hold();
    if (i > 0 && profiling) await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    const started = performance.now();
    await inventory.sweep('full');
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const result = i > 0 && profiling ? ((await session.post('Profiler.stop')) as { profile: Profile }) : undefined;
    await inventory.stop();
    fleet.events.settle();
    const cpuMs = Math.round((used.user + used.system) / 1000);
    const label = `sweep ${i}${i === 0 ? ' (warm-up)' : ''} C=${concurrency}`;
    console.log(`${label}: ${Math.round(ms)} ms, CPU ${cpuMs} ms, load ${loadavg()[0]?.toFixed(2)}`);
    if (result) {
      writeFileSync(join(outDir, `sweep-${i}.cpuprofile`), JSON.stringify(result.profile));
      summarize(result.profile);
    }
    await new Promise((resolve) => setTimeout(resolve, Number(process.env['PAUSE_MS'] ?? 10_000)));
  }
} finally {
  session.disconnect();
  await fleet.close();
}
