import type { ReadDb } from '#core/db/handles';
import { complaintsFact, reopeningsFact, resolvedComplaintsFact, secondsToResolve } from './facts/complaints';
import { ratio, type Measure } from './framework/facts';
import { byColumn, type Grouping } from './framework/groupings';
import { sqlReport, type ReportLayout } from './framework/report-definition';

/** Complaint states in their order of life, each a row even when none is in it. */
const states = ['new', 'investigating', 'resolved', 'closed'];

const resolutionMeasures: readonly Measure[] = [
  { key: 'resolved', unit: 'count', fact: resolvedComplaintsFact, aggregate: { count: true }, drill: true, chart: true },
  { key: 'resolve_seconds_sum', unit: 'seconds', fact: resolvedComplaintsFact, aggregate: { sum: secondsToResolve }, drill: false, chart: false, hidden: true },
  { key: 'average_resolve_seconds', unit: 'seconds', compute: (v) => ratio(v.resolve_seconds_sum, v.resolved), drillAs: 'resolved', chart: true },
  { key: 'longest_resolve_seconds', unit: 'seconds', fact: resolvedComplaintsFact, aggregate: { max: secondsToResolve }, drill: true, chart: false },
];

function causes(db: ReadDb): Grouping {
  const names = new Map(db.$client.prepare<[], { id: string; name: string }>('SELECT id, name FROM complaint_causes').all().map((r) => [r.id, r.name]));
  return byColumn('value', () => 'k.cause_id', names);
}

/**
 * Complaints by cause and by state (registered in the period), resolution times per cause (resolved in the
 * period), and reopenings per cause. Honours the operator/team filter (the responsible employee) and the
 * company tag; a campaign filter leaves complaints out.
 */
export const complaintsReport = sqlReport('complaints', ['cause', 'state', 'resolution', 'reopened'], (db, _request, _scope, view): ReportLayout => {
  switch (view) {
    case 'state':
      return {
        measures: [{ key: 'complaints', unit: 'count', fact: complaintsFact, aggregate: { count: true }, drill: true, chart: true }],
        grouping: byColumn('key', () => 'k.state', new Map(), states),
        chart: 'pie',
      };
    case 'resolution':
      return { measures: resolutionMeasures, grouping: causes(db), chart: 'bar' };
    case 'reopened':
      return { measures: [{ key: 'reopenings', unit: 'count', fact: reopeningsFact, aggregate: { count: true }, drill: true, chart: true }], grouping: causes(db), chart: 'bar' };
    default:
      return {
        measures: [{ key: 'complaints', unit: 'count', fact: complaintsFact, aggregate: { count: true }, drill: true, chart: true }],
        grouping: causes(db),
        chart: 'pie',
      };
  }
});
