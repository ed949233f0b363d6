import { and, eq, isNotNull } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calendarEvents, calendarOutbox, calendars, calendarSyncProblems } from '#core/db/schema';
import { CalDavError } from '#core/calendar/caldav/caldav-errors';
import type { CalDavConnection, RemoteObject } from '#core/calendar/caldav/caldav-types';
import type { CalendarContext } from '#core/calendar/calendar-context';
import { parseCalendarResource, sameContent } from '#core/calendar/ical/index';
import type { CalendarRow } from '#core/calendar/items/calendars';
import { columnsOf } from '#core/calendar/items/item-columns';
import { knownLinks, type EventRow } from '#core/calendar/items/item-store';
import { openConflict } from './conflicts';

/** Objects applied per transaction: a kill -9 loses at most a batch's work, and the sync token moves only with the last one. */
const batchSize = 200;

export interface PullReport {
  changed: number;
  deleted: number;
  conflicts: number;
  /** Objects that could not be read (kept out, reported, tried again when they change). */
  rejected: number;
}

interface RemoteChanges {
  changed: { href: string; etag: string }[];
  deleted: string[];
  syncToken: string | null;
  ctag: string | null;
}

/** What changed on the server since the last pull: by sync token (RFC 6578), else by comparing ETags when the ctag moved. */
async function remoteChanges(db: ReadDb, connection: CalDavConnection, calendar: CalendarRow): Promise<RemoteChanges> {
  const url = calendar.url ?? '';
  const known = new Map(
    db
      .select({ href: calendarEvents.href, etag: calendarEvents.etag })
      .from(calendarEvents)
      .where(and(eq(calendarEvents.calendarId, calendar.id), isNotNull(calendarEvents.href)))
      .all()
      .map((r) => [r.href ?? '', r.etag]),
  );
  const byToken = await connection.syncChanges(url, calendar.syncToken ?? '').catch((error: unknown) => {
    // A server without sync-collection answers with an error of its own; one we cannot reach is not that.
    if (error instanceof CalDavError && ['unreachable', 'timeout', 'auth_failed'].includes(error.kind)) throw error;
    return 'token_invalid' as const;
  });
  if (byToken !== 'token_invalid' && calendar.syncToken !== null) {
    return { changed: byToken.changed.filter((c) => known.get(c.href) !== c.etag), deleted: byToken.deleted, syncToken: byToken.newToken, ctag: null };
  }
  // First sync, or the server forgot our token: everything it has, against everything we have.
  let listing: { href: string; etag: string }[];
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

/**
 * Brings one calendar up to the server's state. A server change to an item edited here and not yet sent
 * becomes a conflict (both kept); a server deletion of such an item too; malformed objects are skipped and
 * reported, the rest go through.
 */
export async function pullCalendar(ctx: CalendarContext, connection: CalDavConnection, calendar: CalendarRow, progress: (done: number, total: number) => void): Promise<PullReport> {
  const report: PullReport = { changed: 0, deleted: 0, conflicts: 0, rejected: 0 };
  const changes = await remoteChanges(ctx.database.read, connection, calendar);
  const total = changes.changed.length + changes.deleted.length;
  progress(0, total);
  const batches: { objects: RemoteObject[]; missing: string[] }[] = [];
  for (let i = 0; i < changes.changed.length; i += batchSize) {
    batches.push(await connection.fetchObjects(calendar.url ?? '', changes.changed.slice(i, i + batchSize).map((c) => c.href)));
  }
  const deletedHrefs = [...changes.deleted, ...batches.flatMap((b) => b.missing)];
  let done = 0;
  const lastBatch = Math.max(batches.length, 1) - 1;
  for (let i = 0; i <= lastBatch; i++) {
    const objects = batches[i]?.objects ?? [];
    const parsed = objects.map((object) => ({ object, result: parseCalendarResource(object.data, ctx.workstationZone()) }));
    await breathe();
    ctx.database.write((tx) => {
      for (const { object, result } of parsed) applyObject(tx, ctx, calendar, object, result, report);
      if (i === lastBatch) {
        for (const href of deletedHrefs) applyDeletion(tx, ctx, calendar, href, report);
        // The token moves with the last batch: a pull cut short starts again from the old one, and applying twice changes nothing.
        tx.update(calendars)
          .set({ syncToken: changes.syncToken ?? calendar.syncToken, ctag: changes.ctag ?? calendar.ctag, updatedAt: ctx.clock.now() })
          .where(eq(calendars.id, calendar.id))
          .run();
      }
    });
    done += objects.length;
    progress(i === lastBatch ? total : done, total);
  }
  return report;
}

function localByHref(tx: WriteDb, calendarId: string, href: string): EventRow | undefined {
  return tx.select().from(calendarEvents).where(and(eq(calendarEvents.calendarId, calendarId), eq(calendarEvents.href, href))).get();
}

function hasPendingChange(tx: WriteDb, eventId: string): boolean {
  return tx.select({ id: calendarOutbox.id }).from(calendarOutbox).where(eq(calendarOutbox.eventId, eventId)).get() !== undefined;
}

function applyObject(tx: WriteDb, ctx: CalendarContext, calendar: CalendarRow, object: RemoteObject, result: ReturnType<typeof parseCalendarResource>, report: PullReport): void {
  const now = ctx.clock.now();
  if (!result.ok) {
    report.rejected++;
    tx.insert(calendarSyncProblems)
      .values({ id: ctx.ids.next(), calendarId: calendar.id, href: object.href, etag: object.etag, reason: result.reason, detail: result.detail, seenAt: now })
      .onConflictDoUpdate({ target: [calendarSyncProblems.calendarId, calendarSyncProblems.href], set: { etag: object.etag, reason: result.reason, detail: result.detail, seenAt: now } })
      .run();
    return;
  }
  tx.delete(calendarSyncProblems).where(and(eq(calendarSyncProblems.calendarId, calendar.id), eq(calendarSyncProblems.href, object.href))).run();
  const local =
    localByHref(tx, calendar.id, object.href) ??
    tx.select().from(calendarEvents).where(and(eq(calendarEvents.calendarId, calendar.id), eq(calendarEvents.uid, result.resource.uid))).get();
  if (local && hasPendingChange(tx, local.id)) {
    // Our own change came back (a push whose answer was lost): nothing to choose between.
    if (local.deletedAt === null && local.ics !== null && sameContent(local.ics, object.data, ctx.workstationZone())) {
      tx.update(calendarEvents).set({ href: object.href, etag: object.etag }).where(eq(calendarEvents.id, local.id)).run();
      tx.delete(calendarOutbox).where(eq(calendarOutbox.eventId, local.id)).run();
      return;
    }
    report.conflicts++;
    openConflict(tx, ctx, local, local.deletedAt === null ? 'edited_on_both' : 'edited_on_server_deleted_here', { ics: object.data, etag: object.etag });
    return;
  }
  report.changed++;
  const columns = knownLinks(tx, columnsOf(result.resource, object.data));
  if (local) {
    tx.update(calendarEvents)
      .set({ ...columns, href: object.href, etag: object.etag, deletedAt: null, updatedAt: now, updatedBy: null })
      .where(eq(calendarEvents.id, local.id))
      .run();
  } else {
    tx.insert(calendarEvents)
      .values({ ...columns, id: ctx.ids.next(), calendarId: calendar.id, href: object.href, etag: object.etag, localRevision: 0, createdAt: now, updatedAt: now, updatedBy: null })
      .run();
  }
}

function applyDeletion(tx: WriteDb, ctx: CalendarContext, calendar: CalendarRow, href: string, report: PullReport): void {
  tx.delete(calendarSyncProblems).where(and(eq(calendarSyncProblems.calendarId, calendar.id), eq(calendarSyncProblems.href, href))).run();
  const local = localByHref(tx, calendar.id, href);
  if (!local) return;
  if (local.deletedAt === null && hasPendingChange(tx, local.id)) {
    report.conflicts++;
    openConflict(tx, ctx, local, 'deleted_on_server', { ics: null, etag: null });
    return;
  }
  if (local.deletedAt === null) report.deleted++;
  tx.delete(calendarOutbox).where(eq(calendarOutbox.eventId, local.id)).run();
  tx.update(calendarEvents).set({ deletedAt: local.deletedAt ?? ctx.clock.now(), href: null, etag: null }).where(eq(calendarEvents.id, local.id)).run();
}
