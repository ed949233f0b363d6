import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '#core/db/connection';
import { addDays } from '#core/shared/zoned-time';
import { drillAll, generator, insert, kyiv, kyivDate, march, run, seedPeople, sorted, suiteDatabase } from '#tests/support/report-fixtures';

type Kind = 'meeting' | 'call' | 'callback' | 'event';
interface Item {
  id: string;
  owner: string;
  kind: Kind;
  startsAt: number;
  endsAt: number;
  busy: boolean;
  allDay: boolean;
  company: string | null;
}

const HOUR = 3_600_000;

/** A weekly one-hour meeting of emp-2, Mondays 10:00 Kyiv, from February into April (March has five Mondays). */
const weekly = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//reports//EN',
  'BEGIN:VEVENT',
  'UID:weekly@test',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Europe/Kyiv:20260223T100000',
  'DTEND;TZID=Europe/Kyiv:20260223T110000',
  'RRULE:FREQ=WEEKLY;COUNT=8',
  'SUMMARY:Weekly sync',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

/** Hand-placed items on the edges (midnight, the DST night, the period's bounds) and random ones over March. */
function seed(database: AppDatabase): Item[] {
  const people = seedPeople(database);
  const items: Item[] = [
    { id: 'ev-meeting', owner: 'emp-1', kind: 'meeting', startsAt: kyiv('2026-03-02', '10:00:00.000'), endsAt: kyiv('2026-03-02', '11:30:00.000'), busy: true, allDay: false, company: 'co-2' },
    { id: 'ev-free-meeting', owner: 'emp-1', kind: 'meeting', startsAt: kyiv('2026-03-04', '10:00:00.000'), endsAt: kyiv('2026-03-04', '11:00:00.000'), busy: false, allDay: false, company: null },
    { id: 'ev-all-day', owner: 'emp-1', kind: 'meeting', startsAt: kyiv('2026-03-05'), endsAt: kyiv('2026-03-06'), busy: true, allDay: true, company: null },
    { id: 'ev-midnight', owner: 'emp-1', kind: 'meeting', startsAt: kyiv('2026-03-10', '23:00:00.000'), endsAt: kyiv('2026-03-11', '01:00:00.000'), busy: true, allDay: false, company: null },
    // 23:00 on the 28th to 05:00 on the 29th, Kyiv: the clocks skip 03:00–04:00, so 5 real hours (1 + 4).
    { id: 'ev-dst-night', owner: 'emp-1', kind: 'event', startsAt: kyiv('2026-03-28', '23:00:00.000'), endsAt: kyiv('2026-03-29', '05:00:00.000'), busy: true, allDay: false, company: null },
    { id: 'ev-before', owner: 'emp-1', kind: 'meeting', startsAt: kyiv('2026-02-28', '23:30:00.000'), endsAt: kyiv('2026-03-01', '00:30:00.000'), busy: true, allDay: false, company: null },
    { id: 'ev-last', owner: 'emp-1', kind: 'callback', startsAt: kyiv('2026-03-31', '23:59:59.999'), endsAt: kyiv('2026-04-01', '00:30:00.000'), busy: true, allDay: false, company: null },
    { id: 'ev-after', owner: 'emp-1', kind: 'meeting', startsAt: kyiv('2026-04-01'), endsAt: kyiv('2026-04-01', '01:00:00.000'), busy: true, allDay: false, company: null },
  ];
  const g = generator(6);
  for (let i = 0; i < 150; i++) {
    const startsAt = g.between(kyiv('2026-02-25'), kyiv('2026-04-03'));
    items.push({
      id: `ev-${String(i).padStart(3, '0')}`,
      owner: g.pick(people.employees.slice(0, 4)),
      kind: g.pick(['meeting', 'call', 'callback', 'event'] as const),
      startsAt,
      endsAt: startsAt + g.between(5, 240) * 60_000,
      busy: g.chance(0.85),
      allDay: false,
      company: g.chance(0.3) ? g.pick(people.companies) : null,
    });
  }
  for (const item of items) {
    insert(database, 'calendar_events', {
      id: item.id,
      kind: item.kind,
      title: item.id,
      starts_at: item.startsAt,
      ends_at: item.endsAt,
      busy: item.busy,
      all_day: item.allDay,
      owner_id: item.owner,
      company_id: item.company,
      created_at: 0,
      updated_at: 0,
    });
  }
  insert(database, 'calendar_events', {
    id: 'ev-weekly',
    kind: 'meeting',
    title: 'Weekly sync',
    ics: weekly,
    starts_at: kyiv('2026-02-23', '10:00:00.000'),
    ends_at: kyiv('2026-02-23', '11:00:00.000'),
    range_ends_at: kyiv('2026-04-13', '11:00:00.000'),
    recurring: true,
    tzid: 'Europe/Kyiv',
    owner_id: 'emp-2',
    created_at: 0,
    updated_at: 0,
  });
  return items;
}

/** March's Kyiv days, each with its real bounds (the 29th has 23 hours). */
const days = Array.from({ length: 31 }, (_, i) => addDays('2026-03-01', i)).map((day) => ({ day, from: kyiv(day), to: kyiv(addDays(day, 1)) }));
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** Hours and meetings per employee and day, counted by hand from the items. */
function expected(items: readonly Item[], include: (item: Item) => boolean = () => true) {
  const hours: Record<string, Record<string, number>> = {};
  const meetings: Record<string, Record<string, number>> = {};
  for (const item of items) {
    if (item.allDay || !include(item)) continue;
    for (const { day, from, to } of days) {
      const spent = item.busy ? Math.max(0, Math.min(item.endsAt, to) - Math.max(item.startsAt, from)) / HOUR : 0;
      const perDay = (hours[item.owner] ??= {});
      if (spent > 0) perDay[day] = (perDay[day] ?? 0) + spent;
    }
    const startDay = kyivDate(Math.max(item.startsAt, march.from));
    const perDay = (meetings[item.owner] ??= {});
    if (item.kind === 'meeting' && item.startsAt < march.to && item.endsAt > march.from) perDay[startDay] = (perDay[startDay] ?? 0) + 1;
  }
  return { hours, meetings };
}

describe('manager load report', () => {
  const { database, data: items } = suiteDatabase(seed);
  const weeklyMondays = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'];

  it('gives booked hours and meetings per employee and local day, split at midnight, DST night with its real hours', () => {
    const result = run(database, { report: 'manager_load', view: 'day' });
    expect(result.rows.map((r) => r.key)).toEqual(days.map((d) => d.day));
    expect(result.columns.slice(0, 2)).toEqual([
      { key: 'hours:emp-1', unit: 'hours', label: 'Employee 1', drill: true, chart: true },
      { key: 'meetings:emp-1', unit: 'count', label: 'Employee 1', drill: true, chart: false },
    ]);
    const { hours, meetings } = expected(items);
    for (const day of weeklyMondays) {
      (hours['emp-2'] ??= {})[day] = (hours['emp-2']?.[day] ?? 0) + 1;
      (meetings['emp-2'] ??= {})[day] = (meetings['emp-2']?.[day] ?? 0) + 1;
    }
    for (const row of result.rows) {
      for (const employee of ['emp-1', 'emp-2', 'emp-3', 'emp-4', 'emp-5']) {
        expect(row.values[`hours:${employee}`], `${employee} hours on ${row.key}`).toBeCloseTo(hours[employee]?.[row.key] ?? 0, 6);
        expect(row.values[`meetings:${employee}`], `${employee} meetings on ${row.key}`).toBe(meetings[employee]?.[row.key] ?? 0);
      }
    }
    // The hand-placed items, by themselves.
    const mine = expected(items.filter((i) => !i.id.match(/^ev-\d/)));
    expect(mine.hours['emp-1']).toEqual({ '2026-03-01': 0.5, '2026-03-02': 1.5, '2026-03-10': 1, '2026-03-11': 1, '2026-03-28': 1, '2026-03-29': 4, '2026-03-31': expect.closeTo(1 / 3_600_000, 9) as number });
    expect(mine.meetings['emp-1']).toEqual({ '2026-03-01': 1, '2026-03-02': 1, '2026-03-04': 1, '2026-03-10': 1 });
  });

  it('sums the days into ISO weeks (Monday keys)', () => {
    const byDay = run(database, { report: 'manager_load', view: 'day' });
    const byWeek = run(database, { report: 'manager_load', view: 'week' });
    expect(byWeek.rows.map((r) => r.key)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    for (const week of byWeek.rows) {
      const inWeek = byDay.rows.filter((r) => mondayOf(r.key) === week.key);
      for (const column of byWeek.columns) expect(week.values[column.key]).toBeCloseTo(inWeek.reduce((sum, r) => sum + (r.values[column.key] ?? 0), 0), 6);
    }
    expect(byWeek.totals['meetings:emp-2']).toBe(byDay.totals['meetings:emp-2']);
  });

  it('lists exactly the calendar items behind each cell, recurring occurrences one by one, page by page', () => {
    const { hours, meetings } = expected(items);
    for (const employee of ['emp-1', 'emp-3']) {
      for (const { day } of days.filter((_, i) => i % 3 === 0 || i === 28)) {
        const listed = drillAll(database, { report: 'manager_load', view: 'day' }, { rowKey: day, column: `hours:${employee}` }, 3);
        const bounds = days.find((d) => d.day === day) ?? { from: 0, to: 0 };
        const behind = items.filter((i) => i.owner === employee && !i.allDay && i.busy && Math.min(i.endsAt, bounds.to) > Math.max(i.startsAt, bounds.from));
        expect(behind.length > 0).toBe((hours[employee]?.[day] ?? 0) > 0);
        expect(sorted(listed.ids.map((id) => id.split('@')[0] as string))).toEqual(sorted(behind.map((i) => i.id)));
        const meetingList = drillAll(database, { report: 'manager_load', view: 'day' }, { rowKey: day, column: `meetings:${employee}` }, 3);
        expect(meetingList.ids.length).toBe(meetings[employee]?.[day] ?? 0);
      }
    }
    const series = drillAll(database, { report: 'manager_load', view: 'week' }, { rowKey: null, column: 'meetings:emp-2' }, 2);
    expect(series.ids.filter((id) => id.startsWith('ev-weekly@'))).toEqual(weeklyMondays.map((day) => `ev-weekly@${kyiv(day, '10:00:00.000')}`).reverse());
    expect(series.pages[0]?.rows[0]?.open).toEqual({ type: 'event', id: expect.any(String) });
    expect(series.pages[0]?.recordType).toBe('event');
    const dst = drillAll(database, { report: 'manager_load', view: 'day' }, { rowKey: '2026-03-29', column: 'hours:emp-1' });
    expect(dst.pages[0]?.rows.find((r) => r.id.startsWith('ev-dst-night'))?.values.hours).toBe(4);
  });

  it('honours the operator and company-tag filters; a campaign filter leaves the calendar out', () => {
    const team = run(database, { report: 'manager_load', view: 'week', filters: { teamIds: ['team-b'] } });
    expect(team.columns.map((c) => c.key)).toEqual(['hours:emp-3', 'meetings:emp-3', 'hours:emp-4', 'meetings:emp-4']);
    const vip = run(database, { report: 'manager_load', view: 'day', filters: { companyTagIds: ['tag-vip'] } });
    const { hours } = expected(items, (i) => i.company === 'co-2');
    for (const row of vip.rows) expect(row.values['hours:emp-1']).toBeCloseTo(hours['emp-1']?.[row.key] ?? 0, 6);
    expect(vip.totals['meetings:emp-2']).toBe(0);
    const campaign = run(database, { report: 'manager_load', view: 'day', filters: { campaignIds: ['c'] } });
    expect(Object.values(campaign.totals).every((v) => v === 0)).toBe(true);
  });

  it('refuses a column that is no employee’s figure', () => {
    expect(() => drillAll(database, { report: 'manager_load', view: 'day' }, { rowKey: '2026-03-02', column: 'hours' })).toThrow(/does not open a list/);
    expect(() => drillAll(database, { report: 'manager_load', view: 'day' }, { rowKey: '2026-03-02', column: 'minutes:emp-1' })).toThrow(/does not open a list/);
  });

  it('shows an empty period as zeros', () => {
    const empty = run(database, { report: 'manager_load', view: 'day', filters: { from: kyiv('2025-01-01'), to: kyiv('2025-01-03') } });
    expect(empty.rows.map((r) => r.key)).toEqual(['2025-01-01', '2025-01-02']);
    expect(empty.rows.every((r) => Object.values(r.values).every((v) => v === 0))).toBe(true);
  });
});
