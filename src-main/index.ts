import { startElectronApp } from '#hosts/electron/start';

startElectronApp(import.meta.url);
