// Starts the stores' loads and event subscriptions, once per page, before React's first render: the requests the
// first screen waits for (the inventory above all, 10,000 VMs in one answer) then travel while the bundle's first
// render runs, instead of after it. Returns the function that stops listening.
import { reportRendererErrors } from './error-reporting';
import { listenForCommands } from './features/commands/app-commands';
import { pageDeepLinkViews } from './features/deep-links/deep-link-views';
import { followDeepLinks } from './features/deep-links/follow-deep-links';
import { listenForUpdates, useUpdatesStore } from './features/updates/updates-store';
import { listenForAccounts, useAccountsStore } from './stores/accounts-store';
import { listenForDeepLinks, useDeepLinkStore } from './stores/deep-link-store';
import { inventoryStore } from './stores/inventory';
import { useNavigationStore } from './stores/navigation-store';
import { listenForNotices, useNoticesStore } from './stores/notices-store';
import { listenForOperations, useOperationsStore } from './stores/operations-store';
import { listenForSettings, useSettingsStore } from './stores/settings-store';
import { listenForStatus, useStatusStore } from './stores/status-store';

export function startStores(): () => void {
  const stops = [
    listenForSettings(),
    listenForNotices(),
    listenForStatus(),
    listenForAccounts(),
    listenForOperations(),
    inventoryStore.getState().start(),
    listenForUpdates(),
    reportRendererErrors(),
    listenForCommands(),
    listenForDeepLinks(),
    followDeepLinks(useDeepLinkStore, inventoryStore, pageDeepLinkViews),
  ];
  // The first screen waits for these two: the accounts (small) and the inventory's snapshot (asked above).
  // The first run has nothing to show in the VMs view yet: it starts on Accounts.
  void useAccountsStore
    .getState()
    .load()
    .then(() => {
      if (useAccountsStore.getState().accounts.length === 0) useNavigationStore.getState().startOn('accounts');
    });
  void useSettingsStore.getState().load();
  void useOperationsStore.getState().load();
  void useUpdatesStore.getState().load();
  void useDeepLinkStore.getState().load();
  void useNoticesStore.getState().load();
  void useStatusStore.getState().load();
  return () => stops.forEach((stop) => stop());
}
