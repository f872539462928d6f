import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../preload/contract-desktop.js';
import type { HelpTopic } from '../../preload/contract.js';
import { menuTemplate, type MenuItemSpec } from './menu-template.js';

function build(platform: string, packaged: boolean) {
  const commands: AppCommand[] = [];
  const help: HelpTopic[] = [];
  const menu = menuTemplate(
    { platform, packaged, appName: 'Cloud Desk' },
    { command: (command) => commands.push(command), openHelp: (topic) => help.push(topic) },
  );
  return { menu, commands, help };
}

const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((item) => [item, ...flat(item.submenu ?? [])]);
const plain = (label: string | undefined): string => (label ?? '').replace('&', '').replace('…', '');
const byLabel = (items: MenuItemSpec[], label: string): MenuItemSpec | undefined =>
  flat(items).find((item) => plain(item.label) === label);

describe('menuTemplate', () => {
  it.each(['darwin', 'win32', 'linux'])('on %s runs the app commands with their accelerators', (platform) => {
    const { menu, commands } = build(platform, true);
    const accelerators = Object.fromEntries(
      flat(menu)
        .filter((item) => item.accelerator)
        .map((item) => [plain(item.label), item.accelerator]),
    );
    expect(accelerators).toEqual({ Refresh: 'CmdOrCtrl+R', Find: 'CmdOrCtrl+F', Settings: 'CmdOrCtrl+,' });
    for (const label of ['Refresh', 'Find', 'Settings', platform === 'darwin' ? 'Add Account' : 'Add account']) {
      byLabel(menu, label)?.click?.();
    }
    expect(commands).toEqual(['refresh', 'find', 'open-settings', 'add-account']);
  });

  it('gives macOS the app menu first, with About, Services, Hide and Quit', () => {
    const { menu } = build('darwin', true);
    expect(menu.map((item) => item.label)).toEqual(['Cloud Desk', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(menu[0]?.submenu?.map((item) => item.role ?? item.label ?? item.type)).toEqual([
      'about',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
  });

  it.each(['win32', 'linux'])('on %s has no app menu; File has Quit and Help has About', (platform) => {
    const { menu, commands } = build(platform, true);
    expect(menu.map((item) => plain(item.label))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(flat(menu).some((item) => item.role === 'quit')).toBe(true);
    byLabel(menu, 'About Cloud Desk')?.click?.();
    expect(commands).toEqual(['open-about']);
  });

  it.each(['darwin', 'win32', 'linux'])('on %s has the standard edit roles for text fields', (platform) => {
    const roles = flat(build(platform, true).menu).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it.each(['darwin', 'win32', 'linux'])('on %s packaged: no DevTools, no reload, no Electron links', (platform) => {
    const items = flat(build(platform, true).menu);
    expect(items.map((item) => item.role)).not.toContain('toggleDevTools');
    expect(items.map((item) => item.role)).not.toContain('forceReload');
    expect(items.map((item) => item.label ?? '').join(' ')).not.toMatch(/Electron|Learn More/);
  });

  it('keeps DevTools and reload for development builds, off Refresh’s accelerator', () => {
    const items = flat(build('linux', false).menu);
    expect(items.map((item) => item.role)).toEqual(expect.arrayContaining(['toggleDevTools', 'forceReload']));
    expect(items.filter((item) => item.accelerator === 'CmdOrCtrl+R')).toHaveLength(1);
  });

  it('opens help topics through main, never a URL of its own', () => {
    const { menu, help } = build('win32', true);
    for (const label of ['Cloud Desk Documentation', 'Release Notes', 'Report an Issue'])
      byLabel(menu, label)?.click?.();
    expect(help).toEqual(['documentation', 'releases', 'report-issue']);
  });
});
