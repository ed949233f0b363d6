import type { CalendarItem, CalendarItemInputSchema, CalendarMoveSchema, CalendarDeleteSchema, AssignmentStatus } from '#contract';
import type { z } from 'zod';
import { DomainError, InvalidInputError, issue } from '#core/shared/errors';
import { currentEmployee, type CalendarContext } from '#core/calendar/calendar-context';
import { buildResource, editResource, expandOccurrences, removeOccurrence, type ItemFields } from '#core/calendar/ical/index';
import { assertWritable, calendarById, defaultCalendarOf } from './calendars';
import { leadingItem } from './item-columns';
import { eventById, parseOrRefuse, tombstone, writeDeps, writeLocalText } from './item-store';
import { endOf, itemView } from './item-view';
import { addMinutes, isKnownZone, localAt, minutesBetween, movedTo, normalizedTime } from './wall-clock';

type SaveInput = z.output<typeof CalendarItemInputSchema>;
type MoveInput = z.output<typeof CalendarMoveSchema>;
type DeleteInput = z.output<typeof CalendarDeleteSchema>;

const editableKeys = ['kind', 'summary', 'description', 'location', 'start', 'end', 'durationMinutes', 'allDay', 'reminderMinutes', 'links', 'ownerEmployeeId', 'assignment', 'rrule'] as const;

function checkTimes(input: SaveInput, keptZone: string | null): void {
  for (const [field, time] of [['start', input.start], ['end', input.end]] as const) {
    if (time.tzid !== null && time.tzid !== keptZone && !isKnownZone(time.tzid)) {
      throw new InvalidInputError([issue(`${field}.tzid`, 'unknown_time_zone', `Unknown time zone ${time.tzid}`, { zone: time.tzid })]);
    }
  }
  if (input.start.tzid === input.end.tzid && minutesBetween(input.start.local, input.end.local) < 0) {
    throw new InvalidInputError([issue('end', 'ends_before_start', 'The end is before the start')]);
  }
}

/** The fields an input asks for, on top of what the item was (a new item: on nothing). */
function fieldsOf(ctx: CalendarContext, input: SaveInput, before: ItemFields | null): ItemFields {
  const allDay = input.allDay;
  const start = allDay ? { local: input.start.local.slice(0, 10), tzid: null } : normalizedTime(input.start);
  const end = allDay ? { local: input.end.local.slice(0, 10), tzid: null } : normalizedTime(input.end);
  const me = currentEmployee(ctx);
  const isAssignment = input.kind === 'assignment';
  return {
    component: isAssignment ? 'VTODO' : 'VEVENT',
    kind: input.kind,
    summary: input.title,
    description: input.description,
    location: input.location,
    start,
    end,
    durationMinutes: minutesBetween(start.local, end.local),
    allDay,
    status: before?.status ?? null,
    busy: before?.busy ?? true,
    reminderMinutes: input.reminderMinutes,
    links: input.links,
    ownerEmployeeId: input.ownerId === undefined ? (before?.ownerEmployeeId ?? me) : input.ownerId,
    assignment: isAssignment
      ? {
          assigneeId: input.assigneeId === undefined ? (before?.assignment?.assigneeId ?? me) : input.assigneeId,
          assignedById: before?.assignment?.assignedById ?? me,
          status: before?.assignment?.status ?? 'open',
          checkedById: before?.assignment?.checkedById ?? null,
        }
      : null,
    rrule: input.rrule,
    sequence: before?.sequence ?? 0,
    doneAt: before?.doneAt ?? null,
  };
}

/** Only what differs goes into the text, so the rest of the server's text stays as it was. */
function changesBetween(before: ItemFields, after: ItemFields): Partial<ItemFields> {
  const changes: Partial<ItemFields> = {};
  for (const key of editableKeys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}

export function saveItem(ctx: CalendarContext, input: SaveInput): CalendarItem {
  const zone = ctx.workstationZone();
  const id = ctx.database.write((tx) => {
    const now = ctx.clock.now();
    if (!input.id) {
      checkTimes(input, null);
      const calendar = input.calendarId ? calendarById(tx, input.calendarId) : defaultCalendarOf(tx, writeDeps(ctx), input.ownerId ?? currentEmployee(ctx));
      assertWritable(calendar);
      const ics = buildResource(fieldsOf(ctx, input, null), `${ctx.ids.next()}@operator-workstation`, now);
      return writeLocalText(tx, writeDeps(ctx), calendar, null, ics).id;
    }
    const row = eventById(tx, input.id);
    const calendar = calendarById(tx, row.calendarId ?? '');
    assertWritable(calendar);
    const before = leadingItem(parseOrRefuse(row.ics ?? '', zone));
    checkTimes(input, before.start.tzid);
    const target = input.scope === 'occurrence' && input.recurrenceId ? { scope: 'occurrence' as const, recurrenceId: input.recurrenceId } : { scope: 'series' as const };
    const after = fieldsOf(ctx, input, before);
    const ics = editResource(row.ics ?? '', target, target.scope === 'series' ? changesBetween(before, after) : after, now);
    return writeLocalText(tx, writeDeps(ctx), calendar, row, ics).id;
  });
  ctx.changed('local');
  return itemView(ctx.database.read, eventById(ctx.database.read, id), zone);
}

/** A drag on the grid: the new instants become wall-clock times in the item's own zone. */
export function moveItem(ctx: CalendarContext, input: MoveInput): CalendarItem {
  const zone = ctx.workstationZone();
  ctx.database.write((tx) => {
    const row = eventById(tx, input.id);
    const calendar = calendarById(tx, row.calendarId ?? '');
    assertWritable(calendar);
    const ics = row.ics ?? '';
    const item = leadingItem(parseOrRefuse(ics, zone));
    // The occurrence being dragged, for its current instants (a series' first one when moving the series).
    const occurrence = input.recurrenceId
      ? expandOccurrences(ics, row.startsAt - 400 * 86_400_000, Math.max(input.startsAt, row.startsAt) + 400 * 86_400_000, zone).find((o) => o.recurrenceId === input.recurrenceId)
      : expandOccurrences(ics, row.startsAt, row.startsAt + 1, zone)[0];
    if (!occurrence) throw new DomainError('not_found', 'occurrence_unknown', `No occurrence ${input.recurrenceId} in ${row.id}`);
    const fields = occurrence.fields;
    const allDay = input.allDay ?? fields.allDay;
    let start = movedTo(input.startsAt, { utc: occurrence.startUtc, time: fields.start }, zone);
    let end = movedTo(input.endsAt, { utc: occurrence.endUtc, time: endOf(fields) }, zone);
    if (allDay && !fields.allDay) {
      start = { local: localAt(input.startsAt, zone).slice(0, 10), tzid: null };
      end = { local: addMinutes(start.local, 24 * 60), tzid: null };
    } else if (!allDay && fields.allDay) {
      start = { local: localAt(input.startsAt, zone), tzid: zone };
      end = { local: addMinutes(start.local, 60), tzid: zone };
    }
    const now = ctx.clock.now();
    let next: string;
    if (input.scope === 'series' && occurrence.recurrenceId !== null) {
      // The whole series, dragged by one occurrence: it moves by as much on the clock face from its own start.
      const startShift = minutesBetween(fields.start.local, start.local);
      const endShift = minutesBetween(endOf(fields).local, end.local);
      const masterEnd = endOf(item);
      const newStart = { local: addMinutes(item.start.local, startShift), tzid: allDay ? null : item.start.tzid };
      const newEnd = { local: addMinutes(masterEnd.local, endShift), tzid: allDay ? null : masterEnd.tzid };
      next = editResource(ics, { scope: 'series' }, { start: newStart, end: newEnd, allDay, durationMinutes: minutesBetween(newStart.local, newEnd.local) }, now);
    } else {
      const target = occurrence.recurrenceId === null ? { scope: 'series' as const } : { scope: 'occurrence' as const, recurrenceId: occurrence.recurrenceId };
      next = editResource(ics, target, { start, end, allDay, durationMinutes: minutesBetween(start.local, end.local) }, now);
    }
    writeLocalText(tx, writeDeps(ctx), calendar, row, next);
  });
  ctx.changed('local');
  return itemView(ctx.database.read, eventById(ctx.database.read, input.id), zone);
}

/** A tombstone for the item, or for one occurrence of a series an EXDATE. */
export function deleteItem(ctx: CalendarContext, input: DeleteInput): void {
  ctx.database.write((tx) => {
    const row = eventById(tx, input.id);
    const calendar = calendarById(tx, row.calendarId ?? '');
    assertWritable(calendar);
    if (input.scope === 'occurrence' && input.recurrenceId) {
      writeLocalText(tx, writeDeps(ctx), calendar, row, removeOccurrence(row.ics ?? '', input.recurrenceId, ctx.clock.now()));
    } else {
      tombstone(tx, writeDeps(ctx), calendar, row);
    }
  });
  ctx.changed('local');
}

function editSeries(ctx: CalendarContext, id: string, change: (item: ItemFields) => Partial<ItemFields>): CalendarItem {
  const zone = ctx.workstationZone();
  ctx.database.write((tx) => {
    const row = eventById(tx, id);
    const calendar = calendarById(tx, row.calendarId ?? '');
    assertWritable(calendar);
    const item = leadingItem(parseOrRefuse(row.ics ?? '', zone));
    writeLocalText(tx, writeDeps(ctx), calendar, row, editResource(row.ics ?? '', { scope: 'series' }, change(item), ctx.clock.now()));
  });
  ctx.changed('local');
  return itemView(ctx.database.read, eventById(ctx.database.read, id), zone);
}

/** A planned call, callback or contact carried out (or not after all). */
export function setDone(ctx: CalendarContext, id: string, done: boolean): CalendarItem {
  return editSeries(ctx, id, () => ({ doneAt: done ? ctx.clock.now() : null }));
}

/** The assignee moves an assignment along; only whoever gave it marks it checked. */
export function setAssignmentStatus(ctx: CalendarContext, id: string, status: AssignmentStatus): CalendarItem {
  const me = currentEmployee(ctx);
  return editSeries(ctx, id, (item) => {
    if (!item.assignment) throw new DomainError('conflict', 'not_an_assignment', `${id} is not an assignment`);
    if (status === 'checked' && item.assignment.assignedById !== null && item.assignment.assignedById !== me) {
      throw new DomainError('conflict', 'only_assigner_checks', 'Only whoever gave the assignment checks it');
    }
    return { assignment: { ...item.assignment, status, checkedById: status === 'checked' ? me : item.assignment.checkedById } };
  });
}
