import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWindowState, fitToDisplays, loadWindowState, saveWindowState } from '#hosts/electron/window-state';
import { tempDir } from '#tests/support/temp-dir';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('remembers size, position and maximised state', () => {
    const file = join(tempDir(), 'window-state.json');
    saveWindowState(file, { x: 100, y: 80, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
  });

  it('falls back to defaults for a missing or broken file', () => {
    const dir = tempDir();
    expect(loadWindowState(join(dir, 'none.json'))).toEqual(defaultWindowState);
    writeFileSync(join(dir, 'broken.json'), '{"width": 10');
    expect(loadWindowState(join(dir, 'broken.json'))).toEqual(defaultWindowState);
    writeFileSync(join(dir, 'tiny.json'), '{"width": 10, "height": 10, "maximized": false}');
    expect(loadWindowState(join(dir, 'tiny.json'))).toEqual(defaultWindowState);
  });

  it('keeps a position that is on a display', () => {
    const state = { x: 200, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual(state);
  });

  it('drops a position on a monitor that is gone, keeping the size', () => {
    const state = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1200, height: 800, maximized: false });
  });
});
