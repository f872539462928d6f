// The application menu as data: the platform's standard roles (the macOS app menu, Edit, View, Window, Help)
// plus Cloud Desk's commands with their accelerators. Pure, so each platform's menu is unit-tested; the glue
// (main/platform/app-menu.ts) hands it to Electron's Menu.buildFromTemplate. No Electron imports here.
import type { AppCommand } from '../../preload/contract-desktop.js';
import type { HelpTopic } from '../../preload/contract.js';

/** The roles this menu uses: a subset of Electron's MenuItem roles. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'window'
  | 'windowMenu'
  | 'appMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'help';

/** Structurally an Electron MenuItemConstructorOptions. */
export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  /** False for an item that only informs (the tray's VM count). */
  enabled?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

export interface MenuActions {
  command(command: AppCommand): void;
  openHelp(topic: HelpTopic): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform | string;
  /** Packaged builds have no reload or DevTools items. */
  packaged: boolean;
  appName: string;
}

const separator: MenuItemSpec = { type: 'separator' };

export function menuTemplate(options: MenuOptions, actions: MenuActions): MenuItemSpec[] {
  const mac = options.platform === 'darwin';
  const run = (command: AppCommand) => () => actions.command(command);
  const settings: MenuItemSpec = {
    label: mac ? 'Settings…' : '&Settings',
    accelerator: 'CmdOrCtrl+,',
    click: run('open-settings'),
  };
  const addAccount: MenuItemSpec = { label: mac ? 'Add Account…' : '&Add account…', click: run('add-account') };

  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            separator,
            settings,
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const file: MenuItemSpec = {
    label: mac ? 'File' : '&File',
    submenu: mac ? [addAccount, separator, { role: 'close' }] : [addAccount, settings, separator, { role: 'quit' }],
  };
  const edit: MenuItemSpec = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      { label: mac ? 'Find' : '&Find', accelerator: 'CmdOrCtrl+F', click: run('find') },
    ],
  };
  const developer: MenuItemSpec[] = options.packaged
    ? []
    : [separator, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  const view: MenuItemSpec = {
    label: mac ? 'View' : '&View',
    submenu: [
      { label: mac ? 'Refresh' : '&Refresh', accelerator: 'CmdOrCtrl+R', click: run('refresh') },
      ...developer,
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemSpec = {
    label: mac ? 'Window' : '&Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }, separator, { role: 'window' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemSpec = {
    label: mac ? 'Help' : '&Help',
    role: 'help',
    submenu: [
      { label: 'Cloud Desk Documentation', click: () => actions.openHelp('documentation') },
      { label: 'Release Notes', click: () => actions.openHelp('releases') },
      { label: 'Report an Issue', click: () => actions.openHelp('report-issue') },
      ...(mac ? [] : [separator, { label: `&About ${options.appName}`, click: run('open-about') }]),
    ],
  };
  return [...appMenu, file, edit, view, window, help];
}
