// The tray / menu-bar icon: shown while the `desktop.trayIcon` setting is on, with how many VMs run (when the
// inventory has said), Open, Refresh and Quit. While it shows, closing the window keeps Cloud Desk running
// there. Plain TypeScript behind a TrayPort (Electron's Tray in main/platform/tray.ts). No Electron imports.
import type { MenuItemSpec } from '../menu/menu-template.js';
import type { RunningVmCount } from '../ports.js';

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

export function trayContents(
  count: number | undefined,
  actions: TrayActions,
): { tooltip: string; menu: MenuItemSpec[] } {
  const running = count === undefined ? undefined : `${count} VM${count === 1 ? '' : 's'} running`;
  return {
    tooltip: running ? `Cloud Desk: ${running}` : 'Cloud Desk',
    menu: [
      ...(running ? [{ label: running }, { type: 'separator' } as const] : []),
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

  private render(count: number | undefined): void {
    const { tooltip, menu } = trayContents(count, this.actions);
    this.tray.show(tooltip, menu);
    this.shown = true;
  }
}
