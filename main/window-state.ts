// Remembered window bounds: validated when read back and kept on a display that still exists, so a window
// saved on an unplugged monitor does not open off-screen. Pure; no Electron imports.
import { z } from 'zod';

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowSize = { width: 1280, height: 800 } as const;

/** The bounds to open with: the stored ones if they overlap a work area enough to grab, else undefined. */
export function restoreBounds(stored: unknown, workAreas: readonly Rect[]): WindowState | undefined {
  const parsed = windowStateSchema.safeParse(stored);
  if (!parsed.success) return undefined;
  const state = parsed.data;
  const visible = workAreas.some((area) => overlap(state, area) >= 100 * 50);
  return visible ? state : undefined;
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
