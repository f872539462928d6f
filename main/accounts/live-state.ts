// What this run knows about accounts beyond the stored registry: which tenant states were confirmed since start,
// which checks are running, and why an account's tenant list last failed. Lost on quit on purpose: after a
// restart every state is "as of" its stored time until it is confirmed again. No Electron imports.
import type { AccountProblem } from '../../preload/contract.js';
import type { LiveAccountState } from './account-registry.js';

interface Live {
  listing: number;
  problem?: AccountProblem;
  confirmed: Set<string>;
  checking: Map<string, number>;
}

export class LiveState {
  private readonly accounts = new Map<string, Live>();

  of(accountId: string): LiveAccountState {
    const live = this.accounts.get(accountId);
    if (!live) return { checking: false, confirmedTenants: new Set(), checkingTenants: new Set() };
    return {
      checking: live.listing > 0,
      ...(live.problem ? { problem: live.problem } : {}),
      confirmedTenants: live.confirmed,
      checkingTenants: new Set(live.checking.keys()),
    };
  }

  /** Marks the account's tenant list as being read until the returned function is called. */
  beginListing(accountId: string): () => void {
    const live = this.live(accountId);
    live.listing += 1;
    return once(() => {
      live.listing -= 1;
    });
  }

  /** Marks one tenant as being checked until the returned function is called. */
  beginTenant(accountId: string, tenantId: string): () => void {
    const live = this.live(accountId);
    live.checking.set(tenantId, (live.checking.get(tenantId) ?? 0) + 1);
    return once(() => {
      const left = (live.checking.get(tenantId) ?? 1) - 1;
      if (left > 0) live.checking.set(tenantId, left);
      else live.checking.delete(tenantId);
    });
  }

  confirm(accountId: string, tenantId: string): void {
    this.live(accountId).confirmed.add(tenantId);
  }

  /** The tenant's state is no longer what Entra last said (e.g. it was hidden, or its cache was reset). */
  unconfirm(accountId: string, tenantId: string): void {
    this.accounts.get(accountId)?.confirmed.delete(tenantId);
  }

  setProblem(accountId: string, problem: AccountProblem | undefined): void {
    const live = this.live(accountId);
    if (problem) live.problem = problem;
    else delete live.problem;
  }

  forget(accountId: string): void {
    this.accounts.delete(accountId);
  }

  private live(accountId: string): Live {
    let live = this.accounts.get(accountId);
    if (!live) {
      live = { listing: 0, confirmed: new Set(), checking: new Map() };
      this.accounts.set(accountId, live);
    }
    return live;
  }
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}
