import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRequest, ReportResult } from '#contract';
import { drillReport, runReport } from '#core/reports/run-report';
import { ok } from '#tests/support/crm';
import { generateReportData, reportCall, writeReportData, type ReportData } from '#tests/support/report-data';
import { download, jobFinished } from '#tests/support/transfers';
import { callApi, createTestWorkstation, openScratchDatabase, testNow } from '#tests/support/workstation';

const KYIV = 'Europe/Kyiv';
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
/** Local midnights of Kyiv, as instants. */
const march = { from: at('2026-02-28T22:00:00Z'), to: at('2026-03-31T21:00:00Z') };
const october = { from: at('2026-09-30T21:00:00Z'), to: at('2026-10-31T22:00:00Z') };
/** "Now" in the middle of March: a stretch still open runs until now. */
const now = at('2026-03-20T12:00:00Z');

// ---- The figures counted by hand, from the generated rows (no SQL, no report code) ----

type FactName = 'calls' | 'states' | 'attempts' | 'reviews';
interface Scope {
  from: number;
  to: number;
  operators: readonly string[] | null;
  campaigns: readonly string[];
  companyTags: readonly string[];
}
interface Rec {
  id: string;
  fact: FactName;
  /** The instant the row is bucketed by and listed in order of. */
  time: number;
  sort: number;
  operator: string | null;
  campaign: string | null;
  company: string | null;
  row: Record<string, unknown>;
}

function records(data: ReportData, scope: Scope): Rec[] {
  const openEnd = Math.min(now, scope.to);
  const calls = new Map(data.calls.map((c) => [c.id, c]));
  const list: Rec[] = [];
  for (const c of data.calls) {
    if (c.startedAt >= scope.from && c.startedAt < scope.to) list.push({ id: c.id, fact: 'calls', time: c.startedAt, sort: c.startedAt, operator: c.employeeId, campaign: c.campaignId, company: c.companyId, row: { ...c } });
  }
  for (const s of data.states) {
    if (s.startedAt < scope.to && (s.endedAt ?? openEnd) > scope.from) {
      const seconds = (Math.min(s.endedAt ?? openEnd, scope.to) - Math.max(s.startedAt, scope.from)) / 1000;
      list.push({ id: s.id, fact: 'states', time: Math.max(s.startedAt, scope.from), sort: s.startedAt, operator: s.employeeId, campaign: s.campaignId, company: null, row: { ...s, seconds } });
    }
  }
  const success = new Set(data.dispositions.filter((d) => d.success).map((d) => d.id));
  for (const a of data.attempts) {
    if (a.startedAt >= scope.from && a.startedAt < scope.to) {
      list.push({ id: a.id, fact: 'attempts', time: a.startedAt, sort: a.startedAt, operator: a.operatorId, campaign: a.campaignId, company: a.companyId, row: { ...a, success: a.dispositionId !== null && success.has(a.dispositionId) } });
    }
  }
  for (const r of data.reviews) {
    const call = calls.get(r.callId);
    if (!r.deleted && r.callStartedAt >= scope.from && r.callStartedAt < scope.to) {
      list.push({ id: r.id, fact: 'reviews', time: r.callStartedAt, sort: r.callStartedAt, operator: r.operatorId, campaign: call?.campaignId ?? null, company: call?.companyId ?? null, row: { ...r } });
    }
  }
  const tagged = new Set(data.companies.filter((c) => c.tagIds.some((t) => scope.companyTags.includes(t))).map((c) => c.id));
  return list.filter((r) => {
    if (scope.operators !== null && (r.operator === null || !scope.operators.includes(r.operator))) return false;
    if (scope.campaigns.length > 0 && (r.campaign === null || !scope.campaigns.includes(r.campaign))) return false;
    // Operator states belong to no company: a company filter leaves them out altogether.
    if (scope.companyTags.length > 0 && (r.fact === 'states' || r.company === null || !tagged.has(r.company))) return false;
    return true;
  });
}

interface Spec {
  key: string;
  fact: FactName;
  when: (row: Record<string, unknown>) => boolean;
  /** Summed value; counts when absent. */
  value?: (row: Record<string, unknown>) => number | null;
}
const answered = (r: Record<string, unknown>) => r.answeredAt !== null;
const state = (...states: string[]) => (r: Record<string, unknown>) => states.includes(r.state as string);
const specs: Spec[] = [
  { key: 'calls_in', fact: 'calls', when: (r) => r.direction === 'in' },
  { key: 'calls_out', fact: 'calls', when: (r) => r.direction === 'out' },
  { key: 'answered', fact: 'calls', when: answered },
  { key: 'missed', fact: 'calls', when: (r) => r.direction === 'in' && (r.disposition === 'missed' || r.disposition === 'rejected') },
  { key: 'talk_seconds', fact: 'calls', when: answered, value: (r) => r.talkSeconds as number },
  { key: 'hold_seconds', fact: 'calls', when: answered, value: (r) => r.holdSeconds as number },
  { key: 'wrap_up_seconds', fact: 'calls', when: answered, value: (r) => r.wrapUpSeconds as number | null },
  { key: 'reached', fact: 'calls', when: (r) => r.direction === 'out' && answered(r) },
  { key: 'ready_seconds', fact: 'states', when: state('ready', 'previewing', 'dialing'), value: (r) => r.seconds as number },
  { key: 'on_call_seconds', fact: 'states', when: state('on_call'), value: (r) => r.seconds as number },
  { key: 'wrap_up_state_seconds', fact: 'states', when: state('wrap_up'), value: (r) => r.seconds as number },
  { key: 'paused_seconds', fact: 'states', when: state('paused'), value: (r) => r.seconds as number },
  { key: 'staffed_seconds', fact: 'states', when: (r) => r.state !== 'paused', value: (r) => r.seconds as number },
  { key: 'attempts', fact: 'attempts', when: () => true },
  { key: 'conversions', fact: 'attempts', when: (r) => r.success === true },
  { key: 'qa_reviews', fact: 'reviews', when: () => true },
  { key: 'qa_score_sum', fact: 'reviews', when: () => true, value: (r) => r.score as number },
];
const derived: Record<string, (v: Record<string, number>) => number | null> = {
  aht_seconds: (v) => (v.answered ? (v.talk_seconds! + v.hold_seconds! + v.wrap_up_seconds!) / v.answered : null),
  reached_per_hour: (v) => (v.staffed_seconds ? (v.reached! / v.staffed_seconds) * 3600 : null),
  conversion_rate: (v) => (v.attempts ? (v.conversions! / v.attempts) * 100 : null),
  qa_score: (v) => (v.qa_reviews ? v.qa_score_sum! / v.qa_reviews : null),
};
const drillAs: Record<string, string> = { aht_seconds: 'answered', reached_per_hour: 'reached', conversion_rate: 'conversions', qa_score: 'qa_reviews' };

const localParts = (instant: number) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: KYIV, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
};
const mondayOf = (date: string) => {
  const day = Date.parse(`${date}T00:00:00Z`);
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};

function keyOf(data: ReportData, view: string, rec: Rec): string | null {
  const teamOf = new Map(data.employees.map((e) => [e.id, e.teamId ?? '']));
  switch (view) {
    case 'operator':
      return rec.operator ?? '';
    case 'team':
      return (rec.operator && teamOf.get(rec.operator)) || '';
    case 'day':
      return localParts(rec.time).date;
    case 'week':
      return mondayOf(localParts(rec.time).date);
    case 'month':
      return localParts(rec.time).date.slice(0, 7);
    case 'hour':
      return String(localParts(rec.time).hour);
    case 'disposition':
      return rec.fact === 'attempts' ? ((rec.row.dispositionId as string | null) ?? '') : null;
    case 'state':
      return rec.fact === 'states' ? (rec.row.state === 'paused' ? `paused:${(rec.row.reason as string | null) ?? ''}` : (rec.row.state as string)) : null;
    default:
      throw new Error(view);
  }
}

function specsOf(view: string): Spec[] {
  if (view === 'disposition') return specs.filter((s) => s.fact === 'attempts');
  if (view === 'state') return specs.filter((s) => s.fact === 'states');
  return specs;
}

function localDaysOf(scope: Scope): string[] {
  const days: string[] = [];
  for (let day = localParts(scope.from).date; day <= localParts(scope.to - 1).date; day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) days.push(day);
  return days;
}

/** Rows (by key) and totals as counted by hand. */
function expected(data: ReportData, view: string, scope: Scope) {
  const viewSpecs = specsOf(view);
  const facts = new Set(viewSpecs.map((s) => s.fact));
  const blank = () => Object.fromEntries(viewSpecs.map((s) => [s.key, 0])) as Record<string, number>;
  const rows = new Map<string, Record<string, number>>();
  const days = localDaysOf(scope);
  const allKeys = { day: days, week: [...new Set(days.map(mondayOf))], month: [...new Set(days.map((d) => d.slice(0, 7)))], hour: Array.from({ length: 24 }, (_, h) => String(h)) }[view as 'day'] ?? [];
  for (const key of allKeys) rows.set(key, blank());
  const totals = blank();
  for (const rec of records(data, scope)) {
    if (!facts.has(rec.fact)) continue;
    const key = keyOf(data, view, rec);
    if (key === null) continue;
    const values = rows.get(key) ?? blank();
    rows.set(key, values);
    for (const spec of viewSpecs) {
      if (spec.fact !== rec.fact || !spec.when(rec.row)) continue;
      const add = spec.value ? (spec.value(rec.row) ?? 0) : 1;
      values[spec.key]! += add;
      totals[spec.key]! += add;
    }
  }
  // A breakdown by disposition shows the conversion rate; one by state only times.
  const derivedKeys = view === 'state' ? [] : view === 'disposition' ? ['conversion_rate'] : Object.keys(derived);
  const withDerived = (values: Record<string, number>) => {
    const all: Record<string, number | null> = { ...values };
    for (const key of derivedKeys) all[key] = derived[key]!(values);
    return all;
  };
  return { rows: new Map([...rows].map(([key, values]) => [key, withDerived(values)])), totals: withDerived(totals) };
}

function expectFigures(result: ReportResult, want: ReturnType<typeof expected>): void {
  expect(new Set(result.rows.map((r) => r.key))).toEqual(new Set(want.rows.keys()));
  expect(result.rows.length).toBe(want.rows.size);
  const same = (actual: Record<string, number | null>, wanted: Record<string, number | null>, where: string) => {
    for (const [key, value] of Object.entries(wanted)) {
      if (value === null) expect(actual[key], `${where} ${key}`).toBeNull();
      else expect(actual[key], `${where} ${key}`).toBeCloseTo(value, 6);
    }
  };
  for (const row of result.rows) same(row.values, want.rows.get(row.key)!, `row ${row.key}`);
  same(result.totals, want.totals, 'totals');
}

/** The ids behind one cell, newest first, as counted by hand. */
function expectedIds(data: ReportData, view: string, scope: Scope, column: string, rowKey: string | null): string[] {
  const spec = specs.find((s) => s.key === (drillAs[column] ?? column))!;
  return records(data, scope)
    .filter((r) => r.fact === spec.fact && spec.when(r.row) && (rowKey === null || keyOf(data, view, r) === rowKey))
    .sort((a, b) => b.sort - a.sort || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((r) => r.id);
}

// ---- The data ----

const calls = (...extra: Parameters<typeof reportCall>[0][]) => extra.map(reportCall);
const plainCall = { employeeId: 'emp-1', campaignId: null, contactId: 'ct-1', companyId: 'co-1', direction: 'in', disposition: 'answered', talkSeconds: 60, holdSeconds: 0, wrapUpSeconds: 10, recorded: true } as const;

function buildData(): ReportData {
  const data = generateReportData(20_260_301, [
    [at('2026-02-25T00:00:00Z'), at('2026-04-03T00:00:00Z')],
    [at('2026-10-20T00:00:00Z'), at('2026-10-28T00:00:00Z')],
  ], 700);
  data.calls.push(
    ...calls(
      // Kyiv midnight edges: the last second of 10 March and the first of 11 March.
      { ...plainCall, id: 'edge-2359', startedAt: at('2026-03-10T21:59:59Z'), answeredAt: at('2026-03-10T21:59:59Z') },
      { ...plainCall, id: 'edge-0000', startedAt: at('2026-03-10T22:00:00Z'), answeredAt: at('2026-03-10T22:00:00Z') },
      // Began at 23:50 on 12 March, ended at 00:40 on the 13th: it is the 12th's call.
      { ...plainCall, id: 'edge-cross', startedAt: at('2026-03-12T21:50:00Z'), answeredAt: at('2026-03-12T21:50:30Z'), talkSeconds: 3000, endedAt: at('2026-03-12T22:40:30Z') },
    ),
  );
  // Half-hourly calls through both DST days: 29 March has 23 hours (no 03:xx), 25 October 25 (03:xx twice).
  for (const [day, count] of [[at('2026-03-28T22:00:00Z'), 46], [at('2026-10-24T21:00:00Z'), 50]] as const) {
    for (let i = 0; i < count; i++) data.calls.push(reportCall({ ...plainCall, id: `dst-${day}-${i}`, employeeId: 'emp-5', startedAt: day + i * HOUR / 2, answeredAt: day + i * HOUR / 2 }));
  }
  // Still open: began an hour before "now".
  data.states.push({ id: 'st-open', employeeId: 'emp-2', campaignId: 'cmp-1', state: 'ready', reason: null, startedAt: now - HOUR, endedAt: null });
  // A review taken back (tombstoned) of a March call: no part of any figure.
  data.reviews.push({ id: 'qa-deleted', callId: 'edge-2359', operatorId: 'emp-1', callStartedAt: at('2026-03-10T21:59:59Z'), score: 0, deleted: true });
  return data;
}

const everyOperator: Omit<Scope, 'from' | 'to'> = { operators: null, campaigns: [], companyTags: [] };
const views = ['operator', 'team', 'day', 'week', 'month', 'hour', 'disposition', 'state'] as const;

function request(view: string, scope: Scope, teamIds: string[] = []): ReportRequest {
  return {
    report: 'operator_kpi',
    view,
    filters: { from: scope.from, to: scope.to, timeZone: KYIV, operatorIds: scope.operators ? [...scope.operators] : [], teamIds, campaignIds: [...scope.campaigns], companyTagIds: [...scope.companyTags] },
    options: {},
  };
}

describe('operator KPIs against figures counted by hand', () => {
  const data = buildData();
  let scratch: ReturnType<typeof openScratchDatabase>;
  beforeAll(() => {
    scratch = openScratchDatabase();
    writeReportData(scratch.database.sqlite, data);
  });
  afterAll(() => scratch.close());
  const context = { now, zone: 'UTC' };
  const run = (view: string, scope: Scope, teamIds?: string[]) => runReport(scratch.database.read, request(view, scope, teamIds), context);

  it.each(views)('view %s: every figure of every row and the totals, in a month with a DST change', (view) => {
    const scope = { ...march, ...everyOperator };
    const result = run(view, scope);
    expect(result.timeZone).toBe(KYIV);
    expectFigures(result, expected(data, view, scope));
    expect(result.totals.calls_in ?? result.totals.attempts ?? result.totals.ready_seconds).toBeGreaterThan(0);
  });

  it.each(views)('view %s in October, when a day has 25 hours', (view) => {
    const scope = { ...october, ...everyOperator };
    expectFigures(run(view, scope), expected(data, view, scope));
  });

  it('narrows by operator, team, campaign and company tag, each and together', () => {
    const base = { ...march, ...everyOperator };
    // What is asked (operators, teams…), and the operators it means when counted by hand.
    const cases: { asked: Scope; teams: string[]; operators: string[] | null }[] = [
      { asked: { ...base, operators: ['emp-1', 'emp-4'] }, teams: [], operators: ['emp-1', 'emp-4'] },
      { asked: base, teams: ['team-a'], operators: ['emp-1', 'emp-2', 'emp-3'] },
      { asked: { ...base, operators: ['emp-1', 'emp-4'] }, teams: ['team-a'], operators: ['emp-1'] },
      { asked: { ...base, campaigns: ['cmp-2'] }, teams: [], operators: null },
      { asked: { ...base, companyTags: ['tag-vip'] }, teams: [], operators: null },
      { asked: { ...base, operators: ['emp-2'], campaigns: ['cmp-1'], companyTags: ['tag-retail'] }, teams: [], operators: ['emp-2'] },
    ];
    for (const { asked, teams, operators } of cases) {
      for (const view of views) expectFigures(run(view, asked, teams), expected(data, view, { ...asked, operators }));
    }
    const all = run('operator', base).totals;
    const one = run('operator', { ...base, campaigns: ['cmp-2'] }).totals;
    expect(one.calls_out).toBeLessThan(all.calls_out!);
    expect(one.calls_in).toBe(0);
    // Stretches have no company: a company filter leaves no time in states.
    expect(run('operator', { ...base, companyTags: ['tag-vip'] }).totals.staffed_seconds).toBe(0);
  });

  it('counts an open stretch until now and leaves a tombstoned review out', () => {
    const scope = { ...march, ...everyOperator, operators: ['emp-2'] };
    const stretches = drillReport(scratch.database.read, { ...request('operator', scope), cell: { rowKey: 'emp-2', column: 'ready_seconds' }, limit: 500 }, context).rows;
    expect(stretches.find((r) => r.id === 'st-open')?.values).toMatchObject({ endedAt: null, seconds: 3600 });
    const reviews = drillAll(request('operator', { ...march, ...everyOperator }), 'qa_reviews', null);
    expect(reviews.length).toBeGreaterThan(10);
    expect(reviews).not.toContain('qa-deleted');
  });

  it('an empty period has zeros, blank averages and every day as a row', () => {
    const scope = { from: at('2026-06-30T21:00:00Z'), to: at('2026-07-31T21:00:00Z'), ...everyOperator };
    const byDay = run('day', scope);
    expect(byDay.rows).toHaveLength(31);
    expect(byDay.totals).toMatchObject({ calls_in: 0, answered: 0, staffed_seconds: 0, aht_seconds: null, qa_score: null, conversion_rate: null });
    expect(run('operator', scope).rows).toEqual([]);
    expectFigures(byDay, expected(data, 'day', scope));
  });

  it('cuts days at Kyiv midnight; a call past midnight is its first day’s; the DST days have 23 and 25 hours', () => {
    const scope = { ...march, ...everyOperator };
    const byDay = new Map(run('day', scope).rows.map((r) => [r.key, r]));
    const ids = (day: string) => drillAll(request('day', scope), 'calls_in', day);
    expect(ids('2026-03-10')).toContain('edge-2359');
    expect(ids('2026-03-11')).toContain('edge-0000');
    expect(ids('2026-03-11')).not.toContain('edge-2359');
    expect(ids('2026-03-12')).toContain('edge-cross');
    expect(byDay.get('2026-03-13')).toBeDefined();
    expect(ids('2026-03-13')).not.toContain('edge-cross');

    const spring = run('hour', { from: at('2026-03-28T22:00:00Z'), to: at('2026-03-29T21:00:00Z'), ...everyOperator, operators: ['emp-5'] });
    expect(at('2026-03-29T21:00:00Z') - at('2026-03-28T22:00:00Z')).toBe(23 * HOUR);
    const springHours = new Map(spring.rows.map((r) => [r.key, r.values.calls_in]));
    expect(springHours.get('3')).toBe(0);
    expect(springHours.get('4')).toBeGreaterThanOrEqual(2);
    expect(run('day', { from: at('2026-03-28T22:00:00Z'), to: at('2026-03-29T21:00:00Z'), ...everyOperator, operators: ['emp-5'] }).rows).toHaveLength(1);

    const autumn = { from: at('2026-10-24T21:00:00Z'), to: at('2026-10-25T22:00:00Z'), ...everyOperator, operators: ['emp-5'] };
    expect(autumn.to - autumn.from).toBe(25 * HOUR);
    expectFigures(run('hour', autumn), expected(data, 'hour', autumn));
    const dstCalls = (hour: string) => drillAll(request('hour', autumn), 'calls_in', hour).filter((id) => id.startsWith('dst-')).length;
    // Four half-hourly calls at 03:xx: two before the clocks went back, two after.
    expect(dstCalls('3')).toBe(4);
    expect(dstCalls('2')).toBe(2);
  });

  it.each(views)('view %s: the records behind a sample of cells are exactly those counted, page by page, none twice', (view) => {
    const scope = { ...march, ...everyOperator };
    const result = run(view, scope);
    const rowKeys = [null, ...result.rows.filter((_, i) => i % 3 === 0).map((r) => r.key)];
    const columns = result.columns.filter((c) => c.drill).map((c) => c.key);
    expect(columns.length).toBeGreaterThan(0);
    for (const column of columns) {
      for (const rowKey of rowKeys) {
        const want = expectedIds(data, view, scope, column, rowKey);
        const got = drillAll(request(view, scope), column, rowKey, 37);
        expect(got, `${view} ${column} ${rowKey}`).toEqual(want);
        const row = result.rows.find((r) => r.key === rowKey);
        const figure = rowKey === null ? result.totals : row?.values;
        const counted = drillAs[column] ?? column;
        if (specs.find((s) => s.key === counted)?.value === undefined && figure) expect(got.length).toBe(figure[counted]);
      }
    }
  });

  function drillAll(base: ReportRequest, column: string, rowKey: string | null, limit = 50): string[] {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = drillReport(scratch.database.read, { ...base, cell: { rowKey, column }, limit, ...(after ? { after } : {}) }, context);
      expect(page.rows.length).toBeLessThanOrEqual(limit);
      ids.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
    } while (after);
    expect(new Set(ids).size).toBe(ids.length);
    return ids;
  }
});

describe('operator KPIs through the API', () => {
  it('runs, drills, cancels and exports a report in the query worker', async () => {
    const workstation = createTestWorkstation();
    const data = buildData();
    writeReportData(workstation.database.sqlite, data);
    const scope = { ...march, ...everyOperator };
    const asked = request('operator', scope);

    // Cancelled while the worker starts: the run ends as cancelled, and the next one runs on a fresh worker.
    const cancelled = callApi(workstation, 'reports.run', { jobId: 'kpi-cancelled', request: asked });
    expect(await ok(workstation, 'reports.cancel', { jobId: 'kpi-cancelled' })).toEqual({ cancelled: true });
    const outcome = await cancelled;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.reason).toBe('job_cancelled');

    const result = await ok(workstation, 'reports.run', { request: asked });
    const direct = runReport(workstation.database.read, asked, { now: testNow, zone: 'UTC' });
    expect(result.rows).toEqual(direct.rows);
    expect(result.totals.answered).toBe(direct.totals.answered);

    const operator = result.rows.find((r) => r.key === 'emp-1')!;
    const page = await ok(workstation, 'reports.drill', { ...asked, cell: { rowKey: 'emp-1', column: 'answered' }, limit: 20 });
    expect(page.recordType).toBe('call');
    expect(page.rows).toHaveLength(20);
    expect(page.rows[0]?.open).toEqual({ type: 'call', id: page.rows[0]?.id });
    expect(page.rows.some((r) => r.hasRecording)).toBe(true);
    expect(operator.values.answered).toBeGreaterThan(20);
    expect(await ok(workstation, 'reports.cancel', { jobId: 'nothing-running' })).toEqual({ cancelled: false });

    const csv = await ok(workstation, 'reports.export', { request: asked, format: 'csv', headers: { row: 'Operator', answered: 'Answered' } });
    await jobFinished(workstation, csv.jobId);
    const csvFile = await download(workstation, csv.fileId);
    const lines = csvFile.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]?.split(';').slice(0, 1)).toEqual(['Operator']);
    const header = lines[0]!.split(';');
    const olena = lines.find((l) => l.startsWith('Olena;'))!.split(';');
    expect(Number(olena[header.indexOf('Answered')])).toBe(operator.values.answered);
    expect(lines).toHaveLength(result.rows.length + 2);

    const xlsx = await ok(workstation, 'reports.export', { request: asked, format: 'xlsx', cell: { rowKey: 'emp-1', column: 'answered' }, headers: {} });
    await jobFinished(workstation, xlsx.jobId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(workstation, xlsx.fileId)).bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(operator.values.answered! + 1);
  });
});
