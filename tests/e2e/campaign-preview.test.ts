import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { launchSoftphoneChromium, registeredPeer, SoftphoneWorkplace } from '#tests/support/softphone-workplace';

/**
 * The browser host runs on the real clock, and the calling rules allow a survey call only inside the callee's
 * local window. So the customers live where that window is open now: the first of these places (numbers read
 * "by the number", each with its country's profile) whose survey hours hold for the next quarter of an hour.
 * Russia's weekend hours (10:00–20:00) sit inside its weekday ones, so they hold on any day; the US profile's
 * are the same every day. Between them the four zones cover every hour of the day.
 */
const places = [
  { zone: 'Europe/Moscow', numbers: ['+7 495 123-45-67', '+7 495 123-45-68'], hours: [10, 20] },
  { zone: 'Asia/Yekaterinburg', numbers: ['+7 343 210-45-67', '+7 343 210-45-68'], hours: [10, 20] },
  { zone: 'America/New_York', numbers: ['+1 212 736 4567', '+1 212 736 4568'], hours: [8, 21] },
  { zone: 'Pacific/Honolulu', numbers: ['+1 808 956 4567', '+1 808 956 4568'], hours: [8, 21] },
] as const;

const margin = 15 * 60_000;

/** More people on the list, in the same place as the customers, so the board and the README's screenshots show work left to do. */
const morePeople = [
  ['Бондаренко', 'Ірина'],
  ['Ткаченко', 'Андрій'],
  ['Кравчук', 'Наталія'],
  ['Мороз', 'Віктор'],
] as const;

function minuteOfDay(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return part('hour') * 60 + part('minute');
}

function placeOpenNow(now: number) {
  const open = places.find(({ zone, hours: [from, to] }) => minuteOfDay(zone, now) >= from * 60 && minuteOfDay(zone, now + margin) < to * 60 && minuteOfDay(zone, now + margin) > minuteOfDay(zone, now));
  if (!open) throw new Error(`No customer place has its survey hours open at ${new Date(now).toISOString()}: the list of places must cover every hour`);
  return open;
}

/** Picks an option of a Mantine Select or MultiSelect by its text. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * A supervisor sets up a preview campaign in the window and starts it; the operator at the same workstation
 * works it: the card, Dial, a real call through Kamailio answered by a sip.js customer in another page, the
 * hang-up in the phone bar, the disposition on its hotkey, and the next card.
 */
describe('a preview campaign worked end to end in the window', () => {
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

  it('creates the campaign with two dispositions, adds six contacts, starts it; the operator dials the card, talks, hangs up, disposes with a key and gets the next card', async () => {
    const place = placeOpenNow(Date.now());
    const workplace = await SoftphoneWorkplace.registered(browser, { wsUrl: kamailio.wsUrl, extension: 'op961', password: 'secret' });
    const peers: { close(): Promise<void> }[] = [];
    try {
      const { page } = workplace;
      await page.getByTestId('who-works-here-name').fill('Оксана Мельник');
      await page.getByTestId('who-works-here-add').click();
      await page.getByTestId('who-works-here').waitFor({ state: 'detached' });
      await workplace.addContact('Коваль', 'Марія', place.numbers[0]);
      await workplace.addContact('Шевченко', 'Олег', place.numbers[1]);
      const moreNumbers = morePeople.map((_, i) => `${place.numbers[0].slice(0, -2)}7${i}`);
      for (const [i, [lastName, firstName]] of morePeople.entries()) await workplace.addContact(lastName, firstName, moreNumbers[i]!);
      const everyNumber = [...place.numbers, ...moreNumbers].map((n) => n.replace(/[\s-]/g, ''));

      // The supervisor's editor: a survey in preview mode, the callee's number choosing the rules, two dispositions.
      await page.getByTestId('nav-campaigns').click();
      await page.getByTestId('campaign-new').click();
      await page.getByTestId('campaign-name').fill('Опитування клієнтів');
      await page.getByTestId('campaign-goal').fill('Дізнатися, чи задоволені клієнти тарифом «Домашній 100» після переходу на оптику');
      await choose(page, 'campaign-purpose', 'Survey');
      await choose(page, 'campaign-operators', 'Оксана Мельник');
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('campaign-profile').inputValue()).toBe('By the callee’s number');
      // Beside the fields, what each country's profile allows (dialing by number: every profile, those agreeing named together).
      const limits = page.getByTestId('rule-limit');
      await limits.filter({ hasText: /(UA|RU|UK|US)(, (UA|RU|UK|US))*: at most 3 %/ }).first().waitFor({ timeout: 10_000 });
      await limits.filter({ hasText: /US(, (UA|RU|UK))*: at least 15 s/ }).first().waitFor();
      await page.getByTestId('disposition-add').click();
      await page.getByTestId('disposition-add').click();
      const rows = page.getByTestId('disposition-row');
      await rows.nth(0).getByTestId('disposition-label').fill('Опитано');
      await rows.nth(0).getByTestId('disposition-success').check();
      await rows.nth(0).getByTestId('disposition-hotkey').fill('1');
      await rows.nth(1).getByTestId('disposition-label').fill('Відмовився');
      await rows.nth(1).getByTestId('disposition-hotkey').fill('2');
      await page.getByTestId('campaign-profile').evaluate((field) => field.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: artifactPath('campaign-editor.png') });
      // A rule looser than the law is refused on its field, with the profile's limit.
      await page.getByTestId('rule-abandonRate').fill('5');
      await page.getByTestId('campaign-save').click();
      const refusal = page.getByText(/Looser than the law allows \((UA|RU|UK|US): 0\.03\)/);
      await refusal.waitFor({ timeout: 10_000 });
      await page.screenshot({ path: artifactPath('campaign-editor-refusal.png'), fullPage: true });
      await page.getByTestId('rule-abandonRate').fill('2');
      await page.getByTestId('campaign-save').click();
      await expect.poll(() => page.getByTestId('campaign-title').textContent(), { timeout: 10_000 }).toBe('Опитування клієнтів');
      expect(await page.getByTestId('campaign-state').getAttribute('data-state')).toBe('draft');

      // Its people: the contacts, picked by name.
      await page.getByTestId('campaign-tab-audience').click();
      for (const name of ['Коваль', 'Шевченко', ...morePeople.map(([lastName]) => lastName)]) {
        await page.getByTestId('audience-contact').fill(name);
        await page.getByRole('option', { name: new RegExp(name) }).click();
      }
      await page.getByTestId('audience-add-contacts').click();
      await expect.poll(() => page.getByTestId('audience-added').textContent(), { timeout: 10_000 }).toContain('Added: 6;');
      await expect.poll(() => page.getByTestId('audience-total').textContent()).toBe('6');
      await page.screenshot({ path: artifactPath('campaign-audience.png'), fullPage: true });

      await page.getByTestId('campaign-start').click();
      await expect.poll(() => page.getByTestId('campaign-state').getAttribute('data-state')).toBe('running');

      // The operator: Work opens the workspace with the first card.
      await page.getByTestId('campaign-work').click();
      const state = page.getByTestId('session-state');
      await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('previewing');
      const card = page.getByTestId('session-card');
      const firstEntry = await card.getAttribute('data-entry');
      const phone = (await page.getByTestId('session-card-phone').textContent()) ?? '';
      expect(everyNumber).toContain(phone);
      // The customer's own clock, as the rules read it.
      expect(await page.getByTestId('session-card-local-time').textContent()).toMatch(/\d\d:\d\d/);
      await page.screenshot({ path: artifactPath('campaign-preview-card.png') });

      // The customer's phone, registered under the number on the card; the operator dials and the customer answers.
      const customer = await registeredPeer(browser, phone, kamailio);
      peers.push(customer);
      await page.getByTestId('session-dial').click();
      await expect.poll(() => customer.sessionState(), { timeout: 15_000 }).toBe('Initial');
      await customer.page.evaluate('window.peer.answer()');
      await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('on_call');
      await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('active');
      await expect.poll(() => customer.sessionState(), { timeout: 10_000 }).toBe('Established');

      // Hung up in the phone bar; the campaign's wrap-up takes the place of the phone's own.
      await page.getByTestId('call-hangup').click();
      await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('wrap_up');
      await page.getByTestId('session-wrap-up').waitFor();
      await expect.poll(() => page.getByTestId('wrap-up-subject').count()).toBe(0);
      expect(await page.getByTestId('disposition-button').allTextContents()).toEqual(['1Опитано', '2Відмовився']);
      await page.screenshot({ path: artifactPath('campaign-wrap-up.png') });

      // The disposition on its key, and the next card.
      await page.keyboard.press('1');
      await expect.poll(() => card.getAttribute('data-entry'), { timeout: 10_000 }).not.toBe(firstEntry);
      expect(await state.getAttribute('data-state')).toBe('previewing');
      expect(await page.getByTestId('session-card-phone').textContent()).not.toBe(phone);

      // The supervisor's board counts the call and its success.
      await page.getByTestId('workspace-back').click();
      await page.getByTestId('campaign-row').click();
      await page.getByTestId('campaign-tab-board').click();
      await expect.poll(() => page.getByTestId('board-dialed').getByTestId('board-figure').textContent(), { timeout: 10_000 }).toBe('1');
      expect(await page.getByTestId('board-successful').getByTestId('board-figure').textContent()).toBe('1');
      expect(await page.getByTestId('board-operator').getByTestId('operator-state').getAttribute('data-state')).toBe('previewing');
      await page.screenshot({ path: artifactPath('campaign-board.png'), fullPage: true });
    } finally {
      for (const peer of peers) await peer.close();
      await workplace.close();
    }
  });
});
