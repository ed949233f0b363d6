import type { DrillPage, DrillRequest, ReportRequest, ReportRequestInput, ReportResult } from '#contract';
import { DrillRequestSchema, ReportRequestSchema } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { drillReport, runReport } from '#core/reports/run-report';
import { seededRandom } from '#tests/support/fuzz/ws-frames';
import { afterAll, expect } from 'vitest';
import { openScratchDatabase, testNow } from '#tests/support/workstation';

/** Reports are cut in Kyiv's days: winter UTC+2, summer UTC+3 from 2026-03-29 03:00 local (01:00 UTC). */
export const zone = 'Europe/Kyiv';
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A Kyiv wall time as an instant (only for dates away from the DST night, or after it: offset by date). */
export function kyiv(date: string, time = '00:00:00.000'): number {
  const wall = Date.parse(`${date}T${time}Z`);
  const summer = wall >= Date.parse('2026-03-29T04:00:00Z') && wall < Date.parse('2026-10-25T03:00:00Z');
  return wall - (summer ? 3 : 2) * HOUR;
}

/** March 2026 in Kyiv: spans the spring DST change (a 23-hour day on the 29th). */
export const march = { from: kyiv('2026-03-01'), to: kyiv('2026-04-01') };

/** Plain inserts: every column named, so the test's data is what the test wrote. */
export function insert(database: AppDatabase, table: string, row: Record<string, unknown>): void {
  const keys = Object.keys(row);
  database.sqlite.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])),
  );
}

/** A deterministic generator with the few draws tests need. */
export function generator(seed: number) {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  return {
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    chance: (p: number) => random() < p,
    /** An instant in [from, to). */
    between: (from: number, to: number) => from + int(to - from),
  };
}

/** Two teams, five employees (one without a team), three companies, one tagged "vip", a contact per company and one without. */
export function seedPeople(database: AppDatabase) {
  insert(database, 'teams', { id: 'team-a', name: 'Team A', created_at: 0, updated_at: 0 });
  insert(database, 'teams', { id: 'team-b', name: 'Team B', created_at: 0, updated_at: 0 });
  const employees = ['emp-1', 'emp-2', 'emp-3', 'emp-4', 'emp-5'];
  const teamOf: Record<string, string | null> = { 'emp-1': 'team-a', 'emp-2': 'team-a', 'emp-3': 'team-b', 'emp-4': 'team-b', 'emp-5': null };
  for (const id of employees) insert(database, 'employees', { id, name: `Employee ${id.slice(4)}`, team_id: teamOf[id], created_at: 0 });
  const companies = ['co-1', 'co-2', 'co-3'];
  for (const id of companies) insert(database, 'companies', { id, name: id, search_name: id, created_at: 0, updated_at: 0 });
  insert(database, 'tags', { id: 'tag-vip', name: 'vip', search_name: 'vip' });
  insert(database, 'company_tags', { company_id: 'co-2', tag_id: 'tag-vip' });
  return { employees, teamOf, companies, vipCompanies: ['co-2'] };
}

export const context = { now: testNow, zone };

export function request(input: Omit<ReportRequestInput, 'filters'> & { filters?: Partial<ReportRequestInput['filters']> }): ReportRequest {
  return ReportRequestSchema.parse({ ...input, filters: { ...march, timeZone: zone, ...input.filters } });
}

export function run(database: AppDatabase, input: Parameters<typeof request>[0]): ReportResult {
  return runReport(database.read, request(input), context);
}

/** Every record behind a cell, following `next` page by page (small pages, so paging is exercised). */
export function drillAll(database: AppDatabase, input: Parameters<typeof request>[0], cell: DrillRequest['cell'], limit = 7): { ids: string[]; pages: DrillPage[] } {
  const pages: DrillPage[] = [];
  let after: string | undefined;
  do {
    const page = drillReport(database.read, DrillRequestSchema.parse({ ...request(input), cell, limit, ...(after ? { after } : {}) }), context);
    pages.push(page);
    after = page.next ?? undefined;
  } while (after);
  return { ids: pages.flatMap((p) => p.rows.map((r) => r.id)), pages };
}

/** A row's values by key, for comparing with expectations. */
export function valuesByRow(result: ReportResult, column: string): Record<string, number | null> {
  return Object.fromEntries(result.rows.map((r) => [r.key, r.values[column] ?? null]));
}

/** Counts of items by a key (the independent count a figure is compared with). */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export const sorted = (ids: readonly string[]) => [...ids].sort();

/** A migrated database for one suite (seeded once, read by every test), closed after it. */
export function suiteDatabase<T>(seed: (database: AppDatabase) => T): { database: AppDatabase; data: T } {
  const scratch = openScratchDatabase();
  afterAll(() => scratch.close());
  return { database: scratch.database, data: seed(scratch.database) };
}

const localDates = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Kyiv date of an instant, "YYYY-MM-DD", read through Intl (independent of the report's SQL arithmetic). */
export const kyivDate = (t: number): string => localDates.format(t);

/** Sums of a value by a key, for money and seconds figures. */
export function sumBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const item of items) sums[key(item)] = (sums[key(item)] ?? 0) + value(item);
  return sums;
}

/** Every figure of a result's column matches the expected one (missing expectations are 0), to floating-point rounding. */
export function expectColumn(result: ReportResult, column: string, expected: Record<string, number>): void {
  const actual = valuesByRow(result, column);
  for (const key of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
    expect(actual[key], `${column} of row "${key}"`).toBeCloseTo(expected[key] ?? 0, 6);
  }
}
