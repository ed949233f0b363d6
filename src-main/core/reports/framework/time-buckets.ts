import { addDays, instantsOfWallTime, offsetStretches } from '#core/shared/zoned-time';

const DAY_MS = 86_400_000;

/**
 * The SQL for an instant column read on the wall clock of `zone` (as epoch-like ms), correct across the
 * period's DST changes: one CASE arm per stretch of constant offset, so SQLite does integer arithmetic
 * per row and never calls a date function.
 */
export function localTimeSql(column: string, from: number, to: number, zone: string): string {
  const stretches = offsetStretches(from, to, zone);
  if (stretches.length === 1) return `(${column} + ${stretches[0]?.offsetMs ?? 0})`;
  const arms = stretches.map((s) => (s.until === null ? `ELSE ${s.offsetMs}` : `WHEN ${column} < ${s.until} THEN ${s.offsetMs}`));
  return `(${column} + CASE ${arms.join(' ')} END)`;
}

export type TimeBucket = 'day' | 'week' | 'month' | 'hour';

/**
 * How a local time becomes a bucket key: days since 1970-01-01 (local), ISO weeks as the number of the
 * Monday-starting week (1970-01-01 was a Thursday), months as "YYYY-MM", hours of the day 0..23.
 */
export function bucketSql(bucket: TimeBucket, local: string): string {
  switch (bucket) {
    case 'day':
      return `(${local} / ${DAY_MS})`;
    case 'week':
      return `((${local} / ${DAY_MS} + 3) / 7)`;
    case 'month':
      return `strftime('%Y-%m', ${local} / 1000, 'unixepoch')`;
    case 'hour':
      return `((${local} / 3600000) % 24)`;
  }
}

/** The key a bucket's row carries: "2026-03-29" for a day, the Monday's date for a week, "2026-03", "0".."23". */
export function bucketKey(bucket: TimeBucket, raw: string | number | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  switch (bucket) {
    case 'day':
      return new Date(Number(raw) * DAY_MS).toISOString().slice(0, 10);
    case 'week':
      return new Date((Number(raw) * 7 - 3) * DAY_MS).toISOString().slice(0, 10);
    case 'month':
      return String(raw);
    case 'hour':
      return String(Number(raw));
  }
}

/** The SQL value a bucket key stands for, to find the rows of one bucket again (the same expression, compared). */
export function bucketValue(bucket: TimeBucket, key: string): number | string {
  switch (bucket) {
    case 'day':
      return Math.round(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
    case 'week':
      return Math.round((Date.parse(`${key}T00:00:00Z`) / DAY_MS + 3) / 7);
    case 'month':
      return key;
    case 'hour':
      return Number(key);
  }
}

/** Every bucket key of the period, so days without a single record still show as rows (with zeros). */
export function bucketsOfPeriod(bucket: TimeBucket, firstLocalDay: string, lastLocalDay: string): string[] {
  if (bucket === 'hour') return Array.from({ length: 24 }, (_, h) => String(h));
  const keys = new Set<string>();
  for (let day = Date.parse(`${firstLocalDay}T00:00:00Z`); day <= Date.parse(`${lastLocalDay}T00:00:00Z`); day += DAY_MS) {
    keys.add(bucketKey(bucket, bucket === 'day' ? day / DAY_MS : bucket === 'week' ? Math.floor((day / DAY_MS + 3) / 7) : new Date(day).toISOString().slice(0, 7)));
  }
  return [...keys];
}

/** The first instant of a local date in `zone` (past the gap when DST skips its midnight). */
function startOfLocalDay(date: string, zone: string): number {
  return instantsOfWallTime(date, 0, zone)[0] ?? Date.parse(`${date}T00:00:00Z`);
}

/**
 * The instants `[start, end)` a day, week or month bucket spans in `zone`, so the records of one bar are found
 * through an index on their instant instead of reading the whole period; null for an hour of the day (it recurs).
 */
export function bucketBounds(bucket: TimeBucket, key: string, zone: string): { start: number; end: number } | null {
  switch (bucket) {
    case 'day':
      return { start: startOfLocalDay(key, zone), end: startOfLocalDay(addDays(key, 1), zone) };
    case 'week':
      return { start: startOfLocalDay(key, zone), end: startOfLocalDay(addDays(key, 7), zone) };
    case 'month': {
      const next = new Date(Date.parse(`${key}-01T00:00:00Z`));
      next.setUTCMonth(next.getUTCMonth() + 1);
      return { start: startOfLocalDay(`${key}-01`, zone), end: startOfLocalDay(next.toISOString().slice(0, 10), zone) };
    }
    case 'hour':
      return null;
  }
}
