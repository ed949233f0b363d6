import type { DateSelectArg, DatesSetArg, EventClickArg, EventContentArg, EventDropArg } from '@fullcalendar/core';
import ruLocale from '@fullcalendar/core/locales/ru';
import ukLocale from '@fullcalendar/core/locales/uk';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarItemKinds, type CalendarOccurrence } from '#contract';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { eventInputOf } from './occurrence-events';
import { occurrenceElement, timeRangeText, type OccurrenceLabels } from './occurrence-element';
import './calendar-grid.css';

export const gridViews = ['timeGridDay', 'timeGridWeek', 'dayGridMonth', 'listWeek'] as const;
export type GridView = (typeof gridViews)[number];

/** A drag or resize on the grid, waiting for main (and, for a series, for the person's choice of scope). */
export interface GridMove {
  occurrence: CalendarOccurrence;
  startsAt: number;
  endsAt: number;
  allDay: boolean;
  revert: () => void;
}

export interface CalendarGridProps {
  view: GridView;
  date: Date;
  occurrences: readonly CalendarOccurrence[];
  onRange: (range: { from: number; to: number; title: string }) => void;
  onOpen: (occurrence: CalendarOccurrence) => void;
  onMove: (move: GridMove) => void;
  onCreate: (slot: { start: number; end: number; allDay: boolean }) => void;
  /** A column of the team view: no day header, the time axis only when `showAxis`. */
  column?: { showAxis: boolean };
  testId?: string;
}

const plugins = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const locales = [ukLocale, ruLocale];
/**
 * Overlapping items side by side in a day before the rest go behind "+N more": narrow columns say nothing past
 * this, and a crowded week (2,000 items) paints in a fraction of the time.
 */
const maxStack = 4;

/**
 * FullCalendar in the workstation's locale and zone, Monday first, with the current-time line. The view and date
 * are the screen's; FullCalendar only follows them and reports the range it shows.
 */
export function CalendarGrid({ view, date, occurrences, onRange, onOpen, onMove, onCreate, column, testId }: CalendarGridProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const ref = useRef<FullCalendar>(null);
  const events = useMemo(() => occurrences.map(eventInputOf), [occurrences]);
  const labels = useMemo<OccurrenceLabels>(
    () => ({
      kinds: Object.fromEntries(calendarItemKinds.map((kind) => [kind, t(`calendar.kind.${kind}`)])) as OccurrenceLabels['kinds'],
      pending: t('calendar.sync.pendingItem'),
      conflict: t('calendar.sync.conflictItem'),
      readOnly: t('calendar.readOnly'),
    }),
    [t],
  );
  // The agenda has a time column of its own; the grids show the time inside the item.
  const listed = view === 'listWeek';
  const renderOccurrence = useCallback(
    (arg: EventContentArg) => {
      // The mirror of a slot being selected is no item yet: FullCalendar draws it its own way.
      const occurrence = arg.event.extendedProps.occurrence as CalendarOccurrence | undefined;
      if (!occurrence) return true;
      const time = listed || occurrence.allDay ? '' : timeRangeText(locale, occurrence.startsAt, occurrence.endsAt);
      return { domNodes: [occurrenceElement(occurrence, time, labels)] };
    },
    [labels, locale, listed],
  );

  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api) return;
    if (api.view.type !== view) api.changeView(view, date);
    else api.gotoDate(date);
  }, [view, date]);

  const moved = (arg: EventDropArg | EventResizeDoneArg) => {
    const occurrence = arg.event.extendedProps.occurrence as CalendarOccurrence;
    const start = arg.event.start;
    if (!start) return arg.revert();
    const end = arg.event.end ?? new Date(start.getTime() + (occurrence.endsAt - occurrence.startsAt));
    onMove({ occurrence, startsAt: start.getTime(), endsAt: end.getTime(), allDay: arg.event.allDay, revert: arg.revert });
  };

  return (
    <div data-testid={testId} className={`cal-grid${column && !column.showAxis ? ' cal-column-no-axis' : ''}`}>
      <FullCalendar
        ref={ref}
        plugins={plugins}
        initialView={view}
        initialDate={date}
        headerToolbar={false}
        dayHeaders={!column}
        locales={locales}
        locale={locale}
        timeZone="local"
        firstDay={1}
        nowIndicator
        editable
        selectable
        selectMirror
        eventMaxStack={maxStack}
        dayMaxEvents
        scrollTime="08:00:00"
        height="100%"
        events={events}
        displayEventTime={listed}
        eventContent={renderOccurrence}
        datesSet={(arg: DatesSetArg) => onRange({ from: arg.start.getTime(), to: arg.end.getTime(), title: arg.view.title })}
        eventClick={(arg: EventClickArg) => onOpen(arg.event.extendedProps.occurrence as CalendarOccurrence)}
        eventDrop={moved}
        eventResize={moved}
        select={(arg: DateSelectArg) => {
          arg.view.calendar.unselect();
          onCreate({ start: arg.start.getTime(), end: arg.end.getTime(), allDay: arg.allDay });
        }}
      />
    </div>
  );
}
