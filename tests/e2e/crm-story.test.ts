import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { tempDirOutsideTest } from '#tests/support/temp-dir';

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('a client’s whole story, through the real UI', () => {
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;
  let dataDir: { path: string; remove(): void };

  beforeAll(async () => {
    dataDir = tempDirOutsideTest();
    host = await startBrowserHost(['--data-dir', dataDir.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1500, height: 950 }, reducedMotion: 'reduce' });
    await page.goto(host.url);
    await page.getByTestId('app-title').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir?.remove();
  });

  it('sets up who works here and a complaint cause', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-colleague-name').fill('Оксана Литвин');
    await page.getByTestId('settings-colleague-add').click();
    await expect.poll(() => page.getByTestId('settings-me').inputValue()).toBe('Оксана Литвин');
    await page.getByTestId('settings-cause-name').fill('Затримка доставки');
    await page.getByTestId('settings-cause-add').click();
    await page.getByText('Затримка доставки').waitFor();
  });

  it('creates a company and a person at it', async () => {
    await page.getByTestId('nav-companies').click();
    await page.getByTestId('companies-new').click();
    await page.getByTestId('company-name').fill('ТОВ «Агросвіт»');
    await page.getByTestId('company-city').fill('Київ');
    await page.getByTestId('company-phone-0').fill('044 200 10 20');
    await page.getByTestId('company-save').click();
    await page.getByTestId('company-card').waitFor();
    await page.getByTestId('company-add-person').click();
    await page.getByTestId('contact-lastName').fill('Шевченко');
    await page.getByTestId('contact-firstName').fill('Тарас');
    await page.getByTestId('contact-phone-0').fill('067 123 45 67');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('company-card').getByText('Шевченко Тарас').click();
    await page.getByTestId('contact-card').waitFor();
    expect(await page.getByTestId('card-company').textContent()).toBe('ТОВ «Агросвіт»');
  });

  it('logs a meeting (the form opens on a call, the kind logged most)', async () => {
    await page.getByTestId('card-log').click();
    expect(await page.getByTestId('interaction-kind').locator('input:checked').inputValue()).toBe('call');
    await page.getByTestId('interaction-kind').getByText('Meeting').click();
    await page.getByTestId('interaction-subject').fill('Презентація нової лінійки');
    await page.getByTestId('interaction-save').click();
    await page.getByTestId('timeline-item').filter({ hasText: 'Meeting: Презентація нової лінійки' }).waitFor();
  });

  it('writes a note with a text of several lines', async () => {
    await page.getByTestId('card-log').click();
    await page.getByTestId('interaction-kind').getByText('Note').click();
    await page.getByTestId('interaction-subject').fill('Побажання до поставки');
    await page.getByTestId('interaction-outcome').fill('Везти до 10:00.\nДзвонити за годину.');
    await page.getByTestId('interaction-save').click();
    const note = page.getByTestId('timeline-item').filter({ hasText: 'Побажання до поставки' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Дзвонити за годину.');
  });

  it('registers a complaint and walks it to resolved', async () => {
    await page.getByTestId('card-new-complaint').click();
    await page.getByTestId('complaint-subject').fill('Товар приїхав пошкодженим');
    // A cause missing from the list is added on the spot, without leaving the form.
    await page.getByTestId('complaint-cause').fill('Пошкоджена упаковка');
    await page.getByRole('option', { name: 'Add “Пошкоджена упаковка”' }).click();
    await expect.poll(() => page.getByTestId('complaint-cause').inputValue(), { timeout: 10_000 }).toBe('Пошкоджена упаковка');
    await choose(page, 'complaint-cause', 'Затримка доставки');
    await page.getByTestId('complaint-save').click();
    const card = page.getByTestId('complaint-card');
    await card.waitFor();
    expect(await page.getByTestId('complaint-state').textContent()).toBe('New');
    await page.getByTestId('complaint-start').click();
    await page.getByTestId('complaint-move-confirm').click();
    await expect.poll(() => page.getByTestId('complaint-state').textContent()).toBe('Investigating');
    await page.getByTestId('complaint-step-title').fill('Перевірити партію на складі');
    await page.getByTestId('complaint-add-step').click();
    await page.getByTestId('complaint-step').click();
    await expect.poll(() => page.getByTestId('complaint-step').isChecked()).toBe(true);
    await page.getByTestId('complaint-resolve').click();
    await page.getByTestId('complaint-resolution').fill('Замінили товар за наш рахунок');
    await choose(page, 'complaint-result', 'Satisfied');
    await page.getByTestId('complaint-move-confirm').click();
    await expect.poll(() => page.getByTestId('complaint-state').textContent()).toBe('Resolved');
    await page.screenshot({ path: artifactPath('complaint-resolved.png') });
    await page.keyboard.press('Escape');
  });

  it('finds the person by part of the phone typed in another format, and sees it all on the timeline', async () => {
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contacts-search').fill('+38067123');
    const row = page.locator('[data-testid=contacts-table] [data-row]').filter({ hasText: 'Шевченко Тарас' });
    await row.waitFor();
    expect(await page.locator('[data-testid=contacts-table] [data-row]').count()).toBe(1);
    await row.click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Meeting: Презентація нової лінійки').waitFor();
    await timeline.getByText('Complaint #1 “Товар приїхав пошкодженим”: New').waitFor();
    await timeline.getByText('Complaint #1 “Товар приїхав пошкодженим”: Investigating').waitFor();
    await timeline.getByText('Complaint #1 “Товар приїхав пошкодженим”: Resolved').waitFor();
    expect(await page.getByTestId('timeline-milestone').count()).toBe(3);
    await page.screenshot({ path: artifactPath('contact-timeline.png') });
  });
});
