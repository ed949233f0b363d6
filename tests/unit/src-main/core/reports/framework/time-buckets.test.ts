import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bucketBounds, bucketKey, bucketSql, bucketValue, bucketsOfPeriod, localTimeSql, type TimeBucket } from '#core/reports/framework/time-buckets';
import { wallClock } from '#core/shared/zoned-time';
import { sourceAssets } from '#tests/support/workstation';

const at = (iso: string): number => Date.parse(iso);
const KYIV = 'Europe/Kyiv';
const sqlite = new Database(':memory:', sourceAssets.nativeBinding ? { nativeBinding: sourceAssets.nativeBinding } : {});
afterAll(() => sqlite.close());

/** The bucket SQLite computes for an instant, read back as the key a report row carries. */
function bucketOf(bucket: TimeBucket, instant: number, from: number, to: number, zone: string): string {
  return bucketKey(bucket, rawBucket(bucket, instant, from, to, zone));
}

/** As a report reads it: from an INTEGER column (a bound JS number would be REAL and divide exactly). */
function rawBucket(bucket: TimeBucket, instant: number, from: number, to: number, zone: string): string | number {
  const expr = bucketSql(bucket, localTimeSql('t', from, to, zone));
  return (sqlite.prepare(`SELECT ${expr} AS k FROM (SELECT CAST(@t AS INTEGER) AS t)`).get({ t: instant }) as { k: string | number }).k;
}

describe('time buckets in the report zone', () => {
  const march = { from: at('2026-02-28T22:00:00Z'), to: at('2026-03-31T21:00:00Z') };

  it('reads an instant on the wall clock of every stretch of the period, on both sides of a DST change', () => {
    for (const instant of [march.from, at('2026-03-29T00:59:59Z'), at('2026-03-29T01:00:00Z'), at('2026-03-31T20:59:59Z')]) {
      const local = sqlite.prepare(`SELECT ${localTimeSql('t', march.from, march.to, KYIV)} AS l FROM (SELECT CAST(@t AS INTEGER) AS t)`).get({ t: instant }) as { l: number };
      const clock = wallClock(instant, KYIV);
      expect(local.l).toBe(Date.parse(`${clock.date}T00:00:00Z`) + clock.secondOfDay * 1000);
    }
  });

  it('puts 23:59:59 and the next midnight of Kyiv in different days, weeks and hours', () => {
    // 2026-03-01 is a Sunday: its last second is in the week of 23 February, the next midnight starts the week of 2 March.
    const lastSecond = at('2026-03-01T21:59:59Z');
    const midnight = at('2026-03-01T22:00:00Z');
    expect(bucketOf('day', lastSecond, march.from, march.to, KYIV)).toBe('2026-03-01');
    expect(bucketOf('day', midnight, march.from, march.to, KYIV)).toBe('2026-03-02');
    expect(bucketOf('week', lastSecond, march.from, march.to, KYIV)).toBe('2026-02-23');
    expect(bucketOf('week', midnight, march.from, march.to, KYIV)).toBe('2026-03-02');
    expect(bucketOf('hour', lastSecond, march.from, march.to, KYIV)).toBe('23');
    expect(bucketOf('hour', midnight, march.from, march.to, KYIV)).toBe('0');
  });

  it('skips the hour DST springs over and counts the repeated one twice', () => {
    // 29 March 2026, 01:00 UTC: 03:00 EET becomes 04:00 EEST.
    expect(bucketOf('hour', at('2026-03-29T00:59:59Z'), march.from, march.to, KYIV)).toBe('2');
    expect(bucketOf('hour', at('2026-03-29T01:00:00Z'), march.from, march.to, KYIV)).toBe('4');
    // 25 October 2026, 01:00 UTC: 04:00 EEST goes back to 03:00 EET, so 03:xx happens twice.
    const october = { from: at('2026-09-30T21:00:00Z'), to: at('2026-10-31T22:00:00Z') };
    expect(bucketOf('hour', at('2026-10-25T00:30:00Z'), october.from, october.to, KYIV)).toBe('3');
    expect(bucketOf('hour', at('2026-10-25T01:30:00Z'), october.from, october.to, KYIV)).toBe('3');
    expect(bucketOf('day', at('2026-10-25T21:59:59Z'), october.from, october.to, KYIV)).toBe('2026-10-25');
    expect(bucketOf('day', at('2026-10-25T22:00:00Z'), october.from, october.to, KYIV)).toBe('2026-10-26');
  });

  it('names months by the local calendar', () => {
    expect(bucketOf('month', at('2026-03-31T20:59:59Z'), march.from, march.to, KYIV)).toBe('2026-03');
    expect(bucketOf('month', march.from, march.from, march.to, KYIV)).toBe('2026-03');
    expect(bucketOf('month', march.from - 1, march.from - 86_400_000, march.to, KYIV)).toBe('2026-02');
  });

  it('finds a bucket again from its key', () => {
    for (const bucket of ['day', 'week', 'month', 'hour'] as const) {
      for (const instant of [at('2026-03-01T21:59:59Z'), at('2026-03-29T01:00:00Z'), at('2026-03-16T10:00:00Z')]) {
        const raw = rawBucket(bucket, instant, march.from, march.to, KYIV);
        expect(bucketValue(bucket, bucketKey(bucket, raw))).toBe(raw);
      }
    }
    expect(bucketKey('day', null)).toBe('');
  });

  it('lists every bucket of the period, empty ones too', () => {
    expect(bucketsOfPeriod('day', '2026-03-01', '2026-03-31')).toHaveLength(31);
    expect(bucketsOfPeriod('day', '2026-03-01', '2026-03-03')).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    // March 2026 touches the ISO weeks of 23 Feb, 2, 9, 16, 23 and 30 March.
    expect(bucketsOfPeriod('week', '2026-03-01', '2026-03-31')).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(bucketsOfPeriod('month', '2025-12-15', '2026-02-01')).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(bucketsOfPeriod('hour', '2026-03-29', '2026-03-29')).toEqual(Array.from({ length: 24 }, (_, h) => String(h)));
  });

  it('bounds a day, week or month by the instants it spans, 23 or 25 hours on the DST days', () => {
    expect(bucketBounds('day', '2026-03-29', KYIV)).toEqual({ start: at('2026-03-28T22:00:00Z'), end: at('2026-03-29T21:00:00Z') });
    expect(bucketBounds('day', '2026-10-25', KYIV)).toEqual({ start: at('2026-10-24T21:00:00Z'), end: at('2026-10-25T22:00:00Z') });
    expect(bucketBounds('week', '2026-03-23', KYIV)).toEqual({ start: at('2026-03-22T22:00:00Z'), end: at('2026-03-29T21:00:00Z') });
    expect(bucketBounds('month', '2026-03', KYIV)).toEqual({ start: at('2026-02-28T22:00:00Z'), end: at('2026-03-31T21:00:00Z') });
    expect(bucketBounds('month', '2026-12', KYIV)).toEqual({ start: at('2026-11-30T22:00:00Z'), end: at('2026-12-31T22:00:00Z') });
    expect(bucketBounds('hour', '3', KYIV)).toBeNull();
  });
});
