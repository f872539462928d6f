import { describe, expect, it } from 'vitest';
import type { MenuItemSpec } from '../menu/menu-template.js';
import type { RunningVmCount, RunningVms } from '../ports.js';
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
  value: RunningVms | undefined;
  private listener: ((count: RunningVms | undefined) => void) | undefined;
  current(): RunningVms | undefined {
    return this.value;
  }
  onChange(listener: (count: RunningVms | undefined) => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  set(count: RunningVms): void {
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
    (iso) => `<${iso}>`,
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

  it('shows the confirmed running VM count as information, and follows it', () => {
    const { tray, counts, controller } = setup();
    controller.apply();
    counts.set({ count: 3, confirmed: true });
    expect(tray.tooltip).toBe('Cloud Desk: 3 VMs running');
    expect(tray.menu[0]).toEqual({ label: '3 VMs running', enabled: false });
    counts.set({ count: 1, confirmed: true });
    expect(tray.menu[0]?.label).toBe('1 VM running');
  });

  it('says how old a count is that the app has not confirmed', () => {
    const { tray, counts, controller } = setup();
    controller.apply();
    counts.set({ count: 2, confirmed: false, asOf: '2026-11-30T09:00:00.000Z' });
    expect(tray.tooltip).toBe('Cloud Desk: 2 VMs running as of <2026-11-30T09:00:00.000Z>');
    counts.set({ count: 2, confirmed: false });
    expect(tray.menu[0]?.label).toBe('2 VMs running (not confirmed yet)');
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
