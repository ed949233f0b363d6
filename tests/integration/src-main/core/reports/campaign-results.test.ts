import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '#core/db/connection';
import { callApi, createTestWorkstation } from '#tests/support/workstation';
import { countBy, drillAll, expectColumn, generator, insert, kyiv, kyivDate, march, request, run, seedPeople, sorted, suiteDatabase } from '#tests/support/report-fixtures';

type Outcome = 'busy' | 'no_answer' | 'reached' | 'reached_late' | 'abandoned' | 'machine';
interface Entry {
  id: string;
  campaign: string;
  contact: string;
  phone: string;
  operator: string | null;
  contactZone: string | null;
}
interface Attempt {
  id: string;
  entry: Entry;
  operator: string | null;
  startedAt: number;
  outcome: Outcome;
  answered: boolean;
  verdict: 'human' | 'machine' | null;
  disposition: string | null;
  callId: string | null;
}
interface Answer {
  id: string;
  startedAt: number;
  values: string[];
  operator: string | null;
  campaign: string;
}

const phones = [
  { phone: '+380442223300', zone: 'Europe/Kyiv' },
  { phone: '+12125551200', zone: 'America/New_York' },
  { phone: '+81312345600', zone: 'Asia/Tokyo' },
];
const dispositions = [
  { id: 'sale', label: 'Sale', kind: 'final', success: true },
  { id: 'no-interest', label: 'No interest', kind: 'final', success: false },
  { id: 'later', label: 'Call later', kind: 'callback', success: false },
];

/**
 * Two campaigns (Ukrainian profile: 3 % abandon cap; the second tightened to 2 %), numbers in three zones (some
 * contacts with their own zone), attempts around March with midnight and DST edges, and a questionnaire.
 */
function seed(database: AppDatabase) {
  const people = seedPeople(database);
  insert(database, 'campaigns', { id: 'camp-1', name: 'Spring sale', purpose: 'sales', starts_at: 0, mode: 'power', profile: 'UA', state: 'running', created_at: 0, updated_at: 0 });
  insert(database, 'campaigns', { id: 'camp-2', name: 'Survey', purpose: 'survey', starts_at: 0, mode: 'power', profile: 'UA', rules: '{"abandonRate":0.02}', state: 'running', created_at: 0, updated_at: 0 });
  for (const campaign of ['camp-1', 'camp-2']) {
    dispositions.forEach((d, i) => insert(database, 'campaign_dispositions', { id: `${campaign}-${d.id}`, campaign_id: campaign, label: d.label, kind: d.kind, success: d.success, position: i, updated_at: 0 }));
  }
  const g = generator(2026);
  const entries: Entry[] = [];
  for (let i = 0; i < 60; i++) {
    const contact = `c-${String(i).padStart(2, '0')}`;
    const contactZone = i % 5 === 0 ? 'Asia/Tokyo' : i % 7 === 0 ? '  ' : null;
    insert(database, 'contacts', { id: contact, full_name: `Contact ${i}`, search_name: `contact ${i}`, company_id: g.pick([...people.companies, null]), time_zone: contactZone, created_at: 0, updated_at: 0 });
    const phone = `${(phones[i % 3] as (typeof phones)[number]).phone.slice(0, -2)}${String(i).padStart(2, '0')}`;
    const entry: Entry = { id: `e-${String(i).padStart(2, '0')}`, campaign: i % 4 === 0 ? 'camp-2' : 'camp-1', contact, phone, operator: g.pick([...people.employees.slice(0, 4), null]), contactZone };
    entries.push(entry);
    insert(database, 'campaign_entries', { id: entry.id, campaign_id: entry.campaign, contact_id: contact, phone, operator_id: entry.operator, state: 'waiting', next_at: 0, updated_at: 0 });
  }
  const attempts: Attempt[] = [];
  const at = (i: number) => {
    const edges = [kyiv('2026-02-28', '23:59:59.999'), kyiv('2026-03-01'), kyiv('2026-03-14', '23:59:59.999'), kyiv('2026-03-15'), kyiv('2026-03-29', '03:30:00.000'), kyiv('2026-03-31', '23:59:59.999'), kyiv('2026-04-01')];
    return edges[i] ?? g.between(kyiv('2026-02-20'), kyiv('2026-04-08'));
  };
  for (let i = 0; i < 600; i++) {
    // Entries 50..59 are never dialed in the period, only before it.
    const entry = i < 20 ? (entries[i % 50] as Entry) : g.pick(entries.slice(0, 50));
    const outcome = g.pick(['busy', 'no_answer', 'reached', 'reached', 'reached_late', 'abandoned', 'machine'] as const);
    const answered = outcome !== 'busy' && outcome !== 'no_answer';
    const attempt: Attempt = {
      id: `a-${String(i).padStart(3, '0')}`,
      entry,
      operator: g.chance(0.8) ? entry.operator : g.pick(people.employees),
      startedAt: at(i),
      outcome,
      answered,
      verdict: outcome === 'machine' ? 'machine' : answered && g.chance(0.5) ? 'human' : null,
      disposition: outcome === 'reached' || outcome === 'reached_late' ? (g.chance(0.8) ? `${entry.campaign}-${g.pick(dispositions).id}` : null) : null,
      callId: g.chance(0.7) ? `call-${i}` : null,
    };
    attempts.push(attempt);
  }
  // A number no range places, of a contact with no zone: its callee's hour is unknown.
  const nowhere: Entry = { id: 'e-nowhere', campaign: 'camp-1', contact: 'c-01', phone: '+99912345678', operator: 'emp-1', contactZone: null };
  insert(database, 'campaign_entries', { id: nowhere.id, campaign_id: nowhere.campaign, contact_id: nowhere.contact, phone: nowhere.phone, operator_id: 'emp-1', state: 'waiting', next_at: 0, updated_at: 0 });
  entries.push(nowhere);
  for (const i of [0, 1]) attempts.push({ id: `a-nowhere-${i}`, entry: nowhere, operator: 'emp-1', startedAt: kyiv('2026-03-05', `1${i}:00:00.000`), outcome: 'reached', answered: true, verdict: 'human', disposition: null, callId: null });
  for (const [i, entry] of entries.slice(50, 60).entries()) attempts.push({ id: `a-old-${i}`, entry, operator: entry.operator, startedAt: kyiv('2026-02-10'), outcome: 'busy', answered: false, verdict: null, disposition: null, callId: null });
  for (const a of attempts) {
    if (a.callId) {
      insert(database, 'interactions', { id: a.callId, kind: 'call', direction: 'out', occurred_at: a.startedAt, contact_id: a.entry.contact, created_at: a.startedAt });
      insert(database, 'calls', { interaction_id: a.callId, direction: 'out', remote_number: a.entry.phone, started_at: a.startedAt, disposition: 'answered' });
    }
    insert(database, 'campaign_attempts', {
      id: a.id,
      campaign_id: a.entry.campaign,
      entry_id: a.entry.id,
      contact_id: a.entry.contact,
      phone: a.entry.phone,
      operator_id: a.operator,
      call_id: a.callId,
      mode: 'power',
      state: 'ended',
      started_at: a.startedAt,
      // A call answered a minute after it started: one started at 23:59:59.999 is answered the next day, and counts on the day it started.
      answered_at: a.answered ? a.startedAt + 60_000 : null,
      outcome: a.outcome,
      disposition_id: a.disposition,
      amd_verdict: a.verdict,
      allowed_because: '{}',
      updated_at: 0,
    });
  }
  database.sqlite.prepare('UPDATE campaign_entries SET last_attempt_at = (SELECT max(started_at) FROM campaign_attempts WHERE entry_id = campaign_entries.id)').run();

  insert(database, 'scripts', { id: 'qn', kind: 'questionnaire', name: 'Survey', draft: '{}', created_at: 0, updated_at: 0 });
  insert(database, 'script_versions', { id: 'qn-v1', script_id: 'qn', definition: '{}', published_at: 0, updated_at: 0 });
  const answers: Answer[] = [];
  const stored = ['"yes"', '"no"', '5', 'true', '["opt-a","opt-b"]', '["opt-b"]', 'null', '""'];
  for (const [i, a] of attempts.filter((x) => x.callId !== null && x.outcome === 'reached').entries()) {
    const value = g.pick(stored);
    const parsed = JSON.parse(value) as string | number | boolean | string[] | null;
    const values = Array.isArray(parsed) ? parsed : parsed === null || parsed === '' ? [] : [parsed === true ? '1' : String(parsed)];
    insert(database, 'questionnaire_responses', { id: `r-${i}`, questionnaire_id: 'qn', version_id: 'qn-v1', call_id: a.callId, contact_id: a.entry.contact, campaign_id: a.entry.campaign, operator_id: a.operator, started_at: a.startedAt, updated_at: 0 });
    insert(database, 'questionnaire_answers', { id: `qa-${i}`, response_id: `r-${i}`, question_id: 'q-interest', value, updated_at: 0 });
    insert(database, 'questionnaire_answers', { id: `qb-${i}`, response_id: `r-${i}`, question_id: 'q-other', value: '"x"', updated_at: 0 });
    answers.push({ id: `qa-${i}`, startedAt: a.startedAt, values, operator: a.operator, campaign: a.entry.campaign });
  }
  return { entries, attempts, answers };
}

const inMarch = (t: number) => t >= march.from && t < march.to;
const reachedOutcome = (a: Attempt) => a.outcome === 'reached' || a.outcome === 'reached_late';

/** The hour on the callee's clock, read through Intl: the contact's zone, else the zone of the number's range. */
function calleeHour(a: Attempt): string {
  const zone = a.entry.contactZone?.trim() || phones.find((p) => p.phone.slice(0, 8) === a.entry.phone.slice(0, 8))?.zone;
  if (zone === undefined) return '';
  return String(Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(a.startedAt)));
}

describe('campaign results report', () => {
  const { database, data } = suiteDatabase(seed);
  const { entries, attempts, answers } = data;
  const period = attempts.filter((a) => inMarch(a.startedAt));
  const dialed = entries.filter((e) => period.some((a) => a.entry === e));

  it('builds the funnel of numbers dialed, reached and successful in the period', () => {
    const result = run(database, { report: 'campaign_results', view: 'funnel' });
    const reached = dialed.filter((e) => period.some((a) => a.entry === e && reachedOutcome(a)));
    const successful = dialed.filter((e) => period.some((a) => a.entry === e && a.disposition?.endsWith('-sale')));
    expect(result.chart.type).toBe('funnel');
    // One row, the steps its columns (the window draws them as the funnel's narrowing bars).
    expect(result.rows.map((r) => [r.key, r.kind, r.label])).toEqual([['all', 'key', 'all']]);
    expect(result.columns.map((c) => c.key)).toEqual(['dialed', 'reached', 'successful']);
    expect(result.rows[0]?.values).toEqual({ dialed: dialed.length, reached: reached.length, successful: successful.length });
    expect(result.totals).toEqual(result.rows[0]?.values);
    expect(dialed.length).toBeLessThan(entries.length);
    expect(successful.length).toBeGreaterThan(0);
    for (const [step, expected] of [
      ['dialed', dialed],
      ['reached', reached],
      ['successful', successful],
    ] as const) {
      expect(sorted(drillAll(database, { report: 'campaign_results', view: 'funnel' }, { rowKey: null, column: step }).ids)).toEqual(sorted(expected.map((e) => e.id)));
      const { ids, pages } = drillAll(database, { report: 'campaign_results', view: 'funnel' }, { rowKey: 'all', column: step });
      expect(sorted(ids)).toEqual(sorted(expected.map((e) => e.id)));
      for (const row of pages.flatMap((p) => p.rows)) {
        const lastCall = period.filter((a) => a.entry.id === row.id && a.callId !== null).sort((x, y) => y.startedAt - x.startedAt)[0]?.callId;
        expect(row.open).toEqual(lastCall ? { type: 'call', id: lastCall } : { type: 'contact', id: entries.find((e) => e.id === row.id)?.contact });
      }
    }
  });

  it('counts attempts by disposition, and numbers by how many attempts they had in the period', () => {
    const byDisposition = run(database, { report: 'campaign_results', view: 'disposition' });
    const disposed = period.filter((a) => a.disposition !== null);
    expectColumn(byDisposition, 'attempts', countBy(disposed, (a) => a.disposition as string));
    expect(byDisposition.rows.find((r) => r.key === 'camp-1-sale')?.label).toBe('Sale');
    const { ids } = drillAll(database, { report: 'campaign_results', view: 'disposition' }, { rowKey: 'camp-2-later', column: 'attempts' });
    expect(sorted(ids)).toEqual(sorted(disposed.filter((a) => a.disposition === 'camp-2-later').map((a) => a.id)));

    const perContact = run(database, { report: 'campaign_results', view: 'attempts_per_contact' });
    const count = (e: Entry) => period.filter((a) => a.entry === e).length;
    expectColumn(perContact, 'contacts', countBy(dialed, (e) => String(count(e))));
    for (const row of perContact.rows) {
      const { ids } = drillAll(database, { report: 'campaign_results', view: 'attempts_per_contact' }, { rowKey: row.key, column: 'contacts' });
      expect(sorted(ids)).toEqual(sorted(dialed.filter((e) => String(count(e)) === row.key).map((e) => e.id)));
      expect(ids.length).toBeGreaterThan(0);
    }
    expect(perContact.rows.map((r) => Number(r.key))).toEqual(perContact.rows.map((r) => Number(r.key)).sort((a, b) => a - b));
  });

  it('finds the best hours on the callee’s clock: the contact’s own zone first, else the number’s', () => {
    const result = run(database, { report: 'campaign_results', view: 'best_hour' });
    expect(result.rows.map((r) => r.key)).toEqual([...Array.from({ length: 24 }, (_, h) => String(h)), '']);
    expect(result.rows.at(-1)).toMatchObject({ kind: 'value', values: { attempts: 2, reached: 2 } });
    expectColumn(result, 'attempts', countBy(period, calleeHour));
    expectColumn(result, 'reached', countBy(period.filter(reachedOutcome), calleeHour));
    for (const row of result.rows) {
      const n = period.filter((a) => calleeHour(a) === row.key);
      expect(row.values.reach_rate).toBe(n.length === 0 ? null : (n.filter(reachedOutcome).length / n.length) * 100);
    }
    // A Tokyo contact called on a Kyiv number is counted in Tokyo's hour.
    const tokyo = period.find((a) => a.entry.contactZone === 'Asia/Tokyo' && a.entry.phone.startsWith('+380'));
    expect(tokyo).toBeDefined();
    for (const hour of ['9', '14', '20']) {
      const { ids, pages } = drillAll(database, { report: 'campaign_results', view: 'best_hour' }, { rowKey: hour, column: 'reach_rate' }, 4);
      expect(sorted(ids)).toEqual(sorted(period.filter((a) => calleeHour(a) === hour && reachedOutcome(a)).map((a) => a.id)));
      expect(pages[0]?.recordType).toBe('attempt');
    }
    const all = drillAll(database, { report: 'campaign_results', view: 'best_hour' }, { rowKey: null, column: 'attempts' }, 200).ids;
    expect(all.length).toBe(period.length);
  });

  it('gives the abandon rate per local day against the strictest cap, edges and the DST day included', () => {
    const result = run(database, { report: 'campaign_results', view: 'abandon_by_day' });
    expect(result.rows.length).toBe(31);
    const live = period.filter((a) => a.answered && a.verdict !== 'machine');
    const abandoned = period.filter((a) => a.outcome === 'abandoned' || a.outcome === 'reached_late');
    const day = (a: Attempt) => kyivDate(a.startedAt);
    expectColumn(result, 'live', countBy(live, day));
    expectColumn(result, 'abandoned', countBy(abandoned, day));
    for (const row of result.rows) {
      const l = live.filter((a) => day(a) === row.key).length;
      const ab = abandoned.filter((a) => day(a) === row.key).length;
      expect(row.values.abandon_rate).toBe(l === 0 ? null : (ab / l) * 100);
      expect(row.values.abandon_cap).toBeCloseTo(2, 9);
    }
    // 23:59:59.999 on the 14th and 00:00 on the 15th fall on their own days; 03:30 on the 29th is 04:30 summer time (the 29th).
    expect(day(attempts[2] as Attempt)).toBe('2026-03-14');
    expect(day(attempts[3] as Attempt)).toBe('2026-03-15');
    expect(day(attempts[4] as Attempt)).toBe('2026-03-29');
    const dst = drillAll(database, { report: 'campaign_results', view: 'abandon_by_day' }, { rowKey: '2026-03-29', column: 'live' }).ids;
    expect(sorted(dst)).toEqual(sorted(live.filter((a) => day(a) === '2026-03-29').map((a) => a.id)));
    const rate = drillAll(database, { report: 'campaign_results', view: 'abandon_by_day' }, { rowKey: '2026-03-14', column: 'abandon_rate' }).ids;
    expect(sorted(rate)).toEqual(sorted(abandoned.filter((a) => day(a) === '2026-03-14').map((a) => a.id)));
    const first = run(database, { report: 'campaign_results', view: 'abandon_by_day', filters: { campaignIds: ['camp-1'] } });
    expect(first.totals.abandon_cap).toBeCloseTo(3, 9);
  });

  it('aggregates a question’s answers, each chosen option counted, every answer opening its call', () => {
    const result = run(database, { report: 'campaign_results', view: 'answers', options: { questionId: 'q-interest' } });
    const given = answers.filter((a) => inMarch(a.startedAt));
    const values = given.flatMap((a) => a.values.map((v) => ({ ...a, value: v })));
    expectColumn(result, 'answers', countBy(values, (v) => v.value));
    expect(Object.keys(countBy(values, (v) => v.value)).sort()).toEqual(['1', '5', 'no', 'opt-a', 'opt-b', 'yes']);
    const { ids, pages } = drillAll(database, { report: 'campaign_results', view: 'answers', options: { questionId: 'q-interest' } }, { rowKey: 'opt-b', column: 'answers' });
    expect(ids.length).toBe(values.filter((v) => v.value === 'opt-b').length);
    expect(sorted(ids.map((id) => id.split('#')[0] as string))).toEqual(sorted(values.filter((v) => v.value === 'opt-b').map((v) => v.id)));
    expect(pages[0]?.rows[0]?.open?.type).toBe('call');
    const none = run(database, { report: 'campaign_results', view: 'answers' });
    expect(none.rows).toEqual([]);
  });

  it('honours the campaign, operator and company-tag filters', () => {
    const camp2 = run(database, { report: 'campaign_results', view: 'funnel', filters: { campaignIds: ['camp-2'] } });
    expect(camp2.totals.dialed).toBe(dialed.filter((e) => e.campaign === 'camp-2').length);
    const mine = run(database, { report: 'campaign_results', view: 'best_hour', filters: { operatorIds: ['emp-1'] } });
    expect(mine.totals.attempts).toBe(period.filter((a) => a.operator === 'emp-1').length);
    const vip = run(database, { report: 'campaign_results', view: 'disposition', filters: { companyTagIds: ['tag-vip'] } });
    const vipContacts = new Set(database.sqlite.prepare<[], { id: string }>("SELECT id FROM contacts WHERE company_id = 'co-2'").all().map((r) => r.id));
    expect(vip.totals.attempts).toBe(period.filter((a) => a.disposition !== null && vipContacts.has(a.entry.contact)).length);
  });

  it('refuses cells that list no records', () => {
    expect(() => drillAll(database, { report: 'campaign_results', view: 'funnel' }, { rowKey: 'all', column: 'contacts' })).toThrow(/does not open a list/);
    expect(() => drillAll(database, { report: 'campaign_results', view: 'best_hour' }, { rowKey: '9', column: 'bogus' })).toThrow(/does not open a list/);
    expect(() => drillAll(database, { report: 'campaign_results', view: 'abandon_by_day' }, { rowKey: '2026-03-02', column: 'abandon_cap' })).toThrow(/does not open a list/);
  });

  it('shows an empty period as zeros and blanks', () => {
    const empty = { from: kyiv('2025-01-01'), to: kyiv('2025-01-03') };
    const funnel = run(database, { report: 'campaign_results', view: 'funnel', filters: empty });
    expect(funnel.rows.map((r) => r.values)).toEqual([{ dialed: 0, reached: 0, successful: 0 }]);
    const abandon = run(database, { report: 'campaign_results', view: 'abandon_by_day', filters: empty });
    expect(abandon.rows.map((r) => [r.values.live, r.values.abandon_rate, r.values.abandon_cap])).toEqual([
      [0, null, null],
      [0, null, null],
    ]);
    const hours = run(database, { report: 'campaign_results', view: 'best_hour', filters: empty });
    expect(hours.totals).toEqual({ attempts: 0, reached: 0, reach_rate: null });
  });
});

describe('campaign results through the API (the pooled worker)', () => {
  it('runs a report and drills a cell in the query worker', async () => {
    const workstation = createTestWorkstation();
    const { attempts } = seed(workstation.database);
    const live = attempts.filter((a) => inMarch(a.startedAt) && reachedOutcome(a) && calleeHour(a) === '10');
    const input = request({ report: 'campaign_results', view: 'best_hour' });
    const ran = await callApi(workstation, 'reports.run', { request: input });
    if (!ran.ok) throw new Error(JSON.stringify(ran));
    expect(ran.value.rows.find((r) => r.key === '10')?.values.reached).toBe(live.length);
    const drilled = await callApi(workstation, 'reports.drill', { ...input, cell: { rowKey: '10', column: 'reached' }, limit: 200 });
    if (!drilled.ok) throw new Error(JSON.stringify(drilled));
    expect(sorted(drilled.value.rows.map((r) => r.id))).toEqual(sorted(live.map((a) => a.id)));
  });
});
