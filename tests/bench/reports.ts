import type { ReportRequest } from '#contract';
import { openReadOnlyDatabase } from '#core/db/connection';
import { drillReport, runReport } from '#core/reports/run-report';
import { reportHistoryDatabase, reportHistoryEnd } from '#tests/support/report-data-10m';
import { assets } from './bench-workstation';
import { medianAndTail, percentile, sampleMs, type Figure } from './measure';

const ZONE = 'Europe/Kyiv';
/** October 2026 in Kyiv (a month with the autumn DST change): [local midnight of the 1st, of 1 November). */
const month = { from: Date.UTC(2026, 8, 30, 21), to: Date.UTC(2026, 9, 31, 22) };
const context = { now: reportHistoryEnd, zone: ZONE };

const request = (view: string): ReportRequest => ({
  report: 'operator_kpi',
  view,
  filters: { ...month, timeZone: ZONE, operatorIds: [], teamIds: [], campaignIds: [], companyTagIds: [] },
  options: {},
});

/**
 * The same figures as the operator view, written by hand as the bare aggregates one would write without the
 * framework: one GROUP BY per table (calls, state stretches, attempts, reviews), prepared beforehand.
 */
const bareAggregates = [
  `SELECT employee_id AS k, count(CASE WHEN direction = 'in' THEN 1 END) AS calls_in, count(CASE WHEN direction = 'out' THEN 1 END) AS calls_out,
     count(answered_at) AS answered, count(CASE WHEN direction = 'in' AND disposition IN ('missed', 'rejected') THEN 1 END) AS missed,
     total(CASE WHEN answered_at IS NOT NULL THEN talk_seconds END) AS talk_seconds, total(CASE WHEN answered_at IS NOT NULL THEN hold_seconds END) AS hold_seconds,
     total(CASE WHEN answered_at IS NOT NULL THEN wrap_up_seconds END) AS wrap_up_seconds,
     count(CASE WHEN direction = 'out' AND answered_at IS NOT NULL THEN 1 END) AS reached
   FROM calls WHERE started_at >= @from AND started_at < @to GROUP BY employee_id`,
  `SELECT employee_id AS k,
     total(CASE WHEN state IN ('ready', 'previewing', 'dialing') THEN secs END) AS ready_seconds, total(CASE WHEN state = 'on_call' THEN secs END) AS on_call_seconds,
     total(CASE WHEN state = 'wrap_up' THEN secs END) AS wrap_up_state_seconds, total(CASE WHEN state = 'paused' THEN secs END) AS paused_seconds,
     total(CASE WHEN state <> 'paused' THEN secs END) AS staffed_seconds
   FROM (SELECT employee_id, state, (min(coalesce(ended_at, @now), @to) - max(started_at, @from)) / 1000.0 AS secs
         FROM operator_states WHERE started_at < @to AND coalesce(ended_at, @now) > @from) GROUP BY employee_id`,
  `SELECT a.operator_id AS k, count(*) AS attempts, count(CASE WHEN d.success = 1 THEN 1 END) AS conversions
   FROM campaign_attempts a LEFT JOIN campaign_dispositions d ON d.id = a.disposition_id WHERE a.started_at >= @from AND a.started_at < @to GROUP BY a.operator_id`,
  `SELECT operator_id AS k, count(*) AS qa_reviews, total(score) AS qa_score_sum FROM qa_reviews
   WHERE deleted_at IS NULL AND call_started_at >= @from AND call_started_at < @to GROUP BY operator_id`,
];

/**
 * Reports over 10,000,000 calls: a month of operator KPIs through the report framework beside the bare SQL
 * aggregate of the same figures (same read-only connection as the query worker, same run), and the first page
 * of the records behind one bar.
 */
export async function reportFigures(log: (line: string) => void): Promise<Figure[]> {
  const file = reportHistoryDatabase(log);
  const database = openReadOnlyDatabase({ file, nativeBinding: assets.nativeBinding, busyTimeoutMs: 30_000 });
  try {
    const db = database.read;
    const bare = bareAggregates.map((sql) => db.$client.prepare(sql));
    const params = { ...month, now: Math.min(context.now, month.to) };
    const runBare = () => bare.map((statement) => statement.all(params) as Record<string, unknown>[]);
    const byOperator = request('operator');

    // The two sides agree before either is timed.
    const ours = runReport(db, byOperator, context);
    const theirs = new Map<string, Record<string, unknown>>();
    for (const rows of runBare()) {
      for (const row of rows) {
        const key = typeof row.k === 'string' ? row.k : '';
        theirs.set(key, { ...theirs.get(key), ...row });
      }
    }
    for (const row of ours.rows) {
      for (const [key, value] of Object.entries(theirs.get(row.key) ?? {})) {
        if (key !== 'k' && Math.abs(Number(value) - Number(row.values[key])) > 1e-6) throw new Error(`operator ${row.key}: ${key} is ${row.values[key]} in the report, ${String(value)} in bare SQL`);
      }
    }
    log(`operator KPIs of ${ours.rows.length} operators over ${ours.totals.calls_in! + ours.totals.calls_out!} calls agree with the bare aggregate`);

    const runs = 9;
    const kpi: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      // Alternating, so both sides see the same cache; the first round warms it and is not counted.
      const a = await sampleMs(1, () => runReport(db, byOperator, context), 0);
      const b = await sampleMs(1, runBare, 0);
      if (i > 0) {
        kpi.push(...a);
        raw.push(...b);
      }
    }
    const figures: Figure[] = [
      { name: 'reports.operator_kpi_10m.ms', value: percentile(kpi, 50), unit: 'ms' },
      ...medianAndTail('reports.operator_kpi_10m', kpi),
      { name: 'raw.reports.operator_kpi_10m.ms', value: percentile(raw, 50), unit: 'ms' },
      ...medianAndTail('raw.reports.operator_kpi_10m', raw),
      { name: 'reports.operator_kpi_ratio_to_sql', value: percentile(kpi, 50) / percentile(raw, 50), unit: 'x (p50/p50)' },
      { name: 'reports.operator_kpi_ratio_to_sql.p95', value: percentile(kpi, 95) / percentile(raw, 95), unit: 'x (p95/p95)' },
    ];

    // The first page behind one operator's "answered" bar, and behind one day's bar of the day view.
    const busiest = [...ours.rows].sort((a, b) => (b.values.answered ?? 0) - (a.values.answered ?? 0))[0]?.key ?? '';
    const page = (view: string, rowKey: string, column: string) => () => drillReport(db, { ...request(view), cell: { rowKey, column }, limit: 50 }, context);
    const operatorPage = page('operator', busiest, 'answered');
    if (operatorPage().rows.length !== 50) throw new Error('the operator bar has fewer than 50 answered calls');
    figures.push(...medianAndTail('reports.drilldown_first_page', await sampleMs(40, operatorPage, 5)));
    const dayPage = page('day', '2026-10-15', 'calls_in');
    if (dayPage().rows.length !== 50) throw new Error('the day bar has fewer than 50 calls');
    figures.push(...medianAndTail('reports.drilldown_first_page_day', await sampleMs(40, dayPage, 5)));
    return figures;
  } finally {
    database.close();
  }
}
