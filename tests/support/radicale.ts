import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBasicAuthHeaders, makeCalendar } from 'tsdav';
import { freePort } from './sip/kamailio';

export interface RadicaleUser {
  name: string;
  password: string;
}

export interface TestRadicale {
  /** http://127.0.0.1:PORT/ */
  url: string;
  pid: number;
  storageDir: string;
  /** Radicale's own output (warnings and errors), for a failing test's message. */
  readonly output: string;
  /** Stops it for good and removes its files. */
  stop(): Promise<void>;
  /** Stops the process only ("server down"): storage, config and port stay for restart(). */
  halt(): Promise<void>;
  /** Starts it again on the same port with the same storage (halting it first if it runs). */
  restart(): Promise<void>;
}

/** The shared calendar of the first user that every other user may read: `/<first>/team/`. */
export const sharedCalendarName = 'team';

/**
 * Each user owns their home; the first user's `team` calendar is readable (not writable) by every
 * other user. The first user's principal is listable by everyone (R), so that PROPFIND on it shows
 * the calendars a colleague may read; Radicale hides the ones they may not.
 */
export function defaultRights(users: RadicaleUser[]): string {
  const owner = users[0]?.name ?? 'alice';
  return `[root]
user: .+
collection:
permissions: R

[own-principal]
user: .+
collection: {user}
permissions: RW

[own-calendars]
user: .+
collection: {user}/[^/]+
permissions: rw

[shared-principal]
user: .+
collection: ${owner}
permissions: R

[shared-calendar]
user: .+
collection: ${owner}/${sharedCalendarName}
permissions: r
`;
}

/**
 * A Radicale 3 of its own for one suite: plain htpasswd users, a rights file, own storage; on
 * 127.0.0.1 with a free port, in the foreground, stopped by PID; ready when it answers HTTP.
 */
export async function startRadicale(options: { users: RadicaleUser[]; rights?: string }): Promise<TestRadicale> {
  const dir = mkdtempSync(join(tmpdir(), 'radicale-'));
  const storageDir = join(dir, 'collections');
  mkdirSync(storageDir);
  writeFileSync(join(dir, 'users'), options.users.map((u) => `${u.name}:${u.password}`).join('\n') + '\n');
  writeFileSync(join(dir, 'rights'), options.rights ?? defaultRights(options.users));
  const port = await freePort();
  writeFileSync(
    join(dir, 'config'),
    `[server]
hosts = 127.0.0.1:${port}
[auth]
type = htpasswd
htpasswd_filename = ${join(dir, 'users')}
htpasswd_encryption = plain
# Radicale delays every failed login by up to this many seconds; tests try wrong passwords on purpose.
delay = 0
[rights]
type = from_file
file = ${join(dir, 'rights')}
[storage]
filesystem_folder = ${storageDir}
[web]
type = none
[logging]
level = warning
mask_passwords = True
`,
  );
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | undefined;
  let log = '';

  const start = async (): Promise<void> => {
    const proc = spawn('radicale', ['--config', join(dir, 'config')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`Radicale exited at start (${proc.exitCode}):\n${log.slice(-3000)}`);
      if (await answers(url)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Radicale did not answer on ${url} in 15 s:\n${log.slice(-3000)}`);
  };

  const halt = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
      setTimeout(() => proc.kill('SIGKILL'), 3_000).unref();
    });
  };

  await start();
  return {
    url,
    get pid() {
      return child?.pid ?? 0;
    },
    storageDir,
    get output() {
      return log;
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    halt,
    async restart() {
      await halt();
      await start();
    },
  } satisfies TestRadicale;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'OPTIONS' });
    return true;
  } catch {
    return false;
  }
}

function authHeaders(user: RadicaleUser): Record<string, string> {
  return getBasicAuthHeaders({ username: user.name, password: user.password });
}

/** MKCALENDAR `/<user>/<name>/` as that user; returns the calendar's absolute URL. */
export async function createCalendar(
  server: Pick<TestRadicale, 'url'>,
  user: RadicaleUser,
  name: string,
  props: { displayName?: string; color?: string; components?: string[] } = {},
): Promise<string> {
  const url = new URL(`/${user.name}/${name}/`, server.url).href;
  const [response] = await makeCalendar({
    url,
    props: {
      'd:displayname': props.displayName ?? name,
      ...(props.color ? { 'ca:calendar-color': props.color } : {}),
      'c:supported-calendar-component-set': { 'c:comp': (props.components ?? ['VEVENT', 'VTODO']).map((comp) => ({ _attributes: { name: comp } })) },
    },
    headers: authHeaders(user),
  });
  if (!response?.ok) throw new Error(`MKCALENDAR ${url} as ${user.name}: ${response?.status}`);
  return url;
}

/**
 * Many events at once: Radicale takes a PUT of a whole VCALENDAR on a collection's URL, creating
 * the calendar `/<user>/<name>/` with one object per UID (`<uid>.ics`). Far faster than one PUT each.
 */
export async function putWholeCalendar(server: Pick<TestRadicale, 'url'>, user: RadicaleUser, name: string, uids: string[]): Promise<string> {
  const url = new URL(`/${user.name}/${name}/`, server.url).href;
  const events = uids.flatMap((uid) => sampleEvent(uid).split('\r\n').slice(3, -2));
  const body = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Operator Workstation//tests//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
  const { status } = await putRawObject(url, user, body);
  if (status !== 201) throw new Error(`PUT of a whole calendar ${url}: ${status}`);
  return url;
}

/** PUT one object as the given user, unconditionally; returns the answer's status and ETag. */
export async function putRawObject(url: string, user: RadicaleUser, data: string): Promise<{ status: number; etag: string | null }> {
  const response = await fetch(url, { method: 'PUT', body: data, headers: { ...authHeaders(user), 'Content-Type': 'text/calendar; charset=utf-8' } });
  await response.arrayBuffer();
  return { status: response.status, etag: response.headers.get('etag') };
}

/** DELETE one object as the given user, unconditionally. */
export async function deleteRawObject(url: string, user: RadicaleUser): Promise<number> {
  const response = await fetch(url, { method: 'DELETE', headers: authHeaders(user) });
  await response.arrayBuffer();
  return response.status;
}

/** A minimal valid VEVENT, enough for a server to store; the uid names it. */
export function sampleEvent(uid: string, summary = uid, start = '20250310T090000Z'): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Operator Workstation//tests//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20250301T000000Z',
    `DTSTART:${start}`,
    'DURATION:PT30M',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
