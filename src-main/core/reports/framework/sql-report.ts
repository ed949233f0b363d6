import type { DrillPage, ReportColumn, ReportRow } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { DomainError } from '#core/shared/errors';
import { aggregateSql, combine, isBase, type BaseMeasure, type Fact, type Measure, type SqlPart } from './facts';
import type { Grouping } from './groupings';
import { allOf, periodParams, scopeConditions, type ReportScope } from './scope';

/** The figures of a report over its facts, cut by one grouping: rows with their values, and the totals. */
export interface Figures {
  rows: ReportRow[];
  totals: Record<string, number | null>;
}

type Values = Record<string, number | null>;

function factsOf(measures: readonly Measure[]): Map<Fact, BaseMeasure[]> {
  const byFact = new Map<Fact, BaseMeasure[]>();
  for (const measure of measures) {
    if (!isBase(measure)) continue;
    const list = byFact.get(measure.fact) ?? [];
    list.push(measure);
    byFact.set(measure.fact, list);
  }
  return byFact;
}

function withDerived(measures: readonly Measure[], values: Values): Values {
  for (const measure of measures) if (!isBase(measure)) values[measure.key] = measure.compute(values);
  return values;
}

/**
 * Computes every measure, one query per fact (each measure a CASE inside one aggregate pass), rows rolled up
 * in memory when the grouping asks (operators into teams), derived figures computed last, on rows and totals.
 */
export function computeFigures(db: ReadDb, measures: readonly Measure[], grouping: Grouping, scope: ReportScope): Figures {
  const rows = new Map<string, Values>();
  const totals: Values = {};
  const base = measures.filter(isBase);
  const blank = (): Values => Object.fromEntries(base.map((m) => [m.key, null]));
  for (const key of grouping.allKeys ?? []) rows.set(key, blank());

  const facts = [...factsOf(measures)];
  let counted = 0;
  for (const [fact, factMeasures] of facts) {
    scope.progress(counted++, facts.length);
    const group = grouping.expr(fact);
    const where = scopeConditions(fact, scope);
    if (group === null || where === null) continue;
    const select = factMeasures.map((m, i) => `${aggregateSql(m)} AS m${i}`).join(', ');
    const statement = db.$client.prepare(`SELECT ${group} AS k, ${select} FROM ${fact.from} WHERE ${where.sql} GROUP BY k`);
    for (const raw of statement.all({ ...periodParams(scope), ...where.params }) as Record<string, unknown>[]) {
      const sqlKey = grouping.keyOf(raw.k);
      const key = grouping.rollUp ? grouping.rollUp(sqlKey) : sqlKey;
      const values = rows.get(key) ?? blank();
      rows.set(key, values);
      factMeasures.forEach((measure, i) => {
        const value = raw[`m${i}`] as number | null;
        values[measure.key] = combine(measure, values[measure.key] ?? null, value);
        totals[measure.key] = combine(measure, totals[measure.key] ?? null, value);
      });
    }
  }
  // A figure with no records at all is 0 for counts and sums, blank (null) for the rest.
  for (const measure of base) {
    const zero = 'max' in measure.aggregate ? null : 0;
    totals[measure.key] ??= zero;
    for (const values of rows.values()) values[measure.key] ??= zero;
  }
  return {
    rows: [...rows].map(([key, values]) => ({ key, kind: grouping.kind, label: grouping.label(key), values: withDerived(measures, values) })),
    totals: withDerived(measures, totals),
  };
}

export function columnsOf(measures: readonly Measure[]): ReportColumn[] {
  return measures.filter((m) => !(isBase(m) && m.hidden)).map((m) => ({ key: m.key, unit: m.unit, drill: isBase(m) ? m.drill : m.drillAs !== undefined, chart: m.chart }));
}

/** The base measure a cell opens: its own, or the one a derived figure is computed over. */
export function drillMeasure(measures: readonly Measure[], key: string): BaseMeasure {
  const measure = measures.find((m) => m.key === key);
  const target = measure && !isBase(measure) ? measures.find((m) => m.key === measure.drillAs) : measure;
  if (!target || !isBase(target) || !target.drill) throw new DomainError('invalid_payload', 'report_cell_not_drillable', `The column ${key} does not open a list of records`, { column: key });
  return target;
}

interface Cursor {
  sort: number;
  id: string;
}

export function readCursor(after: string | undefined): Cursor | null {
  if (!after) return null;
  try {
    const parsed = JSON.parse(after) as unknown;
    if (Array.isArray(parsed) && typeof parsed[0] === 'number' && typeof parsed[1] === 'string') return { sort: parsed[0], id: parsed[1] };
  } catch {
    // Falls through to the typed error below: a cursor is opaque to the window, a broken one is its mistake.
  }
  throw new DomainError('invalid_payload', 'report_cursor_invalid', 'The page cursor is not one this report gave', { field: 'after' });
}

/**
 * The records behind one cell, a page at a time, newest first: the measure's fact under the same scope and
 * condition as its figure, narrowed to the cell's row by the grouping's own expression.
 */
export function drillFigure(db: ReadDb, measure: BaseMeasure, grouping: Grouping, rowKey: string | null, scope: ReportScope, page: { after?: string | undefined; limit: number }): DrillPage {
  const { fact } = measure;
  const list = fact.records;
  const empty: DrillPage = { recordType: list.recordType, fields: [...list.fields], rows: [], next: null };
  const where = scopeConditions(fact, scope);
  if (where === null || (rowKey !== null && grouping.expr(fact) === null)) return empty;
  // The row's condition first: SQLite bounds an index range by the first of several bounds on one column, and a
  // day's bounds find its records where the period's would read the whole month.
  const parts: SqlPart[] = rowKey === null ? [where] : [grouping.match(fact, rowKey), where];
  if (measure.when) parts.push({ sql: measure.when, params: {} });
  const cursor = readCursor(page.after);
  if (cursor) parts.push({ sql: `(${list.sort} < @cs OR (${list.sort} = @cs AND ${list.id} < @ci))`, params: { cs: cursor.sort, ci: cursor.id } });
  const condition = allOf(parts);
  const sql = `SELECT ${list.id} AS id, ${list.sort} AS sort, ${list.select} FROM ${fact.from} ${list.joins ?? ''} WHERE ${condition.sql} ORDER BY sort DESC, id DESC LIMIT @limit`;
  const raws = db.$client.prepare(sql).all({ ...periodParams(scope), ...condition.params, limit: page.limit + 1 }) as Record<string, unknown>[];
  const shown = raws.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    ...empty,
    rows: shown.map(list.toRow),
    next: raws.length > page.limit && last ? JSON.stringify([last.sort, last.id]) : null,
  };
}
