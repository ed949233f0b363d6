import { eq, inArray, or } from 'drizzle-orm';
import type { WriteDb, ReadDb } from '#core/db/handles';
import {
  calls,
  calendarEvents,
  complaintEvents,
  complaints,
  complaintSteps,
  contactMerges,
  contacts,
  customValues,
  deals,
  erasures,
  imports,
  interactionParticipants,
  interactions,
} from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import { foldForSearch } from '#core/shared/text';
import { getContactCard } from './contacts';
import type { CrmContext } from './crm-context';
import { removeDocument } from './search-index';

const erased = '[erased]';

/** Everything held about one person, as one document: the card, the whole history, deals, complaints, meetings. */
export function personalDataDocument(db: ReadDb, contactId: string, now: number): Record<string, unknown> {
  const card = getContactCard(db, contactId);
  const history = db
    .select()
    .from(interactions)
    .where(or(eq(interactions.contactId, contactId), inArray(interactions.id, db.select({ id: interactionParticipants.interactionId }).from(interactionParticipants).where(eq(interactionParticipants.contactId, contactId)))))
    .all();
  const theirComplaints = db.select().from(complaints).where(eq(complaints.contactId, contactId)).all();
  const complaintIds = theirComplaints.map((c) => c.id);
  const contactRow = db.select({ importId: contacts.importId }).from(contacts).where(eq(contacts.id, contactId)).get();
  return {
    exportedAt: new Date(now).toISOString(),
    subject: card,
    mergedRecords: db.select().from(contactMerges).where(eq(contactMerges.keptId, contactId)).all(),
    importedFrom: contactRow?.importId ? (db.select({ fileName: imports.fileName, startedAt: imports.startedAt }).from(imports).where(eq(imports.id, contactRow.importId)).get() ?? null) : null,
    interactions: history,
    deals: db.select().from(deals).where(eq(deals.contactId, contactId)).all(),
    complaints: theirComplaints.map((c) => ({
      ...c,
      steps: db.select().from(complaintSteps).where(eq(complaintSteps.complaintId, c.id)).all(),
      events: complaintIds.length ? db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, c.id)).all() : [],
    })),
    calendarEvents: db.select().from(calendarEvents).where(eq(calendarEvents.contactId, contactId)).all(),
  };
}

/**
 * Erases a person on request, in one transaction. Their record, phones, e-mails, addresses, tags
 * and custom values go; their interactions, deals and complaints stay for the counts in reports
 * but lose every trace of them (unlinked, texts blanked); their calls lose the number and the
 * recording. Questionnaire answers are personal data too: when that table arrives it must be
 * erased here. An erasure
 * record keeps when, by whom and why, and nothing about the person.
 */
export function erasePerson(ctx: CrmContext, tx: WriteDb, contactId: string, reason: string, confirmName: string): { erasureId: string; counts: Record<string, number>; recordingFiles: string[] } {
  const person = tx.select({ fullName: contacts.fullName }).from(contacts).where(eq(contacts.id, contactId)).get();
  if (!person) throw notFound('Contact', contactId);
  if (foldForSearch(confirmName) !== foldForSearch(person.fullName)) {
    throw new DomainError('conflict', 'erase_name_mismatch', 'The name typed to confirm does not match the contact; nothing was erased');
  }
  const counts: Record<string, number> = {};
  const count = (name: string, changes: number) => {
    counts[name] = changes;
  };
  // Their calls keep the counts, not the number, the name or the recording (the files go once this commits).
  const theirCalls = tx.select({ id: calls.interactionId, file: calls.recordingFile }).from(calls).innerJoin(interactions, eq(interactions.id, calls.interactionId)).where(eq(interactions.contactId, contactId)).all();
  const recordingFiles = theirCalls.flatMap((c) => (c.file ? [c.file] : []));
  if (theirCalls.length > 0) {
    tx.update(calls)
      .set({ remoteNumber: erased, remoteName: null, remoteKey: '', sipCallId: null, recordingFile: null })
      .where(inArray(calls.interactionId, theirCalls.map((c) => c.id)))
      .run();
  }
  count('recordings', recordingFiles.length);
  count('interactions', tx.update(interactions).set({ contactId: null, subject: erased, outcome: null }).where(eq(interactions.contactId, contactId)).run().changes);
  count('participations', tx.delete(interactionParticipants).where(eq(interactionParticipants.contactId, contactId)).run().changes);
  count('deals', tx.update(deals).set({ contactId: null, title: erased, notes: '' }).where(eq(deals.contactId, contactId)).run().changes);
  const theirComplaints = tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.contactId, contactId)).all().map((c) => c.id);
  if (theirComplaints.length > 0) {
    tx.update(complaintEvents).set({ text: '' }).where(inArray(complaintEvents.complaintId, theirComplaints)).run();
    tx.update(complaintSteps).set({ title: erased }).where(inArray(complaintSteps.complaintId, theirComplaints)).run();
  }
  count('complaints', tx.update(complaints).set({ contactId: null, subject: erased, description: '', resolution: null }).where(eq(complaints.contactId, contactId)).run().changes);
  count('calendarEvents', tx.update(calendarEvents).set({ contactId: null, title: erased, location: null }).where(eq(calendarEvents.contactId, contactId)).run().changes);
  tx.delete(contactMerges).where(eq(contactMerges.keptId, contactId)).run();
  count('customValues', tx.delete(customValues).where(eq(customValues.entityId, contactId)).run().changes);
  removeDocument(tx, 'contact', contactId);
  // Phones, e-mails, addresses and tags go with the contact (ON DELETE CASCADE).
  tx.delete(contacts).where(eq(contacts.id, contactId)).run();
  counts.contact = 1;
  const erasureId = ctx.ids.next();
  tx.insert(erasures).values({ id: erasureId, erasedAt: ctx.clock.now(), employeeId: ctx.settings().currentEmployeeId, reason, counts: JSON.stringify(counts) }).run();
  return { erasureId, counts, recordingFiles };
}
