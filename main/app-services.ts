// Composes the main-process services from their ports and maps every contract channel to a handler. Called by
// the Electron composition root (main/index.ts) and the browser preview host alike. No Electron imports.
import {
  secretStorageText,
  sessionOnlyNoticeId,
  type AppInfo,
  type AppStatus,
  type EventOf,
  type HelpTopic,
  type Notice,
} from '../preload/contract.js';
import type { AccountsService } from './accounts/accounts-service.js';
import { createAccountsService } from './accounts/create-accounts-service.js';
import { diagnosticsText } from './app/diagnostics.js';
import { helpLinks } from './app/help-links.js';
import { NoticeBoard } from './app/notice-board.js';
import { restrictOpener } from './app/restricted-opener.js';
import { mergeClouds, type CloudEndpoints } from './clouds.js';
import { DeepLinkService } from './deep-links/deep-link-service.js';
import { ActivityReporter } from './desktop/activity-reporter.js';
import { RunningVmTracker } from './desktop/running-vms.js';
import { OperationBatchReporter, SweepReporter } from './desktop/work-indicators.js';
import { ServiceError } from './errors.js';
import type { Handlers } from './ipc-router.js';
import { RendererErrorLog } from './logging/renderer-errors.js';
import { WorkLog } from './logging/work-log.js';
import { CloudConnectivity } from './net/connectivity.js';
import { createNetwork } from './net/network-settings.js';
import { environmentProxyResolver, type ProxyResolver } from './net/proxy-resolver.js';
import type {
  BrowserOpener,
  Clock,
  DesktopShell,
  EventSink,
  KeyValueStore,
  Logger,
  Notifier,
  Scheduler,
  SecretCipher,
  TaskProgress,
  WindowActivator,
  WindowFocus,
} from './ports.js';
import { effectiveClientId, nationalClientIds } from './settings/client-choice.js';
import { InventoryService } from './inventory/inventory-service.js';
import { exportActivity, type FileSaver } from './activity/activity-export.js';
import { ActivityLog } from './activity/activity-log.js';
import { InventoryMirror } from './operations/inventory-mirror.js';
import { OperationsService } from './operations/operations-service.js';
import { TargetCheckService } from './operations/target-check.js';
import { RenameService } from './subscriptions/rename-service.js';
import { SettingsService } from './settings/settings-service.js';
import type { StoreRecovery } from './storage/json-file-store.js';
import { dataFolderNotice, type StorageHealth } from './storage/memory-fallback-store.js';
import { SecretVault } from './storage/secret-vault.js';
import { systemScheduler } from './system-clock.js';
import { UpdateService } from './updates/update-service.js';
import { notInstalledMessage, type UpdateSource } from './updates/updater-port.js';

export interface AppServiceDeps {
  settingsStore: KeyValueStore;
  /** Holds ciphertext only: the MSAL caches and the account registry. */
  secretsStore: KeyValueStore;
  /** Holds the encrypted inventory snapshot (large; kept apart from the small secrets); default secretsStore. */
  inventoryStore?: KeyValueStore;
  cipher: SecretCipher;
  /** The Azure clouds and any custom cloud from CLOUD_DESK_CLOUD_CONFIG; Settings may add more. */
  clouds: readonly CloudEndpoints[];
  events: EventSink;
  opener: BrowserOpener;
  logger: Logger;
  clock: Clock;
  /** Re-checks later; real timers unless a test passes a fake. */
  scheduler?: Scheduler;
  appInfo: () => AppInfo;
  /** Store files that were unreadable at start-up and moved aside; each becomes a notice. */
  recoveries: readonly StoreRecovery[];
  /** The default client id built into this copy when it was packaged (CLOUD_DESK_CLIENT_ID), if any. */
  builtinClientId?: string | undefined;
  /** Whether the data folder can be written; a problem (now or later) becomes a notice. */
  storageHealth?: StorageHealth;
  /** Problems found while starting (e.g. a bad custom cloud file); each becomes a notice. */
  startupProblems?: readonly Notice[];
  signInTimeoutMs?: number;
  /** The auto-updater and what this build supports; without one (preview, tests) updates are disabled. */
  updates?: UpdateSource;
  /** The log folder and clipboard; the browser preview has neither. */
  desktop?: DesktopShell;
  /** Taskbar progress, OS notifications and window focus; the preview has none of them. */
  indicators?: { progress: TaskProgress; notifier: Notifier; focus: WindowFocus };
  /** Brings the window forward after a browser sign-in; the preview's page is the browser, so it has none. */
  window?: WindowActivator;
  /** The system proxy: Electron's session.resolveProxy; without one (preview, tests) HTTPS_PROXY / NO_PROXY. */
  systemProxy?: ProxyResolver;
  /** HTTPS_PROXY / NO_PROXY for the `environment` proxy mode; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** A save dialog for exports (Electron); without one, exports come back as text for the page to download. */
  fileSaver?: FileSaver;
}

export interface AppServices {
  handlers: Handlers;
  settings: SettingsService;
  notices: NoticeBoard;
  accounts: AccountsService;
  inventory: InventoryService;
  operations: OperationsService;
  activity: ActivityLog;
  updates: UpdateService;
  deepLinks: DeepLinkService;
  /** Progress and "finished" notifications for long work (desktop only); services report through it. */
  progress: ActivityReporter | undefined;
  /** How many VMs run, as the inventory confirmed it (the tray shows it). */
  runningVms: RunningVmTracker;

  /** Starts a full inventory sweep the user asked for (the tray's Refresh), with progress and notification. */
  refreshInventory(): void;
  /** Opens a help topic in the system browser (menus use it too). */
  openHelp(topic: HelpTopic): Promise<void>;
  /** On quit: timers, re-checks and pollers stop first, then pending sign-in data and stores are written. */
  stop(): Promise<void>;
}

const notAnInstalledBuild: UpdateSource = {
  kind: 'disabled',
  reason: 'development',
  message: notInstalledMessage,
};

export const allowedLinkHosts = ['github.com'] as const;

export async function createAppServices(deps: AppServiceDeps): Promise<AppServices> {
  const settings = new SettingsService(deps.settingsStore, deps.events, deps.logger);
  const notices = new NoticeBoard(deps.events);
  for (const recovery of deps.recoveries) notices.post(recoveryNotice(recovery));
  for (const problem of deps.startupProblems ?? []) notices.post(problem);
  const storageProblem = deps.storageHealth?.problem();
  if (storageProblem) notices.post(dataFolderNotice(storageProblem));
  deps.storageHealth?.onProblem((problem) => {
    notices.post(dataFolderNotice(problem));
    // Accounts connected from now on last only for the session: their summaries say so.
    deps.events.emit('accounts', accounts.list());
  });
  const scheduler = deps.scheduler ?? systemScheduler;
  // Offline clouds are re-checked by re-validating their accounts (or probing them when they have none).
  const connectivity = new CloudConnectivity({
    clock: deps.clock,
    scheduler,
    logger: deps.logger,
    probe: (cloudId) => accounts.recheckCloud(cloudId),
  });
  const vault = new SecretVault(deps.secretsStore, deps.cipher, {
    clock: deps.clock,
    logger: deps.logger,
    allowWeak: () => settings.get().allowWeakSecretStorage,
    diskWritable: () => deps.storageHealth?.problem() === undefined,
  });
  await vault.refreshStatus();
  const network = await createNetwork({
    store: deps.settingsStore,
    vault,
    events: deps.events,
    logger: deps.logger,
    env: deps.env ?? process.env,
    systemProxy: deps.systemProxy ?? environmentProxyResolver(deps.env ?? process.env),
  });
  const status = (): AppStatus => {
    const backend = vault.backend();
    return {
      online: connectivity.online,
      clouds: connectivity.status(clouds().map((cloud) => cloud.id)),
      secretStorage: { mode: vault.mode(), weakAvailable: vault.weakAvailable(), ...(backend ? { backend } : {}) },
    };
  };
  const postStorageNotice = (): void => {
    if (vault.mode() === 'session_only') notices.post(sessionOnlyNotice(vault.backend()));
    else notices.dismiss(sessionOnlyNoticeId);
  };
  postStorageNotice();
  connectivity.onChange(() => deps.events.emit('status', status()));
  // The vault's mode follows the weak-storage opt-in; react when it actually changes.
  let publishedMode = vault.mode();
  settings.onChange(() => {
    void vault.refreshStatus().then(async (mode) => {
      if (mode === publishedMode) return;
      publishedMode = mode;
      if (mode === 'session_only') await vault.retreatToMemory();
      else await vault.persistSessionSecrets();
      postStorageNotice();
      deps.events.emit('status', status());
      deps.events.emit('accounts', accounts.list());
    });
  });

  const clouds = (): CloudEndpoints[] => mergeClouds(deps.clouds, settings.get().customClouds);
  // Help links may open only GitHub; each sign-in may open only its own cloud's authority (AccountsService).
  const helpOpener = restrictOpener(deps.opener, () => allowedLinkHosts);
  // The inventory hears every accounts change the renderer hears (sign-out removes its rows); so do the listeners.
  const accountListeners = new Set<() => void>();
  const accountEvents: EventSink = {
    emit(name, payload) {
      deps.events.emit(name, payload);
      if (name === 'accounts') {
        inventory.accountsChanged();
        for (const listener of accountListeners) listener();
      }
    },
  };
  const accounts = createAccountsService({
    vault,
    clouds,
    signInSettings: () => ({
      clientId: effectiveClientId(settings.get(), deps.builtinClientId),
      cloudClientIds: nationalClientIds(settings.get()),
      defaultTenant: settings.get().defaultTenant,
    }),
    opener: deps.opener,
    events: accountEvents,
    connectivity,
    network: network.config,
    logger: deps.logger,
    clock: deps.clock,
    scheduler,
    warn: (id, title, message) => notices.post({ id, level: 'warning', title, message }),
    ...(deps.signInTimeoutMs ? { signInTimeoutMs: deps.signInTimeoutMs } : {}),
    ...(deps.window ? { bringToFront: () => deps.window?.bringToFront() } : {}),
  });
  // Taskbar progress and "finished" notifications for bulk actions and the refreshes the user asked for.
  const progress = deps.indicators
    ? new ActivityReporter({
        ...deps.indicators,
        clock: deps.clock,
        logger: deps.logger,
        notifyWhenDone: () => settings.get().desktop.notifyWhenDone,
      })
    : undefined;
  const workLog = new WorkLog(deps.logger);
  const sweepIndicator = progress ? new SweepReporter(progress) : undefined;
  const batchIndicator = progress ? new OperationBatchReporter(progress) : undefined;
  // The operations keep an index of the inventory from the same patches the renderer gets.
  const mirror = new InventoryMirror(() => inventory, deps.logger);
  const runningVms = new RunningVmTracker({ getSnapshot: () => inventory.getSnapshot() }, () => connectivity.online);
  const inventoryEvents: EventSink = {
    emit(name, payload) {
      deps.events.emit(name, payload);
      if (name === 'inventory') {
        mirror.apply(payload as EventOf<'inventory'>);
        runningVms.apply(payload as EventOf<'inventory'>);
        workLog.inventory(payload as EventOf<'inventory'>);
      }
      if (name === 'inventoryProgress') {
        workLog.sweep(payload as EventOf<'inventoryProgress'>);
        sweepIndicator?.progress(payload as EventOf<'inventoryProgress'>);
      }
    },
  };
  const inventoryVault = deps.inventoryStore
    ? new SecretVault(deps.inventoryStore, deps.cipher, {
        clock: deps.clock,
        logger: deps.logger,
        allowWeak: () => settings.get().allowWeakSecretStorage,
      })
    : vault;
  if (inventoryVault !== vault) await inventoryVault.refreshStatus();
  const inventory = new InventoryService({
    accounts,
    clouds,
    vault: inventoryVault,
    preferencesStore: deps.settingsStore,
    connectivity,
    network: network.config,
    events: inventoryEvents,
    opener: deps.opener,
    logger: deps.logger,
    clock: deps.clock,
  });
  connectivity.onChange(() => inventory.setOnline(connectivity.online));
  connectivity.onChange(() => runningVms.connectivityChanged());

  // Power actions, the activity log and subscription rename; their data is encrypted with the snapshot.
  const activity = new ActivityLog({ vault: inventoryVault, clock: deps.clock, logger: deps.logger });
  const operationAccounts = {
    credentialFor: (accountId: string, tenantId: string) => accounts.credentialFor(accountId, tenantId),
    accountName: (accountId: string) => accounts.list().find((account) => account.id === accountId)?.username,
  };
  const operationsDeps = {
    accounts: operationAccounts,
    clouds,
    connectivity,
    network: network.config,
    clock: deps.clock,
    logger: deps.logger,
  };
  const operations = new OperationsService({ ...operationsDeps, inventory: mirror, vault: inventoryVault, activity });
  operations.registry.onChange((changed) => {
    deps.events.emit('operations', [...changed]);
    workLog.operations(changed);
  });
  activity.onChange((change) => deps.events.emit('activity', change));
  // Quitting cancels queued operations: that is no news to notify about, so the indicator stops listening first.
  const stopBatchIndicator = batchIndicator
    ? operations.registry.onChange((changed) => batchIndicator.changed(changed))
    : undefined;
  const rename = new RenameService({ ...operationsDeps, inventory: mirror, activity });
  // What a confirmation says about production: the VMs' own tags and their resource groups' (read from Azure).
  const targetCheck = new TargetCheckService({
    ...operationsDeps,
    inventory: mirror,
    scheduler,
    onAccountsChanged: (listener) => {
      accountListeners.add(listener);
      return () => accountListeners.delete(listener);
    },
  });
  await accounts.start();
  // Stored states are on screen "as of" their times; confirm them with Entra ID and ARM in the background.
  accounts
    .revalidateAll()
    .catch((error: unknown) => deps.logger.error('re-validating accounts at start-up failed', { error }));
  await inventory.start();
  await activity.start();
  await operations.start();

  const updates = new UpdateService({
    source: deps.updates ?? notAnInstalledBuild,
    currentVersion: () => deps.appInfo().version,
    preferences: () => settings.get().updates,
    scheduler,
    clock: deps.clock,
    events: deps.events,
    logger: deps.logger,
  });
  settings.onChange(() => updates.preferencesChanged());
  const rendererErrors = new RendererErrorLog(deps.logger, deps.clock);
  const deepLinks = new DeepLinkService(deps.events, deps.logger);
  const refreshAll = () =>
    progress
      ? progress.track(
          () => accounts.refresh(),
          ({ ok }) =>
            ok
              ? { title: 'Accounts refreshed', body: 'Every account and tenant has been checked.' }
              : { title: 'Refresh failed', body: 'Open Cloud Desk to see what went wrong.' },
        )
      : accounts.refresh();
  // A refresh the user asked for (Refresh in a view, the tray's Refresh) shows progress and may notify at its end.
  const refreshInventory = (args?: Parameters<InventoryService['refresh']>[0]) => {
    const sweep = inventory.refresh(args);
    if (sweep && (args?.kind ?? 'full') === 'full' && args?.subscriptionIds === undefined) {
      // Asked during a power sweep, the full sweep is queued behind it (the answer is the power sweep's progress).
      if (sweep.kind === 'full') sweepIndicator?.userAsked(sweep.sweepId);
      else sweepIndicator?.userQueued();
    }
    return sweep;
  };
  const openHelp = (topic: HelpTopic): Promise<void> => helpOpener.open(helpLinks[topic]);
  const noDesktop = (what: string): ServiceError =>
    new ServiceError('not_found', `The browser preview cannot ${what}; its log is in the data folder's logs folder.`);

  const handlers: Handlers = {
    'app.getInfo': () => ({
      ...deps.appInfo(),
      ...(deps.builtinClientId ? { builtinClientId: deps.builtinClientId } : {}),
    }),
    'app.getNotices': () => notices.list(),
    'app.dismissNotice': (id) => {
      notices.dismiss(id);
      return null;
    },
    'app.openHelp': async (topic) => {
      await openHelp(topic);
      return null;
    },
    'app.takeDeepLink': () => deepLinks.take(),
    'app.getStatus': () => status(),
    'app.reportError': (error) => {
      rendererErrors.report(error);
      return null;
    },
    'app.openLogsFolder': async () => {
      if (!deps.desktop) throw noDesktop('open a folder');
      await deps.desktop.openLogsFolder();
      return null;
    },
    'app.copyDiagnostics': () => {
      const text = diagnosticsText({
        info: deps.appInfo(),
        status: status(),
        accounts: accounts.list(),
        clouds: accounts.clouds(),
        // The mode only: a proxy's address can say whose network it is.
        extra: [['Proxy', network.settings.state().proxyMode]],
      });
      deps.desktop?.copyText(text);
      return { text, copied: deps.desktop !== undefined };
    },
    'app.networkChanged': (online) => {
      connectivity.networkChanged(online);
      return null;
    },
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    'clouds.list': () => accounts.clouds(),
    'accounts.list': () => accounts.list(),
    'accounts.signIn': (args) => accounts.signIn(args),
    'accounts.signInTenant': (args) => accounts.signInTenant(args),
    'accounts.cancelSignIn': () => {
      accounts.cancelSignIn();
      return null;
    },
    'accounts.reopenSignInPage': async () => {
      await accounts.reopenSignInPage();
      return null;
    },
    'accounts.getSignInLink': () => accounts.signInLink(),
    'accounts.addServicePrincipal': (args) => accounts.addServicePrincipal(args),
    'accounts.setTenantHidden': (args) => accounts.setTenantHidden(args),
    'accounts.refresh': (accountId) => (accountId ? accounts.refresh(accountId) : refreshAll()),
    'accounts.signOut': async (id) => {
      await accounts.signOut(id);
      return null;
    },
    'accounts.signOutAll': async () => {
      await accounts.signOutAll();
      return null;
    },
    'accounts.resetSignInData': async () => {
      await accounts.resetSignInData();
      return null;
    },
    'accounts.openAdminConsent': async (args) => {
      await accounts.openAdminConsent(args);
      return null;
    },
    'network.get': () => network.settings.state(),
    'network.set': (patch) => network.settings.set(patch),
    'network.setProxyPassword': (password) => network.settings.setProxyPassword(password),
    'network.clearProxyPassword': () => network.settings.clearProxyPassword(),
    'inventory.getSnapshot': () => inventory.windowSnapshot(),
    'inventory.refresh': (args) => refreshInventory(args),
    'inventory.cancelRefresh': () => {
      inventory.cancelRefresh();
      return null;
    },
    'inventory.getInstanceView': (vmId) => inventory.getInstanceView(vmId),
    'inventory.setSubscriptionHidden': (args) => inventory.setSubscriptionHidden(args),
    'inventory.setActingAccount': (args) => inventory.setActingAccount(args),
    'inventory.openInPortal': async (target) => {
      await inventory.openInPortal(target);
      return null;
    },
    'operations.start': (args) => operations.begin(args),
    'operations.list': () => operations.list(),
    'operations.cancel': (id) => operations.cancel(id),
    'operations.checkTargets': (args) => targetCheck.check(args),
    'activity.list': (filter) => activity.page(filter),
    'activity.clear': async () => {
      await activity.clear();
      return null;
    },
    'activity.exportCsv': (filter) => exportActivity(activity, deps.fileSaver, filter),
    'subscriptions.rename': (args) => rename.rename(args),
    'updates.getState': () => updates.state(),
    'updates.check': () => updates.check(),
    'updates.download': () => updates.requestDownload(),
    'updates.restartToUpdate': () => {
      updates.restartToUpdate();
      return null;
    },
  };
  // Pollers and timers first, then the stores they write to.
  const stop = async (): Promise<void> => {
    stopBatchIndicator?.();
    updates.stop();
    await operations.stop();
    await inventory.stop();
    await activity.stop();
    connectivity.stop();
    accounts.cancelSignIn();
    await accounts.stop();
    await vault.flush();
  };
  return {
    handlers,
    settings,
    notices,
    accounts,
    inventory,
    operations,
    activity,
    updates,
    deepLinks,
    progress,
    runningVms,
    refreshInventory: () => {
      refreshInventory({ kind: 'full' });
    },
    openHelp,
    stop,
  };
}

function sessionOnlyNotice(backend: string | undefined): Notice {
  return {
    id: sessionOnlyNoticeId,
    level: 'warning',
    title: secretStorageText.session_only.title,
    message:
      (backend === 'basic_text'
        ? 'No keyring was found, so your system cannot encrypt Cloud Desk’s sign-in data. '
        : 'Your system’s encryption service is not available, so Cloud Desk cannot encrypt its sign-in data. ') +
      'Until it is, accounts stay signed in only for this session. Install or unlock a keyring (GNOME Keyring or ' +
      'KWallet) and restart Cloud Desk, or allow weaker storage in Settings.',
  };
}

function recoveryNotice(recovery: StoreRecovery): Notice {
  const settingsFile = /settings\.json$/.test(recovery.filePath);
  return {
    id: `store-recovered:${recovery.filePath}`,
    level: 'warning',
    title: settingsFile ? 'Your settings could not be read' : 'Your stored sign-ins could not be read',
    message:
      `The file ${recovery.filePath} was damaged (${recovery.reason}), so Cloud Desk started without it` +
      (settingsFile ? ', using default settings. ' : '; add your accounts again. ') +
      `The damaged file was kept as ${recovery.movedTo}.`,
  };
}
