import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640),
  height: z.number().int().min(480),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const defaultWindowState: WindowState = { width: 1360, height: 860, maximized: false };

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads the remembered window; a broken file falls back to defaults. */
export function loadWindowState(file: string): WindowState {
  if (!existsSync(file)) return defaultWindowState;
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : defaultWindowState;
  } catch {
    // Unreadable JSON: a lost window position is not worth an error dialog.
    return defaultWindowState;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(file, JSON.stringify(state));
}

/**
 * Keeps the remembered position only if the window would still be visible on one of
 * today's displays (a monitor may have been unplugged since).
 */
export function fitToDisplays(state: WindowState, displays: readonly Area[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some((d) => x + 100 > d.x && y + 50 > d.y && x + 100 < d.x + d.width && y < d.y + d.height);
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}
