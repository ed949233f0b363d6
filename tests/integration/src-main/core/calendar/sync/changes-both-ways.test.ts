import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import { calendars } from '#core/db/schema';
import { alice, calendarWorkstation, connectAs, property, serverObject, startCalendarServer, storedFiles, wideRange, type CalendarServer } from '#tests/support/calendar-sync';
import { ok } from '#tests/support/crm';
import { deleteRawObject, putRawObject, sampleEvent } from '#tests/support/radicale';

let server: CalendarServer | undefined;
afterEach(async () => {
  await server?.radicale.stop();
  server = undefined;
});

function syncTokenOf(workstation: Workstation, url: string): string | null {
  return workstation.database.read.select({ token: calendars.syncToken }).from(calendars).where(eq(calendars.url, url)).get()?.token ?? null;
}

/** Runs a sync and says whether it told the views anything changed. */
async function syncNow(workstation: Workstation): Promise<{ changed: boolean }> {
  let changed = false;
  const stop = workstation.events.onAny((event, payload) => {
    if (event === 'calendar.changed' && (payload as { source: string }).source === 'sync') changed = true;
  });
  try {
    await ok(workstation, 'calendar.syncNow', {});
  } finally {
    stop();
  }
  return { changed };
}

const titles = async (workstation: Workstation) => (await ok(workstation, 'calendar.range', wideRange)).map((o) => `${o.title}@${new Date(o.startsAt).toISOString()}`).sort();

describe('changes made on the server by another client', () => {
  it('arrive with syncNow — created, changed, deleted — and the sync token moves; a second sync changes nothing', async () => {
    server = await startCalendarServer();
    await putRawObject(`${server.aliceWork}a.ics`, alice, sampleEvent('a', 'Keeps', '20261125T090000Z'));
    await putRawObject(`${server.aliceWork}b.ics`, alice, sampleEvent('b', 'Will change', '20261125T110000Z'));
    await putRawObject(`${server.aliceWork}c.ics`, alice, sampleEvent('c', 'Will go', '20261125T130000Z'));
    const { workstation } = await calendarWorkstation('Alice');
    await connectAs(workstation, server, alice);
    expect(await titles(workstation)).toEqual(['Keeps@2026-11-25T09:00:00.000Z', 'Will change@2026-11-25T11:00:00.000Z', 'Will go@2026-11-25T13:00:00.000Z']);
    const firstToken = syncTokenOf(workstation, server.aliceWork);
    expect(firstToken).not.toBeNull();

    await putRawObject(`${server.aliceWork}b.ics`, alice, sampleEvent('b', 'Changed elsewhere', '20261127T150000Z'));
    await deleteRawObject(`${server.aliceWork}c.ics`, alice);
    await putRawObject(`${server.aliceWork}d.ics`, alice, sampleEvent('d', 'New elsewhere', '20261128T080000Z'));

    expect(await syncNow(workstation)).toEqual({ changed: true });
    expect(await titles(workstation)).toEqual(['Changed elsewhere@2026-11-27T15:00:00.000Z', 'Keeps@2026-11-25T09:00:00.000Z', 'New elsewhere@2026-11-28T08:00:00.000Z']);
    const secondToken = syncTokenOf(workstation, server.aliceWork);
    expect(secondToken).not.toBe(firstToken);

    expect(await syncNow(workstation)).toEqual({ changed: false });
    expect(syncTokenOf(workstation, server.aliceWork)).toBe(secondToken);
    expect(await titles(workstation)).toHaveLength(3);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ phase: 'idle', pending: 0, conflicts: 0, problems: 0 });
  });
});

describe('edits made here', () => {
  it('reach the server: created, changed, moved (in the item’s own zone), deleted', async () => {
    server = await startCalendarServer();
    const { workstation } = await calendarWorkstation('Alice');
    await connectAs(workstation, server, alice);
    const work = (await ok(workstation, 'calendar.calendars', {})).find((c) => c.displayName === 'Alice work');

    const created = await ok(workstation, 'calendar.save', {
      calendarId: work?.id,
      kind: 'meeting',
      title: 'Budget review',
      location: 'Room 4',
      start: { local: '2026-11-24T10:00', tzid: 'America/New_York' },
      end: { local: '2026-11-24T11:30', tzid: 'America/New_York' },
    });
    expect(created.syncState).toBe('pending');
    await ok(workstation, 'calendar.syncNow', {});
    const [file] = storedFiles(server, server.aliceWork);
    expect(storedFiles(server, server.aliceWork)).toHaveLength(1);
    const url = `${server.aliceWork}${file}`;
    const first = await serverObject(url, alice);
    expect([property(first?.text ?? '', 'SUMMARY'), property(first?.text ?? '', 'LOCATION')]).toEqual(['Budget review', 'Room 4']);
    expect(first?.text).toContain('DTSTART;TZID=America/New_York:20261124T100000');
    expect(first?.text).toContain('BEGIN:VTIMEZONE');
    expect((await ok(workstation, 'calendar.get', { id: created.id })).syncState).toBe('synced');

    await ok(workstation, 'calendar.save', {
      id: created.id,
      kind: 'meeting',
      title: 'Budget review (moved room)',
      location: 'Room 7',
      start: { local: '2026-11-24T10:00', tzid: 'America/New_York' },
      end: { local: '2026-11-24T11:30', tzid: 'America/New_York' },
    });
    await ok(workstation, 'calendar.syncNow', {});
    const changed = await serverObject(url, alice);
    expect([property(changed?.text ?? '', 'SUMMARY'), property(changed?.text ?? '', 'LOCATION')]).toEqual(['Budget review (moved room)', 'Room 7']);
    expect(changed?.etag).not.toBe(first?.etag);
    expect(storedFiles(server, server.aliceWork)).toEqual([file]);

    // A drag on the grid by 26 hours: written back as New York wall-clock time, not as UTC.
    const startsAt = Date.UTC(2026, 10, 25, 17);
    await ok(workstation, 'calendar.move', { id: created.id, startsAt, endsAt: startsAt + 90 * 60_000 });
    await ok(workstation, 'calendar.syncNow', {});
    const moved = await serverObject(url, alice);
    expect(property(moved?.text ?? '', 'DTSTART')).toBe('20261125T120000');
    expect(moved?.text).toContain('DTSTART;TZID=America/New_York:20261125T120000');
    expect(property(moved?.text ?? '', 'SUMMARY')).toBe('Budget review (moved room)');

    await ok(workstation, 'calendar.delete', { id: created.id });
    await ok(workstation, 'calendar.syncNow', {});
    expect(await serverObject(url, alice)).toBeNull();
    expect(storedFiles(server, server.aliceWork)).toEqual([]);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ pending: 0, conflicts: 0 });
    expect(await ok(workstation, 'calendar.range', wideRange)).toEqual([]);
  });
});
