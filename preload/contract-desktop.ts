// Schemas for the desktop surroundings: renderer errors reported to main's log, diagnostics, menu commands,
// deep links and the desktop preferences (notifications, tray). Pure data and types: no Electron, no Node, no DOM.
import { z } from 'zod';

export const rendererErrorSchema = z.strictObject({
  message: z.string().min(1).max(2000),
  stack: z.string().max(16_000).optional(),
});
export type RendererError = z.infer<typeof rendererErrorSchema>;

export const diagnosticsResultSchema = z.strictObject({
  /** Versions, platform, clouds in use, encryption backend: nothing personal, no tokens. */
  text: z.string(),
  /** False where main has no clipboard (the browser preview): the UI shows the text to copy by hand. */
  copied: z.boolean(),
});
export type DiagnosticsResult = z.infer<typeof diagnosticsResultSchema>;

/** What the application menu (and its accelerators) asks the renderer to do. */
export const appCommandSchema = z.enum(['refresh', 'find', 'add-account', 'open-settings', 'open-about']);
export type AppCommand = z.infer<typeof appCommandSchema>;

const subscriptionId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lower-case GUID');
/** Azure resource group names: 1-90 of letters, digits, `._-()`, not ending in a period. */
const resourceGroup = z.string().regex(/^[\p{L}\p{N}._()-]{0,89}[\p{L}\p{N}_()-]$/u, 'must be a resource group name');
/** Azure VM names: 1-64 of letters, digits, `._-`. */
const vmName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a VM name');

/** Where a `clouddesk://` link asks the app to go. */
export const deepLinkTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('subscription'), subscriptionId }),
  z.strictObject({ kind: z.literal('vm'), subscriptionId, resourceGroup, name: vmName }),
]);
export type DeepLinkTarget = z.infer<typeof deepLinkTargetSchema>;

export const desktopPreferencesSchema = z.strictObject({
  /** An OS notification when an operation or a long refresh finishes while the window is not focused. */
  notifyWhenDone: z.boolean(),
  /** A tray / menu-bar icon; closing the window then keeps the app running there. */
  trayIcon: z.boolean(),
});
export type DesktopPreferences = z.infer<typeof desktopPreferencesSchema>;

/** The tray is off by default on Linux, where many desktops hide or lack a tray. */
export const defaultDesktopPreferences = (platform: string): DesktopPreferences => ({
  notifyWhenDone: true,
  trayIcon: platform !== 'linux',
});
