import { asc, eq } from 'drizzle-orm';
import type { ReadDb } from '#core/db/handles';
import { calls, companies, contactEmails, contactPhones, contacts, customFields, customValues, employees, interactions } from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import type { MergeContext } from './merge-fields';

/** The call a run or response belongs to: its interaction, the line it came in on, the client. */
export interface CallFacts {
  interactionId: string;
  accountId: string | null;
  contactId: string | null;
  companyId: string | null;
}

/** Finds a call by its interaction id (the phone's call id is turned into it by the caller, see handlers.ts). */
export function callFacts(db: ReadDb, interactionId: string): CallFacts {
  const row = db
    .select({ interactionId: calls.interactionId, accountId: calls.accountId, contactId: interactions.contactId, companyId: interactions.companyId })
    .from(calls)
    .innerJoin(interactions, eq(interactions.id, calls.interactionId))
    .where(eq(calls.interactionId, interactionId))
    .get();
  if (!row) throw notFound('Call', interactionId);
  return row;
}

/**
 * The values merge fields take during a call: the client and their company, the operator (the
 * employee chosen on this workstation), the campaign (none before campaigns exist) and custom fields
 * by their name (the contact's first, then the company's).
 */
export function mergeContextOf(db: ReadDb, subject: { contactId: string | null; companyId: string | null }, operatorId: string | null): MergeContext {
  const values: Record<string, string | null> = { 'campaign.name': null };
  if (operatorId) values['operator.name'] = db.select({ name: employees.name }).from(employees).where(eq(employees.id, operatorId)).get()?.name ?? null;
  let companyId = subject.companyId;
  if (subject.contactId) {
    const contact = db.select().from(contacts).where(eq(contacts.id, subject.contactId)).get();
    if (contact) {
      companyId = contact.companyId ?? companyId;
      Object.assign(values, {
        'contact.firstName': contact.firstName,
        'contact.lastName': contact.lastName,
        'contact.middleName': contact.middleName,
        'contact.fullName': contact.fullName,
        'contact.position': contact.position,
        'contact.city': contact.city,
        'contact.email': db.select({ email: contactEmails.email }).from(contactEmails).where(eq(contactEmails.contactId, contact.id)).orderBy(asc(contactEmails.position)).limit(1).get()?.email ?? null,
        'contact.phone': (() => {
          const phone = db.select({ raw: contactPhones.raw, e164: contactPhones.e164 }).from(contactPhones).where(eq(contactPhones.contactId, contact.id)).orderBy(asc(contactPhones.position)).limit(1).get();
          return phone ? (phone.e164 ?? phone.raw) : null;
        })(),
      });
    }
  }
  if (companyId) {
    const company = db.select({ name: companies.name, city: companies.city }).from(companies).where(eq(companies.id, companyId)).get();
    if (company) Object.assign(values, { 'company.name': company.name, 'company.city': company.city });
  }
  for (const entityId of [companyId, subject.contactId]) {
    if (!entityId) continue;
    const custom = db.select({ name: customFields.name, value: customValues.value }).from(customValues).innerJoin(customFields, eq(customFields.id, customValues.fieldId)).where(eq(customValues.entityId, entityId)).all();
    // The contact's come last, so they win over a company field of the same name.
    for (const field of custom) values[`custom.${field.name.trim()}`] = field.value;
  }
  return values;
}
