import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import { alice, calendarWorkstation, connectAs, property, serverObject, startCalendarServer, storedFiles, wideRange, type CalendarServer } from '#tests/support/calendar-sync';
import { ok } from '#tests/support/crm';
import { deleteRawObject, putRawObject } from '#tests/support/radicale';

let server: CalendarServer | undefined;
afterEach(async () => {
  await server?.radicale.stop();
  server = undefined;
});

const meeting = (title: string, location: string) => ({
  kind: 'meeting' as const,
  title,
  location,
  start: { local: '2026-11-24T10:00', tzid: 'Europe/Kyiv' },
  end: { local: '2026-11-24T11:00', tzid: 'Europe/Kyiv' },
});

/** alice's workstation with two synced items in her `work` calendar: the one fought over and a bystander. */
async function twoSyncedItems(running: CalendarServer) {
  const { workstation } = await calendarWorkstation('Alice');
  await connectAs(workstation, running, alice);
  const work = (await ok(workstation, 'calendar.calendars', {})).find((c) => c.displayName === 'Alice work');
  const item = await ok(workstation, 'calendar.save', { ...meeting('Planning', 'Room 1'), calendarId: work?.id });
  const bystander = await ok(workstation, 'calendar.save', { ...meeting('Bystander', 'Room 9'), calendarId: work?.id });
  await ok(workstation, 'calendar.syncNow', {});
  const urlOf = (id: string) => {
    const uid = workstation.database.read.$client.prepare('select uid from calendar_events where id = ?').pluck().get(id) as string;
    return `${running.aliceWork}${storedFiles(running, running.aliceWork).find((f) => f.startsWith(uid.replace(/[^A-Za-z0-9._@-]/g, '_')))}`;
  };
  const url = urlOf(item.id);
  const bystanderUrl = urlOf(bystander.id);
  const bystanderBefore = await serverObject(bystanderUrl, alice);
  return { workstation, item, url, bystanderUrl, bystanderBefore };
}

/** Another client moves the meeting to 14:00–15:00 and renames it (a plain PUT, as a phone's calendar would). */
async function editOnServer(url: string, title: string): Promise<void> {
  const current = await serverObject(url, alice);
  const text = (current?.text ?? '')
    .replace(/SUMMARY:[^\r]*/, `SUMMARY:${title}`)
    .replace(':20261124T100000', ':20261124T140000')
    .replace(':20261124T110000', ':20261124T150000');
  expect((await putRawObject(url, alice, text)).status).toBe(201);
}

async function onlyConflict(workstation: Workstation) {
  const conflicts = await ok(workstation, 'calendar.conflicts', {});
  expect(conflicts).toHaveLength(1);
  return conflicts[0]!;
}

describe('an item edited here and on the server before a sync', () => {
  it.each([
    { choice: 'mine' as const, fields: {}, title: 'Planning (mine)', start: '20261124T100000', location: 'Room 2' },
    { choice: 'theirs' as const, fields: {}, title: 'Planning (theirs)', start: '20261124T140000', location: 'Room 1' },
    { choice: 'merge' as const, fields: { title: 'mine' as const }, title: 'Planning (mine)', start: '20261124T140000', location: 'Room 1' },
  ])('keeps both versions; the choice $choice is applied and reaches the server, nothing else touched', async ({ choice, fields, title, start, location }) => {
    server = await startCalendarServer();
    const { workstation, item, url, bystanderUrl, bystanderBefore } = await twoSyncedItems(server);
    await editOnServer(url, 'Planning (theirs)');
    await ok(workstation, 'calendar.save', { ...meeting('Planning (mine)', 'Room 2'), id: item.id });
    await ok(workstation, 'calendar.syncNow', {});

    const conflict = await onlyConflict(workstation);
    expect(conflict).toMatchObject({
      kind: 'edited_on_both',
      eventId: item.id,
      mine: { title: 'Planning (mine)', location: 'Room 2', start: { local: '2026-11-24T10:00:00', tzid: 'Europe/Kyiv' } },
      theirs: { title: 'Planning (theirs)', location: 'Room 1', start: { local: '2026-11-24T14:00:00', tzid: 'Europe/Kyiv' } },
    });
    expect([...conflict.differing].sort()).toEqual(['end', 'location', 'start', 'title']);
    expect((await ok(workstation, 'calendar.get', { id: item.id })).syncState).toBe('conflict');
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ conflicts: 1 });
    // The server keeps its version until the person chooses.
    expect(property((await serverObject(url, alice))?.text ?? '', 'SUMMARY')).toBe('Planning (theirs)');

    await ok(workstation, 'calendar.resolveConflict', { id: conflict.id, choice, fields });
    await ok(workstation, 'calendar.syncNow', {});

    const onServer = (await serverObject(url, alice))?.text ?? '';
    expect([property(onServer, 'SUMMARY'), property(onServer, 'DTSTART'), property(onServer, 'LOCATION')]).toEqual([title, start, location]);
    const here = await ok(workstation, 'calendar.get', { id: item.id });
    expect([here.title, here.start.local.replace(/[-:]/g, ''), here.location, here.syncState]).toEqual([title, start, location, 'synced']);
    expect(await ok(workstation, 'calendar.conflicts', {})).toEqual([]);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ pending: 0, conflicts: 0 });
    expect(await serverObject(bystanderUrl, alice)).toEqual(bystanderBefore);
    expect(storedFiles(server, server.aliceWork)).toHaveLength(2);
  });
});

describe('deleted on one side, edited on the other', () => {
  it.each(['mine', 'theirs'] as const)('deleted on the server while edited here: the local version stays shown; “%s”', async (choice) => {
    server = await startCalendarServer();
    const { workstation, item, url, bystanderUrl, bystanderBefore } = await twoSyncedItems(server);
    expect(await deleteRawObject(url, alice)).toBe(200);
    await ok(workstation, 'calendar.save', { ...meeting('Planning (kept here)', 'Room 3'), id: item.id });
    await ok(workstation, 'calendar.syncNow', {});

    const conflict = await onlyConflict(workstation);
    expect(conflict).toMatchObject({ kind: 'deleted_on_server', mine: { title: 'Planning (kept here)' }, theirs: null });
    const shown = (await ok(workstation, 'calendar.range', wideRange)).find((o) => o.eventId === item.id);
    expect(shown).toMatchObject({ title: 'Planning (kept here)', syncState: 'conflict' });

    await ok(workstation, 'calendar.resolveConflict', { id: conflict.id, choice, fields: {} });
    await ok(workstation, 'calendar.syncNow', {});
    const titles = (await ok(workstation, 'calendar.range', wideRange)).map((o) => o.title).sort();
    const files = storedFiles(server, server.aliceWork);
    if (choice === 'mine') {
      expect(titles).toEqual(['Bystander', 'Planning (kept here)']);
      expect(files).toHaveLength(2);
      const recreated = files.map((f) => `${server?.aliceWork}${f}`).find((u) => u !== bystanderUrl) ?? '';
      expect(property((await serverObject(recreated, alice))?.text ?? '', 'SUMMARY')).toBe('Planning (kept here)');
    } else {
      expect(titles).toEqual(['Bystander']);
      expect(files).toHaveLength(1);
    }
    expect(await serverObject(bystanderUrl, alice)).toEqual(bystanderBefore);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ pending: 0, conflicts: 0 });
  });

  it.each(['mine', 'theirs'] as const)('deleted here while edited on the server: “%s”', async (choice) => {
    server = await startCalendarServer();
    const { workstation, item, url, bystanderUrl, bystanderBefore } = await twoSyncedItems(server);
    await editOnServer(url, 'Planning (edited there)');
    await ok(workstation, 'calendar.delete', { id: item.id });
    await ok(workstation, 'calendar.syncNow', {});

    const conflict = await onlyConflict(workstation);
    expect(conflict).toMatchObject({ kind: 'edited_on_server_deleted_here', mine: null, theirs: { title: 'Planning (edited there)' } });

    await ok(workstation, 'calendar.resolveConflict', { id: conflict.id, choice, fields: {} });
    await ok(workstation, 'calendar.syncNow', {});
    const titles = (await ok(workstation, 'calendar.range', wideRange)).map((o) => o.title).sort();
    if (choice === 'mine') {
      expect(titles).toEqual(['Bystander']);
      expect(await serverObject(url, alice)).toBeNull();
    } else {
      expect(titles).toEqual(['Bystander', 'Planning (edited there)']);
      expect(property((await serverObject(url, alice))?.text ?? '', 'SUMMARY')).toBe('Planning (edited there)');
    }
    expect(await serverObject(bystanderUrl, alice)).toEqual(bystanderBefore);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ pending: 0, conflicts: 0 });
  });
});
