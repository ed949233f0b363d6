import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getBasicAuthHeaders } from 'tsdav';
import type { Workstation } from '#core/app/workstation';
import { ok } from './crm';
import { createCalendar, startRadicale, type RadicaleUser, type TestRadicale } from './radicale';
import { createTestWorkstation } from './workstation';

/** alice owns `work` and the shared `team` calendar; bob owns `work` and may read alice's `team`. */
export const alice: RadicaleUser = { name: 'alice', password: 'alice-pw-4417' };
export const bob: RadicaleUser = { name: 'bob', password: 'bob-pw-8820' };

/** The workstation's zone in these tests: Kyiv, so that wall-clock times and UTC differ. */
export const testZone = 'Europe/Kyiv';

export interface CalendarServer {
  radicale: TestRadicale;
  aliceWork: string;
  aliceTeam: string;
  bobWork: string;
}

/** A Radicale with the two users' calendars made (MKCALENDAR), none of them holding anything yet. */
export async function startCalendarServer(): Promise<CalendarServer> {
  const radicale = await startRadicale({ users: [alice, bob] });
  return {
    radicale,
    aliceWork: await createCalendar(radicale, alice, 'work', { displayName: 'Alice work' }),
    aliceTeam: await createCalendar(radicale, alice, 'team', { displayName: 'Team' }),
    bobWork: await createCalendar(radicale, bob, 'work', { displayName: 'Bob work' }),
  };
}

/** A workstation (disposed after the test) whose operator is the person using the account; syncs only on request. */
export async function calendarWorkstation(personName: string, overrides: Parameters<typeof createTestWorkstation>[0] = {}): Promise<{ workstation: Workstation; employeeId: string }> {
  const workstation = createTestWorkstation({ startCalendarSync: false, timeZone: testZone, ...overrides });
  const me = await ok(workstation, 'employees.save', { name: personName, extension: '201' });
  await ok(workstation, 'settings.update', { currentEmployeeId: me.id });
  return { workstation, employeeId: me.id };
}

/** calendar.connect from the bare server URL, as a person types it. */
export function connectAs(workstation: Workstation, server: CalendarServer, user: RadicaleUser) {
  return ok(workstation, 'calendar.connect', { serverUrl: server.radicale.url, username: user.name, password: user.password });
}

/** The server's copy of an object (GET as the given user); null when it has none. */
export async function serverObject(url: string, user: RadicaleUser): Promise<{ text: string; etag: string | null } | null> {
  const response = await fetch(url, { headers: getBasicAuthHeaders({ username: user.name, password: user.password }) });
  const text = await response.text();
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return { text, etag: response.headers.get('etag') };
}

/** The object files of a calendar as Radicale stores them (`<storage>/collection-root/<user>/<calendar>/`). */
export function storedFiles(server: CalendarServer, calendarUrl: string): string[] {
  const dir = join(server.radicale.storageDir, 'collection-root', ...new URL(calendarUrl).pathname.split('/').filter(Boolean));
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.ics'));
}

/** One property's value in the first VEVENT/VTODO of an iCalendar text (unfolded; not the VTIMEZONE's). */
export function property(ics: string, name: string): string | null {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const from = lines.findIndex((l) => l === 'BEGIN:VEVENT' || l === 'BEGIN:VTODO');
  const line = lines.slice(from).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return from < 0 || line === undefined ? null : line.slice(line.indexOf(':') + 1);
}

/** The range around the tests' "now" (2026-11-22): a month back and two ahead. */
export const wideRange = { from: Date.UTC(2026, 9, 22), to: Date.UTC(2027, 0, 22) };
