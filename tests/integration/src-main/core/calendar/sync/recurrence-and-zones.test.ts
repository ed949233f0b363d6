import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import { alice, calendarWorkstation, connectAs, serverObject, startCalendarServer, wideRange, type CalendarServer } from '#tests/support/calendar-sync';
import { ok } from '#tests/support/crm';
import { putRawObject } from '#tests/support/radicale';

let server: CalendarServer | undefined;
afterEach(async () => {
  await server?.radicale.stop();
  server = undefined;
});

const kyivZone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Kyiv',
  'BEGIN:STANDARD',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];
const newYorkZone = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'DTSTART:20070311T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'DTSTART:20071104T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A VCALENDAR as another client writes it (its own PRODID, its own VTIMEZONE definitions). */
const vcalendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Other Client//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');

/** The text kept here for the item with this UID. */
function localText(workstation: Workstation, uid: string): string {
  return workstation.database.read.$client.prepare('select ics from calendar_events where uid = ?').pluck().get(uid) as string;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('a recurring event with an excluded date and a moved occurrence, written by another client', () => {
  it('is kept byte for byte as the server has it, expanded right, and left alone when another item is sent', async () => {
    server = await startCalendarServer();
    const url = `${server.aliceWork}series.ics`;
    const text = vcalendar(
      ...kyivZone,
      'BEGIN:VEVENT',
      'UID:weekly-sync@other',
      'DTSTAMP:20261020T080000Z',
      'DTSTART;TZID=Europe/Kyiv:20261102T100000',
      'DTEND;TZID=Europe/Kyiv:20261102T103000',
      'RRULE:FREQ=WEEKLY;COUNT=6',
      'EXDATE;TZID=Europe/Kyiv:20261109T100000',
      'SUMMARY:Weekly sync',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:weekly-sync@other',
      'DTSTAMP:20261020T080000Z',
      'RECURRENCE-ID;TZID=Europe/Kyiv:20261116T100000',
      'DTSTART;TZID=Europe/Kyiv:20261117T150000',
      'DTEND;TZID=Europe/Kyiv:20261117T160000',
      'SUMMARY:Weekly sync (moved to Tuesday)',
      'END:VEVENT',
    );
    expect((await putRawObject(url, alice, text)).status).toBe(201);
    const { workstation } = await calendarWorkstation('Alice');
    await connectAs(workstation, server, alice);

    const onServer = await serverObject(url, alice);
    expect(localText(workstation, 'weekly-sync@other')).toBe(onServer?.text);
    const occurrences = (await ok(workstation, 'calendar.range', wideRange)).map((o) => [iso(o.startsAt), iso(o.endsAt), o.title, o.recurring]);
    expect(occurrences.sort()).toEqual([
      ['2026-11-02T08:00', '2026-11-02T08:30', 'Weekly sync', true],
      ['2026-11-17T13:00', '2026-11-17T14:00', 'Weekly sync (moved to Tuesday)', true],
      ['2026-11-23T08:00', '2026-11-23T08:30', 'Weekly sync', true],
      ['2026-11-30T08:00', '2026-11-30T08:30', 'Weekly sync', true],
      ['2026-12-07T08:00', '2026-12-07T08:30', 'Weekly sync', true],
    ]);

    const work = (await ok(workstation, 'calendar.calendars', {})).find((c) => c.displayName === 'Alice work');
    await ok(workstation, 'calendar.save', {
      calendarId: work?.id,
      kind: 'call',
      title: 'Another item',
      start: { local: '2026-11-24T12:00', tzid: 'Europe/Kyiv' },
      end: { local: '2026-11-24T12:15', tzid: 'Europe/Kyiv' },
    });
    await ok(workstation, 'calendar.syncNow', {});
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ pending: 0 });
    expect(await serverObject(url, alice)).toEqual(onServer);
    expect(localText(workstation, 'weekly-sync@other')).toBe(onServer?.text);
  });
});

describe('events in the zones their own VTIMEZONEs define, across the 2026 DST changes', () => {
  it('are placed at the right UTC instants before and after 8 March (US) and 29 March (EU)', async () => {
    server = await startCalendarServer();
    const weekly = (uid: string, zone: string[], tzid: string, local: string) =>
      vcalendar(...zone, 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260201T000000Z', `DTSTART;TZID=${tzid}:${local}`, 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=6', `SUMMARY:${uid}`, 'END:VEVENT');
    await putRawObject(`${server.aliceWork}ny.ics`, alice, weekly('new-york-weekly', newYorkZone, 'America/New_York', '20260302T090000'));
    await putRawObject(`${server.aliceWork}kyiv.ics`, alice, weekly('kyiv-weekly', kyivZone, 'Europe/Kyiv', '20260302T100000'));
    // Starts in Kyiv, ends in New York: one text carrying both definitions.
    await putRawObject(
      `${server.aliceWork}both.ics`,
      alice,
      vcalendar(...kyivZone, ...newYorkZone, 'BEGIN:VEVENT', 'UID:two-zones', 'DTSTAMP:20260201T000000Z', 'DTSTART;TZID=Europe/Kyiv:20260310T170000', 'DTEND;TZID=America/New_York:20260310T120000', 'SUMMARY:two-zones', 'END:VEVENT'),
    );
    const { workstation } = await calendarWorkstation('Alice');
    await connectAs(workstation, server, alice);
    expect((await ok(workstation, 'calendar.accounts', {}))[0]).toMatchObject({ problems: 0 });

    const range = await ok(workstation, 'calendar.range', { from: Date.UTC(2026, 1, 20), to: Date.UTC(2026, 3, 20) });
    const startsOf = (title: string) => range.filter((o) => o.title === title).map((o) => iso(o.startsAt)).sort();
    expect(startsOf('new-york-weekly')).toEqual(['2026-03-02T14:00', '2026-03-09T13:00', '2026-03-16T13:00', '2026-03-23T13:00', '2026-03-30T13:00', '2026-04-06T13:00']);
    expect(startsOf('kyiv-weekly')).toEqual(['2026-03-02T08:00', '2026-03-09T08:00', '2026-03-16T08:00', '2026-03-23T08:00', '2026-03-30T07:00', '2026-04-06T07:00']);
    const twoZones = range.find((o) => o.title === 'two-zones');
    expect([iso(twoZones?.startsAt ?? 0), iso(twoZones?.endsAt ?? 0)]).toEqual(['2026-03-10T15:00', '2026-03-10T16:00']);
  });
});
