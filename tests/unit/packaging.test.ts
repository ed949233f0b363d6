import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = JSON.parse(readFileSync(`${root}/electron-builder.json`, 'utf8')) as {
  appId: string;
  files: string[];
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
};
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

// electron-builder cannot run here (it downloads Electron), so its configuration is checked for shape.
describe('packaging configuration', () => {
  it('builds AppImage and deb for Linux and an NSIS installer for Windows under a stable app id', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('points at icons that exist', () => {
    expect(existsSync(`${root}/${config.linux.icon}`)).toBe(true);
    expect(existsSync(`${root}/${config.win.icon}`)).toBe(true);
    for (const tray of ['tray-registered', 'tray-registering', 'tray-offline', 'tray-failed']) {
      expect(existsSync(`${root}/resources/${tray}.png`)).toBe(true);
    }
  });

  it('ships the built app (with its migrations) and starts from the built main entry', () => {
    expect(config.files).toContain('out/**');
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('keeps Electron and build tools out of the runtime dependencies', () => {
    for (const tool of ['electron', 'electron-builder', 'electron-vite', 'vite', 'vitest']) {
      expect(pkg.dependencies[tool]).toBeUndefined();
      expect(pkg.devDependencies[tool]).toBeDefined();
    }
  });
});
