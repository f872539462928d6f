// The user's choices about subscriptions, kept apart from the snapshot so they survive a damaged or deleted
// snapshot: which subscriptions are hidden, and which account acts on each (default: the first that listed it).
// Plain settings, not secrets: subscription and account ids only. No Electron imports.
import { z } from 'zod';
import type { KeyValueStore, Logger } from '../ports.js';

const storeKey = 'inventoryPreferences';
const prefsSchema = z.object({
  hidden: z.array(z.string()).default([]),
  acting: z.record(z.string(), z.string()).default({}),
});

export class SubscriptionPreferences {
  private readonly hidden: Set<string>;
  private readonly acting: Map<string, string>;

  constructor(
    private readonly store: KeyValueStore,
    logger: Logger,
  ) {
    const parsed = prefsSchema.safeParse(store.get(storeKey) ?? {});
    if (!parsed.success) logger.warn('subscription preferences could not be read; starting from defaults');
    const data = parsed.success ? parsed.data : { hidden: [], acting: {} };
    this.hidden = new Set(data.hidden);
    this.acting = new Map(Object.entries(data.acting));
  }

  isHidden(subscriptionId: string): boolean {
    return this.hidden.has(subscriptionId);
  }

  setHidden(subscriptionId: string, hidden: boolean): void {
    if (hidden) this.hidden.add(subscriptionId);
    else this.hidden.delete(subscriptionId);
    this.save();
  }

  actingAccount(subscriptionId: string): string | undefined {
    return this.acting.get(subscriptionId);
  }

  setActingAccount(subscriptionId: string, accountId: string): void {
    if (this.acting.get(subscriptionId) === accountId) return;
    this.acting.set(subscriptionId, accountId);
    this.save();
  }

  /** Forgets an account's picks (it was signed out); the next account that lists a subscription acts on it. */
  forgetAccount(accountId: string): void {
    let changed = false;
    for (const [subscriptionId, acting] of this.acting) {
      if (acting === accountId) {
        this.acting.delete(subscriptionId);
        changed = true;
      }
    }
    if (changed) this.save();
  }

  private save(): void {
    this.store.set(storeKey, { hidden: [...this.hidden], acting: Object.fromEntries(this.acting) });
  }
}
