import type { z } from 'zod';
import type { CalendarOccurrence, EmployeeLoadSchema } from '#contract';
import { listEmployees } from '#core/crm/employees';
import type { CalendarContext } from './calendar-context';
import { occurrencesInRange } from './items/occurrences';
import { addMinutes, localAt, utcOfLocal } from '#core/calendar/items/wall-clock';

type EmployeeLoad = z.infer<typeof EmployeeLoadSchema>;
interface Figure { bookedMinutes: number; meetings: number; callbacks: number }

const blank = (): Figure => ({ bookedMinutes: 0, meetings: 0, callbacks: 0 });

/** Monday of the ISO week a day falls in. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addMinutes(day, -weekday * 24 * 60);
}

/** A local day of the range with the instants it covers (cut to the range; 23 or 25 hours on a DST day). */
export type DayBounds = readonly [day: string, from: number, to: number];

/** Every local day of [from, to) in `zone`. */
export function daysOfRange(from: number, to: number, zone: string): DayBounds[] {
  const days: string[] = [];
  for (let day = localAt(from, zone).slice(0, 10), last = localAt(to - 1, zone).slice(0, 10); day <= last; day = addMinutes(day, 24 * 60)) days.push(day);
  return days.map((day) => [day, Math.max(from, utcOfLocal(day, zone)), Math.min(to, utcOfLocal(addMinutes(day, 24 * 60), zone))] as const);
}

/** What one occurrence adds to its owner's load: a meeting or callback on the day it starts, busy minutes on each day it spans. */
export interface OccurrenceLoad {
  day: string;
  meeting: boolean;
  callback: boolean;
  minutesByDay: (readonly [day: string, minutes: number])[];
}

/** How an occurrence counts toward an employee's load: not at all for all-day items or those of others. */
export function occurrenceLoad(o: CalendarOccurrence, employeeId: string, days: readonly DayBounds[], zone: string): OccurrenceLoad | null {
  const first = days[0];
  if (o.ownerId !== employeeId || o.allDay || first === undefined) return null;
  const minutesByDay: (readonly [string, number])[] = [];
  // Real minutes on each day the occurrence spans (a night when the clocks go back has an hour more).
  if (o.busy) {
    for (const [day, from, to] of days) {
      const minutes = (Math.min(o.endsAt, to) - Math.max(o.startsAt, from)) / 60_000;
      if (minutes > 0) minutesByDay.push([day, minutes]);
    }
  }
  return { day: localAt(Math.max(o.startsAt, first[1]), zone).slice(0, 10), meeting: o.kind === 'meeting', callback: o.kind === 'callback', minutesByDay };
}

/**
 * An employee's booked hours per day and week (busy timed items, split at midnight in the workstation's zone),
 * with the meetings and the campaign callbacks among them.
 */
export function employeeLoad(ctx: CalendarContext, query: { from: number; to: number; employeeIds?: string[] | undefined }): EmployeeLoad[] {
  const zone = ctx.workstationZone();
  const employees = listEmployees(ctx.database.read).filter((e) => !query.employeeIds || query.employeeIds.includes(e.id));
  const occurrences = occurrencesInRange(ctx.database.read, zone, { from: query.from, to: query.to, employeeIds: employees.map((e) => e.id) });
  const dayBounds = daysOfRange(query.from, query.to, zone);
  return employees.map((employee) => {
    const perDay = new Map(dayBounds.map(([d]) => [d, blank()]));
    for (const o of occurrences) {
      const load = occurrenceLoad(o, employee.id, dayBounds, zone);
      if (!load) continue;
      const counted = perDay.get(load.day);
      if (counted && load.meeting) counted.meetings++;
      if (counted && load.callback) counted.callbacks++;
      for (const [day, minutes] of load.minutesByDay) {
        const figure = perDay.get(day);
        if (figure) figure.bookedMinutes += minutes;
      }
    }
    const perWeek = new Map<string, Figure>();
    for (const [day, figure] of perDay) {
      const week = perWeek.get(mondayOf(day)) ?? blank();
      perWeek.set(mondayOf(day), { bookedMinutes: week.bookedMinutes + figure.bookedMinutes, meetings: week.meetings + figure.meetings, callbacks: week.callbacks + figure.callbacks });
    }
    return {
      employeeId: employee.id,
      employeeName: employee.name,
      days: [...perDay].map(([day, figure]) => ({ day, ...figure })),
      weeks: [...perWeek].map(([weekStart, figure]) => ({ weekStart, ...figure })),
    };
  });
}
