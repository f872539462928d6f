// The emulator's Azure Resource Manager: tenants, subscriptions, resource groups (list and GET) and Compute VMs (lists,
// GET, instance view, power actions as long-running operations), with bearer checks, RBAC and ARM's and
// Compute's throttling, answering in the shapes and error bodies real ARM uses.
// It plugs into the core server through `handle`; it must not own the server, TLS, request ids or the
// token issuer, and it never answers a path that is not an ARM route.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

import type { PowerState, Scenario, Subscription } from '../scenario.js';
import type { AccessTokenClaims, RequestContext } from '../types.js';
import { routePattern } from '../core/request-log.js';
import { authenticate, wrongTenant, type BearerDeps } from './auth.js';
import { ArmError, notFound, resourceNotFound, sendArmError, sendJson } from './http.js';
import { pageOf } from './paging.js';
import { Rbac, vmActionName, type VmAction } from './rbac.js';
import {
  instanceView,
  resourceGroupRecord,
  subscriptionRecord,
  tenantRecord,
  vmIdFor,
  vmModel,
  vmStatusOnly,
  type LiveVm,
} from './shapes.js';
import { TokenBuckets, type BucketLimit } from './throttle.js';
import { computeTime, unitHash, vmResourceId, VmFleet, type VmOperation, type VmRuntime } from './vm-state.js';

export interface ArmOptions {
  /** Items per full page of a list; see paging.ts for the deliberate short and empty pages. */
  pageSize: number;
  /** How long a VM stays starting/stopping/deallocating before it settles. */
  transitionMs: number;
  /** Share of VMs (chosen by a hash of their id, so stable) whose statusOnly item lacks PowerState. */
  missingPowerStateRatio: number;
  /** Retry-After (seconds) on a power action's 202 and on in-progress polls; 0 lets clients pick. */
  lroRetryAfterSeconds: number;
  /** ARM: per (subscription or tenant, principal) read requests. */
  armReads: BucketLimit;
  /** ARM: per (subscription or tenant, principal) write requests (POST actions included). */
  armWrites: BucketLimit;
  /** Compute HighCostGet: VM list calls per subscription. */
  computeListCalls: BucketLimit;
  /** Compute: start/restart/powerOff/deallocate per VM. */
  computeVmActions: BucketLimit;
}

export const defaultArmOptions: ArmOptions = {
  pageSize: 50,
  transitionMs: 30_000,
  missingPowerStateRatio: 0.05,
  lroRetryAfterSeconds: 10,
  armReads: { capacity: 250, refillPerSecond: 25 },
  armWrites: { capacity: 200, refillPerSecond: 10 },
  computeListCalls: { capacity: 900, refillPerSecond: 300 / 60 },
  computeVmActions: { capacity: 12, refillPerSecond: 4 / 60 },
};

export interface ArmService {
  /** Handles the request if its path is an ARM route and returns true; returns false without touching res otherwise. */
  handle(req: IncomingMessage, body: Buffer, res: ServerResponse, url: URL, ctx: RequestContext): Promise<boolean>;
  setVmPowerState(vmResourceId: string, state: PowerState): void;
  /** CAE: from now on the principal's older access tokens get a claims challenge (until the next reset). */
  revokeAccessTokens(principalId: string): void;
  reset(scenario: Scenario): void;
}

export interface ArmDeps {
  verifyAccessToken(token: string): Promise<AccessTokenClaims>;
  now(): number;
  baseUrl(): string;
  armAudiences: string[];
  options: Partial<ArmOptions>;
}

/** The order of list answers (the same as `localeCompare`, without building a collator per comparison). */
const idOrder = new Intl.Collator();
const vmActions: readonly VmAction[] = ['start', 'powerOff', 'deallocate', 'restart'];
const computePrefix = ['providers', 'microsoft.compute', 'virtualmachines'];

/** Response headers collected while a request is handled, written on success and on failure alike. */
type Headers = Record<string, string>;

interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  ctx: RequestContext;
  claims: AccessTokenClaims;
  headers: Headers;
  segments: string[];
  lower: string[];
  body: Buffer;
}

/** A malformed escape is kept as sent: it then simply matches no resource, as in ARM. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isArmPath(pathname: string): boolean {
  return /^\/(tenants|subscriptions)(\/|$)/i.test(pathname);
}

/** Matches lower-cased path segments against a pattern where `*` takes any one segment. */
function matches(lower: string[], pattern: string[]): boolean {
  return lower.length === pattern.length && pattern.every((p, i) => p === '*' || p === lower[i]);
}

export function createArm(scenario: Scenario, deps: ArmDeps): ArmService {
  const options: ArmOptions = { ...defaultArmOptions, ...deps.options };
  let world = scenario;
  const fleet = new VmFleet(deps.now, options.transitionMs);
  fleet.load(world);
  const buckets = new TokenBuckets(deps.now);
  const rbac = new Rbac(() => world);
  const revocations = new Map<string, number>();
  /** Renames since the last reset; the scenario itself stays as loaded. */
  const renamed = new Map<string, string>();
  const record = (sub: Subscription): Record<string, unknown> =>
    subscriptionRecord({ ...sub, displayName: renamed.get(sub.id) ?? sub.displayName });
  const bearer: BearerDeps = {
    verifyAccessToken: deps.verifyAccessToken,
    armAudiences: deps.armAudiences,
    now: deps.now,
    authorizationUri: () => `${deps.baseUrl()}/`,
    revokedSince: (principalId) => revocations.get(principalId),
  };

  function live(runtime: VmRuntime): LiveVm {
    return {
      runtime,
      powerState: fleet.powerState(runtime),
      provisioningState: fleet.provisioningState(runtime),
    };
  }

  function subscriptionFor(call: Call, subscriptionId: string): Subscription {
    const sub = world.subscriptions.find((s) => s.id.toLowerCase() === subscriptionId.toLowerCase());
    if (sub === undefined) {
      throw notFound('SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
    }
    if (sub.tenantId !== call.claims.tid) throw wrongTenant(bearer, call.claims, sub.tenantId);
    return sub;
  }

  /** ARM's own buckets: per subscription (or tenant, for tenant-level calls) and principal. */
  function armThrottle(call: Call, scopeKind: 'subscription' | 'tenant', scopeId: string): void {
    const kind = call.req.method === 'GET' || call.req.method === 'HEAD' ? 'reads' : 'writes';
    const limit = kind === 'reads' ? options.armReads : options.armWrites;
    const key = `arm:${kind}:${scopeKind}:${scopeId.toLowerCase()}:${call.claims.oid}`;
    const result = buckets.peek(key, limit);
    call.headers[`x-ms-ratelimit-remaining-${scopeKind}-${kind}`] = String(result.remaining);
    if (!result.allowed) {
      const noun = kind === 'reads' ? 'read' : 'write';
      const code = scopeKind === 'subscription' ? 'SubscriptionRequestsThrottled' : 'TenantRequestsThrottled';
      throw new ArmError(
        429,
        {
          code,
          message:
            `Number of '${noun}' requests for ${scopeKind} '${scopeId}' actor '${call.claims.oid}' exceeded. ` +
            `Please try again after '${result.retryAfterSeconds}' seconds after additional tokens are ` +
            'available. Refer to https://aka.ms/arm-throttling',
        },
        { 'retry-after': String(result.retryAfterSeconds) },
      );
    }
    buckets.take(key, limit);
  }

  /** Compute's per-minute policies, reported as `x-ms-ratelimit-remaining-resource`. */
  function computeThrottle(call: Call, policy: string, key: string, limit: BucketLimit): void {
    const result = buckets.peek(`compute:${policy}:${key.toLowerCase()}`, limit);
    call.headers['x-ms-ratelimit-remaining-resource'] = `Microsoft.Compute/${policy};${result.remaining}`;
    if (!result.allowed) {
      const now = deps.now();
      throw new ArmError(
        429,
        {
          code: 'OperationNotAllowed',
          message:
            'The server rejected the request because too many requests have been received for this subscription.',
          details: [
            {
              code: 'TooManyRequests',
              target: policy,
              message: JSON.stringify({
                operationGroup: policy,
                startTime: computeTime(now - 180_000),
                endTime: computeTime(now),
                allowedRequestCount: Math.round(limit.capacity),
                measuredRequestCount: Math.round(limit.capacity) + 1,
              }),
            },
          ],
          innererror: { internalErrorCode: 'TooManyRequestsReceived' },
        },
        { 'retry-after': String(result.retryAfterSeconds) },
      );
    }
    buckets.take(`compute:${policy}:${key.toLowerCase()}`, limit);
  }

  function requireApiVersion(call: Call): string {
    const version = call.url.searchParams.get('api-version');
    if (version === null || version === '') {
      throw new ArmError(400, {
        code: 'MissingApiVersionParameter',
        message: 'The api-version query parameter (?api-version=) is required for all requests.',
      });
    }
    return version;
  }

  function visibleVms(call: Call, subscriptionId: string, resourceGroup?: string): LiveVm[] {
    const read = 'Microsoft.Compute/virtualMachines/read';
    const scope =
      resourceGroup === undefined
        ? `/subscriptions/${subscriptionId}`
        : `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
    // A grant at or above the listed scope covers every VM below it: one check instead of one per VM.
    const all = rbac.can(call.claims.oid, read, scope);
    const group = resourceGroup?.toLowerCase();
    return fleet
      .ofSubscription(subscriptionId)
      .filter(
        (vm) =>
          (group === undefined || vm.vm.resourceGroup.toLowerCase() === group) &&
          (all || rbac.can(call.claims.oid, read, vm.id)),
      )
      .map((vm) => ({ vm, key: vm.id.toLowerCase() }))
      .sort((a, b) => idOrder.compare(a.key, b.key))
      .map(({ vm }) => live(vm));
  }

  function sendPage<T>(call: Call, items: T[]): void {
    const page = pageOf(items, call.url, deps.baseUrl(), options.pageSize);
    if (page === undefined) {
      throw new ArmError(400, { code: 'InvalidSkipToken', message: 'The provided skip token is not valid.' });
    }
    sendJson(call.res, 200, page, call.headers);
  }

  // --- tenant-level routes -------------------------------------------------------------------------

  function listTenants(call: Call): void {
    armThrottle(call, 'tenant', call.claims.tid);
    requireApiVersion(call);
    const user = world.users.find((u) => u.id === call.claims.oid);
    const app = world.applications.find((a) => a.objectId === call.claims.oid || a.clientId === call.claims.appid);
    const ids =
      call.claims.idtyp === 'user' && user !== undefined
        ? [user.homeTenant, ...user.guestTenants]
        : app !== undefined
          ? [app.homeTenant]
          : [call.claims.tid];
    const tenants = world.tenants.filter((t) => ids.includes(t.id)).map(tenantRecord);
    sendPage(call, tenants);
  }

  function listSubscriptions(call: Call): void {
    armThrottle(call, 'tenant', call.claims.tid);
    requireApiVersion(call);
    const subs = world.subscriptions
      .filter((s) => s.tenantId === call.claims.tid && rbac.hasAnyWithin(call.claims.oid, `/subscriptions/${s.id}`))
      .map(record);
    sendPage(call, subs);
  }

  // --- subscription-level routes -------------------------------------------------------------------

  function getSubscription(call: Call, sub: Subscription): void {
    if (!rbac.hasAnyWithin(call.claims.oid, `/subscriptions/${sub.id}`)) {
      throw notFound('SubscriptionNotFound', `The subscription '${sub.id}' could not be found.`);
    }
    sendJson(call.res, 200, record(sub), call.headers);
  }

  function listResourceGroups(call: Call, sub: Subscription): void {
    const read = 'Microsoft.Resources/subscriptions/resourceGroups/read';
    const scope = `/subscriptions/${sub.id}`;
    // Like the VM lists: filtered to what the principal may read, refused only when nothing is granted.
    if (!rbac.hasAnyWithin(call.claims.oid, scope)) throw Rbac.denied(call.claims, read, scope);
    const groups = world.resourceGroups
      .filter(
        (rg) =>
          rg.subscriptionId === sub.id &&
          rbac.can(call.claims.oid, read, `/subscriptions/${rg.subscriptionId}/resourceGroups/${rg.name}`),
      )
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
      .map(resourceGroupRecord);
    sendPage(call, groups);
  }

  /** One group by name: refused (403) unless the principal may read it, as ARM does whether or not it exists. */
  function getResourceGroup(call: Call, sub: Subscription, name: string): void {
    const read = 'Microsoft.Resources/subscriptions/resourceGroups/read';
    const scope = `/subscriptions/${sub.id}/resourceGroups/${name}`;
    if (!rbac.can(call.claims.oid, read, scope)) throw Rbac.denied(call.claims, read, scope);
    const group = world.resourceGroups.find(
      (rg) => rg.subscriptionId === sub.id && rg.name.toLowerCase() === name.toLowerCase(),
    );
    if (!group) throw notFound('ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
    sendJson(call.res, 200, resourceGroupRecord(group), call.headers);
  }

  function requireResourceGroup(sub: Subscription, name: string): void {
    const found = world.resourceGroups.some(
      (rg) => rg.subscriptionId === sub.id && rg.name.toLowerCase() === name.toLowerCase(),
    );
    if (!found) throw notFound('ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
  }

  function listVms(call: Call, sub: Subscription, resourceGroup?: string): void {
    const statusOnly = call.url.searchParams.get('statusOnly')?.toLowerCase() === 'true';
    const scope =
      resourceGroup === undefined
        ? `/subscriptions/${sub.id}`
        : `/subscriptions/${sub.id}/resourceGroups/${resourceGroup}`;
    // ARM filters a list down to what the principal may read; it refuses only when nothing is granted.
    if (!rbac.hasAnyWithin(call.claims.oid, scope)) {
      throw Rbac.denied(call.claims, 'Microsoft.Compute/virtualMachines/read', scope);
    }
    if (resourceGroup !== undefined) requireResourceGroup(sub, resourceGroup);
    const vms = visibleVms(call, sub.id, resourceGroup);
    computeThrottle(call, 'HighCostGet3Min', sub.id, options.computeListCalls);
    const items = vms.map((vm) => {
      const rg = vm.runtime.vm.resourceGroup;
      const id = vmIdFor(vm, resourceGroup === undefined ? rg.toUpperCase() : rg);
      if (!statusOnly) return vmModel(vm, id, false);
      const hidePower = unitHash(`powerstate:${vm.runtime.id}`) < options.missingPowerStateRatio;
      return vmStatusOnly(vm, id, !hidePower);
    });
    sendPage(call, items);
  }

  function vmScope(sub: Subscription, resourceGroup: string, name: string): string {
    return vmResourceId({ subscriptionId: sub.id, resourceGroup, name });
  }

  function findVm(sub: Subscription, resourceGroup: string, name: string): VmRuntime {
    requireResourceGroup(sub, resourceGroup);
    const vm = fleet.find(sub.id, resourceGroup, name);
    if (vm === undefined) throw resourceNotFound('Microsoft.Compute/virtualMachines', name, resourceGroup);
    return vm;
  }

  function getVm(call: Call, sub: Subscription, resourceGroup: string, name: string, view: boolean): void {
    const scope = vmScope(sub, resourceGroup, name);
    if (!rbac.can(call.claims.oid, 'Microsoft.Compute/virtualMachines/read', scope)) {
      throw Rbac.denied(call.claims, 'Microsoft.Compute/virtualMachines/read', scope);
    }
    const vm = live(findVm(sub, resourceGroup, name));
    if (view) {
      sendJson(call.res, 200, instanceView(vm), call.headers);
      return;
    }
    const expand = call.url.searchParams.get('$expand')?.toLowerCase() === 'instanceview';
    sendJson(call.res, 200, vmModel(vm, vmIdFor(vm, resourceGroup), expand), call.headers);
  }

  function operationUrls(op: VmOperation, apiVersion: string): { asyncOperation: string; location: string } {
    const path =
      `/subscriptions/${op.subscriptionId}/providers/Microsoft.Compute` +
      `/locations/${op.location}/operations/${op.id}`;
    const base = `${deps.baseUrl()}${path}?p=${randomUUID()}&api-version=${encodeURIComponent(apiVersion)}`;
    return { asyncOperation: base, location: `${base}&monitor=true` };
  }

  function powerAction(call: Call, sub: Subscription, resourceGroup: string, name: string, action: VmAction): void {
    const apiVersion = requireApiVersion(call);
    const scope = vmScope(sub, resourceGroup, name);
    if (!rbac.can(call.claims.oid, vmActionName(action), scope)) {
      throw Rbac.denied(call.claims, vmActionName(action), scope);
    }
    if (sub.state === 'Disabled' || sub.state === 'Deleted') {
      throw new ArmError(409, {
        code: 'ReadOnlyDisabledSubscription',
        message:
          `The subscription '${sub.id}' is disabled and therefore marked as read only. You cannot perform any ` +
          'write actions on this subscription until it is re-enabled.',
      });
    }
    const vm = findVm(sub, resourceGroup, name);
    computeThrottle(call, 'VMPowerActionsPerVM3Min', vm.id, options.computeVmActions);
    const hibernate = call.url.searchParams.get('hibernate')?.toLowerCase() === 'true';
    const op = fleet.begin(vm, action, hibernate);
    const urls = operationUrls(op, apiVersion);
    sendJson(call.res, 202, undefined, {
      ...call.headers,
      'azure-asyncoperation': urls.asyncOperation,
      location: urls.location,
      'retry-after': String(options.lroRetryAfterSeconds),
    });
  }

  function getOperation(call: Call, sub: Subscription, location: string, id: string): void {
    const op = fleet.operation(id);
    if (op === undefined || op.subscriptionId !== sub.id || op.location.toLowerCase() !== location.toLowerCase()) {
      throw notFound('NotFound', `The operation '${id}' could not be found.`);
    }
    const retry = { 'retry-after': String(options.lroRetryAfterSeconds) };
    if (call.url.searchParams.get('monitor')?.toLowerCase() === 'true') {
      // The Location URL: 202 while running, then a bodiless 200 (never 204: the SDK rejects it).
      if (op.status === 'InProgress') sendJson(call.res, 202, undefined, { ...call.headers, ...retry });
      else if (op.status === 'Succeeded') sendJson(call.res, 200, undefined, call.headers);
      else sendJson(call.res, op.status === 'Canceled' ? 409 : 500, { error: op.error }, call.headers);
      return;
    }
    const body: Record<string, unknown> = { startTime: computeTime(op.startedAt) };
    if (op.endedAt !== undefined) body['endTime'] = computeTime(op.endedAt);
    body['status'] = op.status;
    if (op.error !== undefined) body['error'] = op.error;
    body['name'] = op.id;
    sendJson(call.res, 200, body, op.status === 'InProgress' ? { ...call.headers, ...retry } : call.headers);
  }

  /** Subscription lifecycle: rename (Microsoft.Subscription, api-version 2021-10-01), Owner only here. */
  function renameSubscription(call: Call, sub: Subscription): void {
    const action = 'Microsoft.Subscription/rename/action';
    const scope = `/subscriptions/${sub.id}`;
    if (!rbac.can(call.claims.oid, action, scope)) throw Rbac.denied(call.claims, action, scope);
    let name: unknown;
    try {
      name = (JSON.parse(call.body.toString('utf8') || '{}') as { subscriptionName?: unknown }).subscriptionName;
    } catch {
      name = undefined;
    }
    if (typeof name !== 'string' || name.trim() === '' || name.length > 64 || /[<>;|]/.test(name)) {
      throw new ArmError(400, {
        code: 'InvalidSubscriptionName',
        message: 'Subscription name must be 1 to 64 characters and cannot contain < > ; or |.',
      });
    }
    renamed.set(sub.id, name);
    sendJson(call.res, 200, { subscriptionId: sub.id }, call.headers);
  }

  function route(call: Call): void {
    const { lower, segments } = call;
    const method = call.req.method ?? 'GET';
    if (method === 'GET' && matches(lower, ['tenants'])) return listTenants(call);
    if (method === 'GET' && matches(lower, ['subscriptions'])) return listSubscriptions(call);
    const subscriptionId = segments[1];
    if (lower[0] !== 'subscriptions' || subscriptionId === undefined) throw unknownRoute(call);
    const sub = subscriptionFor(call, subscriptionId);
    armThrottle(call, 'subscription', sub.id);
    requireApiVersion(call);
    const rest = lower.slice(2);
    const rg = segments[3] ?? '';
    const vmName = segments[7] ?? '';
    if (method === 'GET') {
      if (rest.length === 0) return getSubscription(call, sub);
      if (matches(rest, ['resourcegroups'])) return listResourceGroups(call, sub);
      if (matches(rest, ['resourcegroups', '*'])) return getResourceGroup(call, sub, rg);
      if (matches(rest, computePrefix)) return listVms(call, sub);
      if (matches(rest, ['resourcegroups', '*', ...computePrefix])) return listVms(call, sub, rg);
      if (matches(rest, ['resourcegroups', '*', ...computePrefix, '*'])) {
        return getVm(call, sub, rg, vmName, false);
      }
      if (matches(rest, ['resourcegroups', '*', ...computePrefix, '*', 'instanceview'])) {
        return getVm(call, sub, rg, vmName, true);
      }
      if (matches(rest, ['providers', 'microsoft.compute', 'locations', '*', 'operations', '*'])) {
        return getOperation(call, sub, segments[5] ?? '', segments[7] ?? '');
      }
    }
    if (method === 'POST' && matches(rest, ['providers', 'microsoft.subscription', 'rename'])) {
      return renameSubscription(call, sub);
    }
    if (method === 'POST' && matches(rest, ['resourcegroups', '*', ...computePrefix, '*', '*'])) {
      const action = vmActions.find((a) => a.toLowerCase() === lower[8]);
      if (action !== undefined) return powerAction(call, sub, rg, vmName, action);
    }
    throw unknownRoute(call);
  }

  function unknownRoute(call: Call): ArmError {
    return new ArmError(404, {
      code: 'NotFound',
      message: `No HTTP resource was found that matches the request URI '${deps.baseUrl()}${call.url.pathname}'.`,
    });
  }

  return {
    async handle(req, body, res, url, ctx) {
      if (!isArmPath(url.pathname)) return false;
      const segments = url.pathname
        .split('/')
        .filter((s) => s !== '')
        .map(decodeSegment);
      const headers: Headers = {};
      ctx.route = routePattern(req.method ?? 'GET', segments);
      try {
        const claims = await authenticate(req, bearer);
        ctx.subject = claims.oid;
        const lower = segments.map((s) => s.toLowerCase());
        route({ req, res, url, ctx, claims, headers, segments, lower, body });
      } catch (error) {
        if (!(error instanceof ArmError)) throw error;
        sendArmError(res, new ArmError(error.status, error.body, { ...headers, ...error.headers }));
      }
      return true;
    },
    setVmPowerState(vmResourceId, state) {
      fleet.force(vmResourceId, state);
    },
    revokeAccessTokens(principalId) {
      // Token times are whole seconds: every token issued up to now (this second included) is refused.
      revocations.set(principalId, Math.ceil((deps.now() + 1) / 1000));
    },
    reset(next) {
      world = next;
      fleet.load(next);
      buckets.clear();
      revocations.clear();
      renamed.clear();
    },
  };
}
