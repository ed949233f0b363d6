import type { z } from 'zod';
import type { EmployeeLoadSchema } from '#contract';
import { listEmployees } from '#core/crm/employees';
import type { CalendarContext } from './calendar-context';
import { occurrencesInRange } from './items/occurrences';
import { addMinutes, localAt, utcOfLocal } from '#core/calendar/items/wall-clock';

type EmployeeLoad = z.infer<typeof EmployeeLoadSchema>;
interface Figure { bookedMinutes: number; meetings: number; callbacks: number }

const blank = (): Figure => ({ bookedMinutes: 0, meetings: 0, callbacks: 0 });

/** Monday of the ISO week a day falls in. */
function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addMinutes(day, -weekday * 24 * 60);
}

/**
 * An employee's booked hours per day and week (busy timed items, split at midnight in the workstation's zone),
 * with the meetings and the campaign callbacks among them.
 */
export function employeeLoad(ctx: CalendarContext, query: { from: number; to: number; employeeIds?: string[] | undefined }): EmployeeLoad[] {
  const zone = ctx.workstationZone();
  const employees = listEmployees(ctx.database.read).filter((e) => !query.employeeIds || query.employeeIds.includes(e.id));
  const occurrences = occurrencesInRange(ctx.database.read, zone, { from: query.from, to: query.to, employeeIds: employees.map((e) => e.id) });
  const days: string[] = [];
  for (let day = localAt(query.from, zone).slice(0, 10), last = localAt(query.to - 1, zone).slice(0, 10); day <= last; day = addMinutes(day, 24 * 60)) days.push(day);
  const dayBounds = days.map((day) => [day, Math.max(query.from, utcOfLocal(day, zone)), Math.min(query.to, utcOfLocal(addMinutes(day, 24 * 60), zone))] as const);
  return employees.map((employee) => {
    const perDay = new Map(days.map((d) => [d, blank()]));
    for (const o of occurrences) {
      if (o.ownerId !== employee.id || o.allDay) continue;
      const startDay = localAt(Math.max(o.startsAt, query.from), zone).slice(0, 10);
      const counted = perDay.get(startDay);
      if (counted && o.kind === 'meeting') counted.meetings++;
      if (counted && o.kind === 'callback') counted.callbacks++;
      if (!o.busy) continue;
      // Real minutes on each day the occurrence spans (a night when the clocks go back has an hour more).
      for (const [day, from, to] of dayBounds) {
        const minutes = (Math.min(o.endsAt, to) - Math.max(o.startsAt, from)) / 60_000;
        const figure = perDay.get(day);
        if (figure && minutes > 0) figure.bookedMinutes += minutes;
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
