import { and, eq, isNull } from 'drizzle-orm';
import type { CalendarConflict, ConflictField, ConflictVersion } from '#contract';
import type { z } from 'zod';
import type { ResolveConflictSchema } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calendarConflicts, calendarEvents } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import { currentEmployee, type CalendarContext } from '#core/calendar/calendar-context';
import { editResource, parseCalendarResource, type ItemFields } from '#core/calendar/ical/index';
import { assertWritable, calendarById } from '#core/calendar/items/calendars';
import { columnsOf, leadingItem } from '#core/calendar/items/item-columns';
import { knownLinks, type EventRow } from '#core/calendar/items/item-store';
import { endOf } from '#core/calendar/items/item-view';
import { drop, enqueue, hold } from './outbox';

type ConflictKind = CalendarConflict['kind'];

/**
 * Both versions kept until a person chooses: the item keeps showing ours, its outbox row waits. A second
 * finding about the same item updates the open conflict in place.
 */
export function openConflict(tx: WriteDb, ctx: CalendarContext, event: EventRow, kind: ConflictKind, server: { ics: string | null; etag: string | null }): void {
  const now = ctx.clock.now();
  const open = tx.select({ id: calendarConflicts.id }).from(calendarConflicts).where(and(eq(calendarConflicts.eventId, event.id), isNull(calendarConflicts.resolvedAt))).get();
  const values = { kind, localIcs: event.deletedAt === null ? event.ics : null, serverIcs: server.ics, serverEtag: server.etag, updatedAt: now, updatedBy: currentEmployee(ctx) };
  if (open) tx.update(calendarConflicts).set(values).where(eq(calendarConflicts.id, open.id)).run();
  else tx.insert(calendarConflicts).values({ id: ctx.ids.next(), eventId: event.id, detectedAt: now, ...values }).run();
  hold(tx, event.id, `conflict: ${kind}`);
}

function versionOf(ics: string | null, zone: string): { version: ConflictVersion; item: ItemFields } | null {
  if (ics === null) return null;
  const parsed = parseCalendarResource(ics, zone);
  if (!parsed.ok) return null;
  const item = leadingItem(parsed.resource);
  return {
    item,
    version: {
      title: item.summary,
      start: item.start,
      end: endOf(item),
      allDay: item.allDay,
      location: item.location,
      description: item.description,
      rrule: item.rrule,
      reminderMinutes: item.reminderMinutes,
    },
  };
}

const fields: ConflictField[] = ['title', 'start', 'end', 'allDay', 'location', 'description', 'rrule', 'reminderMinutes'];

export function listConflicts(db: ReadDb, zone: string): CalendarConflict[] {
  const rows = db
    .select({ conflict: calendarConflicts, event: calendarEvents })
    .from(calendarConflicts)
    .innerJoin(calendarEvents, eq(calendarEvents.id, calendarConflicts.eventId))
    .where(isNull(calendarConflicts.resolvedAt))
    .all();
  return rows.map(({ conflict, event }) => {
    const mine = conflict.kind === 'edited_on_server_deleted_here' ? null : versionOf(event.ics, zone);
    const theirs = conflict.kind === 'deleted_on_server' ? null : versionOf(conflict.serverIcs, zone);
    return {
      id: conflict.id,
      eventId: conflict.eventId,
      kind: conflict.kind,
      detectedAt: conflict.detectedAt,
      mine: mine?.version ?? null,
      theirs: theirs?.version ?? null,
      differing: mine && theirs ? fields.filter((f) => JSON.stringify(mine.version[f]) !== JSON.stringify(theirs.version[f])) : [],
    };
  });
}

/** The item's fields a merge takes from our side. */
function mergedChanges(mine: ItemFields, picks: Partial<Record<ConflictField, 'mine' | 'theirs'>>): Partial<ItemFields> {
  const changes: Partial<ItemFields> = {};
  const take = (field: ConflictField) => picks[field] === 'mine';
  if (take('title')) changes.summary = mine.summary;
  if (take('start')) changes.start = mine.start;
  if (take('end')) {
    changes.end = endOf(mine);
  }
  if (take('start') || take('end')) changes.durationMinutes = mine.durationMinutes;
  if (take('allDay')) changes.allDay = mine.allDay;
  if (take('location')) changes.location = mine.location;
  if (take('description')) changes.description = mine.description;
  if (take('rrule')) changes.rrule = mine.rrule;
  if (take('reminderMinutes')) changes.reminderMinutes = mine.reminderMinutes;
  return changes;
}

/**
 * Applies a person's choice in one transaction: keep ours (sent over the server's version, knowingly: with
 * its ETag), take theirs, or a merge of fields on top of theirs (sent the same way).
 */
export function resolveConflict(ctx: CalendarContext, input: z.output<typeof ResolveConflictSchema>): void {
  const zone = ctx.workstationZone();
  ctx.database.write((tx) => {
    const conflict = tx.select().from(calendarConflicts).where(eq(calendarConflicts.id, input.id)).get();
    if (!conflict) throw notFound('Conflict', input.id);
    if (conflict.resolvedAt !== null) throw new DomainError('conflict', 'conflict_already_resolved', `Conflict ${input.id} is resolved`);
    const event = tx.select().from(calendarEvents).where(eq(calendarEvents.id, conflict.eventId)).get();
    if (!event) throw notFound('Calendar item', conflict.eventId);
    const calendar = calendarById(tx, event.calendarId ?? '');
    const now = ctx.clock.now();
    const author = currentEmployee(ctx);
    const revision = event.localRevision + 1;
    const send = (operation: 'put' | 'delete') => enqueue(tx, { ids: ctx.ids, now, author }, event.id, operation, revision);
    const setEvent = (values: Partial<EventRow>) =>
      tx.update(calendarEvents).set({ ...values, localRevision: revision, updatedAt: now, updatedBy: author }).where(eq(calendarEvents.id, event.id)).run();
    const fromServer = (ics: string) => {
      const parsed = parseCalendarResource(ics, zone);
      if (!parsed.ok) throw new DomainError('invalid_payload', 'calendar_item_unreadable', parsed.detail, { detail: parsed.detail });
      return knownLinks(tx, columnsOf(parsed.resource, ics));
    };
    const choice = conflict.kind === 'edited_on_both' ? input.choice : input.choice === 'merge' ? 'mine' : input.choice;
    if (choice !== 'theirs') assertWritable(calendar);

    if (conflict.kind === 'edited_on_both') {
      if (choice === 'mine') {
        setEvent({ etag: conflict.serverEtag });
        send('put');
      } else if (choice === 'theirs') {
        setEvent({ ...fromServer(conflict.serverIcs ?? ''), etag: conflict.serverEtag });
        drop(tx, event.id);
      } else {
        const mine = versionOf(event.ics, zone);
        if (!mine) throw new DomainError('invalid_payload', 'calendar_item_unreadable', 'Our version cannot be read');
        const merged = editResource(conflict.serverIcs ?? '', { scope: 'series' }, mergedChanges(mine.item, input.fields), now);
        setEvent({ ...fromServer(merged), etag: conflict.serverEtag });
        send('put');
      }
    } else if (conflict.kind === 'deleted_on_server') {
      if (choice === 'mine') {
        // Created again from our version (If-None-Match: the server has nothing there now).
        setEvent({ href: null, etag: null });
        send('put');
      } else {
        setEvent({ deletedAt: now });
        drop(tx, event.id);
      }
    } else if (choice === 'mine') {
      setEvent({ etag: conflict.serverEtag });
      send('delete');
    } else {
      setEvent({ ...fromServer(conflict.serverIcs ?? ''), etag: conflict.serverEtag, deletedAt: null });
      drop(tx, event.id);
    }
    tx.update(calendarConflicts).set({ resolvedAt: now, resolution: choice === 'merge' ? 'merged' : choice, updatedAt: now, updatedBy: author }).where(eq(calendarConflicts.id, conflict.id)).run();
  });
  ctx.changed('local');
}
