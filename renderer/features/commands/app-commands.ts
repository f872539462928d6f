// Menu commands (the `command` event from main: the application menu and its accelerators) turned into what the
// renderer does: Refresh refreshes what the current view shows, Find focuses its search box. The mapping is pure
// and tested; `listenForCommands` binds it to the stores and the page.
import type { AppCommand } from '../../../preload/contract-desktop';
import { getBridge } from '../../bridge';
import { useAccountsStore } from '../../stores/accounts-store';
import { inventoryStore } from '../../stores/inventory';
import { useNavigationStore, type ViewId } from '../../stores/navigation-store';

/** What Refresh refreshes in each view: a full inventory sweep, the accounts, or nothing the view shows. */
export function refreshTarget(view: ViewId): 'inventory' | 'accounts' | undefined {
  switch (view) {
    case 'vms':
    case 'subscriptions':
      return 'inventory';
    case 'accounts':
      return 'accounts';
    default:
      return undefined;
  }
}

/** The search boxes Find focuses: Fluent's SearchBox is an `input type="search"` (role searchbox). */
export const searchBoxSelector = 'main input[type="search"], main [role="searchbox"]';

export interface CommandTargets {
  go(view: ViewId): void;
  /** Refreshes what the current view shows. */
  refresh(): void;
  /** Focuses the current view's search box, if it has one. */
  focusFind(): void;
  /** Opens the Add account menu once the Accounts view shows. */
  openAddAccount(): void;
}

export function runCommand(command: AppCommand, targets: CommandTargets): void {
  switch (command) {
    case 'open-settings':
      return targets.go('settings');
    case 'open-about':
      return targets.go('about');
    case 'add-account':
      targets.go('accounts');
      return targets.openAddAccount();
    case 'refresh':
      return targets.refresh();
    case 'find':
      return targets.focusFind();
  }
}

const afterRender = (work: () => void): void => {
  requestAnimationFrame(() => requestAnimationFrame(work));
};

const pageTargets: CommandTargets = {
  go: (view) => useNavigationStore.getState().go(view),
  refresh: () => {
    const target = refreshTarget(useNavigationStore.getState().view);
    if (target === 'inventory') void inventoryStore.getState().refresh();
    else if (target === 'accounts') void useAccountsStore.getState().refresh();
  },
  focusFind: () => {
    const box = document.querySelector<HTMLInputElement>(searchBoxSelector);
    box?.focus();
    box?.select();
  },
  openAddAccount: () =>
    afterRender(() =>
      [...document.querySelectorAll<HTMLButtonElement>('main button')]
        .find((button) => button.textContent?.trim() === 'Add account')
        ?.click(),
    ),
};

export function listenForCommands(): () => void {
  return getBridge().events.on('command', (command) => runCommand(command, pageTargets));
}
