import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { connectCalDav } from '#core/calendar/caldav/caldav-connection';
import { CalDavError } from '#core/calendar/caldav/caldav-errors';
import { createCalendar, putRawObject, sampleEvent, startRadicale, type TestRadicale } from '#tests/support/radicale';

const alice = { name: 'alice', password: 'alice-pw-7731' };
const bob = { name: 'bob', password: 'bob-pw-9904' };

const running: TestRadicale[] = [];
const httpServers: Server[] = [];

async function radicale(rights?: string): Promise<TestRadicale> {
  const server = await startRadicale({ users: [alice, bob], rights });
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  for (const server of httpServers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function failure(promise: Promise<unknown>): Promise<CalDavError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CalDavError);
  return error as CalDavError;
}

describe('a server that goes away', () => {
  it('says unreachable while it is down, and the same connection carries on after a restart on the same storage', async () => {
    const server = await radicale();
    const calendarUrl = await createCalendar(server, bob, 'work');
    const connection = await connectCalDav({ serverUrl: server.url, username: bob.name, password: bob.password });
    const created = await connection.create(calendarUrl, 'a.ics', sampleEvent('a'));
    if (!created.ok) throw new Error(`create: ${created.status}`);
    const first = await connection.syncChanges(calendarUrl, '');
    if (first === 'token_invalid') throw new Error('first sync refused');

    await server.halt();
    expect((await failure(connection.update(created.href, sampleEvent('a', 'offline edit'), created.etag ?? ''))).kind).toBe('unreachable');
    expect((await failure(connection.syncChanges(calendarUrl, first.newToken))).kind).toBe('unreachable');
    expect((await failure(connectCalDav({ serverUrl: server.url, username: bob.name, password: bob.password }))).kind).toBe('unreachable');

    await server.restart();
    const updated = await connection.update(created.href, sampleEvent('a', 'caught up'), created.etag ?? '');
    expect(updated.ok).toBe(true);
    const next = await connection.syncChanges(calendarUrl, first.newToken);
    expect(next).toMatchObject({ changed: [{ href: '/bob/work/a.ics' }], deleted: [] });
  });

  it('says timeout when the server accepts the connection but never answers', async () => {
    const silent = createServer(() => undefined);
    httpServers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const error = await failure(connectCalDav({ serverUrl: `http://127.0.0.1:${port}/`, username: 'bob', password: 'pw' }, { timeoutMs: 300 }));
    expect(error.kind).toBe('timeout');
  });

  it('says server_error for a 5xx answer', async () => {
    const broken = createServer((_req, res) => res.writeHead(503).end());
    httpServers.push(broken);
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const address = broken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const error = await failure(connectCalDav({ serverUrl: `http://127.0.0.1:${port}/`, username: 'bob', password: 'pw' }));
    expect(error).toMatchObject({ kind: 'server_error', status: 503 });
  });
});

describe('a colleague’s calendar the server does not list', () => {
  // Read on /alice/team/ only: bob may not list alice's principal, so nothing leads him to the calendar.
  const teamOnlyRights = `[root]
user: .+
collection:
permissions: R

[own]
user: .+
collection: {user}(/[^/]+)?
permissions: RWrw

[team]
user: .+
collection: alice/team
permissions: r
`;

  it('is found only through extraCalendarUrls, read-only, and refuses writes with 403', async () => {
    const server = await radicale(teamOnlyRights);
    const teamUrl = await createCalendar(server, alice, 'team', { displayName: 'Team' });
    await putRawObject(`${teamUrl}a.ics`, alice, sampleEvent('a'));
    await createCalendar(server, bob, 'work');
    const credentials = { serverUrl: server.url, username: bob.name, password: bob.password };

    const plain = await (await connectCalDav(credentials)).listCalendars();
    expect(plain.map((c) => new URL(c.url).pathname)).toEqual(['/bob/work/']);
    await expect(fetch(teamUrl, { method: 'PROPFIND', headers: { authorization: `Basic ${btoa('bob:bob-pw-9904')}`, depth: '0' } })).resolves.toMatchObject({ status: 207 });

    const connection = await connectCalDav(credentials, { extraCalendarUrls: [new URL('/alice/team', server.url).href] });
    const calendars = await connection.listCalendars();
    expect(calendars.map((c) => [new URL(c.url).pathname, c.readOnly, c.ownerUsername])).toEqual([
      ['/bob/work/', false, 'bob'],
      ['/alice/team/', true, 'alice'],
    ]);
    const first = await connection.syncChanges(teamUrl, '');
    expect(first).toMatchObject({ changed: [{ href: '/alice/team/a.ics' }] });
    expect(await connection.create(teamUrl, 'b.ics', sampleEvent('b'))).toEqual({ ok: false, status: 403 });
  });
});

describe('a server that forbids its root', () => {
  it('says forbidden from the bare URL, and connects from the URL of the user’s own principal', async () => {
    const server = await radicale(`[own]
user: .+
collection: {user}(/[^/]+)?
permissions: RWrw
`);
    const credentials = { serverUrl: server.url, username: bob.name, password: bob.password };
    expect((await failure(connectCalDav(credentials))).kind).toBe('forbidden');
    const connection = await connectCalDav({ ...credentials, serverUrl: new URL('/bob/', server.url).href });
    expect(new URL(connection.homeUrl).pathname).toBe('/bob/');
  });
});
