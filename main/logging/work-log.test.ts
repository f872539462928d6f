import { describe, expect, it } from 'vitest';
import type { InventoryPatch, SubscriptionSummary, SweepProgress } from '../../preload/contract-inventory.js';
import type { Operation } from '../../preload/contract-operations.js';
import { RecordingLogger } from '../testing/fakes.js';
import { testSubscription } from '../../preload/testing/inventory-fixtures.js';
import { redact } from './redact.js';
import { WorkLog } from './work-log.js';

const op = (state: Operation['state'], extra: Partial<Operation> = {}): Operation => ({
  id: 'op-1',
  batchId: 'b-1',
  action: 'deallocate',
  vmId: '/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/web-1',
  vmName: 'web-1',
  resourceGroup: 'rg',
  subscriptionId: 's',
  accountId: 'a1',
  accountName: 'alice@contoso.test',
  state,
  startedAt: '2026-11-30T10:00:00.000Z',
  ...extra,
});

const sweep = (kind: SweepProgress['kind'], state: SweepProgress['state'], done: number): SweepProgress => ({
  sweepId: `${kind}-1`,
  kind,
  state,
  subscriptionsDone: done,
  subscriptionsTotal: 3,
  tenants: [],
  startedAt: '2026-11-30T10:00:00.000Z',
  ...(state === 'running' ? {} : { finishedAt: '2026-11-30T10:00:02.500Z' }),
});

describe('WorkLog', () => {
  it('logs a power action once when asked and once when it ends, with Azure’s ids', () => {
    const logger = new RecordingLogger();
    const log = new WorkLog(logger);
    log.operations([op('accepted')]);
    log.operations([op('running', { correlationId: 'corr-1' })]);
    log.operations([
      op('failed', {
        correlationId: 'corr-1',
        endedAt: '2026-11-30T10:00:30.000Z',
        error: { code: 'forbidden', message: 'No.', armCode: 'AuthorizationFailed' },
      }),
    ]);
    expect(logger.lines.map((line) => [line.level, line.message, line.fields])).toEqual([
      [
        'info',
        'power action requested',
        { operationId: 'op-1', batchId: 'b-1', action: 'deallocate', vmId: op('accepted').vmId },
      ],
      [
        'info',
        'power action finished',
        {
          operationId: 'op-1',
          action: 'deallocate',
          state: 'failed',
          error: 'forbidden',
          armCode: 'AuthorizationFailed',
          correlationId: 'corr-1',
          durationMs: 30_000,
        },
      ],
    ]);
  });

  it('logs full sweeps at info and power sweeps at debug, start and end once each', () => {
    const logger = new RecordingLogger();
    const log = new WorkLog(logger);
    for (const kind of ['full', 'power'] as const) {
      log.sweep(sweep(kind, 'running', 0));
      log.sweep(sweep(kind, 'running', 1));
      log.sweep(sweep(kind, 'done', 3));
      log.sweep(sweep(kind, 'done', 3));
    }
    expect(logger.lines.map((line) => `${line.level} ${line.message}`)).toEqual([
      'info inventory sweep started',
      'info inventory sweep finished',
      'debug inventory sweep started',
      'debug inventory sweep finished',
    ]);
    expect(logger.lines[1]?.fields).toMatchObject({ state: 'done', subscriptions: '3/3', durationMs: 2500 });
  });
});

const subscription = (change: Partial<SubscriptionSummary>): SubscriptionSummary =>
  testSubscription({ displayName: 'Production', vmCount: 3, ...change });

const patch = (seq: number, subscriptions: SubscriptionSummary[]): InventoryPatch => ({
  seq,
  subscriptions,
  removedSubscriptions: [],
  vms: [],
  removedVms: [],
});

describe('WorkLog of listing failures', () => {
  it('warns once per failure with Azure’s ids, and again only after the subscription recovered', () => {
    const logger = new RecordingLogger();
    const log = new WorkLog(logger);
    const failed = subscription({
      status: 'error',
      error: { code: 'forbidden', message: 'No.', requestId: 'req-1', correlationId: 'corr-1' },
    });
    log.inventory(patch(1, [failed]));
    log.inventory(patch(2, [{ ...failed, status: 'loading' }]));
    log.inventory(patch(3, [failed]));
    log.inventory(patch(4, [subscription({ status: 'ok' })]));
    log.inventory(patch(5, [failed]));
    const line = {
      subscriptionId: 'sub-1',
      status: 'error',
      errorCode: 'forbidden',
      requestId: 'req-1',
      correlationId: 'corr-1',
    };
    // What a real logger writes: the fields after redaction keep the error code.
    expect(logger.lines.map((logged) => redact(logged.fields))).toEqual([line, line]);
  });
});
