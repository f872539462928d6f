// Installs the application menu built by menu-template.ts, and a right-click menu with Copy (and Cut/Paste in
// fields) through electron-context-menu; nothing that opens a page, saves files or inspects in packaged builds.
import contextMenu from 'electron-context-menu';
import { Menu, type BrowserWindow } from 'electron';
import { menuTemplate, type MenuActions, type MenuOptions } from '../menu/menu-template.js';

export function installAppMenu(options: MenuOptions, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options, actions)));
}

export function installContextMenu(window: BrowserWindow, packaged: boolean): () => void {
  return contextMenu({
    window,
    showLookUpSelection: false,
    showSearchWithGoogle: false,
    showCopyImage: false,
    showCopyImageAddress: false,
    showSaveImage: false,
    showSaveImageAs: false,
    showCopyVideoAddress: false,
    showSaveVideo: false,
    showSaveVideoAs: false,
    showCopyLink: false,
    showSaveLinkAs: false,
    showLearnSpelling: false,
    showServices: false,
    showSelectAll: true,
    showInspectElement: !packaged,
  });
}
