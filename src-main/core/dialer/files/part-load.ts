import { and, eq } from 'drizzle-orm';
import { ContactInputSchema, phoneKinds, PhoneInputSchema, type CampaignFileIssue, type ContactFields, type ErrorParams, type ErrorReason, type PartLoadReport } from '#contract';
import { issuesOf } from '#core/api/dispatch';
import { createContact } from '#core/crm/contact-store';
import type { CrmContext } from '#core/crm/crm-context';
import type { WriteDb } from '#core/db/handles';
import { callConsents, campaignDispositions, campaignEntries, campaignOperators, campaigns, contactPhones, contacts, employees, scripts } from '#core/db/schema';
import { checkedPolicies } from '#core/dialer/campaign-store';
import { scheduleCallback } from '#core/dialer/session/callbacks';
import type { Profile } from '#core/dialer/rules/index';
import { fileIssue, type CampaignSnapshot, type PartContact, type PartEntry, type PartFile, type ReadFile } from './campaign-file-format';
import { applyAttempt, applyDoNotCall, foreign, isLater, noneApplied, raiseAbandonHours, transactionsOf, type Applied } from './record-upserts';

/** How a part's person was found here. */
type Found = 'byId' | 'byPhone' | 'created';

/**
 * Loads an operator's part made on another workstation, so that the operator works it here under the same
 * rules: the campaign (its stricter rules checked against this workstation's profiles first: a part whose rules
 * do not hold here is refused whole), its dispositions, the operator (an employee with the same id) and the
 * campaign's abandon figures; then each waiting number with the id it has there, its person found here by
 * contact id, else by number, else created with the id it has there; then the numbers' earlier attempts, their
 * do-not-call entries and the people's consents. Everything keeps its id and the later state wins, so loading
 * the same part again changes nothing, and a newer part of the same campaign brings its changes. Items are
 * written a few thousand to a transaction; one that cannot be applied is reported with the reason, and a
 * field of a person that does not read (a time zone unknown here, an odd phone) is left out and reported,
 * never the person.
 */
export function loadPart(ctx: CrmContext, profiles: readonly Profile[], read: ReadFile<PartFile>, progress: (done: number, total: number) => void): PartLoadReport {
  const { file } = read;
  const { campaign } = file;
  checkedPolicies(profiles, campaign);
  const now = ctx.clock.now();
  const rejected: CampaignFileIssue[] = [...read.rejected];
  const flagged: CampaignFileIssue[] = [];
  const here = new Map(profiles.map((p) => [p.id, p.version]));
  const profileVersions = file.profiles.map((p) => ({ ...p, here: here.get(p.id) ?? null }));
  for (const p of profileVersions) {
    if (p.here !== null && p.here !== p.version) {
      flagged.push(fileIssue('profiles', p.id, 'version', 'calling_profile_version_differs', `The part was prepared under ${p.id} ${p.version}; this workstation enforces ${p.here}`, { detail: `${p.id} ${p.version} → ${p.here}` }));
    }
  }

  const report: PartLoadReport = {
    campaignId: campaign.id,
    campaignName: campaign.name,
    operatorId: file.operator.id,
    campaign: ctx.database.write((tx) => {
      const applied = applyCampaign(tx, campaign, now, flagged);
      applyDispositions(tx, file);
      applyOperator(tx, ctx, file, now);
      raiseAbandonHours(tx, campaign.id, file.abandonHours, now);
      return applied;
    }),
    entries: noneApplied(),
    contacts: { byId: 0, byPhone: 0, created: 0 },
    attempts: noneApplied(),
    doNotCall: noneApplied(),
    consents: noneApplied(),
    profiles: profileVersions,
    rejected,
    flagged,
  };
  const total = file.entries.length + file.attempts.length + file.doNotCall.length + file.consents.length;
  let done = 0;
  const step = (n: number) => progress((done += n), total);

  // The part's contact ids to the contacts here, and its entries to their people here.
  const people = new Map<string, string>();
  const entryPeople = new Map<string, string>();
  for (const chunk of transactionsOf(file.entries)) {
    ctx.database.write((tx) => {
      for (const entry of chunk) {
        const flag = (path: string, code: ErrorReason, message: string, params: ErrorParams = {}) => flagged.push(fileIssue('entries', entry.id, path, code, message, params));
        let contactId = people.get(entry.contact.id);
        if (contactId === undefined) {
          const found = personHere(ctx, tx, entry, flag);
          report.contacts[found.how]++;
          contactId = found.id;
          people.set(entry.contact.id, contactId);
        }
        const applied = applyEntry(tx, campaign.id, file.operator.id, entry, contactId);
        if (applied.kind === 'rejected') {
          rejected.push(fileIssue('entries', entry.id, '', applied.code, applied.message, applied.params));
          continue;
        }
        report.entries[applied.kind]++;
        entryPeople.set(entry.id, contactId);
        // A callback promised to the client goes into the operator's calendar here, where they will call.
        if (applied.newCallback && entry.callbackAt !== null) {
          scheduleCallback(tx, { ids: ctx.ids, now }, { contactId, operatorId: file.operator.id, at: entry.callbackAt, campaignName: campaign.name, phone: entry.phone });
        }
      }
    });
    step(chunk.length);
  }

  for (const chunk of transactionsOf(file.attempts)) {
    ctx.database.write((tx) => {
      for (const attempt of chunk) {
        const contactId = entryPeople.get(attempt.entryId) ?? entryHere(tx, campaign.id, attempt.entryId)?.contactId;
        if (contactId === undefined) {
          rejected.push(fileIssue('attempts', attempt.id, 'entryId', 'attempt_entry_unknown', `Entry ${attempt.entryId} is neither in the part nor in the list here`, { detail: attempt.entryId }));
          continue;
        }
        const applied = applyAttempt(tx, campaign.id, attempt, contactId);
        if (applied.applied === foreign) rejected.push(fileIssue('attempts', attempt.id, 'id', 'campaign_file_other_campaign', 'This attempt belongs to another campaign here'));
        else report.attempts[applied.applied]++;
        if (applied.unreadableBecause) flagged.push(fileIssue('attempts', attempt.id, 'allowedBecause', 'allowed_because_unreadable', 'The "allowed because" record does not read as one; kept as written'));
        if (applied.unknownOperator) flagged.push(fileIssue('attempts', attempt.id, 'operatorId', 'record_unknown_here', `No employee ${attempt.operatorId ?? ''} here; the attempt is kept without one`, { detail: 'operatorId' }));
      }
    });
    step(chunk.length);
  }

  for (const chunk of transactionsOf(file.doNotCall)) {
    ctx.database.write((tx) => {
      for (const record of chunk) {
        const applied = applyDoNotCall(tx, campaign.id, record);
        if (applied === foreign) rejected.push(fileIssue('doNotCall', record.id, 'campaignId', 'campaign_file_other_campaign', `Another campaign's list (${record.campaignId ?? ''})`, { detail: record.campaignId ?? '' }));
        else report.doNotCall[applied]++;
      }
    });
    step(chunk.length);
  }

  for (const chunk of transactionsOf(file.consents)) {
    ctx.database.write((tx) => {
      for (const consent of chunk) {
        const contactId = people.get(consent.contactId);
        if (contactId === undefined) {
          rejected.push(fileIssue('consents', consent.id, 'contactId', 'record_unknown_here', `Contact ${consent.contactId} has no number in the part`, { detail: 'contactId' }));
          continue;
        }
        const stored = tx.select({ updatedAt: callConsents.updatedAt }).from(callConsents).where(eq(callConsents.id, consent.id)).get();
        const applied: Applied = !stored ? 'added' : isLater(consent, stored) ? 'updated' : 'unchanged';
        const values = { ...consent, contactId, updatedBy: null };
        if (applied === 'added') tx.insert(callConsents).values(values).run();
        if (applied === 'updated') tx.update(callConsents).set(values).where(eq(callConsents.id, consent.id)).run();
        report.consents[applied]++;
      }
    });
    step(chunk.length);
  }
  return report;
}

/** The campaign with the id it has there; its script and questionnaire only when this workstation has them. */
function applyCampaign(tx: WriteDb, campaign: CampaignSnapshot, now: number, flagged: CampaignFileIssue[]): PartLoadReport['campaign'] {
  const stored = tx.select({ updatedAt: campaigns.updatedAt }).from(campaigns).where(eq(campaigns.id, campaign.id)).get();
  if (stored && !isLater(campaign, stored)) return 'unchanged';
  const known = (field: 'scriptId' | 'questionnaireId') => {
    const id = campaign[field];
    if (id === null || tx.select({ id: scripts.id }).from(scripts).where(eq(scripts.id, id)).get()) return id;
    flagged.push(fileIssue('campaign', campaign.id, field, 'record_unknown_here', `No script ${id} here; the campaign runs without it`, { detail: field }));
    return null;
  };
  const { id, rules, ...fields } = campaign;
  const values = { ...fields, rules: JSON.stringify(rules), scriptId: known('scriptId'), questionnaireId: known('questionnaireId'), updatedBy: null, deletedAt: null };
  if (stored) {
    tx.update(campaigns).set(values).where(eq(campaigns.id, id)).run();
    return 'updated';
  }
  // The SIP account is this workstation's own choice: the operator's first registered line until one is set.
  tx.insert(campaigns).values({ ...values, id, accountId: null, createdAt: now }).run();
  return 'created';
}

/** Every disposition with its id (attempts and entries point at them), those taken off the list as tombstones. */
function applyDispositions(tx: WriteDb, file: PartFile): void {
  for (const disposition of file.dispositions) {
    const stored = tx.select({ updatedAt: campaignDispositions.updatedAt }).from(campaignDispositions).where(eq(campaignDispositions.id, disposition.id)).get();
    const values = { ...disposition, campaignId: file.campaign.id, updatedBy: null };
    if (!stored) tx.insert(campaignDispositions).values(values).run();
    else if (isLater(disposition, stored)) tx.update(campaignDispositions).set(values).where(eq(campaignDispositions.id, disposition.id)).run();
  }
}

/** The operator as an employee with the id they have there (so their part is theirs here), working the campaign. */
function applyOperator(tx: WriteDb, ctx: CrmContext, file: PartFile, now: number): void {
  const { operator } = file;
  if (!tx.select({ id: employees.id }).from(employees).where(eq(employees.id, operator.id)).get()) {
    tx.insert(employees).values({ ...operator, createdAt: now }).run();
  }
  const works = tx
    .select({ id: campaignOperators.id, deletedAt: campaignOperators.deletedAt })
    .from(campaignOperators)
    .where(and(eq(campaignOperators.campaignId, file.campaign.id), eq(campaignOperators.employeeId, operator.id)))
    .get();
  const me = ctx.settings().currentEmployeeId;
  if (!works) tx.insert(campaignOperators).values({ id: ctx.ids.next(), campaignId: file.campaign.id, employeeId: operator.id, updatedAt: now, updatedBy: me }).run();
  else if (works.deletedAt !== null) tx.update(campaignOperators).set({ deletedAt: null, updatedAt: now, updatedBy: me }).where(eq(campaignOperators.id, works.id)).run();
}

function entryHere(tx: WriteDb, campaignId: string, entryId: string) {
  return tx.select().from(campaignEntries).where(and(eq(campaignEntries.id, entryId), eq(campaignEntries.campaignId, campaignId))).get();
}

/**
 * The number's person here: the same contact, else whoever has the number, else a new contact with the id it
 * has there. A known person is not edited, except to be barred (do-not-call there) or given the time zone the
 * rules must follow when they have none here.
 */
function personHere(ctx: CrmContext, tx: WriteDb, entry: PartEntry, flag: (path: string, code: ErrorReason, message: string, params?: ErrorParams) => void): { id: string; how: Found } {
  const fields = contactFields(entry.contact, entry.phone, flag);
  const byId = tx.select({ id: contacts.id, doNotCall: contacts.doNotCall, timeZone: contacts.timeZone }).from(contacts).where(eq(contacts.id, entry.contact.id)).get();
  const byPhone = byId
    ? undefined
    : tx
        .select({ id: contacts.id, doNotCall: contacts.doNotCall, timeZone: contacts.timeZone })
        .from(contactPhones)
        .innerJoin(contacts, eq(contacts.id, contactPhones.contactId))
        .where(eq(contactPhones.e164, entry.phone))
        .orderBy(contacts.id)
        .limit(1)
        .get();
  const known = byId ?? byPhone;
  if (!known) return { id: createContact(ctx, tx, fields, { id: entry.contact.id }), how: 'created' };
  const stricter = {
    ...(fields.doNotCall && !known.doNotCall ? { doNotCall: true } : {}),
    ...(fields.timeZone !== null && known.timeZone === null ? { timeZone: fields.timeZone } : {}),
  };
  if (Object.keys(stricter).length > 0) tx.update(contacts).set({ ...stricter, updatedAt: ctx.clock.now() }).where(eq(contacts.id, known.id)).run();
  return { id: known.id, how: byId ? 'byId' : 'byPhone' };
}

/** The person as a contact's fields; a field that does not read here is left out and reported. */
function contactFields(contact: PartContact, phone: string, flag: (path: string, code: ErrorReason, message: string, params?: ErrorParams) => void): ContactFields {
  const shape = ContactInputSchema.shape;
  const checked = <T>(path: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof issuesOf>[0] } }, value: unknown, otherwise: T): T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const problem of issuesOf(parsed.error)) flag([`contact.${path}`, problem.path].filter(Boolean).join('.'), problem.code, `${problem.message}; left out`, problem.params);
    return otherwise;
  };
  const names = {
    lastName: checked('lastName', shape.lastName, contact.lastName, ''),
    firstName: checked('firstName', shape.firstName, contact.firstName, ''),
    middleName: checked('middleName', shape.middleName, contact.middleName, ''),
  };
  if (`${names.lastName}${names.firstName}${names.middleName}` === '') {
    flag('contact.lastName', 'contact_needs_name', 'The person has no name; the number stands for it');
    names.lastName = phone;
  }
  const phones = contact.phones.flatMap((p, i) => {
    const read = checked(`phones.${i}`, PhoneInputSchema, { kind: (phoneKinds as readonly string[]).includes(p.kind) ? p.kind : 'other', raw: p.raw, ...(p.e164 ? { e164: p.e164 } : {}) }, null);
    return read ? [read] : [];
  });
  // The number the list calls is always among the person's.
  if (!phones.some((p) => p.e164 === phone)) phones.unshift({ kind: 'mobile', raw: phone, e164: phone });
  const timeZone = contact.timeZone === null ? null : checked('timeZone', shape.timeZone, contact.timeZone, null);
  return ContactInputSchema.parse({ ...names, phones: phones.slice(0, 20), timeZone, doNotCall: contact.doNotCall, source: 'campaign part' });
}

type EntryApplied = { kind: Applied; newCallback: boolean } | { kind: 'rejected'; code: ErrorReason; message: string; params: ErrorParams };

/**
 * An entry with the id it has there, the operator's; a later state there replaces the one here, unless the
 * number is being dialed here now. A person and number already in the list under another entry are not added
 * twice. Says whether it brings a callback the entry did not have here.
 */
function applyEntry(tx: WriteDb, campaignId: string, operatorId: string, entry: PartEntry, contactId: string): EntryApplied {
  const { id, contactId: _there, contact: _person, phone, ...state } = entry;
  const values = { ...state, state: 'waiting' as const, operatorId, excludedReason: null, updatedBy: null };
  const stored = tx
    .select({ campaignId: campaignEntries.campaignId, state: campaignEntries.state, callbackAt: campaignEntries.callbackAt, updatedAt: campaignEntries.updatedAt })
    .from(campaignEntries)
    .where(eq(campaignEntries.id, id))
    .get();
  if (stored) {
    if (stored.campaignId !== campaignId) return { kind: 'rejected', code: 'campaign_file_other_campaign', message: 'This entry belongs to another campaign here', params: {} };
    if (!isLater(entry, stored)) return { kind: 'unchanged', newCallback: false };
    if (stored.state === 'dialing') return { kind: 'rejected', code: 'entry_being_dialed', message: 'The number is being dialed here now; load the part again after the call', params: {} };
    tx.update(campaignEntries).set(values).where(eq(campaignEntries.id, id)).run();
    return { kind: 'updated', newCallback: entry.callbackAt !== null && entry.callbackAt !== stored.callbackAt };
  }
  const twin = tx
    .select({ id: campaignEntries.id })
    .from(campaignEntries)
    .where(and(eq(campaignEntries.campaignId, campaignId), eq(campaignEntries.contactId, contactId), eq(campaignEntries.phone, phone)))
    .get();
  if (twin) return { kind: 'rejected', code: 'number_already_in_list', message: `The person and number are in the list already (entry ${twin.id})`, params: { detail: twin.id } };
  tx.insert(campaignEntries).values({ ...values, id, campaignId, contactId, phone }).run();
  return { kind: 'added', newCallback: entry.callbackAt !== null };
}
