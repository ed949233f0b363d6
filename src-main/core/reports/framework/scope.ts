import type { ReportFilters } from '#contract';
import type { ReadDb } from '#core/db/handles';
import type { Fact, SqlPart } from './facts';

/**
 * A report request's filters made ready for SQL: the period, the zone it is cut in, and the operators it is
 * about (the chosen operators, narrowed to the chosen teams' members).
 */
export interface ReportScope {
  from: number;
  to: number;
  now: number;
  zone: string;
  /** null: every operator (no operator or team filter). */
  operators: readonly string[] | null;
  campaigns: readonly string[];
  companyTags: readonly string[];
  /** Told as each part of a report is counted (a fact's query), for the window's progress. */
  progress: (done: number, total: number) => void;
}

export function resolveScope(db: ReadDb, filters: ReportFilters, context: { now: number; zone: string; progress?: ReportScope['progress'] }): ReportScope {
  let operators: string[] | null = filters.operatorIds.length > 0 ? [...filters.operatorIds] : null;
  if (filters.teamIds.length > 0) {
    const marks = filters.teamIds.map(() => '?').join(', ');
    const members = db.$client.prepare<string[], { id: string }>(`SELECT id FROM employees WHERE team_id IN (${marks})`).all(...filters.teamIds).map((r) => r.id);
    operators = operators === null ? members : operators.filter((id) => members.includes(id));
  }
  return {
    from: filters.from,
    to: filters.to,
    now: context.now,
    zone: filters.timeZone ?? context.zone,
    operators,
    campaigns: filters.campaignIds,
    companyTags: filters.companyTagIds,
    progress: context.progress ?? (() => undefined),
  };
}

/** `column IN (@p0, @p1…)` with its parameters; an empty list matches nothing. */
export function inList(column: string, prefix: string, values: readonly string[]): SqlPart {
  if (values.length === 0) return { sql: '0', params: {} };
  const params: Record<string, unknown> = {};
  const marks = values.map((value, i) => {
    params[`${prefix}${i}`] = value;
    return `@${prefix}${i}`;
  });
  return { sql: `${column} IN (${marks.join(', ')})`, params };
}

export function allOf(parts: readonly SqlPart[]): SqlPart {
  if (parts.length === 0) return { sql: '1', params: {} };
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: Object.assign({}, ...parts.map((p) => p.params)) as Record<string, unknown> };
}

/**
 * The conditions the scope puts on a fact's rows, or null when a filter asks for something the fact cannot
 * have (a campaign filter on deals): then the fact has no rows in this report.
 */
export function scopeConditions(fact: Fact, scope: ReportScope): SqlPart | null {
  const parts: SqlPart[] = [{ sql: fact.period ?? `${fact.time} >= @from AND ${fact.time} < @to`, params: {} }];
  for (const condition of fact.where ?? []) parts.push(typeof condition === 'string' ? { sql: condition, params: {} } : condition);
  if (scope.operators !== null) {
    if (!fact.operator) return null;
    parts.push(inList(fact.operator, 'op', scope.operators));
  }
  if (scope.campaigns.length > 0) {
    if (!fact.campaign) return null;
    parts.push(inList(fact.campaign, 'cmp', scope.campaigns));
  }
  if (scope.companyTags.length > 0) {
    if (!fact.company) return null;
    const tags = inList('tag_id', 'tag', scope.companyTags);
    parts.push({ sql: `${fact.company} IN (SELECT company_id FROM company_tags WHERE ${tags.sql})`, params: tags.params });
  }
  return allOf(parts);
}

/** The parameters every report query may use: the period and the moment it runs (open stretches end now). */
export function periodParams(scope: ReportScope): Record<string, unknown> {
  return { from: scope.from, to: scope.to, now: Math.min(scope.now, scope.to) };
}
