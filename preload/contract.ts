// The one contract between the renderer and main: every request channel with its argument and result schema,
// and every event main pushes. Main, preload, the preview bridge and the renderer all derive their types from
// here; nobody declares a channel's types twice. Pure data and types: no Electron, no Node, no DOM.
import { z } from 'zod';
import { updatePreferencesSchema, updateStateSchema } from './contract-updates.js';
import {
  appCommandSchema,
  deepLinkTargetSchema,
  desktopPreferencesSchema,
  diagnosticsResultSchema,
  rendererErrorSchema,
} from './contract-desktop.js';
import { clientChoiceSchema, nationalCloudClientsSchema } from './contract-client.js';
import {
  instanceViewSchema,
  inventoryPatchSchema,
  inventorySnapshotSchema,
  portalTargetSchema,
  refreshArgsSchema,
  subscriptionRefSchema,
  subscriptionSummarySchema,
  sweepProgressSchema,
  vmIdSchema,
} from './contract-inventory.js';
import {
  accountProblemSchema,
  adminConsentArgsSchema,
  cloudConnectivitySchema,
  consentProblemSchema,
  guidSchema,
  secretStorageModeSchema,
  servicePrincipalCredentialSchema,
  signInReasonSchema,
  tenantRefSchema,
} from './contract-accounts.js';
import {
  activityChangeSchema,
  activityExportSchema,
  activityFilterSchema,
  activityPageSchema,
  operationSchema,
  renameSubscriptionArgsSchema,
  startOperationsArgsSchema,
  startOperationsResultSchema,
} from './contract-operations.js';
import { checkTargetsArgsSchema, checkTargetsResultSchema } from './contract-targets.js';

import { networkSettingsPatchSchema, networkStateSchema, proxyPasswordSchema } from './contract-network.js';

export * from './contract-accounts.js';

/** The closed set of error codes the UI knows how to turn into words and an action. */
export const errorCodes = [
  'offline',
  'interaction_required',
  'forbidden',
  'throttled',
  'not_found',
  'invalid_input',
  'encryption_unavailable',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.strictObject({
  code: z.enum(errorCodes),
  message: z.string(),
  detail: z.string().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

// An endpoint's base address: main appends paths to it, so a query, fragment or user name would change what
// those URLs open (e.g. an admin-consent link turned into any page on the host).
const httpsUrl = z
  .url({ protocol: /^https$/, message: 'must be an https URL' })
  .refine((url) => !/[?#@]/.test(url), 'must be a plain address, without a query, fragment or user name')
  .transform((url) => url.replace(/\/+$/, ''));

/** A private cloud (e.g. Azure Stack Hub) the user adds in Settings; `CLOUD_DESK_CLOUD_CONFIG` can add one too. */
export const customCloudSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80),
  /** Entra ID / AD FS authority host, e.g. https://login.contoso.local */
  authorityHost: httpsUrl,
  /** Resource Manager endpoint, e.g. https://management.contoso.local */
  armEndpoint: httpsUrl,
  /** The resource ARM tokens are for; default: the ARM endpoint with a trailing slash. */
  armAudience: z.url().optional(),
  /** The cloud's own public client id; otherwise the client id above applies. */
  clientId: guidSchema.optional(),
  /** Extra CA certificates (PEM) to trust for this cloud. */
  caPem: z
    .string()
    .max(64 * 1024)
    .regex(/-----BEGIN CERTIFICATE-----/, 'must contain a PEM certificate')
    .optional(),
});
export type CustomCloud = z.infer<typeof customCloudSchema>;

export const settingsSchema = z.strictObject({
  theme: themeSchema,
  /** Which app registration signs in to clouds without their own (see contract-client.ts). */
  clientChoice: clientChoiceSchema,
  /** The organisation's app registration (public client), used when `clientChoice` is `organisation`. */
  clientId: z.union([guidSchema, z.literal('')]),
  /** How to sign in to Azure China and Azure US Government, whose Entra IDs need their own registration. */
  nationalCloudClients: nationalCloudClientsSchema,
  /** Tenant to sign in to first: `organizations`, a tenant id or a domain. */
  defaultTenant: z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be organizations, a tenant id or a domain'),
  /** Keep secrets on disk even when the OS keychain is unavailable (Linux without a keyring). Explicit opt-in. */
  allowWeakSecretStorage: z.boolean(),
  customClouds: z.array(customCloudSchema).max(10),
  updates: updatePreferencesSchema,
  desktop: desktopPreferencesSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Nothing to change: name at least one setting.' });
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  /** 'electron' in the desktop app, 'preview' in the browser preview host. */
  runtime: z.enum(['electron', 'preview']),
  versions: z.strictObject({
    electron: z.string().optional(),
    chrome: z.string().optional(),
    node: z.string(),
  }),
  packaged: z.boolean(),
  dataDir: z.string(),
  /** The default client id built in when this copy was packaged (CLOUD_DESK_CLIENT_ID), if any. */
  builtinClientId: guidSchema.optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** The notice main posts while secrets are kept for the session only (the Accounts view shows it as a banner). */
export const sessionOnlyNoticeId = 'secret-storage-session-only';

/** Something the user should know about that is not the answer to a request (e.g. a store that was reset). */
export const noticeSchema = z.strictObject({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const cloudSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['public', 'china', 'usgov', 'custom']),
  authorityHost: z.string(),
  armEndpoint: z.string(),
  /** Whether a client id is known for this cloud (from Settings or the custom cloud's own config). */
  signInReady: z.boolean(),
});
export type Cloud = z.infer<typeof cloudSchema>;

export const tenantStatusSchema = z.enum(['ready', 'needs_sign_in', 'error', 'disabled']);
export type TenantStatus = z.infer<typeof tenantStatusSchema>;

export const tenantSummarySchema = z.strictObject({
  tenantId: z.string(),
  displayName: z.string(),
  defaultDomain: z.string().optional(),
  category: z.enum(['home', 'guest', 'managed']),
  status: tenantStatusSchema,
  reason: signInReasonSchema.optional(),
  /** What went wrong, in words, for `needs_sign_in` and `error`. */
  message: z.string().optional(),
  /** Azure's correlation id of a real failure, for support (never set for an ordinary sign-in prompt). */
  correlationId: z.string().optional(),
  hidden: z.boolean(),
  /** ISO time Entra ID last confirmed this state (a token or a definite answer); absent: never confirmed. */
  checkedAt: z.string().optional(),
  /** True once this state was confirmed in this run; false while it is the stored state from an earlier run. */
  confirmed: z.boolean(),
  /** True while the tenant's session is being checked. */
  checking: z.boolean(),
});
export type TenantSummary = z.infer<typeof tenantSummarySchema>;

export const accountSummarySchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['user', 'service_principal']),
  cloudId: z.string(),
  cloudName: z.string(),
  /** Display name (user) or application name / client id (service principal). */
  name: z.string(),
  /** User principal name, or the client id of a service principal. */
  username: z.string(),
  homeTenantId: z.string(),
  tenants: z.array(tenantSummarySchema),
  /** False when OS encryption is unavailable and the account's secrets live only for this session. */
  persisted: z.boolean(),
  /** True while the account's tenant list is being read or any of its tenants is being checked. */
  checking: z.boolean(),
  /** ISO time the tenant list was last read successfully. */
  checkedAt: z.string().optional(),
  /** Why the last tenant-list read failed (503, 429, timeout, garbage...), in words; retry with accounts.refresh. */
  problem: accountProblemSchema.optional(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const signInMethodSchema = z.enum(['browser', 'device_code']);

export const signInFlowSchema = z.strictObject({
  flowId: z.string(),
  method: signInMethodSchema,
  cloudId: z.string(),
  /** Set when the flow signs in to one tenant of an existing account. */
  accountId: z.string().optional(),
  tenantId: z.string().optional(),
  state: z.enum(['waiting_for_browser', 'waiting_for_device_code', 'completing', 'done', 'failed', 'cancelled']),
  userCode: z.string().optional(),
  verificationUri: z.string().optional(),
  /** ISO time after which the flow gives up. */
  expiresAt: z.string(),
  error: appErrorSchema.optional(),
  /** Set when the flow failed because consent was declined or needs an administrator (see contract-accounts). */
  consent: consentProblemSchema.optional(),
});
export type SignInFlow = z.infer<typeof signInFlowSchema>;

export const appStatusSchema = z.strictObject({
  /**
   * False when no cloud the app has contacted can be reached (the machine looks offline); `clouds` says which
   * cloud is unreachable when only some are. Sign-in to a cloud is never disabled because another is offline.
   */
  online: z.boolean(),
  /** Connectivity of each configured cloud, re-checked on a timer with back-off while offline. */
  clouds: z.array(cloudConnectivitySchema),
  secretStorage: z.strictObject({
    mode: secretStorageModeSchema,
    backend: z.string().optional(),
    /** Whether the weak-storage opt-in can keep secrets on disk here (false when there is no encryption at all). */
    weakAvailable: z.boolean(),
  }),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

const accountRef = z.strictObject({ accountId: z.string().min(1).max(300), tenantId: z.string().min(1).max(100) });

export const signInArgsSchema = z.strictObject({
  cloudId: z.string().min(1).max(60),
  method: signInMethodSchema,
  loginHint: z.string().max(320).optional(),
});

export const servicePrincipalArgsSchema = z.strictObject({
  cloudId: z.string().min(1).max(60),
  tenantId: tenantRefSchema,
  clientId: guidSchema,
  /** The name to show for this service principal; the client id when absent. */
  label: z.string().trim().max(100).optional(),
  credential: servicePrincipalCredentialSchema,
});

/** Pages the app may open in the system browser; the renderer names one, main owns the URLs. */
export const helpTopicSchema = z.enum(['documentation', 'report-issue', 'releases']);
export type HelpTopic = z.infer<typeof helpTopicSchema>;

const none = z.undefined();

function request<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): { args: A; result: R } {
  return { args, result };
}

/** Request channels, renderer -> main. The name is `<group>.<method>`; the bridge exposes `cloudDesk.group.method`. */
export const requests = {
  'app.getInfo': request(none, appInfoSchema),
  'app.getNotices': request(none, z.array(noticeSchema)),
  'app.dismissNotice': request(z.string().min(1).max(200), z.null()),
  'app.openHelp': request(helpTopicSchema, z.null()),
  'app.getStatus': request(none, appStatusSchema),
  /** A renderer error for main's log (rate-limited there). */
  'app.reportError': request(rendererErrorSchema, z.null()),
  /** Opens main's own log folder in the file manager; the renderer never names a path. */
  'app.openLogsFolder': request(none, z.null()),
  'app.copyDiagnostics': request(none, diagnosticsResultSchema),
  /** The `clouddesk://` link the app was opened with, once; null when there is none. */
  'app.takeDeepLink': request(none, deepLinkTargetSchema.nullable()),
  /** The OS said the network changed (the renderer's online/offline events): offline clouds are re-checked. */
  'app.networkChanged': request(z.boolean(), z.null()),
  'settings.get': request(none, settingsSchema),
  'settings.set': request(settingsPatchSchema, settingsSchema),
  'clouds.list': request(none, z.array(cloudSchema)),
  'accounts.list': request(none, z.array(accountSummarySchema)),
  'accounts.signIn': request(signInArgsSchema, accountSummarySchema),
  'accounts.signInTenant': request(accountRef.extend({ method: signInMethodSchema }), accountSummarySchema),
  'accounts.cancelSignIn': request(none, z.null()),
  'accounts.addServicePrincipal': request(servicePrincipalArgsSchema, accountSummarySchema),
  'accounts.setTenantHidden': request(accountRef.extend({ hidden: z.boolean() }), accountSummarySchema),
  /** Re-checks one account (or all, without an id): tenants re-listed, every session re-validated. */
  'accounts.refresh': request(z.string().min(1).max(300).optional(), z.array(accountSummarySchema)),
  'accounts.signOut': request(z.string().min(1).max(300), z.null()),
  'accounts.signOutAll': request(none, z.null()),
  'accounts.resetSignInData': request(none, z.null()),
  'updates.getState': request(none, updateStateSchema),
  /** Asks the feed now; resolves once the feed answered (the state says what it found). */
  'updates.check': request(none, updateStateSchema),
  /** Starts downloading the found update; progress arrives on the `updates` event. */
  'updates.download': request(none, updateStateSchema),
  'updates.restartToUpdate': request(none, z.null()),
  /** Opens the tenant's admin-consent page for the cloud's client id in the system browser. */
  'accounts.openAdminConsent': request(adminConsentArgsSchema, z.null()),
  /** Opens the page the running browser sign-in waits on again (closed by mistake, or opened behind a window). */
  'accounts.reopenSignInPage': request(none, z.null()),
  /** The address of that page, for the user to copy into a browser of their choice. */
  'accounts.getSignInLink': request(none, z.url()),
  'network.get': request(none, networkStateSchema),
  'network.set': request(networkSettingsPatchSchema, networkStateSchema),
  'network.setProxyPassword': request(proxyPasswordSchema, networkStateSchema),
  'network.clearProxyPassword': request(none, networkStateSchema),
  /** Everything once, with the sequence number of the last patch it includes. */
  'inventory.getSnapshot': request(none, inventorySnapshotSchema),
  /** Starts a sweep (full by default); answers its first progress, or null when there is nothing to sweep. */
  'inventory.refresh': request(refreshArgsSchema, sweepProgressSchema.nullable()),
  'inventory.cancelRefresh': request(none, z.null()),
  'inventory.getInstanceView': request(vmIdSchema, instanceViewSchema),
  'inventory.setSubscriptionHidden': request(
    subscriptionRefSchema.extend({ hidden: z.boolean() }),
    subscriptionSummarySchema,
  ),
  'inventory.setActingAccount': request(
    subscriptionRefSchema.extend({ accountId: z.string().min(1).max(300) }),
    subscriptionSummarySchema,
  ),
  /** Opens the VM or subscription in its cloud's Azure portal; main builds the URL, the renderer never sends one. */
  'inventory.openInPortal': request(portalTargetSchema, z.null()),
  /** Starts a power action on VMs; answers at once with the operation ids and the VMs refused (with reasons). */
  'operations.start': request(startOperationsArgsSchema, startOperationsResultSchema),
  /** Running operations and the most recent finished ones. */
  'operations.list': request(none, z.array(operationSchema)),
  /** Stops watching an operation (Azure may still finish it); an operation not yet sent is not sent. */
  'operations.cancel': request(z.string().min(1).max(100), operationSchema),
  /** Before a disruptive action: which of these VMs are production-tagged, by their own or their resource group's tags. */
  'operations.checkTargets': request(checkTargetsArgsSchema, checkTargetsResultSchema),
  'activity.list': request(activityFilterSchema, activityPageSchema),
  'activity.clear': request(none, z.null()),
  'activity.exportCsv': request(activityFilterSchema, activityExportSchema),
  'subscriptions.rename': request(
    renameSubscriptionArgsSchema,
    z.strictObject({ subscriptionId: z.string(), displayName: z.string() }),
  ),
} as const;

/** Events, main -> renderer. */
export const events = {
  settings: settingsSchema,
  notices: z.array(noticeSchema),
  status: appStatusSchema,
  accounts: z.array(accountSummarySchema),
  /** The running sign-in flow, or null when none runs. */
  signIn: signInFlowSchema.nullable(),
  updates: updateStateSchema,
  /** A command from the application menu or its accelerator. */
  command: appCommandSchema,
  /** A `clouddesk://` link the app was opened with, already validated. */
  open: deepLinkTargetSchema,
  network: networkStateSchema,
  /** A change to the inventory; seq is one more than the last one sent (a gap means: ask for a snapshot). */
  inventory: inventoryPatchSchema,
  inventoryProgress: sweepProgressSchema,
  /** Operations that changed since the last event (only those). */
  operations: z.array(operationSchema),
  /** Activity log entries written (or the log cleared) since the last event. */
  activity: activityChangeSchema,
} as const;

export type Requests = typeof requests;
export type Channel = keyof Requests;
export type ArgOf<C extends Channel> = z.input<Requests[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Requests[C]['result']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventOf<E extends EventName> = z.output<Events[E]>;

export const channels = Object.keys(requests) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never;
type RequestFn<C extends Channel> = [ArgOf<C>] extends [undefined]
  ? () => Promise<Result<ResultOf<C>>>
  : undefined extends ArgOf<C>
    ? (arg?: Exclude<ArgOf<C>, undefined>) => Promise<Result<ResultOf<C>>>
    : (arg: ArgOf<C>) => Promise<Result<ResultOf<C>>>;

/** What `window.cloudDesk` is: one function per request channel, grouped, plus event subscription. */
export type CloudDeskApi = {
  readonly [G in GroupOf<Channel>]: {
    readonly [C in Channel as C extends `${G}.${infer M}` ? M : never]: RequestFn<C>;
  };
} & {
  readonly events: {
    /** Subscribes to a main-process event; returns the unsubscribe function. */
    on<E extends EventName>(name: E, listener: (payload: EventOf<E>) => void): () => void;
  };
};

/** IPC channel names as they travel; prefixed so they cannot collide with Electron's own. */
export const ipcRequestChannel = (channel: Channel): string => `cloud-desk:${channel}`;
export const ipcEventChannel = (name: EventName): string => `cloud-desk-event:${name}`;

/** Formats a zod failure as `invalid_input` naming the first bad field's path. */
export function invalidInput(error: z.ZodError, what: string): AppError {
  const issue = error.issues[0];
  // An unknown key is reported on its parent object; name the key itself.
  const segments = [...(issue?.path ?? []), ...(issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
  const path = segments.length > 0 ? segments.join('.') : '(argument)';
  return {
    code: 'invalid_input',
    message: `Invalid ${what}: ${path}: ${issue?.message ?? 'does not match the contract'}`,
    detail: path,
  };
}
