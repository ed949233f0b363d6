import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { tempDirOutsideTest } from '#tests/support/temp-dir';

describe('the script editor and questionnaire builder in a real browser, against the real core', () => {
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;
  let dataDir: { path: string; remove(): void };
  /** A demo client who works at a company, for the preview. */
  let sample: { name: string; company: string };

  beforeAll(async () => {
    dataDir = tempDirOutsideTest();
    host = await startBrowserHost(['--demo', '--demo-size', '200', '--demo-language', 'en', '--data-dir', dataDir.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', acceptDownloads: true });
    await page.goto(host.url);
    await page.locator('[data-testid=contacts-table] [data-row]').first().waitFor();
    const rows = await page.locator('[data-testid=contacts-table] [data-row]').evaluateAll((cells) =>
      cells.map((row) => ({ name: row.querySelector('[data-column=name]')?.textContent ?? '', company: row.querySelector('[data-column=company]')?.textContent ?? '' })),
    );
    sample = rows.find((row) => row.company !== '—' && row.name.includes(' '))!;
    await page.getByTestId('nav-scripts').click();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir?.remove();
  });

  const node = (id: string) => page.getByTestId(`script-node-${id}`);
  const panel = () => page.getByTestId('node-panel');

  /** Clicks a card by its title text: a click on a handle would start a connection instead. */
  async function select(id: string) {
    await node(id).locator('p').first().click();
    await panel().waitFor();
  }

  async function pick(select: Locator, option: string) {
    await select.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Drags from one handle to another with the mouse, as an operator connects an answer to a node. */
  async function drag(from: Locator, to: Locator) {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('handle not on screen');
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
  }

  async function addAnswer(label: string) {
    await panel().getByTestId('answer-add').click();
    await panel().getByTestId('answer-label').last().fill(label);
  }

  it('builds a three-node script with an objection handler, connecting answers by dragging and through the side panel', async () => {
    await page.getByTestId('script-new').click();
    await page.getByTestId('script-create-name').fill('Heating offer');
    await page.getByTestId('script-create-save').click();
    await node('n1').waitFor();

    // The start: a greeting with a merge field from the picker, and two answers.
    await select('n1');
    await panel().getByTestId('node-text').fill('Good morning, ');
    await panel().getByTestId('merge-field-picker').click();
    await page.getByTestId('merge-field-contact.firstName').click();
    await expect.poll(() => panel().getByTestId('node-text').inputValue()).toBe('Good morning, {contact.firstName}');
    await addAnswer('Interested');
    await addAnswer('Not now');

    await page.getByTestId('add-step').click();
    await panel().getByTestId('node-title').fill('Offer');
    await panel().getByTestId('node-text').fill('We install heat pumps for {company.name}.');
    await addAnswer('Agreed');

    await page.getByTestId('add-end').click();
    await panel().getByTestId('node-title').fill('Meeting booked');
    await panel().getByTestId('node-disposition').check();
    await panel().getByLabel('Success').check();

    await page.getByTestId('add-objection').click();
    await panel().getByTestId('node-title').fill('Too expensive');
    await panel().getByTestId('node-text').fill('It pays for itself in three winters.');
    await addAnswer('Understood');

    await page.getByTestId('add-step').click();
    await panel().getByTestId('node-title').fill('Forgotten step');

    // Greeting → Offer by dragging from the answer's handle to the card; the rest through "Leads to".
    await drag(page.getByTestId('script-node-n1-answer-a1'), page.getByTestId('script-node-n2-in'));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await select('n1');
    await pick(panel().getByTestId('answer-next').nth(1), 'Meeting booked');
    await select('n2');
    await pick(panel().getByTestId('answer-next').first(), 'Meeting booked');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);

    await page.getByTestId('script-save').click();
    await expect.poll(() => page.getByTestId('script-save').isDisabled()).toBe(true);
    // The forgotten step is reported on its card and in the list; a click in the list selects it.
    await expect.poll(() => node('n5').getByTestId('script-node-n5-problem').evaluateAll((badges) => badges.map((b) => b.getAttribute('data-problem')))).toContain('unreachable');
    const unreachable = page.locator('[data-testid=script-problem][data-problem=unreachable]');
    expect(await unreachable.getAttribute('data-node')).toBe('n5');
    await unreachable.click();
    await expect.poll(() => panel().getByTestId('node-title').inputValue()).toBe('Forgotten step');
    await page.screenshot({ path: artifactPath('script-editor.png') });
  });

  it('publishes with warnings only, keeps positions dragged on the canvas, and deletes cards with the Delete key but never the start', async () => {
    await page.getByTestId('script-publish').click();
    await expect.poll(() => page.getByTestId('script-versions').textContent()).toBe('Version 1');

    const before = await node('n5').boundingBox();
    if (!before) throw new Error('node not on screen');
    await page.mouse.move(before.x + 40, before.y + 12);
    await page.mouse.down();
    await page.mouse.move(before.x + 40, before.y + 150, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('script-save').isEnabled()).toBe(true);
    await page.getByTestId('script-save').click();
    await expect.poll(() => page.getByTestId('script-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('script-state').textContent()).toBe('Unpublished changes');

    await page.reload();
    await node('n5').waitFor();
    const edges = await page.locator('.react-flow__edge').count();
    expect(edges).toBe(3);
    // Below the others after the reload: the drop was saved.
    const n5 = await node('n5').boundingBox();
    const n4 = await node('n4').boundingBox();
    expect(n5 && n4 && n5.y > n4.y + 20).toBe(true);

    // The Delete key removes a selected card, but never the start.
    await page.getByTestId('add-step').click();
    await select('n6');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    await page.getByTestId('script-save').click();
    await expect.poll(() => page.getByTestId('script-save').isDisabled()).toBe(true);
    await select('n1');
    await page.keyboard.press('Delete');
    await select('n4');
    expect(await page.locator('.react-flow__node').count()).toBe(5);
    expect(await page.locator('.react-flow__edge').count()).toBe(3);
    expect(await page.getByTestId('script-save').isDisabled()).toBe(true);
  });

  it('previews the script with a sample contact, and marks the merge fields left empty without one', async () => {
    await page.getByTestId('script-preview-tab').click();
    await expect.poll(() => page.getByTestId('preview-text').textContent()).toBe('Good morning, [contact.firstName]');
    await page.getByTestId('preview-answer').first().click();
    await expect.poll(() => page.getByTestId('preview-missing').textContent()).toBe('[company.name]');

    await page.getByTestId('preview-contact').fill(sample.name);
    await page.getByRole('option', { name: sample.name }).first().click();
    await expect.poll(() => page.getByTestId('preview-text').textContent()).toBe(`We install heat pumps for ${sample.company}.`);
    expect(await page.getByTestId('preview-missing').count()).toBe(0);
    await page.getByTestId('preview-restart').click();
    const greeted = async () => ((await page.getByTestId('preview-text').textContent()) ?? '').replace('Good morning, ', '');
    await expect.poll(async () => sample.name.split(' ').includes(await greeted())).toBe(true);
    await page.getByTestId('script-back').click();
  });

  it('builds a questionnaire with a conditional question and publishes it', async () => {
    await page.getByTestId('questionnaire-new').click();
    await page.getByTestId('script-create-name').fill('Heating survey');
    await page.getByTestId('script-create-save').click();
    await page.getByTestId('section-s1').waitFor();

    await page.getByTestId('question-add').click();
    await page.getByTestId('question-add-single').click();
    const first = page.getByTestId('question-q1');
    await first.getByTestId('question-label').fill('How do you heat your home?');
    await first.getByTestId('question-add-option').click();
    await first.getByTestId('question-add-option').click();
    await first.getByTestId('question-option').nth(0).fill('Gas');
    await first.getByTestId('question-option').nth(1).fill('Electricity');

    await page.getByTestId('question-add').click();
    await page.getByTestId('question-add-number').click();
    const second = page.getByTestId('question-q2');
    await second.getByTestId('question-label').fill('Monthly gas bill');
    await second.getByTestId('question-required').check();
    await second.getByTestId('question-min').fill('0');
    await pick(second.getByTestId('question-show-if'), 'How do you heat your home?');
    await expect.poll(() => second.getByTestId('question-show-if-value').inputValue()).toBe('Gas');

    await page.getByTestId('question-add').click();
    await page.getByTestId('question-add-text').click();
    const third = page.getByTestId('question-q3');
    await third.getByTestId('question-label').fill('E-mail for the offer');
    await third.getByTestId('question-pattern').fill('^\\S+@\\S+$');
    await third.getByTestId('question-pattern-message').fill('An e-mail looks like name@example.com');
    await pick(third.getByTestId('question-maps-to'), 'Contact’s e-mail');

    await page.getByTestId('script-publish').click();
    await expect.poll(() => page.getByTestId('script-versions').textContent()).toBe('Version 1');
    await page.screenshot({ path: artifactPath('questionnaire-builder.png') });

    await page.reload();
    await page.getByTestId('question-q2').waitFor();
    await expect.poll(() => page.getByTestId('question-q2').getByTestId('question-show-if').inputValue()).toBe('How do you heat your home?');
    await page.getByTestId('script-back').click();
  });

  it('exports a script as JSON and imports it back; a broken file is refused with each problem’s path', async () => {
    const row = page.getByTestId('script-row').filter({ hasText: 'Heating offer' });
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('script-export').click()]);
    const file = join(dataDir.path, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { script: { nodes: { title: string; answers: unknown[] }[] } };
    expect(exported.script.nodes.map((n) => n.title)).toEqual(['Greeting', 'Offer', 'Meeting booked', 'Too expensive', 'Forgotten step']);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('script-import').click()]);
    await chooser.setFiles(file);
    await node('n5').waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBe(3);
    await page.getByTestId('script-back').click();
    await expect.poll(() => page.getByTestId('script-row').filter({ hasText: 'Heating offer' }).count()).toBe(2);

    const broken = join(dataDir.path, 'broken.json');
    exported.script.nodes[1]!.title = '';
    exported.script.nodes[2]!.answers = 'none' as never;
    writeFileSync(broken, JSON.stringify(exported));
    const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('script-import').click()]);
    await again.setFiles(broken);
    const problems = page.getByTestId('import-problem');
    await problems.first().waitFor();
    expect(await problems.evaluateAll((items) => items.map((i) => i.getAttribute('data-path')))).toEqual(['script.nodes.1.title', 'script.nodes.2.answers']);
    await page.screenshot({ path: artifactPath('script-import-refused.png') });
  });
});
