// Sends the page's uncaught errors and unhandled rejections to main's log (`app.reportError`; main validates
// and rate-limits). Never throws itself: a failing report is dropped.
import { getBridge } from './bridge';

function send(message: string, stack: string | undefined): void {
  const report = {
    message: (message || 'Unknown error').slice(0, 2000),
    ...(stack ? { stack: stack.slice(0, 16_000) } : {}),
  };
  getBridge()
    .app.reportError(report)
    .catch(() => undefined);
}

export function reportRendererErrors(): () => void {
  const onError = (event: ErrorEvent): void =>
    send(event.message, event.error instanceof Error ? event.error.stack : undefined);
  const onRejection = (event: PromiseRejectionEvent): void => {
    const reason: unknown = event.reason;
    send(reason instanceof Error ? reason.message : String(reason), reason instanceof Error ? reason.stack : undefined);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
