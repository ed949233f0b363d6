import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { openDemoWorkplace, type DemoWorkplace } from '#tests/support/demo-workplace';

/** What zod says in English when nobody words its issues ("Too big: expected string to have <=100 characters"). */
const rawZod = /Too (small|big)|expected|Invalid|characters|must|needs a first/i;

describe('form errors in the interface language', () => {
  let workplace: DemoWorkplace;
  let page: Page;

  beforeAll(async () => {
    workplace = await openDemoWorkplace({ viewport: { width: 1400, height: 900 } });
    page = workplace.page;
    await page.locator('[data-testid=contacts-table] [data-row]').first().waitFor();
  });

  afterAll(() => workplace?.close());

  async function chooseLanguage(name: string, contactsTab: string) {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').click();
    await page.getByRole('option', { name }).click();
    await expect.poll(() => page.getByTestId('nav-contacts').textContent()).toContain(contactsTab);
    await page.getByTestId('nav-contacts').click();
  }

  /** Every error text the contact form shows: under its fields and for the form as a whole. */
  async function errorTexts(): Promise<string[]> {
    const form = page.getByTestId('contact-form');
    return form.locator('.mantine-InputWrapper-error, [role=alert]').allTextContents();
  }

  async function submitInvalidContacts(language: 'uk' | 'ru', texts: { needsName: string; tooLong: string; notEmail: string; positionTooLong: string }) {
    await page.getByTestId('contacts-new').click();
    const form = page.getByTestId('contact-form');
    await form.waitFor();

    // No name at all: the contract's own rule, on the last name.
    await page.getByTestId('contact-save').click();
    await expect.poll(errorTexts).toContain(texts.needsName);

    // Too long, not an e-mail, and a field the form shows no error under: each worded, the last one named.
    await page.getByTestId('contact-lastName').fill('Коваль');
    await page.getByTestId('contact-firstName').fill('я'.repeat(101));
    await page.getByTestId('contact-emails').fill('nope');
    await page.getByTestId('contact-emails').press('Enter');
    await form.getByLabel(language === 'uk' ? 'Посада' : 'Должность', { exact: true }).fill('x'.repeat(201));
    await page.getByTestId('contact-save').click();
    await expect.poll(errorTexts).toEqual(expect.arrayContaining([texts.tooLong, texts.notEmail, texts.positionTooLong]));
    await page.screenshot({ path: artifactPath(`translated-errors-${language}.png`) });

    for (const text of await errorTexts()) expect(text).not.toMatch(rawZod);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  }

  it('words a Ukrainian operator’s mistakes in Ukrainian, saying what to do', async () => {
    await chooseLanguage('Українська', 'Контакти');
    await submitInvalidContacts('uk', {
      needsName: 'Введіть ім’я або прізвище: контакту потрібне хоча б одне з них.',
      tooLong: 'Скоротіть до 100 символів.',
      notEmail: 'Це не адреса електронної пошти: пишіть як name@example.com.',
      positionTooLong: 'Посада: Скоротіть до 200 символів.',
    });
  });

  it('words them in Russian for a Russian interface', async () => {
    await chooseLanguage('Русский', 'Контакты');
    await submitInvalidContacts('ru', {
      needsName: 'Введите имя или фамилию: контакту нужно хотя бы одно из них.',
      tooLong: 'Сократите до 100 символов.',
      notEmail: 'Это не адрес электронной почты: пишите как name@example.com.',
      positionTooLong: 'Должность: Сократите до 200 символов.',
    });
  });
});
