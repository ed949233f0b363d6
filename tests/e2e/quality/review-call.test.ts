import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '#core/app/workstation';
import { openDemoWorkplace, type DemoWorkplace } from '#tests/support/demo-workplace';
import { PageApi } from '#tests/support/scripted-call';

const supervisor = { id: 'em-e2e-qa-super', name: 'Qa Supervisor' };
const operator = { id: 'em-e2e-qa-oper', name: 'Qa Operator' };
const callId = 'e2e-qa-call';

/** An answered, recorded call of the operator's, stored as the phone stores one, with its recording file. */
function seed(dataDir: string): void {
  const db = new Database(join(dataDir, databaseFileName));
  db.pragma('busy_timeout = 10000');
  const startedAt = Date.now() - 3_600_000;
  db.transaction(() => {
    for (const e of [supervisor, operator]) db.prepare('INSERT INTO employees (id, name, created_at) VALUES (?, ?, ?)').run(e.id, e.name, startedAt);
    db.prepare("INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, created_at) VALUES (?, 'call', 'in', ?, ?, ?)").run(callId, startedAt, operator.id, startedAt);
    db.prepare(
      `INSERT INTO calls (interaction_id, direction, remote_number, remote_key, started_at, answered_at, ended_at, disposition, recording_file, employee_id, talk_seconds)
       VALUES (?, 'in', '+380509990001', '+380509990001', ?, ?, ?, 'answered', ?, ?, 95)`,
    ).run(callId, startedAt, startedAt + 5_000, startedAt + 100_000, `recordings/${callId}.webm`, operator.id);
  })();
  db.close();
  mkdirSync(join(dataDir, 'recordings'), { recursive: true });
  // Enough of a WebM header for the file to be served; the page only has to offer it for playing.
  writeFileSync(join(dataDir, 'recordings', `${callId}.webm`), Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]));
}

async function becomes(page: Page, employeeId: string): Promise<void> {
  const api = await PageApi.of(page);
  await api.call('settings.update', { currentEmployeeId: employeeId, language: 'en' });
  await api.close();
  await page.reload();
  await page.getByTestId('app-title').waitFor();
}

describe('a supervisor reviews a call, the operator reads the review', () => {
  let workplace: DemoWorkplace;
  let page: Page;

  beforeAll(async () => {
    workplace = await openDemoWorkplace({ viewport: { width: 1500, height: 1000 }, prepare: (_host, dataDir) => seed(dataDir) });
    page = workplace.page;
    await page.getByTestId('app-title').waitFor();
    await becomes(page, supervisor.id);
  });

  afterAll(async () => {
    await workplace?.close();
  });

  it('defines a scorecard of weighted criteria in Settings', async () => {
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('settings-scorecards');
    // The demo brings a scorecard of its own; the new one's editor is the one that cannot be deleted yet.
    await section.getByTestId('scorecard-new').click();
    const editor = section.getByTestId('scorecard-editor').filter({ hasNot: page.getByTestId('scorecard-delete') });
    await editor.getByTestId('scorecard-name').fill('E2E calls');
    await editor.getByTestId('scorecard-add-criterion').click();
    const criteria = editor.getByTestId('scorecard-criterion');
    await criteria.nth(0).getByTestId('scorecard-criterion-label').fill('Greeting');
    await criteria.nth(1).getByTestId('scorecard-criterion-label').fill('Solved the problem');
    await criteria.nth(1).getByTestId('scorecard-criterion-weight').fill('3');
    await criteria.nth(1).getByTestId('scorecard-criterion-max').fill('4');
    await editor.getByTestId('scorecard-save').click();
    // Saved, it is listed as a scorecard of its own (the "new" editor closes).
    await expect.poll(() => section.getByTestId('scorecard-new').count()).toBe(1);
    const names = await Promise.all((await section.getByTestId('scorecard-name').all()).map((input) => input.inputValue()));
    expect(names).toContain('E2E calls');
  });

  it('opens the call from the history with its recording, scores it and sees the score', async () => {
    await page.getByTestId('nav-calls').click();
    await page.getByTestId('call-row').filter({ hasText: '+380509990001' }).click();
    await page.waitForURL(new RegExp(`#/calls/${callId}$`));
    await page.getByTestId('call-page').waitFor();
    expect(await page.getByTestId('call-facts').textContent()).toContain(operator.name);
    const recording = page.getByTestId('call-recording');
    await recording.getByRole('button').first().click();
    await recording.getByTestId('recording-audio').first().waitFor({ state: 'attached' });

    const form = page.getByTestId('review-form');
    await form.getByTestId('review-scorecard').click();
    await page.getByRole('option', { name: 'E2E calls', exact: true }).click();
    const criteria = form.getByTestId('review-criterion');
    await criteria.nth(0).getByText('Yes', { exact: true }).click();
    await criteria.nth(1).getByText('2', { exact: true }).click();
    // (1·1/1 + 3·2/4) / (1 + 3) · 100 = 62.5
    expect(await form.getByTestId('review-live-score').textContent()).toBe('Score: 62.5');
    await form.getByTestId('review-comment').fill('Offer the callback earlier');
    await form.getByTestId('review-save').click();
    const card = page.getByTestId('call-reviews').getByTestId('review-card');
    await card.waitFor();
    expect(await card.getByTestId('review-score').textContent()).toBe('62.5');
    expect(await card.textContent()).toContain('Offer the callback earlier');
  });

  it('the operator sees the new review with the comment, and reading it clears the notice', async () => {
    await becomes(page, operator.id);
    await page.getByTestId('nav-calls').click();
    await page.getByTestId('my-reviews-notice').waitFor();
    expect(await page.getByTestId('my-reviews-badge').textContent()).toBe('1');
    await page.getByTestId('my-reviews-tab').click();
    const review = page.getByTestId('my-review');
    expect(await review.getAttribute('data-seen')).toBe('false');
    await review.getByRole('button').first().click();
    await expect.poll(() => review.getAttribute('data-seen')).toBe('true');
    expect(await review.textContent()).toContain('Offer the callback earlier');
    expect(await page.getByTestId('my-reviews-badge').count()).toBe(0);
  });
});
