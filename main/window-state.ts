// Remembered window bounds, per display arrangement: where the window was with the laptop alone and where it was
// with the external monitor are kept apart, so docking and undocking each bring it back to its own place. Bounds
// are validated when read back and kept on a display that still exists, so a window saved on an unplugged
// monitor does not open off-screen. Pure; no Electron imports.
import { z } from 'zod';

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** What the store keeps: the bounds per arrangement of displays, and the last ones saved (any arrangement). */
const savedStatesSchema = z.object({
  byDisplays: z.record(z.string().max(500), windowStateSchema),
  last: windowStateSchema,
});
type SavedStates = z.infer<typeof savedStatesSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowSize = { width: 1280, height: 800 } as const;

/** Arrangements remembered at most; the oldest is forgotten first. */
const maxArrangements = 8;

/** One arrangement of displays, by their work areas (order-independent). */
export function displaysKey(workAreas: readonly Rect[]): string {
  return workAreas
    .map((area) => `${area.x},${area.y},${area.width}x${area.height}`)
    .sort()
    .join(';');
}

/** Reads what the store holds: the per-arrangement form, or the single bounds older versions saved. */
function readSaved(stored: unknown): SavedStates | undefined {
  const saved = savedStatesSchema.safeParse(stored);
  if (saved.success) return saved.data;
  const single = windowStateSchema.safeParse(stored);
  return single.success ? { byDisplays: {}, last: single.data } : undefined;
}

/**
 * The bounds to open with on these displays: the ones saved for this arrangement, else the last ones saved, if
 * they overlap a work area enough to grab; else undefined (the default size, centred).
 */
export function restoreBounds(stored: unknown, workAreas: readonly Rect[]): WindowState | undefined {
  const saved = readSaved(stored);
  if (!saved) return undefined;
  const visible = (state: WindowState): boolean => workAreas.some((area) => overlap(state, area) >= 100 * 50);
  return [saved.byDisplays[displaysKey(workAreas)], saved.last].find(
    (state): state is WindowState => state !== undefined && visible(state),
  );
}

/** The store's next value after the window was at `state` on these displays. */
export function rememberBounds(stored: unknown, workAreas: readonly Rect[], state: WindowState): SavedStates {
  const key = displaysKey(workAreas);
  const previous = Object.entries(readSaved(stored)?.byDisplays ?? {}).filter(([other]) => other !== key);
  return {
    byDisplays: Object.fromEntries([...previous.slice(-(maxArrangements - 1)), [key, state]]),
    last: state,
  };
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
