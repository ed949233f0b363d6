/** The periods a report offers at one click; `custom` takes the operator's own dates. */
export const periodPresets = ['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface Period {
  preset: PeriodPreset;
  /** The custom range's first and last day ("YYYY-MM-DD", both included). */
  firstDay?: string;
  lastDay?: string;
}

/** Local midnight of a calendar day; Date's local arithmetic is the workstation's zone, DST included. */
function midnight(year: number, month: number, day: number): number {
  return new Date(year, month, day).getTime();
}

function dayParts(isoDay: string): [number, number, number] {
  const [y = 0, m = 1, d = 1] = isoDay.split('-').map(Number);
  return [y, m - 1, d];
}

/**
 * The period as [from, to) in epoch ms, cut at the workstation's midnights; weeks start on Monday.
 * A custom range missing a day, or ending before it starts, is no period (null).
 */
export function periodRange(period: Period, now: number): { from: number; to: number } | null {
  const today = new Date(now);
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  const monday = d - ((today.getDay() + 6) % 7);
  switch (period.preset) {
    case 'today':
      return { from: midnight(y, m, d), to: midnight(y, m, d + 1) };
    case 'yesterday':
      return { from: midnight(y, m, d - 1), to: midnight(y, m, d) };
    case 'this_week':
      return { from: midnight(y, m, monday), to: midnight(y, m, monday + 7) };
    case 'last_week':
      return { from: midnight(y, m, monday - 7), to: midnight(y, m, monday) };
    case 'this_month':
      return { from: midnight(y, m, 1), to: midnight(y, m + 1, 1) };
    case 'last_month':
      return { from: midnight(y, m - 1, 1), to: midnight(y, m, 1) };
    case 'custom': {
      if (!period.firstDay || !period.lastDay) return null;
      const [fy, fm, fd] = dayParts(period.firstDay);
      const [ly, lm, ld] = dayParts(period.lastDay);
      const range = { from: midnight(fy, fm, fd), to: midnight(ly, lm, ld + 1) };
      return range.from < range.to ? range : null;
    }
  }
}

/** The local calendar day of a moment, "YYYY-MM-DD". */
export function localDay(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
