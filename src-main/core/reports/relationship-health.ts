import type { ReportRequest } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { addDays, instantsOfWallTime, wallClock } from '#core/shared/zoned-time';
import { companiesFact, contactInteractionsInPeriod, contactsFact, lastContactSql } from './facts/clients';
import { byColumn, byOperator } from './framework/groupings';
import { sqlReport, type ReportLayout } from './framework/report-definition';
import type { ReportScope } from './framework/scope';

/** N calendar days before the period's end, on the report zone's wall clock (a DST change makes one day 23 or 25 hours). */
function daysBeforeEnd(scope: ReportScope, days: number): number {
  const end = wallClock(scope.to, scope.zone);
  const [instant] = instantsOfWallTime(addDays(end.date, -days), end.secondOfDay, scope.zone);
  return instant ?? scope.to - days * 86_400_000;
}

/** Clients (contacts and companies) whose last contact of the kind is older than N days at the period's end, by responsible employee. */
function noContact(db: ReadDb, request: ReportRequest, scope: ReportScope): ReportLayout {
  const kind = request.options.interactionKind ?? 'call';
  const since = daysBeforeEnd(scope, request.options.days ?? 30);
  const contactLast = lastContactSql('contact', kind);
  const contacts = contactsFact(`coalesce(${contactLast}, 0)`, { select: contactLast, field: { key: 'lastContactAt', unit: 'datetime' }, value: 'lastContactAt' });
  return {
    measures: [
      { key: 'contacts', unit: 'count', fact: contacts, aggregate: { count: true }, when: `coalesce(${contactLast}, 0) < ${since}`, drill: true, chart: true },
      { key: 'companies', unit: 'count', fact: companiesFact(kind), aggregate: { count: true }, when: `coalesce(${lastContactSql('company', kind)}, 0) < ${since}`, drill: true, chart: true },
    ],
    grouping: byOperator(db),
    chart: 'bar',
  };
}

/**
 * Contacts by how often they were contacted in the period (never, once, 2–3 times, 4 or more; interactions of
 * `options.interactionKind`, or of any kind), with the interactions that make it.
 */
function contactsPerClient(request: ReportRequest): ReportLayout {
  const count = contactInteractionsInPeriod(request.options.interactionKind);
  const contacts = contactsFact('ct.created_at', { select: count, field: { key: 'interactions', unit: 'count' }, value: 'interactions' });
  const bucket = `CASE ${count} WHEN 0 THEN '0' WHEN 1 THEN '1' WHEN 2 THEN '2-3' WHEN 3 THEN '2-3' ELSE '4+' END`;
  return {
    measures: [
      { key: 'contacts', unit: 'count', fact: contacts, aggregate: { count: true }, drill: true, chart: true },
      { key: 'interactions', unit: 'count', fact: contacts, aggregate: { sum: count }, drill: true, chart: false },
    ],
    grouping: byColumn('value', () => bucket, new Map([['2-3', '2–3']]), ['0', '1', '2-3', '4+']),
    chart: 'bar',
  };
}

/**
 * Relationship health: clients left without contact, by responsible employee, and how often each contact was
 * contacted in the period. Honours the responsible (operator/team) filter and the company tag (a contact's
 * company); a campaign filter leaves clients out.
 */
export const relationshipHealthReport = sqlReport('relationship_health', ['no_contact', 'contacts_per_client'], (db, request, scope, view) =>
  view === 'contacts_per_client' ? contactsPerClient(request) : noContact(db, request, scope),
);
