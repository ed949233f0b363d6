import { afterEach, describe, expect, it } from 'vitest';
import { alice, bob, calendarWorkstation, connectAs, startCalendarServer, storedFiles, wideRange, type CalendarServer } from '#tests/support/calendar-sync';
import { ok } from '#tests/support/crm';
import { putRawObject, sampleEvent } from '#tests/support/radicale';
import { callApi } from '#tests/support/workstation';

let server: CalendarServer | undefined;
afterEach(async () => {
  await server?.radicale.stop();
  server = undefined;
});

const event = (uid: string, ...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Other Client//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', ...lines, `SUMMARY:${uid}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('iCalendar the server stores but this workstation cannot read', () => {
  it('is skipped and reported with its reason; the rest is synced', async () => {
    server = await startCalendarServer();
    // Radicale takes all of these (it checks the syntax, not the meaning).
    const malformed = {
      'ends-before.ics': event('ends-before', 'DTSTART:20261125T100000Z', 'DTEND:20261125T090000Z'),
      'mars-zone.ics': event('mars-zone', 'DTSTART;TZID=Mars/Olympus_Mons:20261125T100000', 'DURATION:PT1H'),
      'negative.ics': event('negative', 'DTSTART:20261125T100000Z', 'DURATION:-PT30M'),
    };
    for (const [name, text] of Object.entries(malformed)) expect([name, (await putRawObject(`${server.aliceWork}${name}`, alice, text)).status]).toEqual([name, 201]);
    await putRawObject(`${server.aliceWork}fine.ics`, alice, sampleEvent('fine', 'Readable', '20261125T120000Z'));
    const { workstation } = await calendarWorkstation('Alice');
    await connectAs(workstation, server, alice);

    expect((await ok(workstation, 'calendar.range', wideRange)).map((o) => o.title)).toEqual(['Readable']);
    const problems = (await ok(workstation, 'calendar.problems', {})).map((p) => [p.href.split('/').pop(), p.reason, p.calendarName]).sort();
    expect(problems).toEqual([
      ['ends-before.ics', 'end_before_start', 'Alice work'],
      ['mars-zone.ics', 'unknown_timezone', 'Alice work'],
      ['negative.ics', 'end_before_start', 'Alice work'],
    ]);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ problems: 3, phase: 'idle' });

    // Fixed on the server: read at the next sync, and no longer a problem.
    await putRawObject(`${server.aliceWork}ends-before.ics`, alice, event('ends-before', 'DTSTART:20261125T100000Z', 'DTEND:20261125T110000Z'));
    await ok(workstation, 'calendar.syncNow', {});
    expect((await ok(workstation, 'calendar.range', wideRange)).map((o) => o.title).sort()).toEqual(['Readable', 'ends-before']);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ problems: 2 });
  });
});

describe('a colleague’s calendar shared read-only', () => {
  it('shows bob alice’s team events, and refuses his save into it with calendar_read_only', async () => {
    server = await startCalendarServer();
    await putRawObject(`${server.aliceTeam}all-hands.ics`, alice, sampleEvent('all-hands', 'All hands', '20261127T140000Z'));
    const { workstation } = await calendarWorkstation('Bob');
    await connectAs(workstation, server, bob);
    const team = (await ok(workstation, 'calendar.calendars', {})).find((c) => c.displayName === 'Team');
    expect(team).toMatchObject({ readOnly: true, remote: true, isDefault: false });

    const shown = await ok(workstation, 'calendar.range', wideRange);
    expect(shown.map((o) => [o.title, o.readOnly])).toEqual([['All hands', true]]);
    const refused = await callApi(workstation, 'calendar.save', {
      calendarId: team?.id,
      kind: 'meeting',
      title: 'Bob tries',
      start: { local: '2026-11-27T10:00', tzid: 'Europe/Kyiv' },
      end: { local: '2026-11-27T11:00', tzid: 'Europe/Kyiv' },
    });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'calendar_read_only' } });
    const edit = await callApi(workstation, 'calendar.move', { id: shown[0]?.eventId ?? '', startsAt: Date.UTC(2026, 10, 27, 15), endsAt: Date.UTC(2026, 10, 27, 16) });
    expect(edit).toMatchObject({ ok: false, error: { reason: 'calendar_read_only' } });
    await ok(workstation, 'calendar.syncNow', {});
    expect(storedFiles(server, server.aliceTeam)).toEqual(['all-hands.ics']);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ pending: 0, phase: 'idle' });
  });
});
