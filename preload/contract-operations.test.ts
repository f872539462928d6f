import { describe, expect, it } from 'vitest';
import type { SubscriptionSummary, Vm } from './contract-inventory.js';
import {
  actionAvailability,
  batchSummary,
  isProductionTagged,
  startOperationsArgsSchema,
} from './contract-operations.js';
import { testSubscription } from './testing/inventory-fixtures.js';

const sub: SubscriptionSummary = testSubscription({ id: 's1', displayName: 'Contoso Prod' });
const vm: Vm = {
  provider: 'azure',
  id: 'vm-id',
  resourceId: 'VM-ID',
  name: 'web-1',
  resourceGroup: 'rg',
  subscriptionId: 's1',
  tenantId: 't1',
  location: 'westeurope',
  tags: {},
  powerState: 'running',
};
const online = { online: true };

describe('actionAvailability', () => {
  it('allows what a running VM can do and says why not for the rest', () => {
    const a = actionAvailability(vm, sub, online, []);
    expect(a.deallocate).toEqual({ enabled: true });
    expect(a.restart).toEqual({ enabled: true });
    expect(a.start).toEqual({ enabled: false, reason: 'It is already running.' });
    expect(a.hibernate).toEqual({ enabled: false, reason: 'It was not created with hibernation enabled.' });
    expect(actionAvailability({ ...vm, hibernationEnabled: true }, sub, online, []).hibernate.enabled).toBe(true);
  });

  it('blocks every action offline, without sign-in, in a disabled subscription, in transition, or while one runs', () => {
    const reasons = [
      actionAvailability(vm, sub, { online: false }, []).deallocate,
      actionAvailability(vm, { ...sub, status: 'needs_sign_in' }, online, []).deallocate,
      actionAvailability(vm, { ...sub, state: 'Disabled' }, online, []).deallocate,
      actionAvailability({ ...vm, powerState: 'starting' }, sub, online, []).deallocate,
      actionAvailability(vm, sub, online, [{ vmId: 'vm-id', state: 'running', action: 'restart' }]).deallocate,
    ].map((a) => (a.enabled ? '' : a.reason));
    expect(reasons).toEqual([
      'Cloud Desk is offline; actions come back when it can reach Azure.',
      'Sign in again to the tenant of Contoso Prod to act on its VMs.',
      'Subscription Contoso Prod is Disabled; Azure allows no changes to its VMs.',
      'It is starting; wait until it settles.',
      'Restarting is still in progress; wait until it finishes.',
    ]);
    expect(
      actionAvailability(vm, sub, online, [{ vmId: 'vm-id', state: 'failed', action: 'restart' }]).deallocate,
    ).toEqual({
      enabled: true,
    });
  });
});

describe('batches', () => {
  it('summarises a finished batch in words', () => {
    expect(
      batchSummary('deallocate', [
        ...Array.from({ length: 12 }, () => ({ state: 'succeeded' as const })),
        { state: 'failed', error: { code: 'forbidden', message: 'x' } },
      ]),
    ).toBe('12 deallocated, 1 failed: permission');
  });

  it('accepts 1 to 1000 VMs per request', () => {
    expect(startOperationsArgsSchema.safeParse({ action: 'start', vmIds: [] }).success).toBe(false);
    expect(startOperationsArgsSchema.safeParse({ action: 'start', vmIds: Array(1001).fill('x') }).success).toBe(false);
    expect(startOperationsArgsSchema.safeParse({ action: 'hibernate', vmIds: ['x'] }).success).toBe(true);
  });

  it('takes each option only with its own action', () => {
    const parse = (action: string, options: object) =>
      startOperationsArgsSchema.safeParse({ action, vmIds: ['x'], options }).success;
    expect(parse('deallocate', { forceDeallocate: true })).toBe(true);
    expect(parse('hibernate', { forceDeallocate: true })).toBe(false);
    expect(parse('powerOff', { forceDeallocate: true })).toBe(false);
    expect(parse('powerOff', { skipShutdown: true })).toBe(true);
    expect(parse('deallocate', { skipShutdown: true })).toBe(false);
    expect(parse('restart', { skipShutdown: false })).toBe(true);
  });

  it('knows production tags by environment or env, any case', () => {
    expect(isProductionTagged({ tags: { Environment: 'Production' } })).toBe(true);
    expect(isProductionTagged({ tags: { env: 'prod' } })).toBe(true);
    expect(isProductionTagged({ tags: { env: 'dev', owner: 'prod' } })).toBe(false);
  });
});
