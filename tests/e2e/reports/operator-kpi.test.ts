import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '#core/app/workstation';
import { artifactPath } from '#tests/support/artifacts';
import { openDemoWorkplace, type DemoWorkplace } from '#tests/support/demo-workplace';
import { PageApi } from '#tests/support/scripted-call';

/** Two operators of a team of their own, with calls last month whose figures are counted here by hand. */
const team = { id: 'tm-e2e-reports', name: 'Reports e2e team' };
const olena = { id: 'em-e2e-olena', name: 'Aaa Olena Reportova' };
const petro = { id: 'em-e2e-petro', name: 'Aab Petro Reportov' };

interface SeedCall {
  id: string;
  employeeId: string;
  direction: 'in' | 'out';
  disposition: 'answered' | 'missed' | 'no_answer';
  talkSeconds: number;
  number: string;
  recorded?: boolean;
}

const seeded: SeedCall[] = [
  { id: 'e2e-call-1', employeeId: olena.id, direction: 'in', disposition: 'answered', talkSeconds: 60, number: '+380501110001' },
  { id: 'e2e-call-2', employeeId: olena.id, direction: 'in', disposition: 'answered', talkSeconds: 120, number: '+380501110002' },
  { id: 'e2e-call-3', employeeId: olena.id, direction: 'in', disposition: 'answered', talkSeconds: 180, number: '+380501110003', recorded: true },
  { id: 'e2e-call-4', employeeId: olena.id, direction: 'in', disposition: 'missed', talkSeconds: 0, number: '+380501110004' },
  { id: 'e2e-call-5', employeeId: olena.id, direction: 'out', disposition: 'answered', talkSeconds: 30, number: '+380501110005' },
  { id: 'e2e-call-6', employeeId: olena.id, direction: 'out', disposition: 'answered', talkSeconds: 90, number: '+380501110006' },
  { id: 'e2e-call-7', employeeId: petro.id, direction: 'in', disposition: 'answered', talkSeconds: 45, number: '+380501110007' },
  { id: 'e2e-call-8', employeeId: petro.id, direction: 'out', disposition: 'no_answer', talkSeconds: 0, number: '+380501110008' },
  { id: 'e2e-call-9', employeeId: petro.id, direction: 'out', disposition: 'no_answer', talkSeconds: 0, number: '+380501110009' },
  // Enough unanswered calls out for Petro that the list behind his figure comes in more than one page (50 a page).
  ...Array.from({ length: 60 }, (_, i): SeedCall => ({ id: `e2e-call-out-${i}`, employeeId: petro.id, direction: 'out', disposition: 'no_answer', talkSeconds: 0, number: `+38050222${String(i).padStart(4, '0')}` })),
];

/** Noon on the 15th of last month, on this machine's clock (the workstation's zone): inside "last month" wherever it is. */
function lastMonthNoon(hourOffset: number): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth() - 1, 15, 12 + hourOffset).getTime();
}

/** Stores the calls as the phone stores them (interaction + telephony facts); one recording file beside them. */
function seed(dataDir: string): void {
  const db = new Database(join(dataDir, databaseFileName));
  db.pragma('busy_timeout = 10000');
  const t0 = lastMonthNoon(-1);
  db.transaction(() => {
    db.prepare('INSERT INTO teams (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(team.id, team.name, t0, t0);
    for (const e of [olena, petro]) db.prepare('INSERT INTO employees (id, name, team_id, created_at) VALUES (?, ?, ?, ?)').run(e.id, e.name, team.id, t0);
    seeded.forEach((c, i) => {
      const startedAt = lastMonthNoon(0) + i * 60_000;
      const answeredAt = c.disposition === 'answered' ? startedAt + 5_000 : null;
      const endedAt = (answeredAt ?? startedAt + 20_000) + c.talkSeconds * 1000;
      db.prepare("INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, created_at) VALUES (?, 'call', ?, ?, ?, ?)").run(c.id, c.direction, startedAt, c.employeeId, startedAt);
      db.prepare(
        `INSERT INTO calls (interaction_id, direction, remote_number, remote_key, started_at, answered_at, ended_at, disposition, recording_file, employee_id, talk_seconds, hold_seconds, wrap_up_seconds)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      ).run(c.id, c.direction, c.number, c.number, startedAt, answeredAt, endedAt, c.disposition, c.recorded ? `recordings/${c.id}.webm` : null, c.employeeId, answeredAt ? c.talkSeconds : 0, answeredAt ? 10 : null);
    });
  })();
  db.close();
  mkdirSync(join(dataDir, 'recordings'), { recursive: true });
  // Enough of a WebM header for the file to be served; the page only has to offer it for playing.
  writeFileSync(join(dataDir, 'recordings', 'e2e-call-3.webm'), Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]));
}

async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the operator KPI report, through the real UI', () => {
  let workplace: DemoWorkplace;
  let page: Page;

  beforeAll(async () => {
    workplace = await openDemoWorkplace({ viewport: { width: 1500, height: 1000 }, prepare: (_host, dataDir) => seed(dataDir) });
    page = workplace.page;
    await page.getByTestId('app-title').waitFor();
    const api = await PageApi.of(page);
    await api.call('settings.update', { currentEmployeeId: olena.id });
    await api.close();
    await page.reload();
    await page.getByTestId('nav-reports').click();
    await pick(page, page.getByTestId('report-kind'), 'Operator KPIs');
    await pick(page, page.getByTestId('report-period'), 'Last month');
    const operators = page.getByTestId('report-operators');
    for (const who of [olena, petro]) {
      await operators.click();
      await page.getByRole('option', { name: who.name }).click();
    }
    await page.keyboard.press('Escape');
    await page.getByTestId(`report-cell-${petro.id}-calls_out`).waitFor();
  });

  afterAll(async () => {
    await workplace?.close();
  });

  it('shows the seeded figures per operator and in total', async () => {
    const cell = (row: string, column: string) => page.getByTestId(`report-cell-${row}-${column}`).textContent();
    expect([await cell(olena.id, 'calls_in'), await cell(olena.id, 'calls_out'), await cell(olena.id, 'answered'), await cell(olena.id, 'missed')]).toEqual(['4', '2', '5', '1']);
    expect([await cell(petro.id, 'calls_in'), await cell(petro.id, 'calls_out'), await cell(petro.id, 'answered'), await cell(petro.id, 'missed')]).toEqual(['1', '62', '1', '0']);
    // 60 + 120 + 180 + 30 + 90 seconds of talk.
    expect(await cell(olena.id, 'talk_seconds')).toBe('0:08:00');
    expect(await page.getByTestId('report-total-calls_in').textContent()).toBe('5');
    expect(await page.getByTestId('report-total-answered').textContent()).toBe('6');
    await page.screenshot({ path: artifactPath('reports-operator-kpi.png'), fullPage: true });
  });

  it('a bar opens the calls behind it, and a call opens with its recording', async () => {
    const rows = await page.getByTestId('report-row').locator('td:first-child').allTextContents();
    const index = rows.indexOf(olena.name);
    expect(index).toBeGreaterThanOrEqual(0);
    // The first series is "Calls in"; its bar for Olena's row.
    const bar = page.getByTestId('report-chart').locator('.recharts-bar-rectangles').first().locator('.recharts-bar-rectangle').nth(index);
    await bar.locator('path').click();
    const drawer = page.getByTestId('drill-drawer');
    await expect.poll(() => drawer.getByTestId('drill-row').count()).toBe(4);
    expect(await drawer.getByTestId('drill-count').textContent()).toBe('4 records');
    const recorded = drawer.getByTestId('drill-row').filter({ has: page.getByTestId('drill-recording') });
    expect(await recorded.count()).toBe(1);
    expect(await recorded.textContent()).toContain('+380501110003');
    expect(await recorded.textContent()).toContain('0:03:00');
    await page.screenshot({ path: artifactPath('reports-drill-drawer.png') });
    await recorded.click();
    await page.waitForURL(/#\/calls\/e2e-call-3$/);
    await page.getByTestId('call-page').waitFor();
    // The recording is offered for playing, and its file comes from main on request.
    const recording = page.getByTestId('call-recording');
    await recording.getByRole('button').first().click();
    await recording.getByTestId('recording-audio').first().waitFor({ state: 'attached' });
  });

  it('a cell opens its records a page at a time as the list scrolls', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId(`report-cell-${petro.id}-calls_out`).getByRole('button').click();
    const drawer = page.getByTestId('drill-drawer');
    await expect.poll(() => drawer.getByTestId('drill-count').textContent()).toBe('First 50 records, more as you scroll');
    // Newest first: the last seeded call out heads the list.
    expect(await drawer.getByTestId('drill-row').first().textContent()).toContain('+380502220059');
    await drawer.getByTestId('drill-row').last().scrollIntoViewIfNeeded();
    await drawer.getByTestId('drill-row').last().hover();
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => drawer.getByTestId('drill-count').textContent()).toBe('62 records');
    await expect.poll(() => drawer.getByTestId('drill-row').last().textContent()).toContain('+380501110008');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('exports the table as CSV with the figures', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId(`report-cell-${petro.id}-calls_out`).waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export-csv').click();
    const path = await (await download).path();
    // The separator follows the locale (a semicolon where the comma is the decimal mark): read either.
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.replace(/"/g, '').split(/[;,]/));
    expect(lines[0]).toContain('Calls in');
    expect(lines.find((cells) => cells[0] === olena.name)?.slice(0, 6)).toEqual([olena.name, '4', '2', '5', '1', '480']);
    expect(lines.find((cells) => cells[0] === petro.name)?.slice(0, 5)).toEqual([petro.name, '1', '62', '1', '0']);
    expect(lines.some((cells) => cells[0] === 'Total')).toBe(true);
  });

  it('prints the title, period, filters, chart and table only', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const printed = page.locator('.reports-print-only');
      expect(await printed.isVisible()).toBe(true);
      expect(await printed.textContent()).toContain('Operator KPIs — Operator');
      expect(await printed.textContent()).toContain(`${olena.name} · ${petro.name}`);
      expect(await page.getByTestId('report-table').isVisible()).toBe(true);
      expect(await page.getByTestId('report-chart').isVisible()).toBe(true);
      for (const hidden of ['nav-reports', 'report-kind', 'report-print', 'report-run']) expect(await page.getByTestId(hidden).isVisible(), hidden).toBe(false);
      await page.screenshot({ path: artifactPath('reports-print-layout.png'), fullPage: true });
      // Saved as PDF, the report's pages are landscape: its twenty columns fit across.
      const pdf = (await page.pdf({ path: artifactPath('reports-operator-kpi.pdf'), preferCSSPageSize: true })).toString('latin1');
      const [, width = '0', height = '0'] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf) ?? [];
      expect(Number(width)).toBeGreaterThan(Number(height));
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('a cancelled run shows no result, and the next run works', async () => {
    // Run and cancel in one go, before any answer can come back.
    await page.evaluate(async () => {
      const button = (testId: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
      button('report-run')?.click();
      // React renders the click's update in a microtask; the answer needs a round trip to main's worker.
      for (let i = 0; i < 100 && !button('report-cancel'); i++) await Promise.resolve();
      if (!button('report-cancel')) await new Promise((resolve) => setTimeout(resolve, 0));
      button('report-cancel')?.click();
    });
    await page.getByTestId('report-cancelled').waitFor();
    expect(await page.getByTestId('report-table').count()).toBe(0);
    expect(await page.getByTestId('report-chart').count()).toBe(0);
    await page.getByTestId('report-run').click();
    await page.getByTestId(`report-cell-${olena.id}-calls_in`).waitFor();
    expect(await page.getByTestId(`report-cell-${olena.id}-calls_in`).textContent()).toBe('4');
    expect(await page.getByTestId('report-cancelled').count()).toBe(0);
  });

  it('opens every report: its figures, or an honest word that it is not here yet', async () => {
    const reports = { campaign_results: 'Campaign results', relationship_health: 'Relationship health', sales: 'Sales', complaints: 'Complaints', manager_load: 'Manager load', operator_kpi: 'Operator KPIs' };
    const screen = page.locator('.reports-screen');
    for (const [kind, name] of Object.entries(reports)) {
      await pick(page, page.getByTestId('report-kind'), name);
      await screen.locator(`[data-report="${kind}"]`).or(screen.getByRole('alert')).first().waitFor();
      expect(await screen.getByRole('alert').count(), `${name}: ${(await screen.getByRole('alert').allTextContents()).join(' ')}`).toBe(0);
    }
  });

  it('breaks the figures down by day as lines and by state as slices', async () => {
    const screen = page.locator('.reports-screen');
    for (const [view, name, chart] of [['day', 'Day', 'line'], ['state', 'State', 'pie'], ['operator', 'Operator', 'bar']] as const) {
      await pick(page, page.getByTestId('report-view'), name);
      await screen.locator(`[data-testid="report-table"][data-view="${view}"]`).or(screen.getByRole('alert')).first().waitFor();
      expect(await screen.getByRole('alert').count()).toBe(0);
      expect(await page.getByTestId('report-chart').getAttribute('data-chart-type')).toBe(chart);
    }
    // The day of the seeded calls carries their figures.
    await pick(page, page.getByTestId('report-view'), 'Day');
    const seededDay = new Date(lastMonthNoon(0));
    const key = `${seededDay.getFullYear()}-${String(seededDay.getMonth() + 1).padStart(2, '0')}-15`;
    await page.getByTestId(`report-cell-${key}-calls_in`).waitFor();
    expect(await page.getByTestId(`report-cell-${key}-calls_in`).textContent()).toBe('5');
    await pick(page, page.getByTestId('report-view'), 'Operator');
  });
});
