import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { tempDirOutsideTest } from '#tests/support/temp-dir';

/** What a crafted link or a stray keystroke does to the window: a clear message and a working workplace. */
describe('bad input in the window', () => {
  const data = tempDirOutsideTest();
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startBrowserHost(['--demo', '--demo-size', '200', '--data-dir', data.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
  });

  it('opens a route with a broken % escape as the list, saying so, and stays usable after a reload', async () => {
    await page.goto(`${host.url}#/contacts/%E0%A4%A`);
    await page.getByTestId('unreadable-link').waitFor();
    expect(await page.getByTestId('unreadable-link').textContent()).toContain('cannot be read');
    await page.locator('[data-testid=contacts-table] [data-row]').first().waitFor();
    await page.reload();
    await page.locator('[data-testid=contacts-table] [data-row]').first().waitFor();
    await page.getByTestId('nav-calls').click();
    await expect.poll(() => page.url()).toContain('#/calls');
  });

  it.each(['%', '*', "'", '(', '🙂'])('a search for only %s lists nobody and says there is nothing to search for', async (text) => {
    await page.goto(`${host.url}#/contacts`);
    await page.getByTestId('contacts-search').fill(text);
    await expect.poll(() => page.getByTestId('contacts-total').textContent()).toBe('Nothing to search for: type letters or digits');
    expect(await page.locator('[data-testid=contacts-table] [data-row]').count()).toBe(0);
  });
});
