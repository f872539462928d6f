// The tray / menu-bar icon: shown while the `desktop.trayIcon` setting is on, with how many VMs run (as the
// inventory confirmed it, or as of when), Open, Refresh and Quit. While it shows, closing the window keeps Cloud
// Desk running there. Plain TypeScript behind a TrayPort (Electron's Tray in main/platform/desktop-indicators.ts).
// No Electron imports.
import type { MenuItemSpec } from '../menu/menu-template.js';
import type { RunningVmCount, RunningVms } from '../ports.js';

export interface TrayPort {
  /** Shows the icon (or updates it) with this tooltip and context menu. */
  show(tooltip: string, menu: MenuItemSpec[]): void;
  hide(): void;
}

export interface TrayActions {
  openWindow(): void;
  refresh(): void;
  quit(): void;
}

/** A short local date and time, e.g. "30/11/2026, 14:05"; tests pass a fixed one. */
export type TimeFormat = (iso: string) => string;

export const localTime: TimeFormat = (iso) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

export function describeRunning(running: RunningVms, formatTime: TimeFormat): string {
  const words = `${running.count} VM${running.count === 1 ? '' : 's'} running`;
  if (running.confirmed) return words;
  return running.asOf ? `${words} as of ${formatTime(running.asOf)}` : `${words} (not confirmed yet)`;
}

export function trayContents(
  count: RunningVms | undefined,
  actions: TrayActions,
  formatTime: TimeFormat = localTime,
): { tooltip: string; menu: MenuItemSpec[] } {
  const running = count === undefined ? undefined : describeRunning(count, formatTime);
  return {
    tooltip: running ? `Cloud Desk: ${running}` : 'Cloud Desk',
    menu: [
      // The count is information, not a command.
      ...(running ? [{ label: running, enabled: false }, { type: 'separator' } as const] : []),
      { label: 'Open Cloud Desk', click: actions.openWindow },
      { label: 'Refresh', click: actions.refresh },
      { type: 'separator' },
      { label: 'Quit Cloud Desk', click: actions.quit },
    ],
  };
}

export class TrayController {
  private stopCount: (() => void) | undefined;
  private shown = false;

  constructor(
    private readonly tray: TrayPort,
    private readonly enabled: () => boolean,
    private readonly actions: TrayActions,
    private readonly count?: RunningVmCount,
    private readonly formatTime: TimeFormat = localTime,
  ) {}

  /** Shows or hides the icon to match the setting; call at start and whenever settings change. */
  apply(): void {
    if (this.enabled()) {
      this.render(this.count?.current());
      this.stopCount ??= this.count?.onChange((count) => this.render(count));
      return;
    }
    this.stopCount?.();
    this.stopCount = undefined;
    if (this.shown) this.tray.hide();
    this.shown = false;
  }

  /** Whether closing the window should keep the app running in the tray. */
  keepsRunningWhenClosed(): boolean {
    return this.shown;
  }

  private render(count: RunningVms | undefined): void {
    const { tooltip, menu } = trayContents(count, this.actions, this.formatTime);
    this.tray.show(tooltip, menu);
    this.shown = true;
  }
}
