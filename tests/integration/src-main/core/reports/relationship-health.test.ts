import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '#core/db/connection';
import { countBy, drillAll, expectColumn, generator, insert, kyiv, march, run, seedPeople, sorted, suiteDatabase, sumBy } from '#tests/support/report-fixtures';

type Kind = 'call' | 'meeting' | 'email' | 'note';
interface Client {
  id: string;
  responsible: string | null;
  company: string | null;
  createdAt: number;
}
interface Interaction {
  id: string;
  kind: Kind;
  at: number;
  contact: string | null;
  company: string | null;
  participants: string[];
}

/**
 * Contacts and companies with interactions from January to mid-April; some contacts only reached as participants,
 * and contacts created after the period. Contact c-00 was last called 1 ms before the 30-day window (Kyiv 2026-03-02
 * 00:00, the window crossing the DST change), c-01 exactly at its start.
 */
function seed(database: AppDatabase) {
  const people = seedPeople(database);
  const g = generator(30);
  const companies: Client[] = people.companies.map((id) => ({ id, responsible: g.pick([...people.employees, null]), company: id, createdAt: 0 }));
  for (const c of companies) database.sqlite.prepare('UPDATE companies SET responsible_id = ? WHERE id = ?').run(c.responsible, c.id);
  insert(database, 'companies', { id: 'co-new', name: 'co-new', search_name: 'co-new', responsible_id: 'emp-1', created_at: kyiv('2026-04-02'), updated_at: 0 });
  const contacts: Client[] = [];
  for (let i = 0; i < 80; i++) {
    const contact: Client = {
      id: `c-${String(i).padStart(2, '0')}`,
      responsible: g.chance(0.1) ? null : g.pick(people.employees),
      company: g.chance(0.3) ? null : g.pick(people.companies),
      createdAt: i >= 75 ? kyiv('2026-04-01') + i : kyiv('2026-01-01') + i,
    };
    contacts.push(contact);
    insert(database, 'contacts', { id: contact.id, full_name: `Contact ${i}`, search_name: `contact ${i}`, responsible_id: contact.responsible, company_id: contact.company, created_at: contact.createdAt, updated_at: 0 });
  }
  const interactions: Interaction[] = [
    { id: 'i-edge-out', kind: 'call', at: kyiv('2026-03-01', '23:59:59.999'), contact: 'c-00', company: null, participants: [] },
    { id: 'i-edge-in', kind: 'call', at: kyiv('2026-03-02'), contact: 'c-01', company: null, participants: [] },
    { id: 'i-after', kind: 'call', at: kyiv('2026-04-01'), contact: 'c-00', company: null, participants: [] },
    // Listed both as the main party and among the participants: one interaction all the same.
    { id: 'i-both', kind: 'meeting', at: kyiv('2026-03-10'), contact: 'c-02', company: null, participants: ['c-02', 'c-03'] },
  ];
  for (let i = 0; i < 500; i++) {
    const byCompanyOnly = g.chance(0.05);
    interactions.push({
      id: `i-${String(i).padStart(3, '0')}`,
      kind: g.pick(['call', 'call', 'meeting', 'email', 'note'] as const),
      at: g.between(kyiv('2026-01-05'), kyiv('2026-04-15')),
      contact: byCompanyOnly ? null : g.pick(contacts.slice(2)).id,
      company: byCompanyOnly ? g.pick(people.companies) : null,
      participants: g.chance(0.1) ? [g.pick(contacts.slice(2)).id] : [],
    });
  }
  for (const i of interactions) {
    insert(database, 'interactions', { id: i.id, kind: i.kind, occurred_at: i.at, contact_id: i.contact, company_id: i.company, created_at: i.at });
    for (const p of new Set(i.participants)) insert(database, 'interaction_participants', { interaction_id: i.id, contact_id: p });
  }
  return { contacts, companies, interactions };
}

describe('relationship health report', () => {
  const { database, data } = suiteDatabase(seed);
  const { contacts, companies, interactions } = data;
  const existing = contacts.filter((c) => c.createdAt < march.to);
  const touches = (contact: string) => (i: Interaction) => i.contact === contact || i.participants.includes(contact);
  const touchesCompany = (company: string) => (i: Interaction) =>
    i.company === company || contacts.some((c) => c.company === company && touches(c.id)(i));
  const responsible = (c: Client) => c.responsible ?? '';

  function neglected(kind: Kind, since: number) {
    const quiet = (matches: (i: Interaction) => boolean) => !interactions.some((i) => matches(i) && i.kind === kind && i.at >= since && i.at < march.to);
    return { contacts: existing.filter((c) => quiet(touches(c.id))), companies: companies.filter((c) => quiet(touchesCompany(c.id))) };
  }

  it('counts contacts and companies with no call in the 30 calendar days before the period end, by responsible', () => {
    const result = run(database, { report: 'relationship_health', view: 'no_contact' });
    const expected = neglected('call', kyiv('2026-03-02'));
    expectColumn(result, 'contacts', countBy(expected.contacts, responsible));
    expectColumn(result, 'companies', countBy(expected.companies, responsible));
    const ids = drillAll(database, { report: 'relationship_health', view: 'no_contact' }, { rowKey: null, column: 'contacts' }).ids;
    expect(sorted(ids)).toEqual(sorted(expected.contacts.map((c) => c.id)));
    expect(ids).toContain('c-00');
    expect(ids).not.toContain('c-01');
    expect(ids).not.toContain('c-79');
  });

  it('takes the kind and the number of days from the options', () => {
    const result = run(database, { report: 'relationship_health', view: 'no_contact', options: { interactionKind: 'meeting', days: 10 } });
    const expected = neglected('meeting', kyiv('2026-03-22'));
    expectColumn(result, 'contacts', countBy(expected.contacts, responsible));
    expectColumn(result, 'companies', countBy(expected.companies, responsible));
  });

  it('lists the neglected contacts of each responsible with their last contact date, and the companies', () => {
    const expected = neglected('call', kyiv('2026-03-02'));
    for (const employee of ['emp-1', 'emp-2', 'emp-3', 'emp-4', 'emp-5', '']) {
      const { ids, pages } = drillAll(database, { report: 'relationship_health', view: 'no_contact' }, { rowKey: employee, column: 'contacts' });
      expect(sorted(ids)).toEqual(sorted(expected.contacts.filter((c) => responsible(c) === employee).map((c) => c.id)));
      for (const row of pages.flatMap((p) => p.rows)) {
        const last = Math.max(...interactions.filter((i) => touches(row.id)(i) && i.kind === 'call' && i.at < march.to).map((i) => i.at));
        expect(row.values.lastContactAt).toBe(Number.isFinite(last) ? last : null);
        expect(row.open).toEqual({ type: 'contact', id: row.id });
      }
    }
    const companyIds = drillAll(database, { report: 'relationship_health', view: 'no_contact' }, { rowKey: null, column: 'companies' }).ids;
    expect(sorted(companyIds)).toEqual(sorted(expected.companies.map((c) => c.id)));
  });

  it('buckets contacts by how many interactions they had in the period', () => {
    const count = (c: Client) => interactions.filter((i) => touches(c.id)(i) && i.at >= march.from && i.at < march.to).length;
    const bucket = (c: Client) => {
      const n = count(c);
      return n === 0 ? '0' : n === 1 ? '1' : n <= 3 ? '2-3' : '4+';
    };
    const result = run(database, { report: 'relationship_health', view: 'contacts_per_client' });
    expect(result.rows.map((r) => r.key)).toEqual(['0', '1', '2-3', '4+']);
    expectColumn(result, 'contacts', countBy(existing, bucket));
    expectColumn(result, 'interactions', sumBy(existing, bucket, count));
    for (const key of ['0', '1', '2-3', '4+']) {
      const { ids } = drillAll(database, { report: 'relationship_health', view: 'contacts_per_client' }, { rowKey: key, column: 'contacts' });
      expect(sorted(ids)).toEqual(sorted(existing.filter((c) => bucket(c) === key).map((c) => c.id)));
    }
    const calls = run(database, { report: 'relationship_health', view: 'contacts_per_client', options: { interactionKind: 'call' } });
    const callCount = (c: Client) => interactions.filter((i) => touches(c.id)(i) && i.kind === 'call' && i.at >= march.from && i.at < march.to).length;
    expectColumn(calls, 'interactions', sumBy(existing, (c) => { const n = callCount(c); return n === 0 ? '0' : n === 1 ? '1' : n <= 3 ? '2-3' : '4+'; }, callCount));
  });

  it('honours responsible and company-tag filters; a campaign filter leaves clients out', () => {
    const vip = run(database, { report: 'relationship_health', view: 'contacts_per_client', filters: { companyTagIds: ['tag-vip'], teamIds: ['team-a'] } });
    expect(vip.totals.contacts).toBe(existing.filter((c) => c.company === 'co-2' && (c.responsible === 'emp-1' || c.responsible === 'emp-2')).length);
    const campaign = run(database, { report: 'relationship_health', view: 'no_contact', filters: { campaignIds: ['x'] } });
    expect(campaign.totals).toEqual({ contacts: 0, companies: 0 });
  });

  it('shows a period before any client as zeros', () => {
    const empty = run(database, { report: 'relationship_health', view: 'contacts_per_client', filters: { from: kyiv('2025-01-01'), to: kyiv('2025-02-01') } });
    expect(empty.rows.map((r) => r.values.contacts)).toEqual([0, 0, 0, 0]);
  });
});
