// One Cloud Desk at a time: a second start hands its `clouddesk://` link (Windows and Linux: in argv) to the
// first and quits; macOS delivers links with `open-url`. Registers the scheme with the OS in packaged builds.
// Must run before the app is ready so a link that launches the app on macOS is not missed.
import { app } from 'electron';
import { deepLinkInArgv, deepLinkScheme } from '../deep-links/deep-link.js';

export interface InstanceHandlers {
  /** A raw link from the OS; validated by the receiver. */
  openLink(raw: string): void;
  /** Bring the existing window forward. */
  showWindow(): void;
}

/** Returns false when another instance runs: this one must quit (its link has been passed on). */
export function claimSingleInstance(handlers: InstanceHandlers): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkInArgv(argv);
    if (link) handlers.openLink(link);
    handlers.showWindow();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handlers.openLink(url);
    handlers.showWindow();
  });
  // A development build must not take over the scheme from an installed Cloud Desk.
  if (app.isPackaged && !app.isDefaultProtocolClient(deepLinkScheme)) app.setAsDefaultProtocolClient(deepLinkScheme);
  const launchLink = deepLinkInArgv(process.argv);
  if (launchLink) handlers.openLink(launchLink);
  return true;
}
