import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import ICAL from 'ical.js';
import { fetchCalendarObjects, getBasicAuthHeaders } from 'tsdav';
import type { Workstation } from '#core/app/workstation';
import { calendarEvents } from '#core/db/schema';
import { createCalendar, putRawObject, startRadicale, type RadicaleUser, type TestRadicale } from '#tests/support/radicale';
import { ok, scratchDir, workstationOn } from './bench-workstation';
import { percentile, type Figure } from './measure';

const events = 5_000;
/** Timed first syncs on each side, after one untimed of each; the sides alternate. */
const firstSyncRuns = 6;
const changes = 20;
const user: RadicaleUser = { name: 'manager', password: 'bench-pw-5120' };
const calendarName = 'work';

/** Zones as clients write them: IANA names with their VTIMEZONE, and Outlook's Windows name for Kyiv's offsets. */
const zones: Record<string, string[]> = {
  'Europe/Kyiv': vtimezone('Europe/Kyiv', ['+0200', '+0300'], ['19700329T030000', 'BYMONTH=3;BYDAY=-1SU'], ['19701025T040000', 'BYMONTH=10;BYDAY=-1SU']),
  'Europe/Berlin': vtimezone('Europe/Berlin', ['+0100', '+0200'], ['19700329T020000', 'BYMONTH=3;BYDAY=-1SU'], ['19701025T030000', 'BYMONTH=10;BYDAY=-1SU']),
  'America/New_York': vtimezone('America/New_York', ['-0500', '-0400'], ['19700308T020000', 'BYMONTH=3;BYDAY=2SU'], ['19701101T020000', 'BYMONTH=11;BYDAY=1SU']),
  'FLE Standard Time': vtimezone('FLE Standard Time', ['+0200', '+0300'], ['19700329T030000', 'BYMONTH=3;BYDAY=-1SU'], ['19701025T040000', 'BYMONTH=10;BYDAY=-1SU']),
};
const zoneNames = Object.keys(zones);

function vtimezone(tzid: string, [standard, daylight]: [string, string], [summerStart, summerRule]: [string, string], [winterStart, winterRule]: [string, string]): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${daylight}`,
    `TZOFFSETTO:${standard}`,
    `DTSTART:${winterStart}`,
    `RRULE:FREQ=YEARLY;${winterRule}`,
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    `TZOFFSETFROM:${standard}`,
    `TZOFFSETTO:${daylight}`,
    `DTSTART:${summerStart}`,
    `RRULE:FREQ=YEARLY;${summerRule}`,
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];
}

const pad = (n: number) => String(n).padStart(2, '0');
const uidOf = (i: number) => `bench-${String(i).padStart(5, '0')}@crm.example`;

/** A local date-time `days` after 2025-09-01 (a Monday) at `minutes` past midnight, as iCalendar writes it. */
function localStamp(days: number, minutes: number): string {
  const d = new Date(Date.UTC(2025, 8, 1 + days, 0, minutes));
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}

/** The zone event `i` is written in; every tenth in UTC. */
function zoneOf(i: number): string | null {
  return i % 10 === 9 ? null : (zoneNames[i % zoneNames.length] ?? null);
}

/**
 * Event `i` of a sales manager's calendar, as CalDAV clients and this CRM write them: times in several zones,
 * a weekly series every twelfth (some with an exception moved and a date left out), CRM X- properties on a
 * third, reminders, descriptions in Ukrainian, attendees, now and then an all-day item.
 */
function eventComponents(i: number, summarySuffix = ''): string[] {
  const uid = uidOf(i);
  const zone = zoneOf(i);
  const days = i % 540;
  const minutes = 8 * 60 + ((i * 7) % 20) * 30;
  const length = [30, 60, 90][i % 3] ?? 30;
  const at = (d: number, m: number) => (zone === null ? `:${localStamp(d, m - 180)}Z` : `;TZID=${zone}:${localStamp(d, m)}`);
  const allDay = i % 50 === 0;
  const lines = ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250815T120000Z', 'CREATED:20250815T120000Z', `SEQUENCE:${i % 4}`];
  lines.push(`SUMMARY:${allDay ? 'Виставка' : 'Зустріч з клієнтом'} №${i}${summarySuffix}`);
  if (allDay) lines.push(`DTSTART;VALUE=DATE:${localStamp(days, 0).slice(0, 8)}`, `DTEND;VALUE=DATE:${localStamp(days + 2, 0).slice(0, 8)}`, 'TRANSP:TRANSPARENT');
  else lines.push(`DTSTART${at(days, minutes)}`, `DTEND${at(days, minutes + length)}`);
  const series = i % 12 === 0 && !allDay;
  if (series) lines.push(i % 24 === 0 ? 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=39' : `RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=${localStamp(days + 180, 0).slice(0, 8)}T235959Z`);
  if (i % 24 === 0) lines.push(`EXDATE${at(days + 7, minutes)}`);
  if (i % 3 === 0) {
    lines.push(`X-CRM-KIND:${['meeting', 'call', 'callback'][i % 9 === 0 ? 2 : (i / 3) % 2] ?? 'meeting'}`, `X-CRM-OWNER:emp-${i % 17}`, `X-CRM-CONTACT:contact-${i * 31}`);
    if (i % 6 === 0) lines.push(`X-CRM-COMPANY:company-${i % 401}`, `X-CRM-DEAL:deal-${i % 997}`);
  }
  if (i % 7 === 0) {
    lines.push(
      `LOCATION:Київ\\, вул. Хрещатик ${i % 120}\\, оф. ${i % 30}`,
      `DESCRIPTION:Обговорити умови поставки\\, знижку та графік оплат.\\nПідготувати комерційну пропозицію №${i}.\\nКонтакт: +380 44 ${100 + (i % 900)} ${pad(i % 100)} ${pad((i * 3) % 100)}`,
      'ORGANIZER;CN=Менеджер:mailto:manager@crm.example',
      `ATTENDEE;CN=Клієнт ${i};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:client${i}@example.com`,
    );
  }
  if (i % 5 === 0) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Нагадування', `TRIGGER:-PT${[5, 15, 60][i % 3]}M`, 'END:VALARM');
  lines.push('END:VEVENT');
  if (i % 24 === 0) {
    // One occurrence of the series moved an hour later, as an exception of its own.
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'DTSTAMP:20250815T120000Z',
      `RECURRENCE-ID${at(days + 14, minutes)}`,
      `SUMMARY:Зустріч з клієнтом №${i} (перенесено)${summarySuffix}`,
      `DTSTART${at(days + 14, minutes + 60)}`,
      `DTEND${at(days + 14, minutes + 60 + length)}`,
      'END:VEVENT',
    );
  }
  return lines;
}

function calendarText(components: string[], usedZones: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//CRM Bench//Calendar 5000//UK', ...usedZones.flatMap((z) => zones[z] ?? []), ...components, 'END:VCALENDAR', ''].join('\r\n');
}

/**
 * The calendar written straight into Radicale's storage, one object per UID with the VTIMEZONE it uses (as
 * clients store them): Radicale takes minutes to accept 5,000 such events through PUT. Its first read of the
 * collection (vobject parsing every item) builds its caches, longer than a client waits: done here, untimed.
 */
async function loadCalendar(server: TestRadicale): Promise<string> {
  const url = await createCalendar(server, user, calendarName, { components: ['VEVENT'] });
  const dir = join(server.storageDir, 'collection-root', user.name, calendarName);
  for (let i = 0; i < events; i++) {
    const zone = zoneOf(i);
    writeFileSync(join(dir, `${uidOf(i).split('@')[0] ?? i}.ics`), calendarText(eventComponents(i), zone === null ? [] : [zone]));
  }
  const listing = await fetch(url, { method: 'PROPFIND', headers: { ...getBasicAuthHeaders({ username: user.name, password: user.password }), depth: '1' } });
  const body = await listing.text();
  if (listing.status !== 207 || (body.match(/\.ics</g) ?? []).length < events) throw new Error(`PROPFIND ${url}: ${listing.status}\n${server.output.slice(-2000)}`);
  return url;
}

function liveEvents(workstation: Workstation): number {
  return workstation.database.read.select({ n: count() }).from(calendarEvents).where(isNull(calendarEvents.deletedAt)).get()?.n ?? 0;
}

/** A workstation of its own, connected to the account: seconds from `calendar.connect` to its first sync done. */
async function connectedWorkstation(server: TestRadicale): Promise<{ seconds: number; workstation: Workstation; close: () => Promise<void> }> {
  const scratch = scratchDir();
  const workstation = workstationOn(scratch.path, join(scratch.path, 'workstation.sqlite'), { startCalendarSync: false });
  const close = async () => {
    await workstation.dispose();
    scratch.remove();
  };
  try {
    const start = performance.now();
    const account = await ok(workstation, 'calendar.connect', { serverUrl: server.url, username: user.name, password: user.password });
    const seconds = (performance.now() - start) / 1000;
    const synced = liveEvents(workstation);
    if (account.lastError !== null || account.problems > 0 || synced !== events) {
      throw new Error(`first sync: ${synced} of ${events} items, ${account.problems} unreadable, last error ${account.lastError ?? 'none'}`);
    }
    return { seconds, workstation, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function ourFirstSync(server: TestRadicale): Promise<number> {
  const { seconds, close } = await connectedWorkstation(server);
  await close();
  return seconds;
}

/** The bare baseline: tsdav's own calendar-query + multiget of every object, and ical.js's parse of each; nothing stored. */
async function bareFirstSync(calendarUrl: string): Promise<number> {
  const start = performance.now();
  const objects = await fetchCalendarObjects({ calendar: { url: calendarUrl }, headers: getBasicAuthHeaders({ username: user.name, password: user.password }) });
  let parsed = 0;
  for (const object of objects) {
    const component = new ICAL.Component(ICAL.parse(String(object.data)) as unknown[]);
    if (component.getFirstSubcomponent('vevent')) parsed++;
  }
  const seconds = (performance.now() - start) / 1000;
  if (parsed !== events) throw new Error(`bare first sync: ${parsed} of ${events} objects parsed`);
  return seconds;
}

/**
 * One event changed on the server (a PUT of its object, as another client would), then `calendar.syncNow`
 * until the workstation has the new title: milliseconds from the PUT's answer to the change stored.
 */
async function incrementalSyncs(server: TestRadicale, workstation: Workstation, log: (line: string) => void): Promise<number[]> {
  const samples: number[] = [];
  for (let n = 0; n < changes + 1; n++) {
    // Changes go round the calendar's shapes: series with exceptions, CRM items, reminders, UTC, all-day.
    const i = (n * 1_237) % events;
    const uid = uidOf(i);
    const row = workstation.database.read.select({ href: calendarEvents.href }).from(calendarEvents).where(eq(calendarEvents.uid, uid)).get();
    if (!row?.href) throw new Error(`incremental sync: ${uid} has no href here`);
    const suffix = ` (зміна ${n})`;
    const zone = zoneOf(i);
    const { status } = await putRawObject(new URL(row.href, server.url).href, user, calendarText(eventComponents(i, suffix), zone === null ? [] : [zone]));
    if (status !== 201) throw new Error(`PUT ${row.href}: ${status}`);
    const wanted = `${i % 50 === 0 ? 'Виставка' : 'Зустріч з клієнтом'} №${i}${suffix}`;
    const seen = () =>
      workstation.database.read
        .select({ title: calendarEvents.title })
        .from(calendarEvents)
        .where(and(eq(calendarEvents.uid, uid), isNull(calendarEvents.deletedAt)))
        .get()?.title === wanted;
    const start = performance.now();
    let syncs = 0;
    while (!seen()) {
      if (++syncs > 5) throw new Error(`incremental sync: ${uid} not seen after 5 syncs`);
      await ok(workstation, 'calendar.syncNow', {});
    }
    // The first change warms the path up (token sync, statements); it is not timed.
    if (n > 0) samples.push(performance.now() - start);
  }
  log(`calendar: ${changes} server changes each seen after one syncNow`);
  return samples;
}

function seconds(name: string, samples: number[]): Figure[] {
  return [50, 95].map((p) => ({ name: `${name}.p${p}_s`, value: percentile(samples, p), unit: 's' }));
}

/**
 * `calendar.first_sync_5000.s`: a fresh workstation connects a CalDAV account (Radicale on 127.0.0.1) whose
 * calendar holds 5,000 realistic events and syncs them all, from `calendar.connect` to its answer (the first
 * sync done, every item stored); beside it, against the same server data in the same run, tsdav's own
 * `fetchCalendarObjects` and ical.js's parse of each object (`raw.calendar.first_sync_5000.s`); the sides
 * alternate. `calendar.incremental_sync.ms`: with those 5,000 synced, one event changed on the server, then
 * `calendar.syncNow` until it is stored here.
 */
export async function calendarSyncFigures(log: (line: string) => void): Promise<Figure[]> {
  const server = await startRadicale({ users: [user] });
  try {
    const calendarUrl = await loadCalendar(server);
    log(`calendar: ${events} events on Radicale at ${calendarUrl}`);
    log(`calendar: untimed first syncs (Radicale builds its caches): ours ${(await ourFirstSync(server)).toFixed(2)} s, bare ${(await bareFirstSync(calendarUrl)).toFixed(2)} s`);
    const ours: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < firstSyncRuns; run++) {
      if (run % 2 === 0) {
        ours.push(await ourFirstSync(server));
        bare.push(await bareFirstSync(calendarUrl));
      } else {
        bare.push(await bareFirstSync(calendarUrl));
        ours.push(await ourFirstSync(server));
      }
      log(`calendar: first sync ${run + 1}/${firstSyncRuns}: ours ${ours.at(-1)?.toFixed(2)} s, bare ${bare.at(-1)?.toFixed(2)} s`);
    }
    const synced = await connectedWorkstation(server);
    let incremental: number[];
    try {
      incremental = await incrementalSyncs(server, synced.workstation, log);
    } finally {
      await synced.close();
    }
    return [
      { name: 'calendar.first_sync_5000.s', value: percentile(ours, 50), unit: 's' },
      { name: 'raw.calendar.first_sync_5000.s', value: percentile(bare, 50), unit: 's' },
      ...seconds('calendar.first_sync_5000', ours),
      ...seconds('raw.calendar.first_sync_5000', bare),
      { name: 'calendar.first_sync_ratio_to_bare', value: percentile(ours, 50) / percentile(bare, 50), unit: 'x (p50/p50)' },
      { name: 'calendar.first_sync_ratio_to_bare.p95', value: percentile(ours, 95) / percentile(bare, 95), unit: 'x (p95/p95)' },
      { name: 'calendar.incremental_sync.ms', value: percentile(incremental, 50), unit: 'ms' },
      { name: 'calendar.incremental_sync.p50_ms', value: percentile(incremental, 50), unit: 'ms' },
      { name: 'calendar.incremental_sync.p95_ms', value: percentile(incremental, 95), unit: 'ms' },
    ];
  } finally {
    await server.stop();
  }
}
