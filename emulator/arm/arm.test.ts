// ARM half against the real Azure SDK clients: auth failures, tenants and subscriptions, VM lists with
// awkward paging, statusOnly, GET/instanceView, RBAC and power operations as long-running operations.
import { ComputeManagementClient, type VirtualMachine } from '@azure/arm-compute';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  armAudience,
  rawRequest,
  restError,
  startHarness,
  waitFor,
  type Harness,
  type RawResponse,
  type TokenInput,
} from './test-harness.js';
import { ids, prodVmCount, testScenario } from './test-scenario.js';

let h: Harness;
const aliceClaims: TokenInput = {
  tid: ids.contoso,
  oid: ids.alice,
  preferred_username: 'alice@contoso.example',
};

beforeAll(async () => {
  h = await startHarness(testScenario(), {
    pageSize: 5,
    transitionMs: 300,
    lroRetryAfterSeconds: 0,
    missingPowerStateRatio: 0.3,
  });
});
afterAll(async () => h.close());

/** How the SDK is made to trust the emulator's per-run CA (and only it) without NODE_EXTRA_CA_CERTS. */
function clientOptions(): {
  endpoint: string;
  credentials: { scopes: string[] };
  tlsOptions: { ca: string };
} {
  return {
    endpoint: h.baseUrl,
    credentials: { scopes: [`${armAudience}.default`] },
    tlsOptions: { ca: h.caPem },
  };
}

async function subscriptions(claims: TokenInput): Promise<SubscriptionClient> {
  return new SubscriptionClient(h.credential(await h.mint(claims)), clientOptions());
}

async function compute(claims: TokenInput, subscriptionId: string): Promise<ComputeManagementClient> {
  return new ComputeManagementClient(h.credential(await h.mint(claims)), subscriptionId, clientOptions());
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function rawGet(path: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return rawRequest(h, method, path, headers);
}

function powerOf(vm: VirtualMachine): string | undefined {
  return vm.instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code;
}

describe('bearer tokens', () => {
  it('answers a missing Authorization header with AuthenticationFailed and a Bearer challenge', async () => {
    const res = await rawGet('/subscriptions?api-version=2022-12-01', {});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({
      error: {
        code: 'AuthenticationFailed',
        message: "Authentication failed. The 'Authorization' header is missing.",
      },
    });
    expect(String(res.headers['www-authenticate'])).toMatch(
      /^Bearer authorization_uri="https:\/\/localhost:\d+\/", error="invalid_token"/,
    );
  });

  it('rejects an expired token with ExpiredAuthenticationToken', async () => {
    const token = await h.mint(aliceClaims, { lifetimeSeconds: -120 });
    const client = new SubscriptionClient(h.credential(token), clientOptions());
    const error = await restError(client.subscriptions.get(ids.prod));
    expect(error.statusCode).toBe(401);
    expect(error.code).toBe('ExpiredAuthenticationToken');
    expect(error.message).toMatch(/^The access token expiry UTC time '.+' is earlier than current UTC time '.+'\.$/);
  });

  it('rejects a token for another audience with InvalidAuthenticationTokenAudience', async () => {
    const token = await h.mint({ ...aliceClaims, aud: 'https://graph.microsoft.com' });
    const client = new SubscriptionClient(h.credential(token), clientOptions());
    const error = await restError(client.subscriptions.get(ids.prod));
    expect(error.statusCode).toBe(401);
    expect(error.code).toBe('InvalidAuthenticationTokenAudience');
    expect(error.message).toContain("wrong audience or resource 'https://graph.microsoft.com'");
  });

  it('rejects a token signed by an unknown key with InvalidAuthenticationToken', async () => {
    const token = await h.mint(aliceClaims, { foreignKey: true });
    const client = new SubscriptionClient(h.credential(token), clientOptions());
    const error = await restError(collect(client.tenants.list()));
    expect(error.statusCode).toBe(401);
    expect(error.code).toBe('InvalidAuthenticationToken');
  });

  it('rejects a token from another tenant on a subscription with InvalidAuthenticationTokenTenant', async () => {
    const client = await compute({ ...aliceClaims, tid: ids.fabrikam }, ids.prod);
    const error = await restError(collect(client.virtualMachines.listAll()));
    expect(error.statusCode).toBe(401);
    expect(error.code).toBe('InvalidAuthenticationTokenTenant');
  });
});

describe('requests', () => {
  it('requires api-version like ARM', async () => {
    const res = await rawGet(`/subscriptions/${ids.prod}/resourcegroups`, {
      authorization: `Bearer ${await h.mint(aliceClaims)}`,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'MissingApiVersionParameter' } });
  });

  it('lists resource groups the principal may read', async () => {
    const res = await rawGet(`/subscriptions/${ids.prod}/resourcegroups?api-version=2022-09-01`, {
      authorization: `Bearer ${await h.mint(aliceClaims)}`,
    });
    const body = JSON.parse(res.body) as { value: { name: string; type: string; tags: unknown }[] };
    expect(body.value.map((g) => g.name)).toEqual(['rg-Data', 'rg-web']);
    expect(body.value[0]?.type).toBe('Microsoft.Resources/resourceGroups');
    expect(body.value[1]?.tags).toEqual({ Environment: 'Production' });
  });

  it('answers one resource group with its tags, 404 for one that does not exist, as ARM does', async () => {
    const auth = { authorization: `Bearer ${await h.mint(aliceClaims)}` };
    const found = await rawGet(`/subscriptions/${ids.prod}/resourceGroups/RG-WEB?api-version=2021-04-01`, auth);
    expect(found.status).toBe(200);
    expect(JSON.parse(found.body)).toMatchObject({ name: 'rg-web', tags: { Environment: 'Production' } });
    const missing = await rawGet(`/subscriptions/${ids.prod}/resourceGroups/rg-none?api-version=2021-04-01`, auth);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'ResourceGroupNotFound' } });
  });

  it('refuses one resource group to a principal whose only role is on a VM in it', async () => {
    const token = await h.mint({ tid: ids.contoso, oid: ids.spObject, idtyp: 'app', appid: ids.spClient });
    const res = await rawGet(`/subscriptions/${ids.prod}/resourceGroups/rg-web?api-version=2021-04-01`, {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({
      error: {
        code: 'AuthorizationFailed',
        message: expect.stringContaining(
          `perform action 'Microsoft.Resources/subscriptions/resourceGroups/read' over scope '/subscriptions/${ids.prod}/resourceGroups/rg-web'`,
        ) as unknown,
      },
    });
  });

  it('refuses the resource group list with AuthorizationFailed where the principal has no role', async () => {
    const res = await rawGet(`/subscriptions/${ids.hidden}/resourcegroups?api-version=2025-04-01`, {
      authorization: `Bearer ${await h.mint(aliceClaims)}`,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({
      error: {
        code: 'AuthorizationFailed',
        message: expect.stringContaining(
          `perform action 'Microsoft.Resources/subscriptions/resourceGroups/read' over scope '/subscriptions/${ids.hidden}'`,
        ) as unknown,
      },
    });
  });
});

describe('tenants and subscriptions', () => {
  it('lists the home and guest tenants of a user, with real record shapes', async () => {
    const client = await subscriptions(aliceClaims);
    const tenants = await collect(client.tenants.list());
    expect(tenants.map((t) => t.tenantId).sort()).toEqual([ids.contoso, ids.fabrikam]);
    const fabrikam = tenants.find((t) => t.tenantId === ids.fabrikam);
    expect(fabrikam).toMatchObject({
      id: `/tenants/${ids.fabrikam}`,
      displayName: 'Fabrikam',
      countryCode: 'DE',
      defaultDomain: 'fabrikam.example',
      tenantCategory: 'Home',
      tenantType: 'AAD',
    });
    expect(fabrikam?.domains).toContain('fabrikam.example');
  });

  it("lists only a service principal's home tenant", async () => {
    const client = await subscriptions({
      tid: ids.contoso,
      oid: ids.spObject,
      idtyp: 'app',
      appid: ids.spClient,
    });
    const tenants = await collect(client.tenants.list());
    expect(tenants.map((t) => t.tenantId)).toEqual([ids.contoso]);
  });

  it("lists the token tenant's subscriptions where the principal holds a role", async () => {
    const home = await collect((await subscriptions(aliceClaims)).subscriptions.list());
    expect(home.map((s) => s.subscriptionId).sort()).toEqual([ids.prod, ids.legacy]);
    const legacy = home.find((s) => s.subscriptionId === ids.legacy);
    expect(legacy).toMatchObject({
      id: `/subscriptions/${ids.legacy}`,
      tenantId: ids.contoso,
      displayName: 'Contoso Legacy',
      state: 'Disabled',
      authorizationSource: 'RoleBased',
      subscriptionPolicies: {
        locationPlacementId: 'Public_2014-09-01',
        quotaId: 'PayAsYouGo_2014-09-01',
        spendingLimit: 'Off',
      },
    });
    const guest = await collect((await subscriptions({ ...aliceClaims, tid: ids.fabrikam })).subscriptions.list());
    expect(guest.map((s) => s.subscriptionId)).toEqual([ids.fabrikamSub]);
    const sp = await collect(
      (
        await subscriptions({ tid: ids.contoso, oid: ids.spObject, idtyp: 'app', appid: ids.spClient })
      ).subscriptions.list(),
    );
    expect(sp.map((s) => s.subscriptionId)).toEqual([ids.prod]);
  });

  it('gets one subscription, and 404s one the principal cannot see', async () => {
    const client = await subscriptions(aliceClaims);
    expect((await client.subscriptions.get(ids.prod)).displayName).toBe('Contoso Prod');
    const error = await restError(client.subscriptions.get(ids.hidden));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('SubscriptionNotFound');
  });
});

describe('virtual machine lists', () => {
  it('pages through short and empty pages to every VM, with full models and no instanceView', async () => {
    const client = await compute(aliceClaims, ids.prod);
    const before = h.requests.length;
    const vms = await collect(client.virtualMachines.listAll());
    expect(vms).toHaveLength(prodVmCount);
    expect(new Set(vms.map((v) => v.name)).size).toBe(prodVmCount);
    const pages = h.requests.slice(before).filter((r) => r.path.includes('virtualMachines'));
    expect(pages[0]).toMatchObject({
      route: 'GET /subscriptions/{s}/providers/Microsoft.Compute/virtualMachines',
      subject: ids.alice,
    });
    // 23 items at pageSize 5: 5, 0 (empty, with nextLink), 3, 5, 5, 5.
    expect(pages).toHaveLength(6);
    expect(pages.slice(1).every((p) => p.path.includes('$skipToken='))).toBe(true);
    const vm = vms.find((v) => v.name === 'vm-05');
    expect(vm?.id).toBe(
      `/subscriptions/${ids.prod}/resourceGroups/RG-DATA/providers/Microsoft.Compute/virtualMachines/vm-05`,
    );
    expect(vm?.zones).toEqual(['1']);
    expect(vm?.tags).toEqual({ env: 'prod', index: '5' });
    expect(vm?.hardwareProfile?.vmSize).toBe('Standard_B2ms');
    expect(vm?.storageProfile?.osDisk?.osType).toBe('Linux');
    expect(vm?.storageProfile?.imageReference?.offer).toBe('ubuntu-24_04-lts');
    expect(vm?.vmId).toMatch(/^[0-9a-f-]{36}$/);
    expect(vm?.provisioningState).toBe('Succeeded');
    expect(vm?.instanceView).toBeUndefined();
  });

  it('returns statusOnly items with statuses but no size or tags, some without PowerState', async () => {
    const client = await compute(aliceClaims, ids.prod);
    const vms = await collect(client.virtualMachines.listAll({ statusOnly: 'true' }));
    expect(vms).toHaveLength(prodVmCount);
    for (const vm of vms) {
      expect(vm.tags).toBeUndefined();
      expect(vm.hardwareProfile?.vmSize).toBeUndefined();
      expect(vm.instanceView?.statuses?.[0]?.code).toBe('ProvisioningState/succeeded');
    }
    const missing = vms.filter((v) => powerOf(v) === undefined);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.length).toBeLessThan(prodVmCount);
    expect(powerOf(vms.find((v) => v.name === 'vm-01' && powerOf(v) !== undefined) ?? vms[0]!)).toMatch(
      /^PowerState\//,
    );
    // Same set, in the same order of ids, as the plain list: the two merge by id.
    const plain = await collect(client.virtualMachines.listAll());
    expect(vms.map((v) => v.id?.toLowerCase())).toEqual(plain.map((v) => v.id?.toLowerCase()));
  });

  it('shows a VM-scoped service principal only its VM', async () => {
    const client = await compute({ tid: ids.contoso, oid: ids.spObject, idtyp: 'app', appid: ids.spClient }, ids.prod);
    const vms = await collect(client.virtualMachines.listAll());
    expect(vms.map((v) => v.name)).toEqual(['vm-02']);
    const rgList = await collect(client.virtualMachines.list('rg-web'));
    expect(rgList.map((v) => v.name)).toEqual(['vm-02']);
  });

  it('lists one resource group and refuses a subscription without any role', async () => {
    const client = await compute(aliceClaims, ids.prod);
    const data = await collect(client.virtualMachines.list('rg-data'));
    expect(data).toHaveLength(11);
    expect(data[0]?.id).toContain('/resourceGroups/rg-Data/');
    const hidden = await compute(aliceClaims, ids.hidden);
    const error = await restError(collect(hidden.virtualMachines.listAll()));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('AuthorizationFailed');
  });

  it('gets a VM with and without instanceView, and its instance view', async () => {
    const client = await compute(aliceClaims, ids.prod);
    const plain = await client.virtualMachines.get('rg-web', 'vm-02');
    expect(plain.instanceView).toBeUndefined();
    const expanded = await client.virtualMachines.get('rg-web', 'vm-02', { expand: 'instanceView' });
    expect(powerOf(expanded)).toBe('PowerState/running');
    const view = await client.virtualMachines.instanceView('rg-web', 'vm-00');
    expect(view.statuses?.map((s) => s.code)).toEqual(['ProvisioningState/succeeded', 'PowerState/deallocated']);
    const error = await restError(client.virtualMachines.get('rg-web', 'nope'));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('ResourceNotFound');
  });
});

describe('power operations', () => {
  it('starts a deallocated VM through starting to running', async () => {
    const client = await compute(aliceClaims, ids.prod);
    h.frozenAt = h.now();
    const poller = client.virtualMachines.start('rg-web', 'vm-06', { updateIntervalInMs: 50 });
    await poller.submitted();
    const during = await client.virtualMachines.instanceView('rg-web', 'vm-06');
    h.frozenAt = undefined;
    expect(during.statuses?.map((s) => s.code)).toEqual(['ProvisioningState/updating', 'PowerState/starting']);
    await poller.pollUntilDone();
    const after = await client.virtualMachines.instanceView('rg-web', 'vm-06');
    expect(after.statuses?.map((s) => s.code)).toEqual(['ProvisioningState/succeeded', 'PowerState/running']);
  });

  it('deallocates with beginDeallocateAndWait and powers off with skipShutdown', async () => {
    const client = await compute(aliceClaims, ids.prod);
    await client.virtualMachines.beginDeallocateAndWait('rg-web', 'vm-04', { updateIntervalInMs: 50 });
    expect(powerOf(await client.virtualMachines.get('rg-web', 'vm-04', { expand: 'instanceView' }))).toBe(
      'PowerState/deallocated',
    );
    await client.virtualMachines.beginPowerOffAndWait('rg-Data', 'vm-01', {
      skipShutdown: true,
      updateIntervalInMs: 50,
    });
    expect(powerOf(await client.virtualMachines.get('rg-data', 'vm-01', { expand: 'instanceView' }))).toBe(
      'PowerState/stopped',
    );
  });

  it('answers 202 with absolute Azure-AsyncOperation, Location and Retry-After, and a 200 final GET', async () => {
    const auth = { authorization: `Bearer ${await h.mint(aliceClaims)}` };
    const vmPath = `/subscriptions/${ids.prod}/resourceGroups/rg-Data/providers/Microsoft.Compute/virtualMachines/vm-03`;
    const accepted = await rawGet(`${vmPath}/start?api-version=2026-04-01`, auth, 'POST');
    expect(accepted.status).toBe(202);
    expect(accepted.body).toBe('');
    const asyncOp = String(accepted.headers['azure-asyncoperation']);
    const location = String(accepted.headers['location']);
    const opPrefix = `${h.baseUrl}/subscriptions/${ids.prod}/providers/Microsoft.Compute/locations/westeurope/operations/`;
    expect(asyncOp.startsWith(opPrefix)).toBe(true);
    expect(location.startsWith(opPrefix)).toBe(true);
    expect(accepted.headers['retry-after']).toBe('0');
    expect(accepted.headers['x-ms-ratelimit-remaining-subscription-writes']).toMatch(/^\d+$/);
    const running = JSON.parse((await rawGet(asyncOp, auth)).body) as Record<string, unknown>;
    expect(running).toMatchObject({ status: 'InProgress' });
    expect(Object.keys(running).sort()).toEqual(['name', 'startTime', 'status']);
    expect((await rawGet(location, auth)).status).toBe(202);
    await waitFor(
      async () => (JSON.parse((await rawGet(asyncOp, auth)).body) as { status: string }).status !== 'InProgress',
    );
    const done = JSON.parse((await rawGet(asyncOp, auth)).body) as Record<string, unknown>;
    expect(done).toMatchObject({ status: 'Succeeded' });
    expect(typeof done['endTime']).toBe('string');
    const final = await rawGet(location, auth);
    expect(final.status).toBe(200);
  });

  it('hibernates on deallocate?hibernate=true and reports HibernationState', async () => {
    const client = await compute(aliceClaims, ids.prod);
    await client.virtualMachines.beginDeallocateAndWait('rg-web', 'vm-16', {
      hibernate: true,
      updateIntervalInMs: 50,
    });
    const view = await client.virtualMachines.instanceView('rg-web', 'vm-16');
    expect(view.statuses?.map((s) => s.code)).toEqual([
      'ProvisioningState/succeeded',
      'HibernationState/Hibernated',
      'PowerState/deallocated',
    ]);
  });

  it('refuses to hibernate a VM created without hibernation, as Compute does', async () => {
    const client = await compute(aliceClaims, ids.prod);
    const error = await restError(
      client.virtualMachines.beginDeallocateAndWait('rg-Data', 'vm-13', { hibernate: true, updateIntervalInMs: 50 }),
    );
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe('OperationNotAllowed');
    const plain = await client.virtualMachines.get('rg-web', 'vm-16');
    expect(plain.additionalCapabilities?.hibernationEnabled).toBe(true);
  });

  it('restarts a running VM and refuses to restart a deallocated one', async () => {
    const client = await compute(aliceClaims, ids.prod);
    await client.virtualMachines.beginRestartAndWait('rg-web', 'vm-08', { updateIntervalInMs: 50 });
    const error = await restError(client.virtualMachines.beginRestartAndWait('rg-web', 'vm-12'));
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe('OperationNotAllowed');
    expect(error.message).toBe('The operation requires the VM to be running (or set to run).');
  });

  it('preempts a running operation with a newer one, as Compute does', async () => {
    const auth = { authorization: `Bearer ${await h.mint(aliceClaims)}` };
    const vmPath = `/subscriptions/${ids.prod}/resourceGroups/rg-Data/providers/Microsoft.Compute/virtualMachines/vm-09`;
    // Stop the clock so the first operation is surely still running when the second arrives.
    h.frozenAt = h.now();
    const started = await rawGet(`${vmPath}/start?api-version=2026-04-01`, auth, 'POST');
    const stopped = await rawGet(`${vmPath}/deallocate?api-version=2026-04-01`, auth, 'POST');
    const first = JSON.parse((await rawGet(String(started.headers['azure-asyncoperation']), auth)).body) as unknown;
    const second = JSON.parse((await rawGet(String(stopped.headers['azure-asyncoperation']), auth)).body) as unknown;
    h.frozenAt = undefined;
    expect(first).toMatchObject({
      status: 'Canceled',
      error: {
        code: 'OperationPreempted',
        message: 'Operation execution has been preempted by a more recent operation.',
      },
    });
    expect(second).toMatchObject({ status: 'InProgress' });
    // Through the SDK, core-lro reports a Canceled status as a plain Error("Operation was canceled").
    const client = await compute(aliceClaims, ids.prod);
    h.frozenAt = h.now();
    const poller = client.virtualMachines.start('rg-Data', 'vm-09', { updateIntervalInMs: 50 });
    await poller.submitted();
    const powerOff = client.virtualMachines.powerOff('rg-Data', 'vm-09', { updateIntervalInMs: 50 });
    await powerOff.submitted();
    h.frozenAt = undefined;
    await expect(poller.pollUntilDone()).rejects.toThrow('Operation was canceled');
    await powerOff.pollUntilDone();
    const view = await client.virtualMachines.instanceView('rg-Data', 'vm-09');
    expect(view.statuses?.map((s) => s.code)).toContain('PowerState/stopped');
  });

  it('refuses a Reader with the exact AuthorizationFailed message', async () => {
    const client = await compute(
      { tid: ids.contoso, oid: ids.bob, preferred_username: 'bob@contoso.example' },
      ids.prod,
    );
    const error = await restError(client.virtualMachines.beginStartAndWait('rg-web', 'vm-00'));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('AuthorizationFailed');
    const scope = `/subscriptions/${ids.prod}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-00`;
    expect(error.message).toBe(
      `The client 'bob@contoso.example' with object id '${ids.bob}' does not have authorization to perform action ` +
        `'Microsoft.Compute/virtualMachines/start/action' over scope '${scope}' or the scope is invalid. If access ` +
        'was recently granted, please refresh your credentials.',
    );
  });

  it('names the application id when a service principal is refused', async () => {
    const client = await compute({ tid: ids.contoso, oid: ids.spObject, idtyp: 'app', appid: ids.spClient }, ids.prod);
    const error = await restError(client.virtualMachines.beginDeallocateAndWait('rg-web', 'vm-10'));
    expect(error.statusCode).toBe(403);
    expect(error.message).toContain(`The client '${ids.spClient}' with object id '${ids.spObject}'`);
  });

  it('keeps a disabled subscription readable but refuses writes with ReadOnlyDisabledSubscription', async () => {
    const reader = await compute(aliceClaims, ids.legacy);
    expect(await collect(reader.virtualMachines.listAll())).toHaveLength(1);
    const owner = await compute(
      { tid: ids.contoso, oid: ids.bob, preferred_username: 'bob@contoso.example' },
      ids.legacy,
    );
    const error = await restError(owner.virtualMachines.beginStartAndWait('rg-old', 'old-1'));
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe('ReadOnlyDisabledSubscription');
  });

  it('lets the admin set a power state directly', async () => {
    const client = await compute(aliceClaims, ids.prod);
    h.arm.setVmPowerState(
      `/subscriptions/${ids.prod}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-14`,
      'stopped',
    );
    await waitFor(
      async () =>
        powerOf(await client.virtualMachines.get('rg-web', 'vm-14', { expand: 'instanceView' })) ===
        'PowerState/stopped',
    );
    expect(() =>
      h.arm.setVmPowerState(
        '/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/virtualMachines/z',
        'running',
      ),
    ).toThrow();
  });
});
