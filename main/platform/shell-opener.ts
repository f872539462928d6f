// BrowserOpener on Electron's shell.openExternal: the user's system browser. Callers wrap it with
// restrictOpener so only allowed https hosts get here.
import { shell } from 'electron';
import type { BrowserOpener } from '../ports.js';

export const shellOpener: BrowserOpener = {
  open: (url) => shell.openExternal(url, { activate: true }),
};
