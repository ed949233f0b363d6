import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { alice, property, serverObject, startCalendarServer, storedFiles, type CalendarServer } from '#tests/support/calendar-sync';
import { launchChromium } from '#tests/support/chromium';
import { deleteRawObject, putRawObject } from '#tests/support/radicale';
import { PageApi } from '#tests/support/scripted-call';
import { tempDirOutsideTest } from '#tests/support/temp-dir';

const meeting = { kind: 'meeting' as const, title: 'Planning', location: 'Room 1', start: { local: '2026-12-15T10:00', tzid: 'Europe/Kyiv' }, end: { local: '2026-12-15T11:00', tzid: 'Europe/Kyiv' } };

describe('the calendar’s CalDAV account, conflicts and problems, through the real UI against Radicale', () => {
  let server: CalendarServer;
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;
  let api: PageApi;
  let dataDir: { path: string; remove(): void };

  beforeAll(async () => {
    server = await startCalendarServer();
    dataDir = tempDirOutsideTest();
    host = await startBrowserHost(['--data-dir', dataDir.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1500, height: 950 }, reducedMotion: 'reduce' });
    await page.goto(host.url);
    await page.getByTestId('app-title').waitFor();
    api = await PageApi.of(page);
    const me = await api.call('employees.save', { name: 'Alice Hart', extension: '201' });
    await api.call('settings.update', { currentEmployeeId: me.id });
    await page.reload();
    await page.getByTestId('nav-calendar').click();
  });

  afterAll(async () => {
    await api?.close();
    await browser?.close();
    await host?.stop();
    dataDir?.remove();
    await server?.radicale.stop();
  });

  it('connects the account from the server’s bare address and lists its calendars', async () => {
    await page.getByTestId('calendar-connect').click();
    await page.getByTestId('calendar-connect-url').fill(server.radicale.url);
    await page.getByTestId('calendar-connect-user').fill(alice.name);
    await page.getByTestId('calendar-connect-password').fill('not the password');
    await page.getByTestId('calendar-connect-submit').click();
    // A refused password is said in the form, which stays open for the right one.
    await page.getByTestId('calendar-connect-form').getByRole('alert').waitFor();
    await page.getByTestId('calendar-connect-password').fill(alice.password);
    await page.getByTestId('calendar-connect-submit').click();
    await page.getByTestId('calendar-connect-form').waitFor({ state: 'detached' });
    await page.getByTestId('calendar-account').waitFor();
    await page.getByTestId('calendar-list').getByText('Alice work').waitFor();
  });

  it('shows an item changed both here and on the server as a conflict, and merges it field by field', async () => {
    const work = (await api.call('calendar.calendars', {})).find((c) => c.displayName === 'Alice work');
    const item = await api.call('calendar.save', { ...meeting, calendarId: work?.id });
    await api.call('calendar.syncNow', {});
    const [file] = storedFiles(server, server.aliceWork);
    if (!file) throw new Error('the item did not reach the server');
    const url = `${server.aliceWork}${file}`;
    const theirs = (await serverObject(url, alice))?.text ?? '';
    expect((await putRawObject(url, alice, theirs.replace(/SUMMARY:[^\r]*/, 'SUMMARY:Planning (theirs)'))).status).toBe(201);
    await api.call('calendar.save', { ...meeting, id: item.id, calendarId: work?.id, title: 'Planning (mine)', location: 'Room 2' });

    await page.getByTestId('calendar-sync-now').click();
    await page.getByTestId('calendar-conflicts-open').click();
    const conflict = page.getByTestId('calendar-conflict');
    await conflict.waitFor();
    // Title and location differ (the server kept Room 1); the title is taken from here, the location from the server.
    expect(await conflict.locator('tr[data-differs="true"]').count()).toBe(2);
    await conflict.getByLabel('Title: Here').check();
    await page.screenshot({ path: artifactPath('calendar-conflict.png') });
    await conflict.getByTestId('conflict-merge').click();
    await conflict.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByTestId('calendar-conflicts-open').waitFor({ state: 'detached' });

    await expect
      .poll(async () => {
        await api.call('calendar.syncNow', {});
        const text = (await serverObject(url, alice))?.text ?? '';
        return [property(text, 'SUMMARY'), property(text, 'LOCATION')];
      })
      .toEqual(['Planning (mine)', 'Room 1']);
  });

  it('shows an item deleted on the server while edited here as such, and keeping it creates it again', async () => {
    const work = (await api.call('calendar.calendars', {})).find((c) => c.displayName === 'Alice work');
    const item = await api.call('calendar.save', { ...meeting, calendarId: work?.id, title: 'Workshop' });
    await api.call('calendar.syncNow', {});
    const summaries = async () =>
      Promise.all(storedFiles(server, server.aliceWork).map(async (file) => ({ url: `${server.aliceWork}${file}`, summary: property((await serverObject(`${server.aliceWork}${file}`, alice))?.text ?? '', 'SUMMARY') })));
    const workshop = (await summaries()).find((o) => o.summary === 'Workshop');
    if (!workshop) throw new Error('the workshop did not reach the server');
    expect(await deleteRawObject(workshop.url, alice)).toBeLessThan(300);
    await api.call('calendar.save', { ...meeting, id: item.id, calendarId: work?.id, title: 'Workshop (kept here)' });

    await page.getByTestId('calendar-sync-now').click();
    await page.getByTestId('calendar-conflicts-open').click();
    const conflict = page.getByTestId('calendar-conflict');
    await conflict.getByText('Deleted on the server while it was being changed here.').waitFor();
    expect(await conflict.getByTestId('conflict-keep-mine').textContent()).toBe('Keep mine (create it again)');
    expect(await conflict.getByTestId('conflict-take-theirs').textContent()).toBe('Let it go');
    await conflict.getByTestId('conflict-keep-mine').click();
    await conflict.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => {
        await api.call('calendar.syncNow', {});
        return (await summaries()).map((o) => o.summary).sort();
      })
      .toEqual(['Planning (mine)', 'Workshop (kept here)']);
  });

  it('lists an item the server sent that cannot be read, with why', async () => {
    expect((await putRawObject(`${server.aliceWork}broken.ics`, alice, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\nUID:broken-1\r\nDTSTAMP:20261201T090000Z\r\nDTSTART:20261215T110000Z\r\nDTEND:20261215T100000Z\r\nSUMMARY:Backwards\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).status).toBe(201);
    await page.getByTestId('calendar-sync-now').click();
    await page.getByTestId('calendar-account').getByText('1 unreadable item').click();
    const problems = page.getByTestId('calendar-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Ends before it starts');
  });

  it('plans a callback from a contact’s card: it is in the week view, on the server, and its reminder comes', async () => {
    const work = (await api.call('calendar.calendars', {})).find((c) => c.displayName === 'Alice work');
    if (!work) throw new Error('no work calendar');
    await api.call('calendar.setDefault', { id: work.id });
    const contact = await api.call('contacts.create', { lastName: 'Hart', firstName: 'Bob', phones: [{ kind: 'mobile', raw: '+380671234567' }] });
    await page.goto(`${host.url}#/contacts/${contact.id}`);
    await page.getByTestId('card-plan').click();
    const editor = page.getByTestId('calendar-editor');
    await editor.waitFor();
    // The editor comes tied to the person, as a callback named after them.
    expect(await page.getByTestId('calendar-editor-title').inputValue()).toBe('Hart Bob');
    await page.getByTestId('calendar-editor-title').fill('Call Bob back about the offer');
    // Reminded a day before: its time has come as soon as it is saved.
    await page.getByTestId('calendar-editor-reminder').click();
    await page.getByRole('option', { name: '1 day before' }).click();
    await page.getByTestId('calendar-editor-save').click();
    await editor.waitFor({ state: 'detached' });
    await page.getByText('Reminder: Call Bob back about the offer').waitFor();
    await page.screenshot({ path: artifactPath('calendar-callback-reminder.png') });

    // The card closed, the week view shows it.
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-fc').getByText('Call Bob back about the offer').first().waitFor();
    await page.screenshot({ path: artifactPath('calendar-callback-week.png') });

    const [item] = (await api.call('calendar.forRecord', { contactId: contact.id })).filter((o) => o.title === 'Call Bob back about the offer');
    expect(item).toMatchObject({ kind: 'callback', contactName: 'Hart Bob', reminderMinutes: 1440 });
    await expect
      .poll(async () => {
        await api.call('calendar.syncNow', {});
        const texts = await Promise.all(storedFiles(server, server.aliceWork).map(async (file) => (await serverObject(`${server.aliceWork}${file}`, alice))?.text ?? ''));
        const text = texts.find((t) => property(t, 'SUMMARY') === 'Call Bob back about the offer') ?? '';
        return [property(text, 'X-CRM-KIND'), property(text, 'X-CRM-CONTACT')];
      })
      .toEqual(['callback', contact.id]);
  });
});
