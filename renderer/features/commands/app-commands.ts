// Menu commands (the `command` event from main: the application menu and its accelerators) turned into what the
// renderer does. The mapping is pure and tested; `listenForCommands` binds it to the stores and the page.
import type { AppCommand } from '../../../preload/contract-desktop';
import { getBridge } from '../../bridge';
import { useAccountsStore } from '../../stores/accounts-store';
import { useNavigationStore, type ViewId } from '../../stores/navigation-store';

export interface CommandTargets {
  go(view: ViewId): void;
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
  refresh: () => void useAccountsStore.getState().refresh(),
  focusFind: () => document.querySelector<HTMLElement>('main [role="searchbox"], main input[type="search"]')?.focus(),
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
