import type { EventInput } from '@fullcalendar/core';
import type { CalendarOccurrence } from '#contract';

/** The colour of items whose calendar has none. */
export const defaultColor = '#228be6';

/** One occurrence's key on the grid: an item, and which of its occurrences. */
export function occurrenceKey(occurrence: Pick<CalendarOccurrence, 'eventId' | 'recurrenceId'>): string {
  return `${occurrence.eventId}|${occurrence.recurrenceId ?? ''}`;
}

/** An occurrence as FullCalendar places it: coloured by its calendar, fixed when read-only. */
export function eventInputOf(occurrence: CalendarOccurrence): EventInput {
  const color = occurrence.color ?? defaultColor;
  return {
    id: occurrenceKey(occurrence),
    title: occurrence.title,
    start: occurrence.startsAt,
    end: occurrence.endsAt,
    allDay: occurrence.allDay,
    backgroundColor: color,
    borderColor: color,
    editable: !occurrence.readOnly,
    classNames: [`cal-kind-${occurrence.kind}`, `cal-sync-${occurrence.syncState}`, ...(occurrence.doneAt ? ['cal-done'] : [])],
    extendedProps: { occurrence },
  };
}
