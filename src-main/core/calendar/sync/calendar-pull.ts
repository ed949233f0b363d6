import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calendarEvents, calendarOutbox, calendars, calendarSyncProblems } from '#core/db/schema';
import { CalDavError } from '#core/calendar/caldav/caldav-errors';
import type { CalDavConnection, RemoteObject } from '#core/calendar/caldav/caldav-types';
import type { CalendarContext } from '#core/calendar/calendar-context';
import { parseCalendarResource, sameContent, type ParseResult } from '#core/calendar/ical/index';
import type { CalendarRow } from '#core/calendar/items/calendars';
import { columnsOf } from '#core/calendar/items/item-columns';
import { linkChecker, type EventRow } from '#core/calendar/items/item-store';
import { openConflict } from './conflicts';

/** Objects applied per transaction: a kill -9 loses at most a batch's work, and the sync token moves only with the last one. */
const batchSize = 500;

export interface PullReport {
  changed: number;
  deleted: number;
  conflicts: number;
  /** Objects that could not be read (kept out, reported, tried again when they change). */
  rejected: number;
}

interface RemoteChanges {
  /** With their text when the server sent it along (sync-collection asked for calendar-data). */
  changed: { href: string; etag: string; data?: string }[];
  deleted: string[];
  syncToken: string | null;
  ctag: string | null;
}

/** The ETag we hold for each object of a calendar. */
function knownEtags(db: ReadDb, calendarId: string): Map<string, string | null> {
  const rows = db.$client.prepare('SELECT href, etag FROM calendar_events WHERE calendar_id = ? AND href IS NOT NULL').all(calendarId) as { href: string; etag: string | null }[];
  return new Map(rows.map((r) => [r.href, r.etag]));
}

/** What changed on the server since the last pull: by sync token (RFC 6578), else by comparing ETags when the ctag moved. */
async function remoteChanges(db: ReadDb, connection: CalDavConnection, calendar: CalendarRow): Promise<RemoteChanges> {
  const url = calendar.url ?? '';
  const known = knownEtags(db, calendar.id);
  const byToken = await connection.syncChanges(url, calendar.syncToken ?? '', { withData: true }).catch((error: unknown) => {
    // A server without sync-collection answers with an error of its own; one we cannot reach is not that.
    if (error instanceof CalDavError && ['unreachable', 'timeout', 'auth_failed'].includes(error.kind)) throw error;
    return 'token_invalid' as const;
  });
  if (byToken !== 'token_invalid' && calendar.syncToken !== null) {
    return { changed: byToken.changed.filter((c) => known.get(c.href) !== c.etag), deleted: byToken.deleted, syncToken: byToken.newToken, ctag: null };
  }
  // First sync, or the server forgot our token: everything it has, against everything we have.
  let listing: RemoteChanges['changed'];
  let syncToken: string | null = null;
  let ctag: string | null = null;
  if (byToken !== 'token_invalid') {
    listing = byToken.changed;
    syncToken = byToken.newToken;
  } else {
    ctag = await connection.getCtag(url);
    if (ctag !== null && ctag === calendar.ctag) return { changed: [], deleted: [], syncToken: null, ctag };
    listing = await connection.listEtags(url);
  }
  const present = new Set(listing.map((l) => l.href));
  return {
    changed: listing.filter((l) => known.get(l.href) !== l.etag),
    deleted: [...known.keys()].filter((href) => !present.has(href)),
    syncToken,
    ctag,
  };
}

/** Lets calls and the window breathe between batches of parsing. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The objects of one batch, their text fetched when the change list did not carry it. */
async function objectsOf(connection: CalDavConnection, calendar: CalendarRow, changed: RemoteChanges['changed']): Promise<{ objects: RemoteObject[]; missing: string[] }> {
  const carried = changed.flatMap((c) => (c.data !== undefined ? [{ href: c.href, etag: c.etag, data: c.data }] : []));
  const toFetch = changed.filter((c) => c.data === undefined).map((c) => c.href);
  if (toFetch.length === 0) return { objects: carried, missing: [] };
  const fetched = await connection.fetchObjects(calendar.url ?? '', toFetch);
  return { objects: [...carried, ...fetched.objects], missing: fetched.missing };
}

/**
 * Brings one calendar up to the server's state. A server change to an item edited here and not yet sent
 * becomes a conflict (both kept); a server deletion of such an item too; malformed objects are skipped and
 * reported, the rest go through.
 */
export async function pullCalendar(ctx: CalendarContext, connection: CalDavConnection, calendar: CalendarRow, progress: (done: number, total: number) => void): Promise<PullReport> {
  const report: PullReport = { changed: 0, deleted: 0, conflicts: 0, rejected: 0 };
  const zone = ctx.workstationZone();
  const changes = await remoteChanges(ctx.database.read, connection, calendar);
  const total = changes.changed.length + changes.deleted.length;
  progress(0, total);
  const deletedHrefs = [...changes.deleted];
  const batchCount = Math.max(1, Math.ceil(changes.changed.length / batchSize));
  let done = 0;
  for (let i = 0; i < batchCount; i++) {
    const { objects, missing } = await objectsOf(connection, calendar, changes.changed.slice(i * batchSize, (i + 1) * batchSize));
    deletedHrefs.push(...missing);
    const parsed = objects.map((object) => ({ object, result: parseCalendarResource(object.data, zone) }));
    await breathe();
    const last = i === batchCount - 1;
    ctx.database.write((tx) => {
      applyBatch(tx, ctx, calendar, parsed, report);
      if (last) {
        for (const href of deletedHrefs) applyDeletion(tx, ctx, calendar, href, report);
        // The token moves with the last batch: a pull cut short starts again from the old one, and applying twice changes nothing.
        tx.update(calendars)
          .set({ syncToken: changes.syncToken ?? calendar.syncToken, ctag: changes.ctag ?? calendar.ctag, updatedAt: ctx.clock.now() })
          .where(eq(calendars.id, calendar.id))
          .run();
      }
    });
    done += objects.length;
    progress(last ? total : done, total);
  }
  return report;
}

/** The calendar's items a batch may touch (by href, then by UID) and which of them wait in the outbox: a query each, by their indexes. */
function localState(tx: WriteDb, calendarId: string, parsed: { object: RemoteObject; result: ParseResult }[]) {
  const hrefs = parsed.map((p) => p.object.href);
  const uids = parsed.flatMap((p) => (p.result.ok ? [p.result.resource.uid] : []));
  const ofCalendar = eq(calendarEvents.calendarId, calendarId);
  const byHrefRows = tx.select().from(calendarEvents).where(and(ofCalendar, inArray(calendarEvents.href, hrefs))).all();
  const byUidRows = tx.select().from(calendarEvents).where(and(ofCalendar, inArray(calendarEvents.uid, uids))).all();
  const ids = [...new Set([...byHrefRows, ...byUidRows].map((r) => r.id))];
  const pending = new Set(ids.length === 0 ? [] : tx.select({ id: calendarOutbox.eventId }).from(calendarOutbox).where(inArray(calendarOutbox.eventId, ids)).all().map((r) => r.id));
  return { byHref: new Map(byHrefRows.map((r) => [r.href!, r])), byUid: new Map(byUidRows.map((r) => [r.uid ?? '', r])), pending };
}

function applyBatch(tx: WriteDb, ctx: CalendarContext, calendar: CalendarRow, parsed: { object: RemoteObject; result: ParseResult }[], report: PullReport): void {
  if (parsed.length === 0) return;
  const now = ctx.clock.now();
  const zone = ctx.workstationZone();
  const local = localState(tx, calendar.id, parsed);
  const hasProblems = tx.select({ id: calendarSyncProblems.id }).from(calendarSyncProblems).where(eq(calendarSyncProblems.calendarId, calendar.id)).limit(1).get() !== undefined;
  const known = linkChecker(tx, parsed.flatMap((p) => (p.result.ok ? [columnsOf(p.result.resource, p.object.data)] : [])));
  const inserts: EventRow[] = [];
  for (const { object, result } of parsed) {
    if (!result.ok) {
      report.rejected++;
      tx.insert(calendarSyncProblems)
        .values({ id: ctx.ids.next(), calendarId: calendar.id, href: object.href, etag: object.etag, reason: result.reason, detail: result.detail, seenAt: now })
        .onConflictDoUpdate({ target: [calendarSyncProblems.calendarId, calendarSyncProblems.href], set: { etag: object.etag, reason: result.reason, detail: result.detail, seenAt: now } })
        .run();
      continue;
    }
    if (hasProblems) tx.delete(calendarSyncProblems).where(and(eq(calendarSyncProblems.calendarId, calendar.id), eq(calendarSyncProblems.href, object.href))).run();
    const row = local.byHref.get(object.href) ?? local.byUid.get(result.resource.uid);
    if (row && local.pending.has(row.id)) {
      // Our own change came back (a push whose answer was lost): nothing to choose between.
      if (row.deletedAt === null && row.ics !== null && sameContent(row.ics, object.data, zone)) {
        tx.update(calendarEvents).set({ href: object.href, etag: object.etag }).where(eq(calendarEvents.id, row.id)).run();
        tx.delete(calendarOutbox).where(eq(calendarOutbox.eventId, row.id)).run();
        continue;
      }
      report.conflicts++;
      openConflict(tx, ctx, row, row.deletedAt === null ? 'edited_on_both' : 'edited_on_server_deleted_here', { ics: object.data, etag: object.etag });
      continue;
    }
    report.changed++;
    const columns = known(columnsOf(result.resource, object.data));
    if (row) {
      tx.update(calendarEvents)
        .set({ ...columns, href: object.href, etag: object.etag, deletedAt: null, updatedAt: now, updatedBy: null })
        .where(eq(calendarEvents.id, row.id))
        .run();
    } else {
      inserts.push({ ...columns, id: ctx.ids.next(), calendarId: calendar.id, href: object.href, etag: object.etag, localRevision: 0, createdAt: now, updatedAt: now, updatedBy: null, deletedAt: null } as EventRow);
    }
  }
  if (inserts.length > 0) {
    const insert = insertStatement(tx);
    for (const row of inserts) insert.run(sqlValues(row));
  }
}

/**
 * One statement prepared per batch for its new items, named after the table's own columns: a first sync of
 * thousands of items spends its time reading them, not building SQL (a query builder's cost per row was a
 * fifth of the sync).
 */
function insertStatement(tx: WriteDb) {
  const columns = Object.entries(getTableColumns(calendarEvents));
  return tx.$client.prepare(`INSERT INTO calendar_events (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(([key]) => `@${key}`).join(', ')})`);
}

function sqlValues(row: EventRow): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const key of Object.keys(getTableColumns(calendarEvents))) {
    const value = (row as Record<string, unknown>)[key];
    values[key] = typeof value === 'boolean' ? Number(value) : ((value ?? null) as string | number | null);
  }
  return values;
}

function applyDeletion(tx: WriteDb, ctx: CalendarContext, calendar: CalendarRow, href: string, report: PullReport): void {
  tx.delete(calendarSyncProblems).where(and(eq(calendarSyncProblems.calendarId, calendar.id), eq(calendarSyncProblems.href, href))).run();
  const local = tx.select().from(calendarEvents).where(and(eq(calendarEvents.calendarId, calendar.id), eq(calendarEvents.href, href))).get();
  if (!local) return;
  const pending = tx.select({ id: calendarOutbox.id }).from(calendarOutbox).where(eq(calendarOutbox.eventId, local.id)).get() !== undefined;
  if (local.deletedAt === null && pending) {
    report.conflicts++;
    openConflict(tx, ctx, local, 'deleted_on_server', { ics: null, etag: null });
    return;
  }
  if (local.deletedAt === null) report.deleted++;
  tx.delete(calendarOutbox).where(eq(calendarOutbox.eventId, local.id)).run();
  tx.update(calendarEvents).set({ deletedAt: local.deletedAt ?? ctx.clock.now(), href: null, etag: null }).where(eq(calendarEvents.id, local.id)).run();
}
