import type { DrillPage, DrillRow, ReportUnit } from '#contract';

/** SQL with its named parameters (`@name`); every value a person chose travels as a parameter, never as text. */
export interface SqlPart {
  sql: string;
  params: Record<string, unknown>;
}

export type DrillField = DrillPage['fields'][number];

/** How the records behind a figure are listed: their columns, their order (newest first) and what each opens. */
export interface RecordList {
  recordType: DrillPage['recordType'];
  fields: readonly DrillField[];
  /** The record's unique id (SQL). */
  id: string;
  /** The number the list is ordered by, newest first (with `id` to break ties). */
  sort: string;
  /** The rest of the select list: one column per field key, and what `toRow` needs. */
  select: string;
  /** Extra joins the list needs beyond the fact's own FROM (names for display). */
  joins?: string;
  /** Turns a selected row into the row shown (what it opens, whether a recording can be played). */
  toRow: (raw: Record<string, unknown>) => DrillRow;
}

/**
 * A kind of thing reports count: calls, an operator's state stretches, campaign attempts, QA reviews, deals…
 * The common filters and the period apply through the columns it names; a filter on a column it lacks
 * (a campaign for a deal) leaves it out of the report rather than ignoring the filter.
 */
export interface Fact {
  /** FROM clause, with the alias the other parts use. */
  from: string;
  /** The row's instant: the period bounds it (unless `period` says otherwise) and time views bucket by it. */
  time: string;
  /** The period condition when it is not "time in [from, to)" (a stretch overlapping the period). */
  period?: string;
  operator?: string;
  campaign?: string;
  /** The row's company, for the company-tag filter. */
  company?: string;
  /** Conditions always applied (a call that never rang is no call); one with a person's choice in it carries it as a parameter. */
  where?: readonly (string | SqlPart)[];
  records: RecordList;
}

export type Aggregate = { count: true } | { sum: string } | { max: string };

/** A figure counted from a fact: rows passing `when` counted, or a value of theirs summed or maximised. */
export interface BaseMeasure {
  key: string;
  unit: ReportUnit;
  fact: Fact;
  aggregate: Aggregate;
  /** SQL condition: which of the fact's rows this figure is about. */
  when?: string;
  drill: boolean;
  chart: boolean;
  /** Only an ingredient of derived figures (the sum of QA scores behind their average): no column of its own. */
  hidden?: boolean;
}

/** A figure computed from others (an average, a rate); its cell opens the records of `drillAs`. */
export interface DerivedMeasure {
  key: string;
  unit: ReportUnit;
  compute: (values: Readonly<Record<string, number | null>>) => number | null;
  drillAs?: string;
  chart: boolean;
}

export type Measure = BaseMeasure | DerivedMeasure;

export function isBase(measure: Measure): measure is BaseMeasure {
  return 'fact' in measure;
}

/** The expression a base measure aggregates, restricted to its rows. */
export function aggregateSql(measure: BaseMeasure): string {
  const when = measure.when ?? '1';
  const { aggregate } = measure;
  if ('count' in aggregate) return measure.when ? `count(CASE WHEN ${when} THEN 1 END)` : 'count(*)';
  if ('sum' in aggregate) return `total(CASE WHEN ${when} THEN ${aggregate.sum} END)`;
  return `max(CASE WHEN ${when} THEN ${aggregate.max} END)`;
}

/** Combines two partial figures of the same measure (rows rolled up into a team, or into the totals). */
export function combine(measure: BaseMeasure, a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return 'max' in measure.aggregate ? Math.max(a, b) : a + b;
}

/** `a / b`, or null when there is nothing to divide by (an average of no calls is no figure, not zero). */
export function ratio(a: number | null | undefined, b: number | null | undefined, scale = 1): number | null {
  if (a === null || a === undefined || !b) return null;
  return (a / b) * scale;
}
