// The emulator clock: wall time plus an offset tests can set or advance, so tokens can expire on demand.
// Only emulator-issued times follow it; clients (MSAL, the SDK) keep using the real clock.
export class EmulatorClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  set(epochMs: number): void {
    this.offsetMs = epochMs - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
