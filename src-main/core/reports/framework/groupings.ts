import type { ReportRow } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { wallClock } from '#core/shared/zoned-time';
import type { Fact, SqlPart } from './facts';
import type { ReportScope } from './scope';
import { bucketBounds, bucketKey, bucketSql, bucketsOfPeriod, bucketValue, localTimeSql, type TimeBucket } from './time-buckets';

/**
 * How a report's rows are cut: by operator, team, day… For each fact, the SQL of the row key (null when the
 * fact cannot be cut this way: its figures stay blank in this view), and the condition that finds one row's
 * records again — the same expression, so a row's figure and its list always agree.
 */
export interface Grouping {
  kind: ReportRow['kind'];
  expr: (fact: Fact) => string | null;
  keyOf: (raw: unknown) => string;
  match: (fact: Fact, key: string) => SqlPart;
  /** Several SQL keys summed into one row (operators into their team). */
  rollUp?: (key: string) => string;
  /** Rows shown even without a single record (every day of the period, every hour, every stage). */
  allKeys?: readonly string[];
  label: (key: string) => string;
}

const text = (raw: unknown): string => (typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '');

/** `expr = @g`, or `expr IS NULL` for the empty key (calls nobody took, deals without an owner). */
function equals(expr: string, key: string, value: unknown = key): SqlPart {
  return key === '' ? { sql: `${expr} IS NULL`, params: {} } : { sql: `${expr} = @g`, params: { g: value } };
}

/** Rows by a column of the data (a disposition, a stage, a cause), named through `names`. */
export function byColumn(kind: ReportRow['kind'], column: (fact: Fact) => string | null, names: ReadonlyMap<string, string>, allKeys?: readonly string[]): Grouping {
  return {
    kind,
    expr: column,
    keyOf: text,
    match: (fact, key) => equals(column(fact) ?? 'NULL', key),
    label: (key) => names.get(key) ?? key,
    ...(allKeys ? { allKeys } : {}),
  };
}

function employeeNames(db: ReadDb): Map<string, string> {
  return new Map(db.$client.prepare<[], { id: string; name: string }>('SELECT id, name FROM employees').all().map((r) => [r.id, r.name]));
}

export function byOperator(db: ReadDb): Grouping {
  return byColumn('employee', (fact) => fact.operator ?? null, employeeNames(db));
}

/** Operators' figures summed into their teams (an operator moved between teams counts where they are now). */
export function byTeam(db: ReadDb): Grouping {
  const teamOf = new Map(db.$client.prepare<[], { id: string; teamId: string | null }>('SELECT id, team_id AS teamId FROM employees').all().map((r) => [r.id, r.teamId ?? '']));
  const names = new Map(db.$client.prepare<[], { id: string; name: string }>('SELECT id, name FROM teams').all().map((r) => [r.id, r.name]));
  const members = (team: string) => [...teamOf].filter(([, t]) => t === team).map(([id]) => id);
  return {
    kind: 'team',
    expr: (fact) => fact.operator ?? null,
    keyOf: text,
    rollUp: (operator) => teamOf.get(operator) ?? '',
    match: (fact, team) => {
      const column = fact.operator ?? 'NULL';
      const ids = members(team);
      const params: Record<string, unknown> = {};
      const marks = ids.map((id, i) => {
        params[`gm${i}`] = id;
        return `@gm${i}`;
      });
      // The team-less row also holds records nobody took and those of operators no longer listed.
      if (team === '') return { sql: `${column} IS NULL OR ${column} NOT IN (SELECT id FROM employees WHERE team_id IS NOT NULL)`, params };
      return { sql: ids.length === 0 ? '0' : `${column} IN (${marks.join(', ')})`, params };
    },
    label: (key) => names.get(key) ?? key,
  };
}

/** Rows by local day, ISO week, month or hour of the day in the report's zone, DST included; empty ones shown. */
export function byTime(bucket: TimeBucket, scope: ReportScope): Grouping {
  const expr = (fact: Fact) => bucketSql(bucket, localTimeSql(fact.time, scope.from, scope.to, scope.zone));
  const first = wallClock(scope.from, scope.zone).date;
  const last = wallClock(scope.to - 1, scope.zone).date;
  return {
    kind: bucket,
    expr,
    keyOf: (raw) => bucketKey(bucket, raw as string | number | null),
    match: (fact, key) => {
      const equal = { sql: `${expr(fact)} = @g`, params: { g: bucketValue(bucket, key) } };
      const bounds = bucketBounds(bucket, key, scope.zone);
      // The same rows, bounded by the bucket's instants too: an index on the time column finds them.
      return bounds ? { sql: `${equal.sql} AND ${fact.time} >= @gs AND ${fact.time} < @ge`, params: { ...equal.params, gs: bounds.start, ge: bounds.end } } : equal;
    },
    allKeys: bucketsOfPeriod(bucket, first, last),
    label: (key) => key,
  };
}
