// Keeps the preview host serving after a programming error: an unhandled rejection or an uncaught exception is
// written to stderr and the process goes on, because every demo and e2e run depends on the host staying up. The
// host itself contains its own failures (see host.ts); this is the last line. Dev-only, never packaged.
export interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

export function keepServing(events: ProcessEvents, write: (line: string) => void): void {
  const report = (what: string, error: unknown): void => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', message: what, detail })}\n`);
  };
  events.on('unhandledRejection', (reason) => report('unhandled rejection in the preview host; still serving', reason));
  events.on('uncaughtException', (error) => report('uncaught exception in the preview host; still serving', error));
}
