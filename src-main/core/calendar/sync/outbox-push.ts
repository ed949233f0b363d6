import { eq } from 'drizzle-orm';
import { calendarEvents } from '#core/db/schema';
import { CalDavError } from '#core/calendar/caldav/caldav-errors';
import type { CalDavConnection, RemoteObject } from '#core/calendar/caldav/caldav-types';
import type { CalendarContext } from '#core/calendar/calendar-context';
import { sameContent } from '#core/calendar/ical/index';
import type { CalendarRow } from '#core/calendar/items/calendars';
import type { EventRow } from '#core/calendar/items/item-store';
import { openConflict } from './conflicts';
import { dueOutbox, retryLater, sent, unreachable } from './outbox';

export interface PushReport {
  sent: number;
  conflicts: number;
  failed: number;
}

/** A file name for a new item: its UID, made safe for a URL path. */
export function fileNameFor(uid: string): string {
  return `${uid.replace(/[^A-Za-z0-9._@-]/g, '_')}.ics`;
}

function calendarUrlWithSlash(calendar: CalendarRow): string {
  const url = calendar.url ?? '';
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * Sends the account's queued changes, each with the ETag it was based on (If-Match) or as a creation
 * (If-None-Match: *), so the server's copy is never overwritten blindly. A 412 is our own change already
 * there (an answer lost to a crash) or a conflict for a person to resolve; a server out of reach stops the
 * push and leaves the rest queued.
 */
export async function pushOutbox(ctx: CalendarContext, connection: CalDavConnection, calendarsOfAccount: Map<string, CalendarRow>, progress: (done: number, total: number) => void): Promise<PushReport> {
  const report: PushReport = { sent: 0, conflicts: 0, failed: 0 };
  const calendarIds = [...calendarsOfAccount.keys()];
  // In batches until nothing is due: what fails waits for its retry time, a conflict for a person, so this ends.
  for (let batch = dueOutbox(ctx.database.read, ctx.clock.now(), calendarIds); batch.length > 0; batch = dueOutbox(ctx.database.read, ctx.clock.now(), calendarIds)) {
    const due = batch.flatMap((row) => {
      const event = ctx.database.read.select().from(calendarEvents).where(eq(calendarEvents.id, row.eventId)).get();
      const calendar = event?.calendarId ? calendarsOfAccount.get(event.calendarId) : undefined;
      return event && calendar ? [{ row, event, calendar }] : [];
    });
    if (due.length === 0) break;
    const before = report.sent + report.conflicts + report.failed;
    progress(before, before + due.length);
    for (const [index, { row, event, calendar }] of due.entries()) {
      try {
        const outcome = row.operation === 'put' ? await put(connection, event, calendar) : await remove(connection, event);
        ctx.database.write((tx) => {
          if (outcome.kind === 'sent') {
            if (row.operation === 'put') tx.update(calendarEvents).set({ href: outcome.href, etag: outcome.etag }).where(eq(calendarEvents.id, event.id)).run();
            else tx.update(calendarEvents).set({ href: null, etag: null }).where(eq(calendarEvents.id, event.id)).run();
            sent(tx, row);
            report.sent++;
          } else {
            const current = tx.select().from(calendarEvents).where(eq(calendarEvents.id, event.id)).get() ?? event;
            openConflict(tx, ctx, current, outcome.kind, { ics: outcome.server?.data ?? null, etag: outcome.server?.etag ?? null });
            report.conflicts++;
          }
        });
      } catch (error) {
        if (error instanceof CalDavError && (error.kind === 'unreachable' || error.kind === 'timeout' || error.kind === 'auth_failed')) {
          ctx.database.write((tx) => unreachable(tx, row, error.message));
          throw error;
        }
        report.failed++;
        const message = error instanceof Error ? error.message : String(error);
        ctx.database.write((tx) => retryLater(tx, row, ctx.clock.now(), message));
      }
      progress(before + index + 1, before + due.length);
    }
  }
  return report;
}

type Outcome =
  | { kind: 'sent'; href: string; etag: string | null }
  | { kind: 'edited_on_both' | 'deleted_on_server' | 'edited_on_server_deleted_here'; server: RemoteObject | null };

async function put(connection: CalDavConnection, event: EventRow, calendar: CalendarRow): Promise<Outcome> {
  const ics = event.ics ?? '';
  const same = (server: RemoteObject) => sameContent(server.data, ics, 'UTC');
  if (event.href === null) {
    const fileName = fileNameFor(event.uid ?? event.id);
    const created = await connection.create(calendar.url ?? '', fileName, ics);
    if (created.ok) return { kind: 'sent', href: created.href, etag: created.etag ?? (await connection.fetchOne(created.href))?.etag ?? null };
    const existing = await connection.fetchOne(`${new URL(calendarUrlWithSlash(calendar), 'http://x').pathname}${fileName}`);
    if (created.status === 412 && existing && same(existing)) return { kind: 'sent', href: existing.href, etag: existing.etag };
    if (created.status === 412 && existing) return { kind: 'edited_on_both', server: existing };
    throw new CalDavError('server_error', `PUT ${fileName}: ${created.status}`, created.status);
  }
  const updated = await connection.update(event.href, ics, event.etag ?? '');
  if (updated.ok) return { kind: 'sent', href: event.href, etag: updated.etag ?? (await connection.fetchOne(event.href))?.etag ?? null };
  if (updated.status === 412 || updated.status === 404) {
    const server = await connection.fetchOne(event.href);
    if (!server) return { kind: 'deleted_on_server', server: null };
    if (same(server)) return { kind: 'sent', href: server.href, etag: server.etag };
    return { kind: 'edited_on_both', server };
  }
  throw new CalDavError(updated.status === 403 ? 'forbidden' : 'server_error', `PUT ${event.href}: ${updated.status}`, updated.status);
}

async function remove(connection: CalDavConnection, event: EventRow): Promise<Outcome> {
  if (event.href === null) return { kind: 'sent', href: '', etag: null };
  const removed = await connection.remove(event.href, event.etag ?? '');
  if (removed.ok) return { kind: 'sent', href: event.href, etag: null };
  if (removed.status === 412) {
    const server = await connection.fetchOne(event.href);
    if (!server) return { kind: 'sent', href: event.href, etag: null };
    return { kind: 'edited_on_server_deleted_here', server };
  }
  throw new CalDavError(removed.status === 403 ? 'forbidden' : 'server_error', `DELETE ${event.href}: ${removed.status}`, removed.status);
}
