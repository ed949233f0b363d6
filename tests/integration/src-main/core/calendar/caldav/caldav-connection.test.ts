import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCalDav } from '#core/calendar/caldav/caldav-connection';
import { CalDavError } from '#core/calendar/caldav/caldav-errors';
import type { CalDavConnection } from '#core/calendar/caldav/caldav-types';
import {
  createCalendar,
  deleteRawObject,
  putRawObject,
  putWholeCalendar,
  sampleEvent,
  sharedCalendarName,
  startRadicale,
  type TestRadicale,
} from '#tests/support/radicale';

const alice = { name: 'alice', password: 'alice-pw-7731' };
const bob = { name: 'bob', password: 'bob-pw-9904' };

let server: TestRadicale;
let teamUrl: string;
let bobsUrl: string;

function login(user: { name: string; password: string }, serverUrl = server.url, options = {}): Promise<CalDavConnection> {
  return connectCalDav({ serverUrl, username: user.name, password: user.password }, options);
}

async function failure(promise: Promise<unknown>): Promise<CalDavError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CalDavError);
  return error as CalDavError;
}

beforeAll(async () => {
  server = await startRadicale({ users: [alice, bob] });
  teamUrl = await createCalendar(server, alice, sharedCalendarName, { displayName: 'Team', color: '#3366ffff' });
  await createCalendar(server, alice, 'private', { displayName: 'Alice only' });
  bobsUrl = await createCalendar(server, bob, 'work', { displayName: 'Bob at work', components: ['VEVENT'] });
});

afterAll(async () => {
  await server?.stop();
});

describe('discovery', () => {
  it('finds the principal and calendar home from the bare server URL (/.well-known/caldav)', async () => {
    const connection = await login(bob);
    expect(new URL(connection.principalUrl).pathname).toBe('/bob/');
    expect(new URL(connection.homeUrl).pathname).toBe('/bob/');
  });

  it('finds them from a URL with a path too', async () => {
    const connection = await login(bob, new URL('/bob/work/', server.url).href);
    expect(new URL(connection.principalUrl).pathname).toBe('/bob/');
    expect(new URL(connection.homeUrl).pathname).toBe('/bob/');
  });

  it('says auth_failed for a wrong password, without the password in the message', async () => {
    const error = await failure(login({ name: 'bob', password: 'not-bobs-password' }));
    expect(error.kind).toBe('auth_failed');
    expect(error.status).toBe(401);
    expect(error.message).not.toContain('not-bobs-password');
  });

  it('says not_caldav for an HTTP server that is no CalDAV server', async () => {
    const { createServer } = await import('node:http');
    const plain = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const address = plain.address();
    try {
      const error = await failure(login(bob, `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`));
      expect(error.kind).toBe('not_caldav');
    } finally {
      plain.close();
    }
  });
});

describe('calendars', () => {
  it('lists own calendars and a colleague’s shared one read-only, never the colleague’s private one', async () => {
    const calendars = await (await login(bob)).listCalendars();
    const byPath = new Map(calendars.map((c) => [new URL(c.url).pathname, c]));
    expect([...byPath.keys()].sort()).toEqual(['/alice/team/', '/bob/work/']);
    expect(byPath.get('/bob/work/')).toMatchObject({ displayName: 'Bob at work', readOnly: false, components: ['VEVENT'], ownerUsername: 'bob' });
    expect(byPath.get('/alice/team/')).toMatchObject({ displayName: 'Team', color: '#3366ffff', readOnly: true, ownerUsername: 'alice' });
  });

  it('gives the owner their shared calendar writable', async () => {
    const calendars = await (await login(alice)).listCalendars();
    const team = calendars.find((c) => new URL(c.url).pathname === '/alice/team/');
    expect(team?.readOnly).toBe(false);
    expect(calendars.map((c) => new URL(c.url).pathname).sort()).toEqual(['/alice/private/', '/alice/team/']);
  });

  it('refuses a write to the read-only calendar with 403', async () => {
    const result = await (await login(bob)).create(teamUrl, 'bobs-try.ics', sampleEvent('bobs-try'));
    expect(result).toEqual({ ok: false, status: 403 });
  });
});

describe('sync-collection', () => {
  it('reports everything on the first sync, then creates, changes and deletes, and refuses a bogus token', async () => {
    const calendarUrl = await createCalendar(server, alice, 'sync');
    const first = { a: `${calendarUrl}a.ics`, b: `${calendarUrl}b.ics`, c: `${calendarUrl}c.ics` };
    for (const [uid, url] of Object.entries(first)) await putRawObject(url, alice, sampleEvent(uid));
    const connection = await login(alice);

    const initial = await connection.syncChanges(calendarUrl, '');
    if (initial === 'token_invalid') throw new Error('first sync refused');
    expect(initial.changed.map((c) => c.href).sort()).toEqual(['/alice/sync/a.ics', '/alice/sync/b.ics', '/alice/sync/c.ics']);
    expect(initial.deleted).toEqual([]);
    expect(initial.changed.every((c) => c.etag.length > 0)).toBe(true);

    const unchanged = await connection.syncChanges(calendarUrl, initial.newToken);
    expect(unchanged).toMatchObject({ changed: [], deleted: [] });

    const changedB = await putRawObject(first.b, alice, sampleEvent('b', 'moved'));
    await putRawObject(`${calendarUrl}d.ics`, alice, sampleEvent('d'));
    await deleteRawObject(first.c, alice);
    const next = await connection.syncChanges(calendarUrl, initial.newToken);
    if (next === 'token_invalid') throw new Error('token refused');
    expect(next.changed.map((c) => c.href).sort()).toEqual(['/alice/sync/b.ics', '/alice/sync/d.ics']);
    expect(next.changed.find((c) => c.href === '/alice/sync/b.ics')?.etag).toBe(changedB.etag);
    expect(next.deleted).toEqual(['/alice/sync/c.ics']);
    expect(next.newToken).not.toBe(initial.newToken);

    expect(await connection.syncChanges(calendarUrl, 'http://radicale.org/ns/sync/0000bogus')).toBe('token_invalid');
  });

  it('sees the same changes through the ctag and ETag fallback', async () => {
    const calendarUrl = await createCalendar(server, alice, 'fallback');
    await putRawObject(`${calendarUrl}a.ics`, alice, sampleEvent('a'));
    await putRawObject(`${calendarUrl}b.ics`, alice, sampleEvent('b'));
    const connection = await login(alice);
    const ctag = await connection.getCtag(calendarUrl);
    const before = await connection.listEtags(calendarUrl);
    expect(before.map((e) => e.href).sort()).toEqual(['/alice/fallback/a.ics', '/alice/fallback/b.ics']);

    expect(await connection.getCtag(calendarUrl)).toBe(ctag);
    const changedA = await putRawObject(`${calendarUrl}a.ics`, alice, sampleEvent('a', 'changed'));
    await deleteRawObject(`${calendarUrl}b.ics`, alice);
    await putRawObject(`${calendarUrl}c.ics`, alice, sampleEvent('c'));

    expect(await connection.getCtag(calendarUrl)).not.toBe(ctag);
    const after = await connection.listEtags(calendarUrl);
    expect(after.sort((x, y) => x.href.localeCompare(y.href))).toEqual([
      { href: '/alice/fallback/a.ics', etag: changedA.etag },
      { href: '/alice/fallback/c.ics', etag: expect.any(String) },
    ]);
  });
});

describe('writes with preconditions', () => {
  it('creates with If-None-Match (412 when the name is taken), updates and removes with If-Match', async () => {
    const connection = await login(bob);
    const created = await connection.create(bobsUrl, 'meeting.ics', sampleEvent('meeting'));
    if (!created.ok) throw new Error(`create: ${created.status}`);
    expect(created.href).toBe('/bob/work/meeting.ics');
    expect(created.etag).toBeTruthy();
    expect(await connection.create(bobsUrl, 'meeting.ics', sampleEvent('meeting', 'again'))).toEqual({ ok: false, status: 412 });

    const stale = '"not-the-current-etag"';
    expect(await connection.update(created.href, sampleEvent('meeting', 'stale'), stale)).toEqual({ ok: false, status: 412 });
    const updated = await connection.update(created.href, sampleEvent('meeting', 'moved'), created.etag ?? '');
    if (!updated.ok) throw new Error(`update: ${updated.status}`);
    expect(updated.etag).toBeTruthy();
    expect(updated.etag).not.toBe(created.etag);
    expect((await connection.fetchOne(created.href))?.data).toContain('SUMMARY:moved');

    expect(await connection.remove(created.href, created.etag ?? '')).toEqual({ ok: false, status: 412 });
    expect(await connection.remove(created.href, updated.etag ?? '')).toEqual({ ok: true });
    expect(await connection.fetchOne(created.href)).toBeNull();
    expect(await connection.remove(created.href, updated.etag ?? '')).toEqual({ ok: true });
  });

  it('hands over the server’s text unchanged, the same through multiget as through GET', async () => {
    const connection = await login(bob);
    const created = await connection.create(bobsUrl, 'text.ics', sampleEvent('text', 'Зустріч & <план>'));
    if (!created.ok) throw new Error(`create: ${created.status}`);
    const one = await connection.fetchOne(created.href);
    const { objects } = await connection.fetchObjects(bobsUrl, [created.href]);
    expect(one?.data).toContain('SUMMARY:Зустріч & <план>\r\n');
    expect(one?.data.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(objects[0]).toEqual({ href: created.href, etag: one?.etag, data: one?.data });
    expect(one?.etag).toBe(created.etag);
  });

  it('keeps a file name with spaces and non-Latin letters as one href', async () => {
    const connection = await login(bob);
    const created = await connection.create(bobsUrl, 'зустріч 1.ics', sampleEvent('zustrich'));
    if (!created.ok) throw new Error(`create: ${created.status}`);
    const fetched = await connection.fetchOne(created.href);
    expect(fetched?.data).toContain('UID:zustrich');
    const listed = await connection.listEtags(bobsUrl);
    expect(listed.map((e) => e.href)).toContain(created.href);
  });
});

describe('multiget', () => {
  it('fetches 1,000 objects in chunks and names the ones deleted meanwhile as missing', async () => {
    const uids = Array.from({ length: 1000 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
    const calendarUrl = await putWholeCalendar(server, alice, 'bulk', uids);
    const connection = await login(alice, server.url, { multigetChunk: 200 });
    const etags = await connection.listEtags(calendarUrl);
    expect(etags).toHaveLength(1000);
    const hrefs = etags.map((e) => e.href);
    const gone = [hrefs[5], hrefs[450], hrefs[999]] as string[];
    for (const href of gone) expect(await deleteRawObject(new URL(href, server.url).href, alice)).toBe(200);

    const { objects, missing } = await connection.fetchObjects(calendarUrl, hrefs);
    expect(missing.sort()).toEqual([...gone].sort());
    expect(objects).toHaveLength(997);
    const byHref = new Map(objects.map((o) => [o.href, o]));
    const sample = etags.find((e) => !gone.includes(e.href));
    expect(byHref.get(sample?.href ?? '')?.etag).toBe(sample?.etag);
    expect(objects.every((o) => o.data.includes('BEGIN:VEVENT') && o.data.includes(`UID:`))).toBe(true);
    expect(new Set(objects.map((o) => o.data.match(/UID:(\S+)/)?.[1])).size).toBe(997);
  });
});
