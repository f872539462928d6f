import { describe, expect, it } from 'vitest';
import { appCommandSchema } from '../../../preload/contract-desktop';
import { refreshTarget, runCommand, type CommandTargets } from './app-commands';

function recorder() {
  const calls: string[] = [];
  const targets: CommandTargets = {
    go: (view) => calls.push(`go:${view}`),
    refresh: () => calls.push('refresh'),
    focusFind: () => calls.push('find'),
    openAddAccount: () => calls.push('add-account'),
  };
  return { calls, targets };
}

describe('runCommand', () => {
  it.each([
    ['open-settings', ['go:settings']],
    ['open-about', ['go:about']],
    ['add-account', ['go:accounts', 'add-account']],
    ['refresh', ['refresh']],
    ['find', ['find']],
  ] as const)('%s', (command, expected) => {
    const { calls, targets } = recorder();
    runCommand(command, targets);
    expect(calls).toEqual(expected);
  });

  it('has a case for every command in the contract', () => {
    for (const command of appCommandSchema.options) {
      const { calls, targets } = recorder();
      runCommand(command, targets);
      expect(calls.length, command).toBeGreaterThan(0);
    }
  });
});

describe('refreshTarget', () => {
  it('sweeps the inventory in the VMs and Subscriptions views and checks the accounts in Accounts', () => {
    expect(refreshTarget('vms')).toBe('inventory');
    expect(refreshTarget('subscriptions')).toBe('inventory');
    expect(refreshTarget('accounts')).toBe('accounts');
    expect(refreshTarget('settings')).toBeUndefined();
  });
});
