import type { InteractionKind } from '#contract';
import type { Fact } from '#core/reports/framework/facts';

/** Interactions with a contact: as its main party or as one of the people who took part. */
const ofContact = (contact: string) => `(i.contact_id = ${contact} OR i.id IN (SELECT interaction_id FROM interaction_participants WHERE contact_id = ${contact}))`;

/** Interactions with a company: with it, or with any of its people. */
const ofCompany = (company: string) => {
  const people = `SELECT id FROM contacts WHERE company_id = ${company}`;
  return `(i.company_id = ${company} OR i.contact_id IN (${people}) OR i.id IN (SELECT interaction_id FROM interaction_participants WHERE contact_id IN (${people})))`;
};

/**
 * Which interactions count: of one kind, or any. The kind comes validated from the contract's enum; it is
 * written into the SQL so a measure's condition stays a plain expression.
 */
const ofKind = (kind: InteractionKind | undefined) => (kind ? `i.kind = '${kind}'` : '1');

/** The contact's interactions (of the kind) in the period. */
export function contactInteractionsInPeriod(kind: InteractionKind | undefined): string {
  return `(SELECT count(*) FROM interactions i WHERE ${ofContact('ct.id')} AND ${ofKind(kind)} AND i.occurred_at >= @from AND i.occurred_at < @to)`;
}

/** The last interaction (of the kind) before the period's end: what "no contact in N days" looks at. */
export function lastContactSql(whose: 'contact' | 'company', kind: InteractionKind | undefined): string {
  const of = whose === 'contact' ? ofContact('ct.id') : ofCompany('co.id');
  return `(SELECT max(i.occurred_at) FROM interactions i WHERE ${of} AND ${ofKind(kind)} AND i.occurred_at < @to)`;
}

/**
 * Contacts that existed by the period's end, with their responsible employee and company. Dated by creation,
 * so a campaign filter leaves them out.
 */
export function contactsFact(sort: string, extra: { select: string; field: { key: string; unit: 'datetime' | 'count' }; value: string }): Fact {
  return {
    from: 'contacts ct',
    time: 'ct.created_at',
    period: 'ct.created_at < @to',
    operator: 'ct.responsible_id',
    company: 'ct.company_id',
    records: {
      recordType: 'contact',
      fields: [{ key: 'name', unit: 'text' }, { key: 'company', unit: 'text' }, { key: 'responsible', unit: 'text' }, extra.field],
      id: 'ct.id',
      sort,
      select: `ct.full_name AS name, (SELECT name FROM companies WHERE id = ct.company_id) AS company,
        (SELECT name FROM employees WHERE id = ct.responsible_id) AS responsible, ${extra.select} AS ${extra.value}`,
      toRow: (raw) => ({
        id: String(raw.id),
        open: { type: 'contact', id: String(raw.id) },
        values: {
          name: raw.name as string,
          company: (raw.company as string | null) ?? null,
          responsible: (raw.responsible as string | null) ?? null,
          [extra.field.key]: (raw[extra.value] as number | null) ?? null,
        },
      }),
    },
  };
}

/** Companies that existed by the period's end, with their responsible employee. */
export function companiesFact(kind: InteractionKind | undefined): Fact {
  const last = lastContactSql('company', kind);
  return {
    from: 'companies co',
    time: 'co.created_at',
    period: 'co.created_at < @to',
    operator: 'co.responsible_id',
    company: 'co.id',
    records: {
      recordType: 'company',
      fields: [
        { key: 'name', unit: 'text' },
        { key: 'responsible', unit: 'text' },
        { key: 'lastContactAt', unit: 'datetime' },
      ],
      id: 'co.id',
      sort: `coalesce(${last}, 0)`,
      select: `co.name AS name, (SELECT name FROM employees WHERE id = co.responsible_id) AS responsible, ${last} AS lastContactAt`,
      toRow: (raw) => ({
        id: String(raw.id),
        open: { type: 'company', id: String(raw.id) },
        values: { name: raw.name as string, responsible: (raw.responsible as string | null) ?? null, lastContactAt: (raw.lastContactAt as number | null) ?? null },
      }),
    },
  };
}
