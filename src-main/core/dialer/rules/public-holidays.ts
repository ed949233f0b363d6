import Holidays from 'date-holidays';

const DAY_MS = 86_400_000;
/** Public-holiday dates ("YYYY-MM-DD") per country, region and year; the data is fixed for the process's life. */
const holidayDates = new Map<string, ReadonlySet<string>>();

function datesOf(country: string, region: string | null, year: number): ReadonlySet<string> {
  const key = `${country}/${region ?? ''}/${year}`;
  let dates = holidayDates.get(key);
  if (dates === undefined) {
    const found = new Set<string>();
    const calendar = region === null ? new Holidays(country) : new Holidays(country, region);
    for (const holiday of calendar.getHolidays(year) || []) {
      if (holiday.type !== 'public') continue;
      // A holiday may span days (Russia's New Year holidays run 2–6 January as one entry).
      const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      const first = Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`);
      for (let day = 0; day < days; day++) found.add(new Date(first + day * DAY_MS).toISOString().slice(0, 10));
    }
    dates = found;
    holidayDates.set(key, dates);
  }
  return dates;
}

/**
 * Whether a local date is a public holiday in a country (and region, e.g. GB's ENG or SCT), by the
 * maintained date-holidays data. Only `public` days count: bank, school and observance days do not close offices.
 */
export function isPublicHoliday(date: string, country: string, region: string | null = null): boolean {
  return datesOf(country, region, Number(date.slice(0, 4))).has(date);
}
