import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { openDemoWorkplace, type DemoWorkplace } from '#tests/support/demo-workplace';
import { PageApi } from '#tests/support/scripted-call';

const title = 'Quarterly review with the client';

/** The middle of a time slot (`10:00:00`) in a day's column (`2026-12-16`) of the week grid. */
async function slotPoint(page: Page, date: string, time: string): Promise<{ x: number; y: number }> {
  const grid = page.getByTestId('calendar-fc');
  const column = await grid.locator(`.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const slot = grid.locator(`.fc-timegrid-slot-lane[data-time="${time}"]`);
  await slot.scrollIntoViewIfNeeded();
  const lane = await slot.boundingBox();
  if (!column || !lane) throw new Error(`no slot ${date} ${time} on the grid`);
  return { x: column.x + column.width / 2, y: lane.y + lane.height / 2 };
}

function occurrence(page: Page): Locator {
  return page.getByTestId('calendar-fc').locator('[data-testid="calendar-occurrence"]', { hasText: title });
}

/** Three weeks of days from the Monday three weeks on (clear of the demo's plans), as the grid names them. */
function weekAhead(): string[] {
  const monday = new Date();
  monday.setHours(12, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7) + 21);
  return Array.from({ length: 21 }, (_, i) => {
    const d = new Date(monday);
    d.setDate(monday.getDate() + i);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

describe('the calendar’s week view, through the real UI', () => {
  let workplace: DemoWorkplace;
  let page: Page;
  let api: PageApi;
  const days = weekAhead();
  const [monday = '', tuesday = '', wednesday = ''] = days;

  beforeAll(async () => {
    workplace = await openDemoWorkplace({ viewport: { width: 1500, height: 1000 } });
    page = workplace.page;
    await page.getByTestId('app-title').waitFor();
    api = await PageApi.of(page);
    const [me] = await api.call('employees.list', {});
    if (!me) throw new Error('the demo has no employees');
    await api.call('settings.update', { currentEmployeeId: me.id });
    await page.reload();
    await page.getByTestId('nav-calendar').click();
    for (let i = 0; i < 3; i++) await page.getByTestId('calendar-next').click();
    await page.locator(`.fc-timegrid-col[data-date="${monday}"]`).waitFor();
  });

  afterAll(async () => {
    await api?.close();
    await workplace?.close();
  });

  it('says under the end when it comes before the start, in the operator’s words', async () => {
    await page.getByTestId('calendar-new').click();
    await page.getByTestId('calendar-editor-title').fill('Backwards');
    await page.getByTestId('calendar-editor-start-time').fill('10:00');
    await page.getByTestId('calendar-editor-end-time').fill('09:00');
    await page.getByTestId('calendar-editor-save').click();
    const end = page.locator('.mantine-InputWrapper-root', { has: page.getByTestId('calendar-editor-end-date') });
    await end.locator('.mantine-InputWrapper-error').waitFor();
    expect(await end.locator('.mantine-InputWrapper-error').textContent()).toBe('The end comes before the start: choose a later end.');
    await page.getByTestId('calendar-editor').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('calendar-editor').waitFor({ state: 'detached' });
  });

  it('creates a meeting by clicking a slot and shows it on the grid', async () => {
    const slot = await slotPoint(page, monday, '10:00:00');
    await page.mouse.click(slot.x, slot.y);
    await page.getByTestId('calendar-editor').waitFor();
    await page.getByTestId('calendar-editor-title').fill(title);
    expect(await page.getByTestId('calendar-editor-start-time').inputValue()).toBe('10:00');
    await page.getByTestId('calendar-editor-save').click();
    await page.getByTestId('calendar-editor').waitFor({ state: 'detached' });
    await occurrence(page).waitFor();
    expect(await page.locator(`.fc-timegrid-col[data-date="${monday}"]`).getByText(title).count()).toBe(1);
  });

  it('drags it to another day, and main keeps the new day', async () => {
    const eventId = await occurrence(page).getAttribute('data-event-id');
    const box = await occurrence(page).boundingBox();
    if (!box || !eventId) throw new Error('the meeting is not on the grid');
    const target = await slotPoint(page, wednesday, '10:00:00');
    await page.mouse.move(box.x + box.width / 2, box.y + 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + 10, { steps: 5 });
    await page.mouse.move(target.x, target.y - (box.height / 2 - 4), { steps: 15 });
    await page.mouse.up();
    await expect.poll(async () => (await api.call('calendar.get', { id: eventId })).start.local.slice(0, 10)).toBe(wednesday);
    await page.locator(`.fc-timegrid-col[data-date="${wednesday}"]`).getByText(title).waitFor();
    expect(await page.locator(`.fc-timegrid-col[data-date="${monday}"]`).getByText(title).count()).toBe(0);
  });

  it('edits it into a weekly series shown in the following weeks', async () => {
    await occurrence(page).click();
    await page.getByTestId('calendar-panel-edit').click();
    await page.getByTestId('calendar-editor').waitFor();
    await page.getByTestId('calendar-editor-repeat').click();
    await page.getByRole('option', { name: 'Weekly', exact: true }).click();
    await page.getByTestId('calendar-editor-save').click();
    await page.getByTestId('calendar-editor').waitFor({ state: 'detached' });
    await page.getByTestId('calendar-next').click();
    await page.locator(`.fc-timegrid-col[data-date="${days[9]}"]`).getByText(title).waitFor();
    await page.screenshot({ path: artifactPath('calendar-week-series.png') });
  });

  it('drags one occurrence to another day, asked whether the whole series moves', async () => {
    const box = await occurrence(page).boundingBox();
    if (!box) throw new Error('the occurrence is not on the grid');
    const target = await slotPoint(page, days[10] ?? '', '10:00:00');
    await page.mouse.move(box.x + box.width / 2, box.y + 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + 10, { steps: 5 });
    await page.mouse.move(target.x, target.y - (box.height / 2 - 4), { steps: 15 });
    await page.mouse.up();
    await page.getByTestId('calendar-move-occurrence').click();
    await page.locator(`.fc-timegrid-col[data-date="${days[10]}"]`).getByText(title).waitFor();
    expect(await page.locator(`.fc-timegrid-col[data-date="${days[9]}"]`).getByText(title).count()).toBe(0);
    // The series itself stays on Wednesdays.
    await page.getByTestId('calendar-next').click();
    await page.locator(`.fc-timegrid-col[data-date="${days[16]}"]`).getByText(title).waitFor();
    await page.getByTestId('calendar-previous').click();
    await page.locator(`.fc-timegrid-col[data-date="${days[10]}"]`).getByText(title).waitFor();
  });

  it('deletes one occurrence and keeps the rest of the series', async () => {
    await occurrence(page).click();
    await page.getByTestId('calendar-panel-delete').click();
    await page.getByTestId('calendar-delete-occurrence').click();
    await expect.poll(() => occurrence(page).count()).toBe(0);
    await page.getByTestId('calendar-previous').click();
    await page.locator(`.fc-timegrid-col[data-date="${wednesday}"]`).getByText(title).waitFor();
    await page.getByTestId('calendar-next').click();
    await page.getByTestId('calendar-next').click();
    await page.locator(`.fc-timegrid-col[data-date="${tuesday}"]`).waitFor({ state: 'detached' });
    await occurrence(page).waitFor();
  });

  it('lists a reminder whose time has just come as due, snoozes it and dismisses it', async () => {
    const zone = await page.evaluate<string>('Intl.DateTimeFormat().resolvedOptions().timeZone');
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    // Its reminder (15 minutes before) came twenty seconds ago.
    const start = new Date(Date.now() + 15 * 60_000 - 20_000);
    const reminderTitle = 'Call Lucy back about the offer';
    await api.call('calendar.save', { kind: 'callback', title: reminderTitle, start: { local: local(start), tzid: zone }, end: { local: local(new Date(start.getTime() + 15 * 60_000)), tzid: zone }, reminderMinutes: 15 });
    await page.getByTestId('calendar-reminders-open').click();
    const reminder = page.getByTestId('calendar-reminder').filter({ hasText: reminderTitle });
    await reminder.waitFor();
    expect(await reminder.getAttribute('data-state')).toBe('due');
    await reminder.getByTestId('reminder-snooze').click();
    await page.getByTestId('reminder-snooze-15').click();
    await page.locator('[data-testid="calendar-reminder"][data-state="snoozed"]', { hasText: reminderTitle }).waitFor();
    await reminder.getByTestId('reminder-dismiss').click();
    await reminder.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByTestId('calendar-reminders').waitFor({ state: 'detached' });
  });

  it('shows a colleague’s day beside mine in the team view, and takes over their meeting', async () => {
    const me = (await api.call('settings.get', {})).currentEmployeeId;
    const colleague = (await api.call('employees.list', {})).find((e) => e.id !== me);
    if (!me || !colleague) throw new Error('the demo has no colleague');
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const theirs = (await api.call('calendar.range', { from: today.getTime(), to: today.getTime() + 14 * 86_400_000, employeeIds: [colleague.id] })).find((o) => !o.allDay && !o.readOnly && o.ownerId === colleague.id);
    if (!theirs) throw new Error(`${colleague.name} has nothing planned in the demo's fortnight`);
    await page.getByTestId('calendar-views').getByText('Team', { exact: true }).click();
    await page.getByTestId('calendar-today').click();
    await page.getByTestId('calendar-team-employees').click();
    await page.getByRole('option', { name: colleague.name, exact: true }).click();
    await page.keyboard.press('Escape');
    const day = new Date(theirs.startsAt);
    day.setHours(0, 0, 0, 0);
    for (let i = 0; i < Math.round((day.getTime() - today.getTime()) / 86_400_000); i++) await page.getByTestId('calendar-next').click();
    const column = page.locator(`[data-testid="calendar-team-column"][data-employee-id="${colleague.id}"]`);
    expect(await page.getByTestId('calendar-team-column').count()).toBe(2);
    await page.screenshot({ path: artifactPath('calendar-team.png') });
    await column.locator(`[data-testid="calendar-occurrence"][data-event-id="${theirs.eventId}"]`).click({ timeout: 5_000 });
    await page.getByTestId('calendar-panel-take-over').click();
    await expect.poll(async () => (await api.call('calendar.get', { id: theirs.eventId })).ownerId).toBe(me);
    await page.locator(`[data-testid="calendar-team-column"][data-employee-id="${me}"] [data-testid="calendar-occurrence"][data-event-id="${theirs.eventId}"]`).waitFor();
    await page.getByTestId('calendar-views').getByText('Week', { exact: true }).click();
  });

  it('shows the booked hours per day of this fortnight, as a chart and a table', async () => {
    await page.getByTestId('calendar-views').getByText('Load', { exact: true }).click();
    const table = page.getByTestId('calendar-load-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(14);
    expect(await page.getByTestId('calendar-load').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.getByTestId('calendar-views').getByText('Week', { exact: true }).click();
  });

  it('speaks Ukrainian and starts the week on Monday when the workstation is in Ukrainian', async () => {
    await api.call('settings.update', { language: 'uk' });
    await page.reload();
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-views').getByText('Тиждень', { exact: true }).waitFor();
    const firstDay = await page.getByTestId('calendar-fc').locator('.fc-col-header-cell').first().getAttribute('data-date');
    expect(new Date(`${firstDay}T12:00:00`).getDay()).toBe(1);
    expect(await page.getByTestId('calendar-fc').locator('.fc-col-header-cell').first().textContent()).toMatch(/^пн/i);
  });
});
