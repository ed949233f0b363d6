import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { appOrigin } from '#hosts/common/app-origin';
import { secureWebPreferences } from './security';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from './window-state';

export interface MainWindowOptions {
  userDataDir: string;
  preload: string;
  icon: string;
}

/** The workplace window, reopened where the operator left it. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = join(options.userDataDir, 'window-state.json');
  const state = fitToDisplays(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Operator Workstation',
    icon: options.icon,
    webPreferences: secureWebPreferences(options.preload),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const next: WindowState = { ...bounds, maximized: window.isMaximized() };
    saveWindowState(stateFile, next);
  };
  window.on('close', remember);

  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}
