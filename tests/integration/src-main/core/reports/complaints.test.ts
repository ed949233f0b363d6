import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '#core/db/connection';
import { countBy, drillAll, generator, insert, kyiv, march, run, seedPeople, sorted, suiteDatabase, valuesByRow, DAY } from '#tests/support/report-fixtures';

interface Complaint {
  id: string;
  cause: string | null;
  state: 'new' | 'investigating' | 'resolved' | 'closed';
  responsible: string | null;
  company: string | null;
  registeredAt: number;
  resolvedAt: number | null;
}
interface Reopening {
  id: string;
  complaint: Complaint;
  at: number;
}

const causes = ['cause-late', 'cause-defect', 'cause-billing'];

/** Complaints from mid-February to mid-April, some resolved, some reopened, and four at the period's midnight edges. */
function seed(database: AppDatabase) {
  const people = seedPeople(database);
  causes.forEach((id, i) => insert(database, 'complaint_causes', { id, name: id, position: i }));
  const g = generator(14);
  const complaints: Complaint[] = [];
  const reopenings: Reopening[] = [];
  const edges = [kyiv('2026-02-28', '23:59:59.999'), kyiv('2026-03-01'), kyiv('2026-03-31', '23:59:59.999'), kyiv('2026-04-01')];
  for (let i = 0; i < 300; i++) {
    const registeredAt = i < edges.length ? (edges[i] as number) : g.between(kyiv('2026-02-15'), kyiv('2026-04-15'));
    const state = g.pick(['new', 'investigating', 'resolved', 'closed'] as const);
    const resolvedAt = state === 'resolved' || state === 'closed' ? registeredAt + g.between(60_000, 12 * DAY) : null;
    const complaint: Complaint = {
      id: `k-${String(i).padStart(3, '0')}`,
      cause: g.chance(0.1) ? null : g.pick(causes),
      state,
      responsible: g.chance(0.1) ? null : g.pick(people.employees),
      company: g.chance(0.2) ? null : g.pick(people.companies),
      registeredAt,
      resolvedAt,
    };
    complaints.push(complaint);
    insert(database, 'complaints', {
      id: complaint.id,
      number: i + 1,
      cause_id: complaint.cause,
      company_id: complaint.company,
      responsible_id: complaint.responsible,
      subject: `Complaint ${i}`,
      state,
      registered_at: registeredAt,
      resolved_at: resolvedAt,
      updated_at: registeredAt,
    });
    insert(database, 'complaint_events', { id: `ev-${complaint.id}-0`, complaint_id: complaint.id, at: registeredAt, kind: 'state', to_state: 'new' });
    // An investigating complaint was sometimes resolved (or closed) once and reopened: its resolution is cleared.
    if (state === 'investigating' && g.chance(0.5)) {
      const from = g.pick(['resolved', 'closed']);
      const at = registeredAt + g.between(DAY, 10 * DAY);
      insert(database, 'complaint_events', { id: `ev-${complaint.id}-1`, complaint_id: complaint.id, at: at - 1000, kind: 'state', from_state: 'investigating', to_state: from });
      insert(database, 'complaint_events', { id: `ev-${complaint.id}-2`, complaint_id: complaint.id, at, kind: 'state', from_state: from, to_state: 'investigating', text: 'again' });
      reopenings.push({ id: `ev-${complaint.id}-2`, complaint, at });
    }
  }
  return { complaints, reopenings };
}

const inMarch = (t: number | null) => t !== null && t >= march.from && t < march.to;
const causeKey = (c: Complaint) => c.cause ?? '';

function nonZero(values: Record<string, number | null>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== 0));
}

describe('complaints report', () => {
  const { database, data } = suiteDatabase(seed);
  const { complaints, reopenings } = data;
  const registered = complaints.filter((c) => inMarch(c.registeredAt));
  const resolved = complaints.filter((c) => inMarch(c.resolvedAt));

  it('counts complaints registered in the period by cause, midnight edges on the right side', () => {
    const result = run(database, { report: 'complaints', view: 'cause' });
    expect(valuesByRow(result, 'complaints')).toEqual(countBy(registered, causeKey));
    expect(result.totals.complaints).toBe(registered.length);
    const { ids } = drillAll(database, { report: 'complaints', view: 'cause' }, { rowKey: null, column: 'complaints' }, 200);
    expect(sorted(ids)).toEqual(sorted(registered.map((c) => c.id)));
    expect(ids).toEqual(expect.arrayContaining(['k-001', 'k-002']));
    expect(ids).not.toContain('k-000');
    expect(ids).not.toContain('k-003');
    expect(result.chart.type).toBe('pie');
  });

  it('counts by state, every state a row', () => {
    const result = run(database, { report: 'complaints', view: 'state' });
    expect(result.rows.map((r) => r.key)).toEqual(['new', 'investigating', 'resolved', 'closed']);
    expect(valuesByRow(result, 'complaints')).toEqual({ new: 0, investigating: 0, resolved: 0, closed: 0, ...countBy(registered, (c) => c.state) });
  });

  it('gives resolution count, average and longest time per cause, over complaints resolved in the period', () => {
    const result = run(database, { report: 'complaints', view: 'resolution' });
    const byCause = new Map<string, number[]>();
    for (const c of resolved) byCause.set(causeKey(c), [...(byCause.get(causeKey(c)) ?? []), ((c.resolvedAt as number) - c.registeredAt) / 1000]);
    expect(result.rows.map((r) => r.key).sort()).toEqual([...byCause.keys()].sort());
    for (const [cause, seconds] of byCause) {
      const row = result.rows.find((r) => r.key === cause);
      expect(row?.values.resolved).toBe(seconds.length);
      expect(row?.values.average_resolve_seconds).toBeCloseTo(seconds.reduce((a, b) => a + b, 0) / seconds.length, 6);
      expect(row?.values.longest_resolve_seconds).toBe(Math.max(...seconds));
    }
    expect(result.totals.longest_resolve_seconds).toBe(Math.max(...[...byCause.values()].flat()));
    expect(result.columns.map((c) => c.key)).toEqual(['resolved', 'average_resolve_seconds', 'longest_resolve_seconds']);
  });

  it('counts reopenings in the period by cause', () => {
    const result = run(database, { report: 'complaints', view: 'reopened' });
    const expected = reopenings.filter((r) => inMarch(r.at));
    expect(expected.length).toBeGreaterThan(5);
    expect(valuesByRow(result, 'reopenings')).toEqual(countBy(expected, (r) => causeKey(r.complaint)));
  });

  it('lists exactly the complaints behind every cell, page by page', () => {
    for (const cause of [...causes, '']) {
      const { ids, pages } = drillAll(database, { report: 'complaints', view: 'cause' }, { rowKey: cause, column: 'complaints' });
      expect(sorted(ids)).toEqual(sorted(registered.filter((c) => causeKey(c) === cause).map((c) => c.id)));
      expect(new Set(ids).size).toBe(ids.length);
      expect(pages[0]?.recordType).toBe('complaint');
      expect(pages[0]?.rows[0]?.open?.type).toBe('complaint');
    }
    const total = drillAll(database, { report: 'complaints', view: 'state' }, { rowKey: null, column: 'complaints' });
    expect(total.ids.length).toBe(registered.length);
    const longest = drillAll(database, { report: 'complaints', view: 'resolution' }, { rowKey: 'cause-late', column: 'average_resolve_seconds' });
    expect(sorted(longest.ids)).toEqual(sorted(resolved.filter((c) => c.cause === 'cause-late').map((c) => c.id)));
    const reopened = drillAll(database, { report: 'complaints', view: 'reopened' }, { rowKey: 'cause-defect', column: 'reopenings' });
    expect(sorted(reopened.ids)).toEqual(sorted(reopenings.filter((r) => inMarch(r.at) && r.complaint.cause === 'cause-defect').map((r) => r.id)));
    expect(reopened.pages[0]?.rows[0]?.open).toEqual({ type: 'complaint', id: expect.stringMatching(/^k-/) });
  });

  it('honours the responsible, team and company-tag filters; a campaign filter leaves complaints out', () => {
    const mine = run(database, { report: 'complaints', view: 'cause', filters: { operatorIds: ['emp-1'] } });
    expect(valuesByRow(mine, 'complaints')).toEqual(countBy(registered.filter((c) => c.responsible === 'emp-1'), causeKey));
    const team = run(database, { report: 'complaints', view: 'cause', filters: { teamIds: ['team-b'] } });
    expect(valuesByRow(team, 'complaints')).toEqual(countBy(registered.filter((c) => c.responsible === 'emp-3' || c.responsible === 'emp-4'), causeKey));
    const vip = run(database, { report: 'complaints', view: 'state', filters: { companyTagIds: ['tag-vip'] } });
    expect(nonZero(valuesByRow(vip, 'complaints'))).toEqual(countBy(registered.filter((c) => c.company === 'co-2'), (c) => c.state));
    const campaign = run(database, { report: 'complaints', view: 'cause', filters: { campaignIds: ['any'] } });
    expect(campaign.rows).toEqual([]);
    expect(campaign.totals.complaints).toBe(0);
  });

  it('shows an empty period as zeros and blanks', () => {
    const empty = { from: kyiv('2025-01-01'), to: kyiv('2025-02-01') };
    const resolution = run(database, { report: 'complaints', view: 'resolution', filters: empty });
    expect(resolution.rows).toEqual([]);
    expect(resolution.totals).toEqual({ resolved: 0, resolve_seconds_sum: 0, average_resolve_seconds: null, longest_resolve_seconds: null });
    const state = run(database, { report: 'complaints', view: 'state', filters: empty });
    expect(Object.values(valuesByRow(state, 'complaints'))).toEqual([0, 0, 0, 0]);
    expect(drillAll(database, { report: 'complaints', view: 'state', filters: empty }, { rowKey: 'new', column: 'complaints' }).ids).toEqual([]);
  });
});
