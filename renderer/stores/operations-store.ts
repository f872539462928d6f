// Power-action operations as main reports them: listed once, then kept current by the `operations` event (only
// the operations that changed). Normalized by id. When every operation of a batch started from this window has
// finished, the batch is announced once (the toaster shows it; screen readers hear it).
import { useMemo } from 'react';
import { create } from 'zustand';
import type { AppError, Result } from '../../preload/contract';
import {
  actionLabels,
  batchSummary,
  finishedStates,
  type Operation,
  type OperationOptions,
  type PowerAction,
  type StartOperationsResult,
} from '../../preload/contract-operations';
import { getBridge } from '../bridge';

export interface Announcement {
  batchId: string;
  intent: 'success' | 'error' | 'warning';
  title: string;
  message: string;
}

interface OperationsState {
  byId: Record<string, Operation>;
  error: AppError | undefined;
  /** Batches started here, announced when they end. */
  watched: Record<string, PowerAction>;
  announcements: Announcement[];
  load(): Promise<void>;
  start(action: PowerAction, vmIds: string[], options?: OperationOptions): Promise<Result<StartOperationsResult>>;
  cancel(id: string): Promise<Result<Operation>>;
  apply(changed: readonly Operation[]): void;
  announced(batchId: string): void;
}

function announce(action: PowerAction, ops: readonly Operation[], batchId: string): Announcement {
  const failed = ops.filter((op) => op.state === 'failed');
  const single = ops.length === 1 ? ops[0] : undefined;
  if (single) {
    const label = actionLabels[action];
    if (single.state === 'succeeded') {
      return { batchId, intent: 'success', title: `${single.vmName} ${label.done}`, message: '' };
    }
    return {
      batchId,
      intent: single.state === 'failed' ? 'error' : 'warning',
      title: `${label.verb} ${single.vmName}: ${single.state === 'failed' ? 'failed' : 'no longer watched'}`,
      message: single.error?.message ?? single.note ?? '',
    };
  }
  return {
    batchId,
    intent: failed.length === 0 ? 'success' : failed.length === ops.length ? 'error' : 'warning',
    title: `${actionLabels[action].verb}: ${batchSummary(action, ops)}`,
    message: failed[0]?.error?.message ?? '',
  };
}

export const useOperationsStore = create<OperationsState>()((set, get) => ({
  byId: {},
  error: undefined,
  watched: {},
  announcements: [],
  async load() {
    const result = await getBridge().operations.list();
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    set({ byId: Object.fromEntries(result.value.map((op) => [op.id, op])), error: undefined });
  },
  async start(action, vmIds, options) {
    const result = await getBridge().operations.start({ action, vmIds, ...(options ? { options } : {}) });
    if (result.ok && result.value.operationIds.length > 0) {
      set((state) => ({ watched: { ...state.watched, [result.value.batchId]: action } }));
      // Events for this batch may have arrived before the answer: announce now if it already ended.
      get().apply([]);
    }
    return result;
  },
  async cancel(id) {
    const result = await getBridge().operations.cancel(id);
    if (result.ok) get().apply([result.value]);
    return result;
  },
  apply(changed) {
    set((state) => {
      const byId = { ...state.byId };
      for (const op of changed) byId[op.id] = op;
      const announcements = [...state.announcements];
      const watched = { ...state.watched };
      for (const [batchId, action] of Object.entries(state.watched)) {
        const ops = Object.values(byId).filter((op) => op.batchId === batchId);
        if (ops.length === 0 || ops.some((op) => !finishedStates.has(op.state))) continue;
        announcements.push(announce(action, ops, batchId));
        delete watched[batchId];
      }
      return { byId, announcements, watched };
    });
  },
  announced(batchId) {
    set((state) => ({ announcements: state.announcements.filter((a) => a.batchId !== batchId) }));
  },
}));

export function listenForOperations(): () => void {
  return getBridge().events.on('operations', (changed) => useOperationsStore.getState().apply(changed));
}

/** The unfinished operations, for actionAvailability and per-row progress. */
export function useUnfinishedOperations(): Operation[] {
  const byId = useOperationsStore((state) => state.byId);
  return useMemo(() => Object.values(byId).filter((op) => !finishedStates.has(op.state)), [byId]);
}
