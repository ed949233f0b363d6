import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { PhoneStatus } from '#contract';

const trayIconByRegistration: Record<PhoneStatus['registration'], string> = {
  no_account: 'tray-offline.png',
  connecting: 'tray-registering.png',
  offline: 'tray-offline.png',
  registering: 'tray-registering.png',
  registered: 'tray-registered.png',
  failed: 'tray-failed.png',
};

/** Tooltips stay in English here; the window shows the translated status. */
const trayTextByRegistration: Record<PhoneStatus['registration'], string> = {
  no_account: 'No SIP account configured',
  connecting: 'Phone connecting…',
  offline: 'Phone offline',
  registering: 'Phone connecting…',
  registered: 'Phone ready',
  failed: 'Phone registration failed',
};

/** The tray icon shows the phone's state at a glance; clicking it brings the workplace forward. */
export class PhoneTray {
  private readonly tray: Tray;

  constructor(
    private readonly resourcesDir: string,
    private readonly showWindow: () => BrowserWindow,
    quit: () => void,
  ) {
    this.tray = new Tray(this.icon('no_account'));
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open workplace', click: () => this.showWindow() },
        { type: 'separator' },
        { label: 'Quit', click: quit },
      ]),
    );
    this.tray.on('click', () => this.showWindow());
    this.update({ registration: 'no_account' });
  }

  update(status: PhoneStatus): void {
    this.tray.setImage(this.icon(status.registration));
    this.tray.setToolTip(`Operator Workstation — ${trayTextByRegistration[status.registration]}${status.detail ? ` (${status.detail})` : ''}`);
  }

  dispose(): void {
    this.tray.destroy();
  }

  private icon(registration: PhoneStatus['registration']) {
    return nativeImage.createFromPath(join(this.resourcesDir, trayIconByRegistration[registration]));
  }
}
