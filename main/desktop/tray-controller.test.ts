import { describe, expect, it } from 'vitest';
import type { MenuItemSpec } from '../menu/menu-template.js';
import type { RunningVmCount } from '../ports.js';
import { TrayController, type TrayPort } from './tray-controller.js';

class RecordingTray implements TrayPort {
  visible = false;
  tooltip = '';
  menu: MenuItemSpec[] = [];
  show(tooltip: string, menu: MenuItemSpec[]): void {
    this.visible = true;
    this.tooltip = tooltip;
    this.menu = menu;
  }
  hide(): void {
    this.visible = false;
  }
}

class Counts implements RunningVmCount {
  value: number | undefined;
  private listener: ((count: number | undefined) => void) | undefined;
  current(): number | undefined {
    return this.value;
  }
  onChange(listener: (count: number | undefined) => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  set(count: number): void {
    this.value = count;
    this.listener?.(count);
  }
  get listening(): boolean {
    return this.listener !== undefined;
  }
}

function setup(enabled = true) {
  const tray = new RecordingTray();
  const counts = new Counts();
  const calls: string[] = [];
  const setting = { on: enabled };
  const controller = new TrayController(
    tray,
    () => setting.on,
    { openWindow: () => calls.push('open'), refresh: () => calls.push('refresh'), quit: () => calls.push('quit') },
    counts,
  );
  return { tray, counts, calls, setting, controller };
}

describe('TrayController', () => {
  it('shows Open, Refresh and Quit, and keeps the app running when the window closes', () => {
    const { tray, calls, controller } = setup();
    controller.apply();
    expect(tray.visible).toBe(true);
    expect(tray.tooltip).toBe('Cloud Desk');
    for (const item of tray.menu) item.click?.();
    expect(calls).toEqual(['open', 'refresh', 'quit']);
    expect(controller.keepsRunningWhenClosed()).toBe(true);
  });

  it('shows the running VM count once the inventory knows it, and follows it', () => {
    const { tray, counts, controller } = setup();
    controller.apply();
    counts.set(3);
    expect(tray.tooltip).toBe('Cloud Desk: 3 VMs running');
    expect(tray.menu[0]?.label).toBe('3 VMs running');
    counts.set(1);
    expect(tray.menu[0]?.label).toBe('1 VM running');
  });

  it('hides when the setting goes off; closing the window then quits', () => {
    const { tray, counts, setting, controller } = setup();
    controller.apply();
    setting.on = false;
    controller.apply();
    expect(tray.visible).toBe(false);
    expect(counts.listening).toBe(false);
    expect(controller.keepsRunningWhenClosed()).toBe(false);
  });

  it('never shows while the setting is off', () => {
    const { tray, controller } = setup(false);
    controller.apply();
    expect(tray.visible).toBe(false);
    expect(controller.keepsRunningWhenClosed()).toBe(false);
  });
});
