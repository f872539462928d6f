// Messages on the preview's WebSocket, both directions. The preview carries exactly the Electron IPC contract;
// these envelopes only add request ids, the "open this URL in a new tab" instruction, and the page's visibility
// (which Electron's main reads from its window).
import { z } from 'zod';

export const clientMessageSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  arg: z.unknown().optional(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** A page's `document.visibilityState` changed (or the page just connected): main's sweep schedule follows it. */
export const visibilityMessageSchema = z.strictObject({ type: z.literal('visibility'), visible: z.boolean() });
export type VisibilityMessage = z.infer<typeof visibilityMessageSchema>;

export type HostMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'open'; url: string };

export const wsPath = '/__preview/ws';
export const bridgePath = '/__preview/bridge.js';
