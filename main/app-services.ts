// Composes the main-process services from their ports and maps every contract channel to a handler. Called by
// the Electron composition root (main/index.ts) and the browser preview host alike. No Electron imports.
import type { AppInfo, Notice } from '../preload/contract.js';
import { helpLinks } from './app/help-links.js';
import { NoticeBoard } from './app/notice-board.js';
import { restrictOpener } from './app/restricted-opener.js';
import type { Handlers } from './ipc-router.js';
import type { BrowserOpener, EventSink, KeyValueStore, Logger } from './ports.js';
import type { StoreRecovery } from './storage/json-file-store.js';
import { SettingsService } from './settings/settings-service.js';

export interface AppServiceDeps {
  settingsStore: KeyValueStore;
  events: EventSink;
  opener: BrowserOpener;
  logger: Logger;
  appInfo: () => AppInfo;
  /** Store files that were unreadable at start-up and moved aside; each becomes a notice. */
  recoveries: readonly StoreRecovery[];
}

export interface AppServices {
  handlers: Handlers;
  settings: SettingsService;
  notices: NoticeBoard;
}

export const allowedLinkHosts = ['github.com'] as const;

export function createAppServices(deps: AppServiceDeps): AppServices {
  const settings = new SettingsService(deps.settingsStore, deps.events, deps.logger);
  const notices = new NoticeBoard(deps.events);
  for (const recovery of deps.recoveries) notices.post(recoveryNotice(recovery));
  const opener = restrictOpener(deps.opener, () => allowedLinkHosts);
  const handlers: Handlers = {
    'app.getInfo': () => deps.appInfo(),
    'app.getNotices': () => notices.list(),
    'app.dismissNotice': (id) => {
      notices.dismiss(id);
      return null;
    },
    'app.openHelp': async (topic) => {
      await opener.open(helpLinks[topic]);
      return null;
    },
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };
  return { handlers, settings, notices };
}

function recoveryNotice(recovery: StoreRecovery): Notice {
  return {
    id: `store-recovered:${recovery.filePath}`,
    level: 'warning',
    title: 'Your settings could not be read',
    message:
      `The settings file was damaged (${recovery.reason}), so Cloud Desk started with default settings. ` +
      `The damaged file was kept as ${recovery.movedTo}.`,
  };
}
