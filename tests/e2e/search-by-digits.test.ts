import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { launchSoftphoneChromium, registeredPeer, SoftphoneWorkplace } from '#tests/support/softphone-workplace';
import { tempDirOutsideTest } from '#tests/support/temp-dir';

const paletteSearch = (page: Page) => page.getByPlaceholder('Search contacts, companies, numbers, or type a command…');
const paletteAction = (page: Page, label: string) => page.locator('.mantine-Spotlight-action').filter({ hasText: label });

describe('finding people by the digits one heard, in a real browser against the demo workplace', () => {
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;
  let dataDir: { path: string; remove(): void };
  /** A demo person and the last six digits of their first phone, as one would say them ("583 321"). */
  let person: { name: string; heard: string; digits: string };

  beforeAll(async () => {
    dataDir = tempDirOutsideTest();
    host = await startBrowserHost(['--demo', '--data-dir', dataDir.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(host.url);
    await page.locator('[data-testid=contacts-table] [data-row]').first().waitFor();
    const rows = await page.locator('[data-testid=contacts-table] [data-row]').evaluateAll((els) =>
      els.map((el) => ({ name: el.querySelector('[data-column=name]')?.textContent?.trim() ?? '', phone: el.querySelector('[data-column=phone]')?.textContent ?? '' })),
    );
    const row = rows.find((r) => r.phone.replace(/\D/g, '').length >= 9) ?? { name: '', phone: '' };
    const { name } = row;
    const digits = row.phone.replace(/\D/g, '').slice(-6);
    person = { name, digits, heard: `${digits.slice(0, 3)} ${digits.slice(3)}` };
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir?.remove();
  });

  it('finds the person in the contact list by the trailing digits of their number', async () => {
    expect(person.name).not.toBe('');
    await page.getByTestId('contacts-search').fill(person.heard);
    // The person is among the rows, and every row shown holds those digits in the phone it shows.
    const found = () =>
      page.locator('[data-testid=contacts-table] [data-row]').evaluateAll((els) =>
        els.map((el) => ({ name: el.querySelector('[data-column=name]')?.textContent?.trim() ?? '', digits: (el.querySelector('[data-column=phone]')?.textContent ?? '').replace(/\D/g, '') })),
      );
    await expect
      .poll(async () => {
        const rows = await found();
        return rows.some((r) => r.name === person.name) && rows.every((r) => r.digits.includes(person.digits));
      }, { timeout: 10_000 })
      .toBe(true);
    await page.getByTestId('contacts-search').fill('');
  });

  it('finds the person in Ctrl+K by the same digits, with Call and Create contact offered for the number', async () => {
    await page.keyboard.press('Control+K');
    await paletteSearch(page).fill(person.heard);
    await paletteAction(page, person.name).first().waitFor();
    expect(await paletteAction(page, `Call ${person.heard}`).count()).toBe(1);
    expect(await paletteAction(page, 'Create contact with this number').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('offers to call an unknown number or create a contact with it, never "Nothing found", and the form has the number', async () => {
    const unknown = '+1 (212) 000-0999';
    await page.keyboard.press('Control+K');
    await paletteSearch(page).fill(unknown);
    await paletteAction(page, `Call ${unknown}`).waitFor();
    await paletteAction(page, 'Create contact with this number').waitFor();
    expect(await page.getByText('Nothing found').count()).toBe(0);
    await page.screenshot({ path: artifactPath('palette-unknown-number.png') });
    await paletteAction(page, 'Create contact with this number').click();
    await expect.poll(() => page.getByTestId('contact-phone-0').inputValue()).toBe(unknown);
    await page.keyboard.press('Escape');
  });
});

describe('dialling from the phone bar with Enter', () => {
  const kamailio = new TestKamailio();
  let browser: Browser;

  beforeAll(async () => {
    await kamailio.start();
    browser = await launchSoftphoneChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await kamailio.dispose();
  });

  it('calls the number typed in the dial field when Enter is pressed', async () => {
    const workplace = await SoftphoneWorkplace.registered(browser, { wsUrl: kamailio.wsUrl, extension: 'op960', password: 'secret' });
    const peer = await registeredPeer(browser, '380671112960', kamailio);
    try {
      const { page } = workplace;
      await page.getByTestId('dial-input').fill('380 67 111 29 60');
      await page.getByTestId('dial-input').press('Enter');
      await expect.poll(() => peer.sessionState(), { timeout: 10_000 }).toBe('Initial');
      await peer.page.evaluate('window.peer.answer()');
      await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('active');
      expect(await page.getByTestId('dial-input').inputValue()).toBe('');
    } finally {
      await peer.close();
      await workplace.close();
    }
  });
});
