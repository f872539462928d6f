// Run by engine-flags.test.ts in a child process (with --expose-gc --stress-flush-code --trace-flush-code): runs 100
// functions once, applies the main process's V8 flags when asked (`apply`), then runs full GCs. Under
// --stress-flush-code every GC flushes the bytecode of every function not running, as the memory reducer's GC does
// after the app idles; --trace-flush-code prints how many it flushed.
import { applyMainProcessV8Flags } from './engine-flags.js';

if (process.argv[2] === 'apply') applyMainProcessV8Flags();
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('Run with --expose-gc.');
// Kept alive, as the app's loaded code is: a function that is garbage is collected, not flushed.
const kept: ((x: number) => number)[] = [];
let sum = 0;
for (let i = 0; i < 100; i += 1) {
  const compiled = new Function('x', `return x * ${String(i)} + ${String(i % 7)};`) as (x: number) => number;
  sum += compiled(i);
  kept.push(compiled);
}
for (let i = 0; i < 6; i += 1) collect();
process.stdout.write(`ran ${String(kept.length)} functions (${String(sum)})\n`);
