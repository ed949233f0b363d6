import { and, asc, eq, sql } from 'drizzle-orm';
import type { SegmentDefinition } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { companies, contacts, customFields, employees } from '#core/db/schema';
import { segmentCondition } from '#core/crm/segment-sql';
import { writeStreamed, writeTable } from './table-writer';
import { writeVCard } from './vcard';

export type ExportFormat = 'csv' | 'xlsx' | 'vcard';

/** Headers in both languages, so that the import wizard maps them back whichever language the file is read in. */
const fixedColumns = [
  'Прізвище / Last name',
  "Ім'я / First name",
  'По батькові / Middle name',
  'Компанія / Company',
  'Посада / Position',
  'Телефони / Phones',
  'E-mail',
  'Адреса / Address',
  'Місто / City',
  'Теги / Tags',
  'Примітки / Notes',
  'Не дзвонити / Do not call',
  'Відповідальний / Responsible',
  'Джерело / Source',
];

interface ExportRow {
  last_name: string;
  first_name: string;
  middle_name: string;
  full_name: string;
  company: string | null;
  position: string | null;
  phones: string | null;
  emails: string | null;
  address: string | null;
  city: string | null;
  tags: string | null;
  notes: string;
  do_not_call: number;
  responsible: string | null;
  source: string | null;
  /** One value per contact custom field, in the order of `customFields`. */
  custom: (string | null)[];
}

/**
 * Writes the contacts a segment selects (everyone without one) as CSV (UTF-8 with a BOM and ";",
 * as Excel in Ukraine and Russia opens it), XLSX, or vCard 3.0, streaming row by row.
 */
export async function runExport(
  database: AppDatabase,
  params: { format: ExportFormat; filter?: SegmentDefinition | undefined; file: string; now: number },
  report: (progress: { done: number; total: number }) => void,
): Promise<{ done: number; total: number }> {
  const where = and(...(params.filter?.conditions ?? []).map((c) => segmentCondition(c, params.now)));
  const total = database.read.select({ n: sql<number>`count(*)` }).from(contacts).where(where).get()?.n ?? 0;
  const fields = {
    last_name: contacts.lastName,
    first_name: contacts.firstName,
    middle_name: contacts.middleName,
    full_name: contacts.fullName,
    company: companies.name,
    position: contacts.position,
    phones: sql<string | null>`(SELECT group_concat(coalesce(e164, raw), ', ') FROM (SELECT e164, raw FROM contact_phones p WHERE p.contact_id = "contacts"."id" ORDER BY p.position))`,
    emails: sql<string | null>`(SELECT group_concat(email, ', ') FROM (SELECT email FROM contact_emails e WHERE e.contact_id = "contacts"."id" ORDER BY e.position))`,
    address: sql<string | null>`(SELECT text FROM contact_addresses a WHERE a.contact_id = "contacts"."id" ORDER BY a.position LIMIT 1)`,
    // The person's own city, else their company's.
    city: sql<string | null>`coalesce(${contacts.city}, ${companies.city})`,
    tags: sql<string | null>`(SELECT group_concat(t.name, ', ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = "contacts"."id")`,
    notes: contacts.notes,
    do_not_call: contacts.doNotCall,
    responsible: employees.name,
    source: contacts.source,
  };
  // Every contact custom field is a column of its own, named as in Settings (the import maps it back by that name).
  const custom = database.read.select({ id: customFields.id, name: customFields.name }).from(customFields).where(eq(customFields.entity, 'contact')).orderBy(asc(customFields.position), asc(customFields.name)).all();
  const customSelect = Object.fromEntries(custom.map((field, i) => [`custom_${i}`, sql<string | null>`(SELECT value FROM custom_values cv WHERE cv.field_id = ${field.id} AND cv.entity_id = "contacts"."id")`]));
  const columns = [...fixedColumns, ...custom.map((field) => field.name)];
  const query = database.read
    .select({ ...fields, ...customSelect })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(employees, eq(employees.id, contacts.responsibleId))
    .where(where)
    .orderBy(asc(contacts.searchName), asc(contacts.id))
    .toSQL();
  // Streamed with a raw statement (drizzle's builder loads all rows at once); columns come back in `fields` order.
  const names = Object.keys(fields);
  const statement = database.sqlite.prepare(query.sql).raw(true);
  const rows = (function* () {
    for (const values of statement.iterate(...query.params) as IterableIterator<unknown[]>) {
      const row = Object.fromEntries(names.map((name, i) => [name, values[i]])) as unknown as ExportRow;
      row.custom = values.slice(names.length) as (string | null)[];
      yield row;
    }
  })();
  const cells = (r: ExportRow) => [
    r.last_name,
    r.first_name,
    r.middle_name,
    r.company ?? '',
    r.position ?? '',
    r.phones ?? '',
    r.emails ?? '',
    r.address ?? '',
    r.city ?? '',
    r.tags ?? '',
    r.notes,
    r.do_not_call ? '1' : '',
    r.responsible ?? '',
    r.source ?? '',
    ...r.custom.map((value) => value ?? ''),
  ];

  let done = 0;
  const tick = () => {
    done++;
    if (done % 5_000 === 0) report({ done, total });
  };
  if (params.format === 'vcard') {
    await writeStreamed(
      params.file,
      (function* () {
        for (const row of rows) {
          yield writeVCard({
            lastName: row.last_name,
            firstName: row.first_name,
            middleName: row.middle_name,
            fullName: row.full_name,
            organization: row.company,
            title: row.position,
            phones: (row.phones ?? '').split(', ').filter(Boolean).map((p) => ({ kind: 'other', raw: p, e164: p.startsWith('+') ? p : null })),
            emails: (row.emails ?? '').split(', ').filter(Boolean),
            addresses: row.address ? [row.address] : [],
            note: row.notes,
            categories: (row.tags ?? '').split(', ').filter(Boolean),
          });
          tick();
        }
      })(),
    );
  } else {
    const table = (function* () {
      for (const row of rows) yield cells(row);
    })();
    await writeTable(params.file, params.format, { sheet: 'Contacts', header: columns, rows: table }, tick);
  }
  report({ done, total });
  return { done, total };
}
