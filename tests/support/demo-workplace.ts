import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type BrowserHostProcess } from './browser-host';
import { launchChromium } from './chromium';
import { tempDirOutsideTest } from './temp-dir';

export interface DemoWorkplace {
  host: BrowserHostProcess;
  browser: Browser;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

export interface DemoWorkplaceOptions {
  /** More host flags after `--demo --data-dir … --port 0` (e.g. `--demo-language uk`). */
  hostArgs?: string[];
  viewport?: { width: number; height: number };
  /** Work on the data folder after the host has seeded it and before the browser opens it. */
  prepare?: (host: BrowserHostProcess, dataDir: string) => Promise<void> | void;
}

/**
 * The workplace as a new operator meets it: a browser host with demo data in a data folder of its own,
 * Chromium in English at the given size, the page opened. `close()` stops them all and removes the folder.
 */
export async function openDemoWorkplace(options: DemoWorkplaceOptions = {}): Promise<DemoWorkplace> {
  const dataDir = tempDirOutsideTest();
  const host = await startBrowserHost(['--demo', '--data-dir', dataDir.path, '--port', '0', ...(options.hostArgs ?? [])]);
  await options.prepare?.(host, dataDir.path);
  const browser = await launchChromium(['--lang=en-US']);
  const page = await browser.newPage({ locale: 'en-US', viewport: options.viewport ?? { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  await page.goto(host.url);
  return {
    host,
    browser,
    page,
    dataDir: dataDir.path,
    async close() {
      await browser.close();
      await host.stop();
      dataDir.remove();
    },
  };
}
