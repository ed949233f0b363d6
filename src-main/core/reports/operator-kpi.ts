import type { ReadDb } from '#core/db/handles';
import { attemptsFact } from './facts/attempts';
import { callsFact } from './facts/calls';
import { operatorStatesFact, secondsInPeriod } from './facts/operator-states';
import { qaReviewsFact } from './facts/qa-reviews';
import { ratio, type BaseMeasure, type Measure } from './framework/facts';
import { byColumn, byOperator, byTeam, byTime, type Grouping } from './framework/groupings';
import { sqlReport, type ReportChartType } from './framework/report-definition';
import type { ReportScope } from './framework/scope';

const answered = 'c.answered_at IS NOT NULL';

const calls = (key: string, when: string | undefined, chart = false): BaseMeasure => ({ key, unit: 'count', fact: callsFact, aggregate: { count: true }, ...(when ? { when } : {}), drill: true, chart });
const callSeconds = (key: string, column: string): BaseMeasure => ({ key, unit: 'seconds', fact: callsFact, aggregate: { sum: column }, when: answered, drill: true, chart: false });
const stateSeconds = (key: string, when: string): BaseMeasure => ({ key, unit: 'seconds', fact: operatorStatesFact, aggregate: { sum: secondsInPeriod }, when, drill: true, chart: false });

/**
 * An operator's working figures: calls in and out, answered and missed, talk, hold and wrap-up time and the
 * average handle time (talk + hold + wrap-up per answered call), time per state, contacts reached per hour of
 * staffed time, campaign conversions, and the average QA score of their reviewed calls.
 */
export const operatorKpiMeasures: readonly Measure[] = [
  calls('calls_in', "c.direction = 'in'", true),
  calls('calls_out', "c.direction = 'out'", true),
  calls('answered', answered, true),
  calls('missed', "c.direction = 'in' AND c.disposition IN ('missed', 'rejected')", true),
  callSeconds('talk_seconds', 'c.talk_seconds'),
  callSeconds('hold_seconds', 'c.hold_seconds'),
  callSeconds('wrap_up_seconds', 'c.wrap_up_seconds'),
  {
    key: 'aht_seconds',
    unit: 'seconds',
    compute: (v) => ratio((v.talk_seconds ?? 0) + (v.hold_seconds ?? 0) + (v.wrap_up_seconds ?? 0), v.answered),
    drillAs: 'answered',
    chart: false,
  },
  calls('reached', `c.direction = 'out' AND ${answered}`),
  stateSeconds('ready_seconds', "s.state IN ('ready', 'previewing', 'dialing')"),
  stateSeconds('on_call_seconds', "s.state = 'on_call'"),
  stateSeconds('wrap_up_state_seconds', "s.state = 'wrap_up'"),
  stateSeconds('paused_seconds', "s.state = 'paused'"),
  stateSeconds('staffed_seconds', "s.state <> 'paused'"),
  { key: 'reached_per_hour', unit: 'number', compute: (v) => ratio(v.reached, v.staffed_seconds, 3600), drillAs: 'reached', chart: false },
  { key: 'attempts', unit: 'count', fact: attemptsFact, aggregate: { count: true }, drill: true, chart: false },
  { key: 'conversions', unit: 'count', fact: attemptsFact, aggregate: { count: true }, when: 'd.success = 1', drill: true, chart: false },
  { key: 'conversion_rate', unit: 'percent', compute: (v) => ratio(v.conversions, v.attempts, 100), drillAs: 'conversions', chart: false },
  { key: 'qa_reviews', unit: 'count', fact: qaReviewsFact, aggregate: { count: true }, drill: true, chart: false },
  { key: 'qa_score_sum', unit: 'score', fact: qaReviewsFact, aggregate: { sum: 'q.score' }, drill: false, chart: false, hidden: true },
  { key: 'qa_score', unit: 'score', compute: (v) => ratio(v.qa_score_sum, v.qa_reviews), drillAs: 'qa_reviews', chart: false },
];

export const operatorKpiViews = ['operator', 'team', 'day', 'week', 'month', 'hour', 'disposition', 'state'] as const;

function names(db: ReadDb, sql: string): Map<string, string> {
  return new Map(db.$client.prepare<[], { id: string; name: string }>(sql).all().map((r) => [r.id, r.name]));
}

/** Paused stretches apart per reason ("paused:Lunch"); the window words the states. */
const stateKey = "CASE WHEN s.state = 'paused' THEN 'paused:' || coalesce(s.reason, '') ELSE s.state END";

function grouping(db: ReadDb, scope: ReportScope, view: string): Grouping {
  switch (view) {
    case 'team':
      return byTeam(db);
    case 'day':
    case 'week':
    case 'month':
    case 'hour':
      return byTime(view, scope);
    case 'disposition':
      return byColumn('value', (fact) => (fact === attemptsFact ? 'a.disposition_id' : null), names(db, 'SELECT id, label AS name FROM campaign_dispositions'));
    case 'state':
      return byColumn('key', (fact) => (fact === operatorStatesFact ? stateKey : null), new Map());
    default:
      return byOperator(db);
  }
}

function chartOf(view: string): ReportChartType {
  if (view === 'day' || view === 'week' || view === 'month' || view === 'hour') return 'line';
  return view === 'disposition' || view === 'state' ? 'pie' : 'bar';
}

/** The measures a view can show: a breakdown by disposition is about attempts, one by state about stretches of time. */
function measuresOf(view: string): readonly Measure[] {
  if (view === 'disposition') return operatorKpiMeasures.filter((m) => ['attempts', 'conversions', 'conversion_rate'].includes(m.key));
  if (view === 'state') return operatorKpiMeasures.filter((m) => m.key.endsWith('_seconds') && 'fact' in m && m.fact === operatorStatesFact);
  return operatorKpiMeasures;
}

export const operatorKpiReport = sqlReport('operator_kpi', operatorKpiViews, (db, _request, scope, view) => ({
  measures: measuresOf(view),
  grouping: grouping(db, scope, view),
  chart: chartOf(view),
}));
