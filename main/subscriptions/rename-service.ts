// Subscription rename through @azure/arm-subscriptions (the lifecycle API, api-version 2021-10-01) with the
// acting account's own permissions; a refusal comes back in words, and the new name is then read back from
// Azure by the inventory (not assumed). Every rename lands in the activity log. No Electron imports.
import { SubscriptionClient } from '@azure/arm-subscriptions';
import type { RenameSubscriptionArgs } from '../../preload/contract-operations.js';
import type { ActivityLog } from '../activity/activity-log.js';
import { armScope, type CloudEndpoints } from '../clouds.js';
import { ServiceError } from '../errors.js';
import { armClientOptions } from '../net/arm-pipeline.js';
import { isConnectivityError, type CloudConnectivity } from '../net/connectivity.js';
import type { NetworkConfig } from '../net/network-config.js';
import type { AccountsPort, InventoryPort } from '../operations/ports.js';
import type { Clock, Logger } from '../ports.js';

export interface RenameDeps {
  inventory: Pick<InventoryPort, 'subscription'> & {
    /** Reads the subscription's record (its name) from Azure again. */
    refreshSubscription(subscriptionId: string): Promise<void>;
  };
  accounts: AccountsPort;
  clouds: () => readonly CloudEndpoints[];
  connectivity: CloudConnectivity;
  network: NetworkConfig;
  activity: ActivityLog;
  clock: Clock;
  logger: Logger;
}

interface RestLike {
  statusCode?: number;
  code?: string;
  message: string;
  response?: { headers?: { get(name: string): string | undefined } };
}

export class RenameService {
  constructor(private readonly deps: RenameDeps) {}

  async rename(args: RenameSubscriptionArgs): Promise<{ subscriptionId: string; displayName: string }> {
    const id = args.subscriptionId.toLowerCase();
    const sub = this.deps.inventory.subscription(id);
    if (!sub) throw new ServiceError('not_found', 'That subscription is no longer listed; refresh the inventory.');
    const cloud = this.deps.clouds().find((c) => c.id === sub.cloudId);
    if (!cloud) throw new ServiceError('not_found', 'The cloud of this subscription is no longer configured.');
    if (!this.deps.connectivity.isOnline(cloud.id)) {
      throw new ServiceError('offline', 'Cloud Desk is offline; rename the subscription when it can reach Azure.');
    }
    const accountId = sub.actingAccountId;
    const tenantId = sub.accessPaths.find((p) => p.accountId === accountId)?.tenantId ?? sub.tenantId;
    const accountName = this.deps.accounts.accountName(accountId) ?? accountId;
    const options = armClientOptions(cloud, this.deps.connectivity.link(cloud.id), this.deps.network);
    const client = new SubscriptionClient(this.deps.accounts.credentialFor(accountId, tenantId), {
      ...options,
      // This generated client builds URLs from $host and asks for a token for `endpoint` unless told the scope.
      $host: cloud.armEndpoint,
      credentialScopes: [armScope(cloud)],
    });
    const started = this.deps.clock.now();
    const entry = {
      at: new Date(started).toISOString(),
      action: 'rename' as const,
      targetId: id,
      targetName: sub.displayName,
      subscriptionId: id,
      accountId,
      accountName,
    };
    try {
      await client.subscription.rename(sub.id, { subscriptionName: args.displayName });
    } catch (error) {
      const failure = this.describe(error, sub.displayName, accountName);
      const correlationId = (error as RestLike).response?.headers?.get('x-ms-correlation-request-id');
      this.deps.activity.record({
        ...entry,
        result: 'failed',
        message: failure.message,
        ...(correlationId ? { correlationId } : {}),
        durationMs: this.deps.clock.now() - started,
      });
      throw failure;
    }
    this.deps.activity.record({
      ...entry,
      result: 'succeeded',
      message: `Renamed from “${sub.displayName}” to “${args.displayName}”.`,
      durationMs: this.deps.clock.now() - started,
    });
    try {
      await this.deps.inventory.refreshSubscription(id);
    } catch (error) {
      this.deps.logger.warn('the renamed subscription could not be read back', { subscriptionId: id, error });
    }
    return { subscriptionId: id, displayName: this.deps.inventory.subscription(id)?.displayName ?? args.displayName };
  }

  private describe(error: unknown, name: string, accountName: string): ServiceError {
    if (error instanceof ServiceError) return error;
    if (isConnectivityError(error)) {
      return new ServiceError('offline', `Cloud Desk could not reach Azure to rename ${name}. Check your connection.`);
    }
    const rest = error as RestLike;
    if (rest.statusCode === 403) {
      return new ServiceError(
        'forbidden',
        `You don't have permission to rename ${name} as ${accountName}. Ask an Owner or Contributor of the ` +
          'subscription to rename it or to give you one of those roles.',
      );
    }
    if (rest.statusCode === 401) {
      return new ServiceError('interaction_required', `Sign in again as ${accountName} to rename ${name}.`);
    }
    if (rest.statusCode === 429) {
      return new ServiceError('throttled', `Azure is limiting requests to ${name}; try the rename again in a minute.`);
    }
    if (rest.statusCode === 400) {
      return new ServiceError('invalid_input', `Azure refused the new name: ${rest.message}`);
    }
    return new ServiceError('internal', `Azure could not rename ${name}: ${rest.message}`);
  }
}
