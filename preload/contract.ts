// The one contract between the renderer and main: every request channel with its argument and result schema,
// and every event main pushes. Main, preload, the preview bridge and the renderer all derive their types from
// here; nobody declares a channel's types twice. Pure data and types: no Electron, no Node, no DOM.
import { z } from 'zod';

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

export const settingsSchema = z.strictObject({
  theme: themeSchema,
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
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Something the user should know about that is not the answer to a request (e.g. a store that was reset). */
export const noticeSchema = z.strictObject({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

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
  'settings.get': request(none, settingsSchema),
  'settings.set': request(settingsPatchSchema, settingsSchema),
} as const;

/** Events, main -> renderer. */
export const events = {
  settings: settingsSchema,
  notices: z.array(noticeSchema),
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
type RequestFn<C extends Channel> =
  undefined extends ArgOf<C> ? () => Promise<Result<ResultOf<C>>> : (arg: ArgOf<C>) => Promise<Result<ResultOf<C>>>;

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
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(argument)';
  return {
    code: 'invalid_input',
    message: `Invalid ${what}: ${path}: ${issue?.message ?? 'does not match the contract'}`,
    detail: path,
  };
}
