import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { tempDirOutsideTest } from '#tests/support/temp-dir';

describe('the workplace in a real browser, against the real core', () => {
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;
  let dataDir: { path: string; remove(): void };

  beforeAll(async () => {
    dataDir = tempDirOutsideTest();
    // A Ukrainian office's data (Cyrillic names, numbers in Ukrainian formats) read in an English interface first:
    // this machine's locale would otherwise make the demo English.
    host = await startBrowserHost(['--demo', '--demo-language', 'uk', '--data-dir', dataDir.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir?.remove();
  });

  it('opens on the contacts of the demo data', async () => {
    await page.locator('[data-testid=contacts-table] [data-row]').first().waitFor();
    expect(await page.getByTestId('nav-contacts').textContent()).toContain('Contacts');
    // Only the rows in view are in the page; the rest load as they scroll in.
    const rendered = await page.locator('[data-testid=contacts-table] [data-row]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    await expect.poll(() => page.getByTestId('contacts-total').textContent()).toBe('Total: 2,000');
  });

  it('switches the language to Ukrainian and back, and remembers the choice', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').click();
    await page.getByRole('option', { name: 'Українська' }).click();
    await expect.poll(() => page.getByTestId('nav-contacts').textContent()).toContain('Контакти');
    expect(await page.getByTestId('phone-status').textContent()).toBe('Немає SIP-облікового запису');

    await page.reload();
    await expect.poll(() => page.getByTestId('nav-contacts').textContent()).toContain('Контакти');
    await page.screenshot({ path: artifactPath('workplace-ukrainian.png') });

    await page.getByTestId('settings-language').click();
    await page.getByRole('option', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('nav-contacts').textContent()).toContain('Contacts');
  });

  it('opens the Ctrl+K palette, finds a contact as you type, and opens the card', async () => {
    await page.getByTestId('nav-contacts').click();
    await page.keyboard.press('Control+K');
    const search = page.getByPlaceholder('Search contacts, companies, numbers, or type a command…');
    await search.waitFor();
    await search.fill('Шевч');
    const firstHit = page.locator('.mantine-Spotlight-action').filter({ hasText: 'Шевч' }).first();
    await firstHit.waitFor();
    await page.screenshot({ path: artifactPath('command-palette.png') });
    const name = (await firstHit.locator('.mantine-Spotlight-actionLabel').textContent()) ?? '';
    await firstHit.click();
    const card = page.getByTestId('contact-card');
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toBe(name);
    await page.screenshot({ path: artifactPath('contact-card.png') });
    await page.keyboard.press('Escape');
  });

  it('finds a contact by a phone number typed in another format', async () => {
    await page.getByTestId('contacts-search').fill('+380 6');
    const phoneDigits = () =>
      page.locator('[data-testid=contacts-table] [data-row] [data-column=phone]').evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').replace(/\D/g, '')));
    // Every row is someone with a Ukrainian mobile number, whatever format it was typed in.
    await expect.poll(async () => {
      const digits = await phoneDigits();
      return digits.length > 10 && digits.every((d) => /^(380|0)6/.test(d));
    }).toBe(true);
    expect(new Set((await phoneDigits()).map((d) => d.slice(0, 3))).size).toBeGreaterThan(1);
  });

  it('runs commands from the palette: theme switch', async () => {
    const before = await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    await page.keyboard.press('Control+K');
    await page.keyboard.type('theme');
    await page.locator('.mantine-Spotlight-action').filter({ hasText: 'Switch light/dark theme' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).not.toBe(before);
    await page.screenshot({ path: artifactPath('workplace-theme-switched.png') });
  });

  it('saves a filter as a segment through a dialog of its own (Electron has no window.prompt)', async () => {
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contacts-search').fill('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByTestId('segment-save').click();
    await page.getByTestId('segment-dialog-name').fill('Not called lately');
    await page.keyboard.press('Enter');
    await page.getByTestId('segment-dialog-name').waitFor({ state: 'detached' });
    // Saving waits behind the filtered list's first page (a recency filter over the calls).
    await expect.poll(() => page.getByRole('combobox', { name: 'Saved segments' }).inputValue(), { timeout: 15_000 }).toBe('Not called lately');
  });
});
