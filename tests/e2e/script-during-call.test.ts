import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptDefinition } from '#contract';
import { artifactPath } from '#tests/support/artifacts';
import { surveyQuestionnaire } from '#tests/support/scripts';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { PageApi, scriptOnLine } from '#tests/support/scripted-call';
import { launchSoftphoneChromium, registeredPeer, SoftphoneWorkplace } from '#tests/support/softphone-workplace';

const at = { x: 0, y: 0 };

/** Three nodes and an objection handler: greeting → offer (opens the questionnaire) → thanks (a sale). */
function threeNodeScript(questionnaireId: string | null): ScriptDefinition {
  return {
    start: 'greet',
    questionnaireId,
    nodes: [
      { id: 'greet', kind: 'step', title: 'Привітання', text: 'Добрий день, {contact.firstName}! Це {operator.name} з відділу продажів.', answers: [{ id: 'talk', label: 'Може говорити', next: 'offer' }, { id: 'busy', label: 'Зайнятий', next: null }], disposition: null, proposeCallback: false, sectionId: null, position: at },
      { id: 'offer', kind: 'step', title: 'Пропозиція', text: 'Для вас, {contact.firstName}, тариф «Бізнес» зі знижкою.', answers: [{ id: 'agree', label: 'Погоджується', next: 'thanks' }], disposition: null, proposeCallback: false, sectionId: 'main', position: at },
      { id: 'thanks', kind: 'end', title: 'Подяка', text: 'Дякуємо, оформлюємо!', answers: [], disposition: { label: 'Продаж', success: true }, proposeCallback: false, sectionId: null, position: at },
      { id: 'pricey', kind: 'objection', title: 'Дорого', text: 'Перший місяць безкоштовно.', answers: [{ id: 'ok', label: 'Приймає', next: null }], disposition: null, proposeCallback: false, sectionId: null, position: at },
    ],
  };
}

const nodeOf = (page: Page) => page.getByTestId('script-runner').getAttribute('data-node-id');

/**
 * The operator's script and questionnaire during a real call (Kamailio, a second sip.js phone in another
 * page), worked from the keyboard, and what stays of them on the client's timeline.
 */
describe('a call script and its questionnaire during a real call', () => {
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

  it('walks the script with digit keys, an objection and Backspace, fills the questionnaire, is held at the wrap-up until a required answer is given, and shows both on the timeline', async () => {
    const workplace = await SoftphoneWorkplace.registered(browser, { wsUrl: kamailio.wsUrl, extension: 'op951', password: 'secret' });
    const api = await PageApi.of(workplace.page);
    const peer = await registeredPeer(browser, '380671112251', kamailio);
    try {
      const { page } = workplace;
      await workplace.addContact('Коваль', 'Марія', '067 111 22 51');
      // Set up through the API: a questionnaire with a conditional required question, the script, both published, the script on the line.
      await scriptOnLine(api, { script: threeNodeScript, questionnaire: surveyQuestionnaire() });
      await expect.poll(() => page.getByTestId('phone-status').getAttribute('data-registration'), { timeout: 10_000 }).toBe('registered');
      await workplace.answerCallFrom(peer, 'op951');
      const runner = page.getByTestId('script-runner');
      await expect.poll(() => nodeOf(page), { timeout: 10_000 }).toBe('greet');
      expect(await page.getByTestId('script-node-text').textContent()).toContain('Добрий день, Марія!');
      // No operator is chosen on this workstation: the gap is marked, not read out.
      expect(await page.getByTestId('script-missing-field').textContent()).toBe('[operator.name]');

      await page.keyboard.press('1');
      await expect.poll(() => nodeOf(page)).toBe('offer');
      // The node opens the questionnaire's section beside it.
      await expect.poll(() => page.getByTestId('questionnaire-section-main').getAttribute('data-active')).toBe('true');

      // An objection from anywhere; its answer (a key like any other) returns to where the conversation was.
      await page.getByTestId('script-objection-pricey').click();
      await expect.poll(() => nodeOf(page)).toBe('pricey');
      expect(await runner.getAttribute('data-node-kind')).toBe('objection');
      await page.getByTestId('script-return').waitFor();
      await page.keyboard.press('1');
      await expect.poll(() => nodeOf(page)).toBe('offer');
      await expect.poll(() => page.getByTestId('script-return').count()).toBe(0);
      // Raised again and left by the Return button, without an answer: it stays on the path all the same.
      await page.getByTestId('script-objection-pricey').click();
      await page.getByTestId('script-return').click();
      await expect.poll(() => nodeOf(page)).toBe('offer');
      await expect.poll(() => page.getByTestId('script-return').count()).toBe(0);

      await page.keyboard.press('1');
      await expect.poll(() => nodeOf(page)).toBe('thanks');
      expect(await page.getByTestId('script-disposition').textContent()).toContain('Продаж');
      await page.keyboard.press('Backspace');
      await expect.poll(() => nodeOf(page)).toBe('offer');
      await page.keyboard.press('1');
      await expect.poll(() => nodeOf(page)).toBe('thanks');
      expect(await page.getByTestId('script-path').textContent()).toBe('Привітання → Може говорити · Пропозиція · Дорого → Приймає · Пропозиція · Дорого · Пропозиція → Погоджується · Подяка');

      // The questionnaire: the conditional question appears only after the answer that shows it.
      const questionnaire = page.getByTestId('questionnaire');
      expect(await page.getByTestId('question-since').count()).toBe(0);
      await questionnaire.getByTestId('answer-client').getByLabel('Yes').check();
      await page.getByTestId('question-since').waitFor();
      await questionnaire.getByTestId('answer-channel').getByLabel('A friend').check();
      // A pattern the text does not match is said at the question, in the author's words.
      await questionnaire.getByTestId('answer-email').fill('maria@');
      await expect.poll(() => page.getByTestId('question-email').textContent()).toContain('name@example.com');
      await questionnaire.getByTestId('answer-email').fill('maria@example.com');
      await expect.poll(() => page.getByTestId('question-email').textContent()).not.toContain('name@example.com');
      await page.screenshot({ path: artifactPath('script-during-call.png') });

      // A window reloaded mid-call finds the script where it was and every answer given.
      await page.reload();
      await page.getByTestId('app-title').waitFor();
      await expect.poll(() => nodeOf(page), { timeout: 10_000 }).toBe('thanks');
      await expect.poll(() => questionnaire.getByTestId('answer-email').inputValue()).toBe('maria@example.com');
      expect(await questionnaire.getByTestId('answer-channel').getByLabel('A friend').isChecked()).toBe(true);
      await page.getByTestId('question-since').waitFor();

      // Hanging up is never held back; the wrap-up is, while a required answer is missing.
      await page.getByTestId('call-hangup').click();
      await expect.poll(() => page.getByTestId('wrap-up-missing').textContent(), { timeout: 10_000 }).toContain('Years with us');
      await page.getByTestId('wrap-up-subject').fill('Продаж тарифу «Бізнес»');
      await page.getByTestId('wrap-up-save').click();
      await page.getByTestId('wrap-up-refused').waitFor();
      const held = page.getByTestId('wrap-up').getByTestId('question-since');
      expect(await held.getAttribute('data-missing')).toBe('true');
      expect(await held.textContent()).toContain('An answer is required');
      await page.screenshot({ path: artifactPath('script-wrap-up-held.png') });
      await held.getByRole('textbox').fill('3');
      await page.getByTestId('wrap-up-save').click();
      await page.getByTestId('wrap-up-subject').waitFor({ state: 'detached', timeout: 10_000 });

      // The client's timeline: the call with the way the script went and the answers.
      await page.getByTestId('nav-calls').click();
      await page.getByTestId('call-row').first().getByRole('button', { name: 'Коваль Марія' }).click();
      await page.getByTestId('contact-card').waitFor();
      await page.getByTestId('timeline-script-toggle').first().click();
      const path = page.getByTestId('timeline-script-path');
      await path.waitFor();
      expect(await path.locator('li').allTextContents()).toEqual(['Привітання → Може говорити', 'Пропозиція', 'Дорого → Приймає', 'Пропозиція', 'Дорого', 'Пропозиція → Погоджується', 'Подяка']);
      expect(await page.getByTestId('timeline-script-answers').locator('li').allTextContents()).toEqual([
        'Already a client?: Yes',
        'Years with us: 3',
        'How did you hear of us?: A friend',
        'E-mail: maria@example.com',
      ]);
      await page.screenshot({ path: artifactPath('script-on-timeline.png') });
      await page.keyboard.press('Escape');

      // The script's results: the path and the objection that led to the sale, the questionnaire's answers, a CSV of them.
      await page.getByTestId('nav-scripts').click();
      await page.getByTestId('script-row').filter({ hasText: 'Продаж тарифу' }).click();
      await page.getByTestId('script-results-tab').click();
      const results = page.getByTestId('script-results');
      await expect.poll(() => results.getByTestId('results-paths').locator('tbody tr').allTextContents(), { timeout: 10_000 }).toEqual(['#1 Привітання → Пропозиція → Подяка11100%']);
      expect(await results.getByTestId('results-objections').locator('tbody tr').allTextContents()).toEqual(['Дорого11100%']);
      expect(await results.getByTestId('results-question-channel').textContent()).toContain('How did you hear of us?');
      await page.screenshot({ path: artifactPath('script-results.png'), fullPage: true });
      const [download] = await Promise.all([page.waitForEvent('download'), results.getByTestId('results-export-csv').click()]);
      const csv = readFileSync((await download.path()) ?? '', 'utf8');
      expect(csv).toContain('Привітання → Пропозиція → Подяка');
      expect(csv).toContain('Дорого');
    } finally {
      await api.close();
      await peer.close();
      await workplace.close();
    }
  });
});
