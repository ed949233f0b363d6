import type { InteractionKind } from '#contract';
import type { Fact } from '#core/reports/framework/facts';

/**
 * Which interactions count: of one kind, or any. The kind comes validated from the contract's enum; it is
 * written into the SQL so a measure's condition stays a plain expression. The unary `+` keeps SQLite on the
 * per-client indexes (a kind's index would scan every call of the workstation for each client).
 */
const ofKind = (kind: InteractionKind | undefined) => (kind ? `+i.kind = '${kind}'` : '1');

/**
 * An aggregate over a contact's interactions: as their main party, or as one of the people who took part (an
 * interaction where they are both counts once). Each part is a lookup on its own index.
 */
function overContact(aggregate: 'count' | 'max', contact: string, condition: string): [string, string] {
  const value = aggregate === 'count' ? 'count(*)' : 'max(i.occurred_at)';
  return [
    `(SELECT ${value} FROM interactions i WHERE i.contact_id = ${contact} AND ${condition})`,
    `(SELECT ${value} FROM interaction_participants p JOIN interactions i ON i.id = p.interaction_id WHERE p.contact_id = ${contact} AND i.contact_id IS NOT p.contact_id AND ${condition})`,
  ];
}

/** The latest of several instants, null when none is known. */
const latest = (parts: readonly string[]) => `nullif(max(${parts.map((p) => `coalesce(${p}, 0)`).join(', ')}), 0)`;

/** The contact's interactions (of the kind) in the period. */
export function contactInteractionsInPeriod(kind: InteractionKind | undefined): string {
  const [own, taking] = overContact('count', 'ct.id', `${ofKind(kind)} AND i.occurred_at >= @from AND i.occurred_at < @to`);
  return `(${own} + ${taking})`;
}

/** The last interaction (of the kind) before the period's end: what "no contact in N days" looks at. A company's include its people's. */
export function lastContactSql(whose: 'contact' | 'company', kind: InteractionKind | undefined): string {
  const condition = `${ofKind(kind)} AND i.occurred_at < @to`;
  if (whose === 'contact') return latest(overContact('max', 'ct.id', condition));
  const people = 'SELECT id FROM contacts WHERE company_id = co.id';
  return latest([
    `(SELECT max(i.occurred_at) FROM interactions i WHERE i.company_id = co.id AND ${condition})`,
    `(SELECT max(i.occurred_at) FROM interactions i WHERE i.contact_id IN (${people}) AND ${condition})`,
    `(SELECT max(i.occurred_at) FROM interaction_participants p JOIN interactions i ON i.id = p.interaction_id WHERE p.contact_id IN (${people}) AND ${condition})`,
  ]);
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
