import { afterEach, describe, expect, it } from 'vitest';
import { alice, bob, calendarWorkstation, connectAs, property, serverObject, startCalendarServer, storedFiles, wideRange, type CalendarServer } from '#tests/support/calendar-sync';
import { ok } from '#tests/support/crm';
import { putRawObject, sampleEvent } from '#tests/support/radicale';
import { callApi } from '#tests/support/workstation';

let server: CalendarServer | undefined;
afterEach(async () => {
  await server?.radicale.stop();
  server = undefined;
});

describe('connecting an account: discovery and the first sync', () => {
  it('lists the own calendars and the colleague’s read-only one, brings the server’s events, and sends the items made before', async () => {
    server = await startCalendarServer();
    await putRawObject(`${server.aliceWork}standup.ics`, alice, sampleEvent('standup', 'Standup', '20261125T090000Z'));
    await putRawObject(`${server.aliceTeam}offsite.ics`, alice, sampleEvent('offsite', 'Team offsite', '20261126T120000Z'));
    const { workstation } = await calendarWorkstation('Bob Local');
    const before = await ok(workstation, 'calendar.save', {
      kind: 'meeting',
      title: 'Made before connecting',
      start: { local: '2026-11-24T10:00', tzid: 'Europe/Kyiv' },
      end: { local: '2026-11-24T11:00', tzid: 'Europe/Kyiv' },
    });
    expect(before.syncState).toBe('local');

    const account = await connectAs(workstation, server, bob);

    expect(account).toMatchObject({ username: 'bob', phase: 'idle', pending: 0, conflicts: 0, problems: 0, lastError: null });
    const listed = await ok(workstation, 'calendar.calendars', {});
    const remote = listed.filter((c) => c.remote).map((c) => ({ name: c.displayName, readOnly: c.readOnly, isDefault: c.isDefault }));
    expect(remote).toEqual(expect.arrayContaining([{ name: 'Bob work', readOnly: false, isDefault: true }, { name: 'Team', readOnly: true, isDefault: false }]));
    expect(remote).toHaveLength(2);

    const range = await ok(workstation, 'calendar.range', wideRange);
    expect(range.map((o) => [o.title, o.startsAt, o.readOnly, o.syncState]).sort()).toEqual(
      [
        ['Made before connecting', Date.UTC(2026, 10, 24, 8), false, 'synced'],
        ['Team offsite', Date.UTC(2026, 10, 26, 12), true, 'synced'],
      ].sort(),
    );
    const files = storedFiles(server, server.bobWork);
    expect(files).toHaveLength(1);
    const sent = await serverObject(`${server.bobWork}${files[0]}`, bob);
    expect(property(sent?.text ?? '', 'SUMMARY')).toBe('Made before connecting');
    expect(property(sent?.text ?? '', 'DTSTART')).toBe('20261124T100000');
    expect(sent?.text).toContain('DTSTART;TZID=Europe/Kyiv:20261124T100000');
  });

  it('alice sees her own events; a wrong password is refused with the server’s word, nothing recorded', async () => {
    server = await startCalendarServer();
    await putRawObject(`${server.aliceWork}standup.ics`, alice, sampleEvent('standup', 'Standup', '20261125T090000Z'));
    const { workstation } = await calendarWorkstation('Alice Local');

    const refused = await callApi(workstation, 'calendar.connect', { serverUrl: server.radicale.url, username: 'alice', password: 'wrong' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'caldav_auth_failed' } });
    expect(await ok(workstation, 'calendar.accounts', {})).toEqual([]);

    await connectAs(workstation, server, alice);
    const range = await ok(workstation, 'calendar.range', wideRange);
    expect(range.map((o) => [o.title, o.readOnly])).toEqual(expect.arrayContaining([['Standup', false]]));
    const names = (await ok(workstation, 'calendar.calendars', {})).filter((c) => c.remote).map((c) => [c.displayName, c.readOnly]);
    expect(names.sort()).toEqual([['Alice work', false], ['Team', false]]);
  });
});
