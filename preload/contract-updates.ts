// Schemas for self-updating: the update preferences (in Settings) and the updater's state as main reports it on
// the `updates` event. Pure data and types: no Electron, no Node, no DOM.
import { z } from 'zod';

export const updateChannelSchema = z.enum(['stable', 'beta']);
export type UpdateChannel = z.infer<typeof updateChannelSchema>;

export const updatePreferencesSchema = z.strictObject({
  /** Download a found update in the background; otherwise the user starts the download. */
  autoDownload: z.boolean(),
  channel: updateChannelSchema,
});
export type UpdatePreferences = z.infer<typeof updatePreferencesSchema>;

export const defaultUpdatePreferences: UpdatePreferences = { autoDownload: true, channel: 'stable' };

/**
 * How a downloaded update gets installed: `restart` replaces the app in place (NSIS, macOS zip, AppImage);
 * `manual` (deb, rpm) needs the user's package manager, so the app only says how.
 */
export const installModeSchema = z.enum(['restart', 'manual']);

const isoTime = z.iso.datetime();

export const updatePhaseSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('disabled'),
    /** development: not a packaged build; unsupported: an installer type that cannot update itself. */
    reason: z.enum(['development', 'unsupported']),
    message: z.string(),
  }),
  z.strictObject({ status: z.literal('idle') }),
  z.strictObject({ status: z.literal('checking') }),
  z.strictObject({ status: z.literal('not-available') }),
  z.strictObject({ status: z.literal('available'), version: z.string(), installMode: installModeSchema }),
  z.strictObject({
    status: z.literal('downloading'),
    version: z.string(),
    installMode: installModeSchema,
    percent: z.number().min(0).max(100),
    bytesPerSecond: z.number().min(0),
  }),
  z.strictObject({
    status: z.literal('downloaded'),
    version: z.string(),
    installMode: installModeSchema,
    /** For `manual`: what to run to install the downloaded package. */
    instructions: z.string().optional(),
  }),
  z.strictObject({
    status: z.literal('error'),
    /** What failed, why, and that the app tries again by itself. */
    message: z.string(),
    /** When the app tries again. */
    retryAt: isoTime,
  }),
]);
export type UpdatePhase = z.infer<typeof updatePhaseSchema>;

export const updateStateSchema = z.strictObject({
  currentVersion: z.string(),
  phase: updatePhaseSchema,
  /** When the feed last answered (an update or none), so the UI can say how old "up to date" is. */
  lastCheckedAt: isoTime.optional(),
});
export type UpdateState = z.infer<typeof updateStateSchema>;
