// The emulator's world as data: tenants, users, applications, subscriptions, VMs and role assignments.
// A scenario file is validated against this schema before anything starts; a bad field is named in the error.
// Test and emulator code only: nothing in main/, preload/ or renderer/ may import this module.
import { z } from 'zod';

const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lower-case GUID');

export const powerStates = ['starting', 'running', 'stopping', 'stopped', 'deallocating', 'deallocated'] as const;
export type PowerState = (typeof powerStates)[number];

export const roleNames = ['Reader', 'Virtual Machine Contributor', 'Owner'] as const;
export type RoleName = (typeof roleNames)[number];

export const tenantSchema = z.strictObject({
  id: guid,
  displayName: z.string().min(1),
  defaultDomain: z.string().min(1),
  countryCode: z.string().length(2).default('US'),
  /** Conditional Access in this tenant demands MFA for every user token (AADSTS50076 on refresh). */
  requireMfa: z.boolean().default(false),
});

export const userSchema = z.strictObject({
  /** Object id (oid) in the home tenant; also the uid in client_info. */
  id: guid,
  username: z.string().min(3),
  displayName: z.string().min(1),
  password: z.string().min(1),
  homeTenant: guid,
  /** Tenants the user is a B2B guest in. */
  guestTenants: z.array(guid).default([]),
});

export const applicationSchema = z.strictObject({
  clientId: guid,
  displayName: z.string().min(1),
  homeTenant: guid,
  /** public: a native app (loopback redirects, PKCE). confidential: a service principal with credentials. */
  kind: z.enum(['public', 'confidential']),
  /** Registered redirect URIs; `http://localhost` matches any loopback port, as Entra allows. */
  redirectUris: z.array(z.string()).default([]),
  /** Service-principal object id, used in role assignments (confidential only). */
  objectId: guid.optional(),
  secrets: z.array(z.string().min(8)).default([]),
  /** PEM certificates (public part) a client assertion may be signed for. */
  certificates: z.array(z.string()).default([]),
  /** Client ids whose users need no consent page (first-party-like). Default: consent is asked once per user. */
  preConsented: z.boolean().default(false),
});

export const subscriptionSchema = z.strictObject({
  id: guid,
  tenantId: guid,
  displayName: z.string().min(1),
  state: z.enum(['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted']).default('Enabled'),
});

export const resourceGroupSchema = z.strictObject({
  subscriptionId: guid,
  name: z.string().min(1),
  location: z.string().min(1),
  /** ARM tags; keys are case-insensitive in Azure (e.g. `environment: production`). */
  tags: z.record(z.string(), z.string()).default({}),
});

export const vmSchema = z.strictObject({
  subscriptionId: guid,
  resourceGroup: z.string().min(1),
  name: z.string().min(1),
  size: z.string().min(1),
  os: z.enum(['Linux', 'Windows']),
  image: z.strictObject({
    publisher: z.string(),
    offer: z.string(),
    sku: z.string(),
    version: z.string().default('latest'),
  }),
  location: z.string().min(1),
  zone: z.string().optional(),
  tags: z.record(z.string(), z.string()).default({}),
  powerState: z.enum(powerStates),
  hibernated: z.boolean().default(false),
  /** Created with `additionalCapabilities.hibernationEnabled`: only then does deallocate?hibernate=true work. */
  hibernationEnabled: z.boolean().default(false),
  provisioningState: z
    .enum(['Creating', 'Updating', 'Failed', 'Succeeded', 'Deleting', 'Migrating'])
    .default('Succeeded'),
});

export const roleAssignmentSchema = z.strictObject({
  /** A user's id or a service principal's objectId. */
  principalId: guid,
  role: z.enum(roleNames),
  /** `/subscriptions/{s}`, `/subscriptions/{s}/resourceGroups/{rg}` or a VM's full resource id (case-insensitive). */
  scope: z
    .string()
    .regex(
      /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+(\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+)?)?$/i,
    ),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  tenants: z.array(tenantSchema).min(1),
  users: z.array(userSchema).default([]),
  applications: z.array(applicationSchema).default([]),
  subscriptions: z.array(subscriptionSchema).default([]),
  resourceGroups: z.array(resourceGroupSchema).default([]),
  vms: z.array(vmSchema).default([]),
  roleAssignments: z.array(roleAssignmentSchema).default([]),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Tenant = Scenario['tenants'][number];
export type User = Scenario['users'][number];
export type Application = Scenario['applications'][number];
export type Subscription = Scenario['subscriptions'][number];
export type ResourceGroup = Scenario['resourceGroups'][number];
export type Vm = Scenario['vms'][number];
export type RoleAssignment = Scenario['roleAssignments'][number];

function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out === '' ? String(part) : `${out}.${String(part)}`,
    '',
  );
}

/** A scenario that fails validation; the message names the source and the bad field's path. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly path: string,
    detail: string,
  ) {
    super(`Scenario ${source}: ${path === '' ? '(root)' : path}: ${detail}`);
    this.name = 'ScenarioError';
  }
}

/** Cross-references the schema cannot express: ids that must exist, names that must be unique. */
function checkReferences(s: Scenario, source: string): void {
  const fail = (path: string, detail: string): never => {
    throw new ScenarioError(source, path, detail);
  };
  const unique = <T>(items: T[], key: (item: T) => string, path: string, what: string): void => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item).toLowerCase();
      if (seen.has(k)) fail(`${path}[${i}]`, `duplicate ${what} '${key(item)}'`);
      seen.add(k);
    });
  };
  unique(s.tenants, (t) => t.id, 'tenants', 'tenant id');
  unique(s.tenants, (t) => t.defaultDomain, 'tenants', 'defaultDomain');
  unique(s.users, (u) => u.id, 'users', 'user id');
  unique(s.users, (u) => u.username, 'users', 'username');
  unique(s.applications, (a) => a.clientId, 'applications', 'clientId');
  unique(s.subscriptions, (x) => x.id, 'subscriptions', 'subscription id');
  unique(s.resourceGroups, (g) => `${g.subscriptionId}/${g.name}`, 'resourceGroups', 'resource group');
  unique(s.vms, (v) => `${v.subscriptionId}/${v.resourceGroup}/${v.name}`, 'vms', 'VM');

  const tenants = new Set(s.tenants.map((t) => t.id));
  const subs = new Set(s.subscriptions.map((x) => x.id));
  const groups = new Set(s.resourceGroups.map((g) => `${g.subscriptionId}/${g.name.toLowerCase()}`));
  const principals = new Set([
    ...s.users.map((u) => u.id),
    ...s.applications.flatMap((a) => (a.objectId === undefined ? [] : [a.objectId])),
  ]);
  s.users.forEach((u, i) => {
    if (!tenants.has(u.homeTenant)) fail(`users[${i}].homeTenant`, `unknown tenant '${u.homeTenant}'`);
    u.guestTenants.forEach((t, j) => {
      if (!tenants.has(t)) fail(`users[${i}].guestTenants[${j}]`, `unknown tenant '${t}'`);
      if (t === u.homeTenant) fail(`users[${i}].guestTenants[${j}]`, 'the home tenant cannot also be a guest tenant');
    });
  });
  s.applications.forEach((a, i) => {
    if (!tenants.has(a.homeTenant)) fail(`applications[${i}].homeTenant`, `unknown tenant '${a.homeTenant}'`);
    if (a.kind === 'confidential' && a.secrets.length === 0 && a.certificates.length === 0) {
      fail(`applications[${i}]`, 'a confidential application needs at least one secret or certificate');
    }
    if (a.kind === 'confidential' && a.objectId === undefined) {
      fail(`applications[${i}].objectId`, 'a confidential application needs its service principal objectId');
    }
    a.certificates.forEach((pem, j) => {
      if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(pem)) {
        fail(`applications[${i}].certificates[${j}]`, 'not a PEM certificate');
      }
    });
  });
  s.subscriptions.forEach((x, i) => {
    if (!tenants.has(x.tenantId)) fail(`subscriptions[${i}].tenantId`, `unknown tenant '${x.tenantId}'`);
  });
  s.resourceGroups.forEach((g, i) => {
    if (!subs.has(g.subscriptionId))
      fail(`resourceGroups[${i}].subscriptionId`, `unknown subscription '${g.subscriptionId}'`);
  });
  s.vms.forEach((v, i) => {
    if (!subs.has(v.subscriptionId)) fail(`vms[${i}].subscriptionId`, `unknown subscription '${v.subscriptionId}'`);
    if (!groups.has(`${v.subscriptionId}/${v.resourceGroup.toLowerCase()}`)) {
      fail(`vms[${i}].resourceGroup`, `no resource group '${v.resourceGroup}' in subscription '${v.subscriptionId}'`);
    }
    if (v.hibernated && v.powerState !== 'deallocated')
      fail(`vms[${i}].hibernated`, 'only a deallocated VM can be hibernated');
  });
  s.roleAssignments.forEach((r, i) => {
    if (!principals.has(r.principalId))
      fail(`roleAssignments[${i}].principalId`, `unknown principal '${r.principalId}'`);
    const sub = r.scope.split('/')[2]?.toLowerCase() ?? '';
    if (!subs.has(sub)) fail(`roleAssignments[${i}].scope`, `unknown subscription '${sub}'`);
  });
}

/** Validates untrusted scenario JSON (schema, then references); throws ScenarioError naming the bad field. */
export function parseScenario(json: unknown, source: string): Scenario {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScenarioError(source, issue ? issuePath(issue.path) : '', issue?.message ?? 'invalid scenario');
  }
  checkReferences(parsed.data, source);
  return parsed.data;
}
