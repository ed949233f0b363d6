import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { connectApi } from '#tests/support/ws-client';

/** Numbers across countries, as an operator meets them in the window: typing one, importing a list, reviewing. */
describe('phone numbers in the workplace', () => {
  const data = tempDirOutsideTest();
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startBrowserHost(['--data-dir', data.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1500, height: 950 }, reducedMotion: 'reduce' });
    await page.goto(host.url);
    await page.getByTestId('app-title').waitFor();
  });

  /** Settings through the API, as another window would change them. */
  async function setWorkingCountries(countries: string[]): Promise<void> {
    const url = new URL(host.url);
    const api = await connectApi(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`, url.origin);
    if ('refused' in api) throw new Error(`refused ${api.refused}`);
    expect((await api.request('settings.update', { workingCountries: countries })).ok).toBe(true);
    await api.close();
  }

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
  });

  it('shows how a number reads as it is typed, and lets the operator pick when it reads several ways', async () => {
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contacts-new').click();
    await page.getByTestId('contact-lastName').fill('Петров');
    await page.getByTestId('contact-phone-0').fill('8 (343) 288-22-10');
    await expect.poll(() => page.getByTestId('contact-phone-0-reading').textContent()).toContain('+73432882210');
    expect(await page.getByTestId('contact-phone-0-reading').textContent()).toContain('Russia');
    await page.getByTestId('contact-phone-0').fill('12-34');
    await expect.poll(() => page.getByTestId('contact-phone-0-reading').textContent()).toContain('kept as written');
    await page.getByTestId('contact-phone-0').fill('8 (343) 288-22-10');
    await page.getByTestId('contact-city').fill('Екатеринбург');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-card').waitFor();
    expect(await page.getByTestId('contact-card').textContent()).toContain('Екатеринбург');
    await page.keyboard.press('Escape');

    // An office that also works with Germany: "044 …" is Kyiv or Oldenburg, and the operator says which.
    await setWorkingCountries(['UA', 'RU', 'DE']);
    await page.reload();
    await page.getByTestId('contacts-new').click();
    await page.getByTestId('contact-lastName').fill('Шмідт');
    await page.getByTestId('contact-phone-0').fill('044 123 45 67');
    const choice = page.getByTestId('contact-phone-0-reading');
    await expect.poll(() => choice.inputValue().catch(() => '')).toContain('+380441234567');
    await choice.click();
    await page.getByRole('option', { name: /\+49441234567/ }).click();
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-card').waitFor();
    await page.keyboard.press('Escape');
    await setWorkingCountries(['UA', 'RU']);
    await page.reload();
  });

  it('imports a Windows-1251 list through the wizard: readings in the preview, every person in, the bad phone reported', async () => {
    const csv = [
      'Фамилия;Имя;Телефон;Страна',
      'Сидоров;Пётр;8 (912) 345-67-89;Россия',
      'Шевченко;Тарас;044 123 45 67;Украина',
      'Smith;John;(212) 555-5833;США',
      'Коваль;Олена;12-34;Україна',
      'Ким;Анна;8 029 123-45-67;Беларусь',
      'Монітор;24" дюйми;067 000 11 22;',
    ].join('\r\n');
    await page.getByTestId('contacts-import').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-pick').click();
    await (await chooser).setFiles({ name: 'база.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'win1251') });
    await page.getByTestId('import-preview').waitFor();
    const previewText = await page.getByTestId('import-preview').textContent();
    expect(previewText).toContain('Сидоров');
    await expect.poll(async () => (await page.getByTestId('import-reading').allTextContents()).join(' | ')).toContain('+79123456789');
    const readings = (await page.getByTestId('import-reading').allTextContents()).join(' | ');
    expect(readings).toContain('+380441234567');
    expect(readings).toContain('+375291234567');
    expect(readings).toContain('not a valid number');
    await page.screenshot({ path: artifactPath('import-preview-readings.png') });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-report').textContent()).toContain('Rows: 6;');
    expect(await page.getByTestId('import-phone-issues').textContent()).toContain('12-34');
    await page.screenshot({ path: artifactPath('import-report-phone-issues.png') });
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('contacts-total').textContent()).toBe('Total: 8');
  });

  it('lists the numbers to review and settles one', async () => {
    await page.getByTestId('phones-to-review').click();
    const review = page.getByTestId('phone-review');
    await review.waitFor();
    await expect.poll(() => review.textContent()).toContain('12-34');
    await review.getByRole('button', { name: 'Not a number to call' }).first().click();
    await expect.poll(() => review.textContent()).toContain('Nothing to review');
  });
});
