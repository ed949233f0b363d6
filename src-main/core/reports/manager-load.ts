import type { CalendarOccurrence, ReportColumn, ReportRow } from '#contract';
import { daysOfRange, mondayOf, occurrenceLoad, type DayBounds, type OccurrenceLoad } from '#core/calendar/load';
import { occurrencesInRange } from '#core/calendar/items/occurrences';
import { listEmployees } from '#core/crm/employees';
import type { ReadDb } from '#core/db/handles';
import { DomainError } from '#core/shared/errors';
import type { ReportDefinition } from './framework/report-definition';
import type { ReportScope } from './framework/scope';
import { pageOf } from './listed-records';

/** One counted occurrence of an employee's calendar, with how it loads each day. */
interface Booking {
  employeeId: string;
  occurrence: CalendarOccurrence;
  load: OccurrenceLoad;
}

/** A column is one figure of one employee: "hours:<employee id>", "meetings:<employee id>". */
const measures = ['hours', 'meetings'] as const;
type LoadMeasure = (typeof measures)[number];

/**
 * The calendar's own classification (core/calendar/load.ts, the Load view's): busy timed items split at local
 * midnight, meetings on the day they start, recurring items expanded in the range. A campaign filter leaves the
 * calendar out; a company-tag filter keeps the items tied to a tagged company.
 */
function bookings(db: ReadDb, scope: ReportScope, days: readonly DayBounds[]): { employees: { id: string; name: string }[]; bookings: Booking[] } {
  const employees = listEmployees(db).filter((e) => scope.operators === null || scope.operators.includes(e.id));
  if (scope.campaigns.length > 0 || employees.length === 0) return { employees, bookings: [] };
  const tagged =
    scope.companyTags.length > 0
      ? new Set(db.$client.prepare<string[], { id: string }>(`SELECT company_id AS id FROM company_tags WHERE tag_id IN (${scope.companyTags.map(() => '?').join(', ')})`).all(...scope.companyTags).map((r) => r.id))
      : null;
  const found: Booking[] = [];
  for (const occurrence of occurrencesInRange(db, scope.zone, { from: scope.from, to: scope.to, employeeIds: employees.map((e) => e.id) })) {
    if (tagged && !(occurrence.companyId && tagged.has(occurrence.companyId))) continue;
    for (const employee of employees) {
      const load = occurrenceLoad(occurrence, employee.id, days, scope.zone);
      if (load) found.push({ employeeId: employee.id, occurrence, load });
    }
  }
  return { employees, bookings: found };
}

const rowOf = (view: string, day: string) => (view === 'week' ? mondayOf(day) : day);

/** What a booking adds to a cell: busy hours on the row's days, or one meeting on the day it starts. */
function contribution(booking: Booking, measure: LoadMeasure, view: string, rowKey: string | null): number {
  if (measure === 'meetings') return booking.load.meeting && (rowKey === null || rowOf(view, booking.load.day) === rowKey) ? 1 : 0;
  return booking.load.minutesByDay.filter(([day]) => rowKey === null || rowOf(view, day) === rowKey).reduce((sum, [, minutes]) => sum + minutes / 60, 0);
}

function parseColumn(column: string): { measure: LoadMeasure; employeeId: string } {
  const [measure, employeeId] = column.split(':');
  if (!measures.includes(measure as LoadMeasure) || !employeeId) throw new DomainError('invalid_payload', 'report_cell_not_drillable', `The column ${column} does not open a list of records`, { column });
  return { measure: measure as LoadMeasure, employeeId };
}

const bookingId = (b: Booking) => `${b.occurrence.eventId}@${b.occurrence.startsAt}`;

/**
 * A manager's load from the calendar: booked hours and meetings per day or ISO week, one pair of columns per
 * employee (operator/team filter: whose calendars). Figures and drill-down come from the same bookings.
 */
export const managerLoadReport: ReportDefinition = {
  kind: 'manager_load',
  views: ['day', 'week'],
  figures: (db, _request, scope, view) => {
    const days = daysOfRange(scope.from, scope.to, scope.zone);
    const { employees, bookings: found } = bookings(db, scope, days);
    const columns: ReportColumn[] = employees.flatMap((e) => [
      { key: `hours:${e.id}`, unit: 'hours' as const, label: e.name, drill: true, chart: true },
      { key: `meetings:${e.id}`, unit: 'count' as const, label: e.name, drill: true, chart: false },
    ]);
    const keys = [...new Set(days.map(([day]) => rowOf(view, day)))];
    const rows = new Map<string, Record<string, number>>(keys.map((k) => [k, Object.fromEntries(columns.map((c) => [c.key, 0]))]));
    const totals: Record<string, number> = Object.fromEntries(columns.map((c) => [c.key, 0]));
    for (const booking of found) {
      for (const measure of measures) {
        const key = `${measure}:${booking.employeeId}`;
        for (const [rowKey, values] of rows) {
          const value = contribution(booking, measure, view, rowKey);
          values[key] = (values[key] ?? 0) + value;
          totals[key] = (totals[key] ?? 0) + value;
        }
      }
    }
    const kind: ReportRow['kind'] = view === 'week' ? 'week' : 'day';
    return { columns, rows: [...rows].map(([key, values]) => ({ key, kind, label: key, values })), totals, chart: 'stacked_bar' };
  },
  drill: (db, request, scope, view) => {
    const { measure, employeeId } = parseColumn(request.cell.column);
    const days = daysOfRange(scope.from, scope.to, scope.zone);
    const records = bookings(db, scope, days)
      .bookings.filter((b) => b.employeeId === employeeId && contribution(b, measure, view, request.cell.rowKey) > 0)
      .map((b) => ({
        sort: b.occurrence.startsAt,
        row: {
          id: bookingId(b),
          open: { type: 'event' as const, id: b.occurrence.eventId },
          values: { startsAt: b.occurrence.startsAt, endsAt: b.occurrence.endsAt, title: b.occurrence.title, kind: b.occurrence.kind, hours: contribution(b, 'hours', view, request.cell.rowKey) },
        },
      }));
    return {
      recordType: 'event',
      fields: [
        { key: 'startsAt', unit: 'datetime' },
        { key: 'endsAt', unit: 'datetime' },
        { key: 'title', unit: 'text' },
        { key: 'kind', unit: 'text' },
        { key: 'hours', unit: 'number' },
      ],
      ...pageOf(records, { after: request.after, limit: request.limit }),
    };
  },
};
