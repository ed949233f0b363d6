import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { tempDirOutsideTest } from '#tests/support/temp-dir';

describe('first start asks who works at this workstation', () => {
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;
  let dataDir: { path: string; remove(): void };

  beforeAll(async () => {
    dataDir = tempDirOutsideTest();
    host = await startBrowserHost(['--demo', '--data-dir', dataDir.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir?.remove();
  });

  it('asks on a fresh workstation, and once answered, does not ask again', async () => {
    const question = page.getByTestId('who-works-here');
    await question.waitFor();
    expect(await question.textContent()).toContain('Who works at this workstation?');

    await page.getByTestId('who-works-here-pick').click();
    const first = page.getByRole('option').first();
    const name = (await first.textContent()) ?? '';
    expect(name).not.toBe('');
    await first.click();
    await page.getByTestId('who-works-here-confirm').click();
    await question.waitFor({ state: 'detached' });

    await page.reload();
    await page.getByTestId('app-title').waitFor();
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => page.getByTestId('settings-me').inputValue()).toBe(name);
    expect(await page.getByTestId('who-works-here').count()).toBe(0);
  });
});
