import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { privateUmask } from '#core/app/private-files';
import { runtimeAssets } from '#core/app/runtime-assets';
import { createWorkstation, type Workstation } from '#core/app/workstation';
import { SealedFileSecretStore } from '#core/secrets/sealed-file-store';
import { DomainError } from '#core/shared/errors';
import { createStreamLogger } from '#core/shared/logger';
import { parseHostFlags } from '#hosts/common/host-flags';
import { wireIpc } from './ipc';
import { wireNotifications } from './notifications';
import { wirePhoneIntegration } from './phone-integration';
import { safeStorageSealer } from './safe-storage-sealer';
import { lockDownSessions, registerAppScheme, serveRenderer } from './security';
import { PhoneTray } from './tray';
import { createMainWindow } from './window';

/**
 * The desktop app's composition root: one instance, one core, one window (recreated on demand),
 * a tray icon. Everything else lives in the core.
 */
export function startElectronApp(entryUrl: string): void {
  if (!app.requestSingleInstanceLock()) {
    // Another instance owns the data directory; it is told (second-instance) and we leave.
    app.quit();
    return;
  }
  registerAppScheme();
  // Recordings, exports and the database are the user's alone (0600 files, 0700 folders).
  if (process.platform !== 'win32') process.umask(privateUmask);

  const parsed = parseHostFlags(process.argv.slice(app.isPackaged ? 1 : 2), false);
  const flags = parsed.ok ? parsed.flags : { dataDir: undefined, port: 0, demo: false, demoSize: 2_000 };
  const dataDir = flags.dataDir ?? process.env.CRM_DATA_DIR;
  if (dataDir) app.setPath('userData', dataDir);

  const logger = createStreamLogger('info');
  const outDir = fileURLToPath(new URL('..', entryUrl));
  const resourcesDir = join(app.getAppPath(), 'resources');
  let workstation: Workstation | undefined;
  let window: BrowserWindow | undefined;
  let tray: PhoneTray | undefined;
  const cleanups: (() => void)[] = [];

  const showWindow = (): BrowserWindow => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow({
        userDataDir: app.getPath('userData'),
        preload: join(outDir, 'preload', 'index.cjs'),
        icon: join(resourcesDir, 'icon.png'),
      });
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  };

  app.on('second-instance', () => showWindow());

  app.whenReady().then(async () => {
    lockDownSessions();
    serveRenderer(join(outDir, 'renderer'));
    const userData = app.getPath('userData');
    try {
      workstation = createWorkstation({
        dataDir: userData,
        host: 'electron',
        version: app.getVersion(),
        systemLocale: app.getLocale(),
        ...runtimeAssets(entryUrl),
        secrets: new SealedFileSecretStore(join(userData, 'secrets.json'), safeStorageSealer()),
        logger,
      });
    } catch (error) {
      const message = error instanceof DomainError ? error.message : String(error);
      dialog.showErrorBox('Operator Workstation cannot open its data', message);
      app.exit(1);
      return;
    }
    const core = workstation;
    cleanups.push(wireIpc(core));
    cleanups.push(wireNotifications(core.events, () => window));
    cleanups.push(wirePhoneIntegration({ events: core.events, logger, preferences: () => core.settings.get().phone, showWindow }));
    tray = new PhoneTray(resourcesDir, showWindow, () => app.quit());
    cleanups.push(core.events.on('phone.status', (status) => tray?.update(status)));
    tray.update(core.phone.status.current);
    showWindow();
    if (flags.demo) await core.seedDemoIfEmpty(flags.demoSize, flags.demoLanguage);
  }).catch((error: unknown) => {
    logger.error('Start-up failed', { error: error instanceof Error ? error.stack : String(error) });
    app.exit(1);
  });

  // The tray keeps the phone alive with the window closed; quitting is explicit.
  app.on('window-all-closed', () => undefined);

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !workstation) return;
    event.preventDefault();
    quitting = true;
    cleanups.forEach((cleanup) => cleanup());
    tray?.dispose();
    void workstation.dispose().finally(() => app.quit());
  });
}
