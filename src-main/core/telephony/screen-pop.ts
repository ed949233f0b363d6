import { and, asc, type Column, desc, eq, gte, inArray, isNull, ne, or } from 'drizzle-orm';
import type { ScreenPop } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { calendarEvents, companies, complaints, contacts, contactTags, dealStages, deals, employees, interactions, tags } from '#core/db/schema';
import { lookupCallerId } from '#core/crm/caller-id';

/**
 * What the operator sees before answering: who it is (every match for the number), their company,
 * who is responsible, tags, the last contacts, open complaints and deals, the next meetings.
 * Index lookups only: it must be ready while the phone is still ringing.
 */
export function screenPop(db: ReadDb, call: { callId: string; number: string; displayName: string | null }, countries: readonly string[], now: number): ScreenPop {
  const match = lookupCallerId(db, call.number, countries);
  const contactIds = match.contacts.map((c) => c.id).slice(0, 5);
  const companyIds = [...new Set([...match.companies.map((c) => c.id), ...match.contacts.flatMap((c) => (c.companyId ? [c.companyId] : []))])].slice(0, 5);
  const people =
    contactIds.length === 0
      ? []
      : db
          .select({ id: contacts.id, fullName: contacts.fullName, companyName: companies.name, responsibleName: employees.name })
          .from(contacts)
          .leftJoin(companies, eq(companies.id, contacts.companyId))
          .leftJoin(employees, eq(employees.id, contacts.responsibleId))
          .where(inArray(contacts.id, contactIds))
          .all();
  const tagRows =
    contactIds.length === 0
      ? []
      : db.select({ contactId: contactTags.contactId, name: tags.name }).from(contactTags).innerJoin(tags, eq(tags.id, contactTags.tagId)).where(inArray(contactTags.contactId, contactIds)).all();
  const about = (contactColumn: Column, companyColumn: Column) =>
    or(contactIds.length > 0 ? inArray(contactColumn, contactIds) : undefined, companyIds.length > 0 ? inArray(companyColumn, companyIds) : undefined);
  const anyone = contactIds.length > 0 || companyIds.length > 0;
  return {
    callId: call.callId,
    number: call.number,
    displayName: call.displayName,
    contacts: people.map((p) => ({ ...p, tags: tagRows.filter((t) => t.contactId === p.id).map((t) => t.name) })),
    companies: companyIds.length === 0 ? [] : db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, companyIds)).all(),
    lastInteractions: !anyone
      ? []
      : db
          .select({ kind: interactions.kind, subject: interactions.subject, occurredAt: interactions.occurredAt, employeeName: employees.name })
          .from(interactions)
          .leftJoin(employees, eq(employees.id, interactions.employeeId))
          .where(and(about(interactions.contactId, interactions.companyId), ne(interactions.kind, 'planned')))
          .orderBy(desc(interactions.occurredAt))
          .limit(5)
          .all(),
    openDeals: !anyone
      ? []
      : db
          .select({ id: deals.id, title: deals.title, stage: dealStages.name, stageKey: dealStages.key })
          .from(deals)
          .innerJoin(dealStages, eq(dealStages.id, deals.stageId))
          .where(and(about(deals.contactId, deals.companyId), eq(dealStages.outcome, 'open')))
          .limit(5)
          .all(),
    openComplaints: !anyone
      ? []
      : db
          .select({ id: complaints.id, number: complaints.number, subject: complaints.subject, state: complaints.state })
          .from(complaints)
          .where(and(about(complaints.contactId, complaints.companyId), ne(complaints.state, 'closed')))
          .limit(5)
          .all(),
    nextMeetings:
      contactIds.length === 0
        ? []
        : db
            .select({ id: calendarEvents.id, title: calendarEvents.title, startsAt: calendarEvents.startsAt })
            .from(calendarEvents)
            .where(and(inArray(calendarEvents.contactId, contactIds), gte(calendarEvents.startsAt, now), isNull(calendarEvents.deletedAt), isNull(calendarEvents.doneAt)))
            .orderBy(asc(calendarEvents.startsAt))
            .limit(3)
            .all(),
  };
}
