// V8 settings for the process that runs the main services (Electron's main process; the browser preview's host and
// the benchmark, which stand in for it). No Electron imports.
//
// Bytecode flushing stays off. The app idles between sweeps (a power sweep a minute, a full sweep every 15 minutes);
// after about 8 s of idling, V8's memory reducer runs a memory-reducing GC that flushes the bytecode of every
// function not running. Traced with `--trace-flush-code` in the 10 s before a full sweep: 1,861 functions flushed
// (the Azure SDK's pipeline and deserializers, Node's HTTP client, our merge), which the sweep then parsed and
// compiled again. Keeping it costs little memory (all bytecode is about 2 MB here). See docs/performance.md.
import { setFlagsFromString } from 'node:v8';

export const mainProcessV8Flags: readonly string[] = ['--no-flush-bytecode'];

/** Applies the flags; call it first thing in the process (they hold for every later GC). */
export function applyMainProcessV8Flags(): void {
  for (const flag of mainProcessV8Flags) setFlagsFromString(flag);
}
