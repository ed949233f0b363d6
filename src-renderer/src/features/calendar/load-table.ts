import type { MethodOutput } from '#contract';

export type EmployeeLoad = MethodOutput<'calendar.load'>[number];

/** One row per period (day or week) with each employee's booked hours, for the chart: `{ period, [name]: hours }`. */
export function chartRows(loads: readonly EmployeeLoad[], by: 'day' | 'week'): Record<string, string | number>[] {
  const rows = new Map<string, Record<string, string | number>>();
  for (const load of loads) {
    const periods = by === 'day' ? load.days.map((d) => ({ period: d.day, minutes: d.bookedMinutes })) : load.weeks.map((w) => ({ period: w.weekStart, minutes: w.bookedMinutes }));
    for (const { period, minutes } of periods) {
      const row = rows.get(period) ?? { period };
      row[load.employeeName] = Math.round((minutes / 60) * 10) / 10;
      rows.set(period, row);
    }
  }
  return [...rows.values()].sort((a, b) => String(a.period).localeCompare(String(b.period)));
}

/** Table rows: each employee's periods with booked hours, meetings and callbacks. */
export function tableRows(loads: readonly EmployeeLoad[], by: 'day' | 'week'): { employee: string; period: string; hours: number; meetings: number; callbacks: number }[] {
  return loads.flatMap((load) =>
    (by === 'day' ? load.days.map((d) => ({ ...d, period: d.day })) : load.weeks.map((w) => ({ ...w, period: w.weekStart }))).map((p) => ({
      employee: load.employeeName,
      period: p.period,
      hours: Math.round((p.bookedMinutes / 60) * 10) / 10,
      meetings: p.meetings,
      callbacks: p.callbacks,
    })),
  );
}
