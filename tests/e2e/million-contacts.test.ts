import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { millionContactDatabaseBuiltApart } from '#tests/support/million-contacts';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { sourceAssets } from '#tests/support/workstation';

/** A list of a million people: the end of it is one key press away, like its start. */
describe('a million contacts in the list', () => {
  const data = tempDirOutsideTest();
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;
  let lastByName: string;
  /** A million, and whatever a benchmark added to the shared database (a contact with a thousand interactions). */
  let total: number;
  const lastRow = () => `[data-index="${total - 1}"][data-row]`;

  beforeAll(async () => {
    const file = join(data.path, 'workstation.sqlite');
    copyFileSync(millionContactDatabaseBuiltApart(), file);
    const db = new Database(file, { readonly: true, nativeBinding: sourceAssets.nativeBinding });
    lastByName = (db.prepare('SELECT full_name FROM contacts ORDER BY search_name DESC, id DESC LIMIT 1').pluck().get() as string) ?? '';
    total = db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
    db.close();
    host = await startBrowserHost(['--data-dir', data.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
  });

  it('jumps to the end with the End key and shows the last contact by name', async () => {
    const table = page.getByTestId('contacts-table');
    await table.locator('[data-row]').first().waitFor({ timeout: 60_000 });
    expect(total).toBeGreaterThanOrEqual(1_000_000);
    expect(await page.getByTestId('contacts-total').textContent()).toBe(`Total: ${total.toLocaleString('en-US')}`);
    await table.focus();
    await page.keyboard.press('End');
    const last = table.locator(lastRow());
    await last.waitFor({ timeout: 30_000 });
    expect(await last.textContent()).toContain(lastByName);
    await page.screenshot({ path: artifactPath('million-contacts-end.png') });
  });

  it('scrolls back to the top with Home, and walks row by row from the end with the arrow keys', async () => {
    const table = page.getByTestId('contacts-table');
    await table.focus();
    await page.keyboard.press('End');
    await table.locator(lastRow()).waitFor({ timeout: 30_000 });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await table.locator(`[data-index="${total - 3}"][data-row]`).waitFor();
    await page.keyboard.press('Home');
    await table.locator('[data-index="0"][data-row]').waitFor({ timeout: 30_000 });
  });
});
