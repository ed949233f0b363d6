import type { Statement } from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { ReadDb } from '#core/db/handles';
import { campaignAttempts, campaigns } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import type { MergeContext } from './merge-fields';
import { preparedOnce } from '#core/db/prepared-once';

/** The call a run or response belongs to: its interaction, the line it came in on, the client. */
export interface CallFacts {
  interactionId: string;
  accountId: string | null;
  contactId: string | null;
  companyId: string | null;
}

interface Statements {
  call: Statement<[string], CallFacts>;
  operator: Statement<[string], { name: string }>;
  contact: Statement<[string], { companyId: string | null; firstName: string; lastName: string; middleName: string; fullName: string; position: string | null; city: string | null; email: string | null; phone: string | null }>;
  company: Statement<[string], { name: string; city: string | null }>;
  custom: Statement<[string], { name: string; value: string }>;
}

// Read on every step of a script (a key press during a call): prepared once per connection.
const statements = preparedOnce<Statements>((sqlite) => ({
  call: sqlite.prepare(
    'SELECT c.interaction_id AS interactionId, c.account_id AS accountId, i.contact_id AS contactId, i.company_id AS companyId FROM calls c JOIN interactions i ON i.id = c.interaction_id WHERE c.interaction_id = ?',
  ),
  operator: sqlite.prepare('SELECT name FROM employees WHERE id = ?'),
  contact: sqlite.prepare(
    `SELECT company_id AS companyId, first_name AS firstName, last_name AS lastName, middle_name AS middleName, full_name AS fullName, position, city,
       (SELECT email FROM contact_emails e WHERE e.contact_id = c.id ORDER BY e.position LIMIT 1) AS email,
       (SELECT coalesce(e164, raw) FROM contact_phones p WHERE p.contact_id = c.id ORDER BY p.position LIMIT 1) AS phone
     FROM contacts c WHERE c.id = ?`,
  ),
  company: sqlite.prepare('SELECT name, city FROM companies WHERE id = ?'),
  custom: sqlite.prepare('SELECT f.name, v.value FROM custom_values v JOIN custom_fields f ON f.id = v.field_id WHERE v.entity_id = ?'),
}));

/** Finds a call by its interaction id (the phone's call id is turned into it by the caller, see handlers.ts). */
export function callFacts(db: ReadDb, interactionId: string): CallFacts {
  const row = statements(db).call.get(interactionId);
  if (!row) throw notFound('Call', interactionId);
  return row;
}

/**
 * The values merge fields take during a call: the client and their company, the operator (the
 * employee chosen on this workstation), the campaign (none before campaigns exist) and custom fields
 * by their name (the contact's first, then the company's).
 */
export function mergeContextOf(db: ReadDb, subject: { contactId: string | null; companyId: string | null }, operatorId: string | null): MergeContext {
  const s = statements(db);
  const values: Record<string, string | null> = { 'campaign.name': null };
  if (operatorId) values['operator.name'] = s.operator.get(operatorId)?.name ?? null;
  let companyId = subject.companyId;
  if (subject.contactId) {
    const contact = s.contact.get(subject.contactId);
    if (contact) {
      companyId = contact.companyId ?? companyId;
      Object.assign(values, {
        'contact.firstName': contact.firstName,
        'contact.lastName': contact.lastName,
        'contact.middleName': contact.middleName,
        'contact.fullName': contact.fullName,
        'contact.position': contact.position,
        'contact.city': contact.city,
        'contact.email': contact.email,
        'contact.phone': contact.phone,
      });
    }
  }
  if (companyId) {
    const company = s.company.get(companyId);
    if (company) Object.assign(values, { 'company.name': company.name, 'company.city': company.city });
  }
  for (const entityId of [companyId, subject.contactId]) {
    if (!entityId) continue;
    // The contact's come last, so they win over a company field of the same name.
    for (const field of s.custom.all(entityId)) values[`custom.${field.name.trim()}`] = field.value;
  }
  return values;
}
/** The campaign that placed a call (its attempt names the call), with the script and questionnaire it refers to. */
export function campaignOfCall(db: ReadDb, interactionId: string) {
  return db
    .select({ id: campaigns.id, scriptId: campaigns.scriptId, questionnaireId: campaigns.questionnaireId })
    .from(campaignAttempts)
    .innerJoin(campaigns, eq(campaigns.id, campaignAttempts.campaignId))
    .where(eq(campaignAttempts.callId, interactionId))
    .get();
}
