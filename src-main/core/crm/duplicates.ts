import { eq, inArray, sql } from 'drizzle-orm';
import type { MethodOutput } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import {
  calendarEvents,
  complaints,
  contactAddresses,
  contactEmails,
  contactMerges,
  contactPhones,
  contacts,
  contactTags,
  customValues,
  deals,
  interactionParticipants,
  interactions,
} from '#core/db/schema';
import { notFound } from '#core/shared/errors';
import { reindexContact } from './contact-store';
import { contactItemsByIds } from './contacts';
import type { CrmContext } from './crm-context';
import { removeDocument } from './search-index';

type Groups = MethodOutput<'contacts.duplicates'>;

/**
 * Groups of contacts that are probably one person: the same phone, the same e-mail, or the same
 * name at the same company. A whole-table scan, so it runs in a worker.
 */
export function findDuplicates(db: ReadDb, limit: number): Groups {
  const byPhone = db.$client
    .prepare(`SELECT e164 AS key, group_concat(DISTINCT contact_id) AS ids FROM contact_phones WHERE e164 IS NOT NULL
              GROUP BY e164 HAVING count(DISTINCT contact_id) > 1 LIMIT ?`)
    .all(limit) as { key: string; ids: string }[];
  const byEmail = db.$client
    .prepare(`SELECT email_normalized AS key, group_concat(DISTINCT contact_id) AS ids FROM contact_emails
              GROUP BY email_normalized HAVING count(DISTINCT contact_id) > 1 LIMIT ?`)
    .all(limit) as { key: string; ids: string }[];
  const byName = db.$client
    .prepare(`SELECT search_name || ' @ ' || company_id AS key, group_concat(id) AS ids FROM contacts WHERE company_id IS NOT NULL
              GROUP BY search_name, company_id HAVING count(*) > 1 LIMIT ?`)
    .all(limit) as { key: string; ids: string }[];

  const seen = new Set<string>();
  const groups: Groups = [];
  for (const [reason, rows] of [['phone', byPhone], ['email', byEmail], ['name', byName]] as const) {
    for (const row of rows) {
      const ids = row.ids.split(',').sort();
      const signature = ids.join(',');
      if (seen.has(signature) || groups.length >= limit) continue;
      seen.add(signature);
      groups.push({ reason, key: row.key, contacts: contactItemsByIds(db, ids) });
    }
  }
  return groups;
}

/**
 * Merges duplicates into one contact in one transaction. Nothing is lost: phones, e-mails,
 * addresses, tags and custom values the kept contact lacks are moved to it; the whole history
 * (interactions, deals, complaints, meetings) is re-pointed; empty fields are filled; consent
 * refusals carry over. The merged ids keep pointing to the kept contact.
 */
export function mergeContacts(ctx: CrmContext, tx: WriteDb, keepId: string, mergeIds: readonly string[]): void {
  const kept = tx.select().from(contacts).where(eq(contacts.id, keepId)).get();
  if (!kept) throw notFound('Contact', keepId);
  const merged = tx.select().from(contacts).where(inArray(contacts.id, [...mergeIds])).all();
  const missing = mergeIds.filter((id) => !merged.some((m) => m.id === id));
  if (missing.length > 0) throw notFound('Contact', missing.join(', '));
  const now = ctx.clock.now();
  const me = ctx.settings().currentEmployeeId;

  const keptPhones = new Set(tx.select({ e164: contactPhones.e164, raw: contactPhones.raw }).from(contactPhones).where(eq(contactPhones.contactId, keepId)).all().map((p) => p.e164 ?? p.raw));
  const keptEmails = new Set(tx.select({ e: contactEmails.emailNormalized }).from(contactEmails).where(eq(contactEmails.contactId, keepId)).all().map((e) => e.e));
  const keptAddresses = new Set(tx.select({ t: contactAddresses.text }).from(contactAddresses).where(eq(contactAddresses.contactId, keepId)).all().map((a) => a.t));
  let phonePosition = keptPhones.size;
  let emailPosition = keptEmails.size;
  let fill = { ...kept };

  for (const other of merged) {
    for (const phone of tx.select().from(contactPhones).where(eq(contactPhones.contactId, other.id)).all()) {
      const key = phone.e164 ?? phone.raw;
      if (keptPhones.has(key)) continue;
      keptPhones.add(key);
      tx.update(contactPhones).set({ contactId: keepId, position: phonePosition++ }).where(eq(contactPhones.id, phone.id)).run();
    }
    for (const email of tx.select().from(contactEmails).where(eq(contactEmails.contactId, other.id)).all()) {
      if (keptEmails.has(email.emailNormalized)) continue;
      keptEmails.add(email.emailNormalized);
      tx.update(contactEmails).set({ contactId: keepId, position: emailPosition++ }).where(eq(contactEmails.id, email.id)).run();
    }
    for (const address of tx.select().from(contactAddresses).where(eq(contactAddresses.contactId, other.id)).all()) {
      if (keptAddresses.has(address.text)) continue;
      keptAddresses.add(address.text);
      tx.update(contactAddresses).set({ contactId: keepId }).where(eq(contactAddresses.id, address.id)).run();
    }
    tx.$client.prepare('INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) SELECT ?, tag_id FROM contact_tags WHERE contact_id = ?').run(keepId, other.id);
    tx.$client.prepare('INSERT OR IGNORE INTO custom_values (field_id, entity_id, value, number) SELECT field_id, ?, value, number FROM custom_values WHERE entity_id = ?').run(keepId, other.id);
    tx.$client
      .prepare('INSERT OR IGNORE INTO interaction_participants (interaction_id, contact_id) SELECT interaction_id, ? FROM interaction_participants WHERE contact_id = ?')
      .run(keepId, other.id);
    tx.update(interactions).set({ contactId: keepId }).where(eq(interactions.contactId, other.id)).run();
    tx.update(deals).set({ contactId: keepId }).where(eq(deals.contactId, other.id)).run();
    tx.update(complaints).set({ contactId: keepId }).where(eq(complaints.contactId, other.id)).run();
    tx.update(calendarEvents).set({ contactId: keepId }).where(eq(calendarEvents.contactId, other.id)).run();
    moveCampaignHistory(tx, other.id, keepId);
    fill = {
      ...fill,
      companyId: fill.companyId ?? other.companyId,
      position: fill.position || other.position,
      responsibleId: fill.responsibleId ?? other.responsibleId,
      source: fill.source ?? other.source,
      notes: [fill.notes, other.notes].filter((n, i, all) => n && all.indexOf(n) === i).join('\n\n'),
      doNotCall: fill.doNotCall || other.doNotCall,
      noEmail: fill.noEmail || other.noEmail,
      timeZone: fill.timeZone ?? other.timeZone,
      createdAt: Math.min(fill.createdAt, other.createdAt),
    };
    // Earlier merges into the merged contact now lead to the kept one.
    tx.update(contactMerges).set({ keptId: keepId }).where(eq(contactMerges.keptId, other.id)).run();
    tx.insert(contactMerges).values({ mergedId: other.id, keptId: keepId, mergedAt: now, employeeId: me }).run();
    removeDocument(tx, 'contact', other.id);
    tx.delete(customValues).where(eq(customValues.entityId, other.id)).run();
    tx.delete(interactionParticipants).where(eq(interactionParticipants.contactId, other.id)).run();
    tx.delete(contactTags).where(eq(contactTags.contactId, other.id)).run();
    tx.delete(contacts).where(eq(contacts.id, other.id)).run();
  }
  tx.update(contacts)
    .set({
      companyId: fill.companyId,
      position: fill.position,
      responsibleId: fill.responsibleId,
      source: fill.source,
      notes: fill.notes,
      doNotCall: fill.doNotCall,
      noEmail: fill.noEmail,
      timeZone: fill.timeZone,
      createdAt: fill.createdAt,
      updatedAt: now,
    })
    .where(eq(contacts.id, keepId))
    .run();
  tx.insert(interactions)
    .values({
      id: ctx.ids.next(),
      kind: 'note',
      occurredAt: now,
      employeeId: me,
      contactId: keepId,
      companyId: fill.companyId,
      subject: `Merged duplicates: ${merged.map((m) => m.fullName).join(', ')}`,
      createdAt: now,
    })
    .run();
  reindexContact(tx, keepId);
}


/**
 * The merged person's campaign entries and attempts go to the kept one (the attempts are the rules' history:
 * losing them would let caps and retry delays forget calls made). Where both were in one campaign with the
 * same number, the kept entry takes the other's attempts and the other entry goes.
 */
function moveCampaignHistory(tx: WriteDb, mergedId: string, keptId: string): void {
  const sameNumber = sql`EXISTS (SELECT 1 FROM campaign_entries k WHERE k.campaign_id = o.campaign_id AND k.contact_id = ${keptId} AND k.phone = o.phone)`;
  tx.run(sql`UPDATE campaign_attempts SET contact_id = ${keptId} WHERE contact_id = ${mergedId}`);
  tx.run(sql`UPDATE campaign_attempts SET entry_id = (
      SELECT k.id FROM campaign_entries o JOIN campaign_entries k ON k.campaign_id = o.campaign_id AND k.phone = o.phone AND k.contact_id = ${keptId}
      WHERE o.id = campaign_attempts.entry_id)
    WHERE entry_id IN (SELECT o.id FROM campaign_entries o WHERE o.contact_id = ${mergedId} AND ${sameNumber})`);
  tx.run(sql`DELETE FROM campaign_entries AS o WHERE o.contact_id = ${mergedId} AND ${sameNumber}`);
  tx.run(sql`UPDATE campaign_entries SET contact_id = ${keptId} WHERE contact_id = ${mergedId}`);
}
