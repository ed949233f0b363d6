import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { ReadDb } from '#core/db/handles';
import {
  callConsents,
  campaignAbandonHours,
  campaignDispositions,
  campaignEntries,
  campaignOperators,
  type campaigns,
  companies,
  contactPhones,
  contacts,
  employees,
} from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import { checkedPolicies } from '#core/dialer/campaign-store';
import { HISTORY_MS, type Profile } from '#core/dialer/rules/index';
import { campaignFileFormats, campaignFileVersion, type PartContact, type PartFile } from './campaign-file-format';
import { attemptRecords, doNotCallRecords, requireCampaign } from './campaign-records';

/** The campaign, if the employee works it here; refused before an export job starts, saying which. */
export function campaignOfOperator(db: ReadDb, campaignId: string, operatorId: string): typeof campaigns.$inferSelect {
  const campaign = requireCampaign(db, campaignId);
  const works = db
    .select({ id: campaignOperators.id })
    .from(campaignOperators)
    .where(and(eq(campaignOperators.campaignId, campaignId), eq(campaignOperators.employeeId, operatorId), isNull(campaignOperators.deletedAt)))
    .get();
  if (!works) throw new DomainError('conflict', 'operator_not_in_campaign', `Employee ${operatorId} does not work campaign ${campaign.name}`, { name: campaign.name });
  return campaign;
}

/**
 * An operator's part of a campaign, to be worked on another workstation: the campaign's settings and
 * dispositions, the rules' profiles (id and version) it was checked against, the operator, and the operator's
 * waiting numbers, each with its person, those numbers' earlier attempts (caps and retry delays count them),
 * their do-not-call entries, the people's consents, and the campaign's abandon figures over the longest abandon
 * period. Numbers being dialed, done or off the list stay here.
 */
export function partDocument(db: ReadDb, request: { campaignId: string; operatorId: string; profiles: readonly Profile[]; now: number; exportedBy: string | null }): PartFile {
  const campaign = campaignOfOperator(db, request.campaignId, request.operatorId);
  const operator = db.select({ id: employees.id, name: employees.name, extension: employees.extension }).from(employees).where(eq(employees.id, request.operatorId)).get();
  if (!operator) throw notFound('Employee', request.operatorId);
  const rules = JSON.parse(campaign.rules) as Record<string, unknown>;
  // The rules still hold against this workstation's profiles: those (every one, when the callee's country decides) go with the part.
  checkedPolicies(request.profiles, { purpose: campaign.purpose, profile: campaign.profile, rules });
  const profiles = request.profiles.filter((p) => campaign.profile === 'by_number' || p.id === campaign.profile).map((p) => ({ id: p.id, version: p.version }));

  const inPart = and(eq(campaignEntries.campaignId, campaign.id), eq(campaignEntries.operatorId, operator.id), inArray(campaignEntries.state, ['waiting', 'away']));
  const partContacts = db.select({ id: campaignEntries.contactId }).from(campaignEntries).where(inPart);

  const phonesOf = new Map<string, PartContact['phones']>();
  for (const { contactId, ...phone } of db
    .select({ contactId: contactPhones.contactId, kind: contactPhones.kind, raw: contactPhones.raw, e164: contactPhones.e164 })
    .from(contactPhones)
    .where(inArray(contactPhones.contactId, partContacts))
    .orderBy(asc(contactPhones.contactId), asc(contactPhones.position))
    .all()) {
    phonesOf.set(contactId, [...(phonesOf.get(contactId) ?? []), phone]);
  }
  const entries = db
    .select({
      entry: campaignEntries,
      lastName: contacts.lastName,
      firstName: contacts.firstName,
      middleName: contacts.middleName,
      timeZone: contacts.timeZone,
      doNotCall: contacts.doNotCall,
      companyDoNotCall: companies.doNotCall,
    })
    .from(campaignEntries)
    .innerJoin(contacts, eq(contacts.id, campaignEntries.contactId))
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(inPart)
    .orderBy(asc(campaignEntries.priority), asc(campaignEntries.nextAt), asc(campaignEntries.id))
    .all()
    .map(({ entry, companyDoNotCall, ...person }) => ({
      id: entry.id,
      contactId: entry.contactId,
      phone: entry.phone,
      priority: entry.priority,
      nextAt: entry.nextAt,
      callbackAt: entry.callbackAt,
      attempts: entry.attempts,
      lastAttemptAt: entry.lastAttemptAt,
      lastOutcome: entry.lastOutcome,
      dispositionId: entry.dispositionId,
      lastRefusal: entry.lastRefusal,
      updatedAt: entry.updatedAt,
      // The company's do-not-call bars its people here; there the person carries it.
      contact: { id: entry.contactId, ...person, doNotCall: person.doNotCall || companyDoNotCall === true, phones: phonesOf.get(entry.contactId) ?? [] },
    }));

  return {
    format: campaignFileFormats.part,
    version: campaignFileVersion,
    exportedAt: request.now,
    exportedBy: request.exportedBy,
    campaign: {
      id: campaign.id,
      name: campaign.name,
      goal: campaign.goal,
      purpose: campaign.purpose,
      startsAt: campaign.startsAt,
      endsAt: campaign.endsAt,
      callerNumber: campaign.callerNumber,
      scriptId: campaign.scriptId,
      questionnaireId: campaign.questionnaireId,
      mode: campaign.mode,
      powerRatio: campaign.powerRatio,
      previewCountdownSeconds: campaign.previewCountdownSeconds,
      ringTimeoutSeconds: campaign.ringTimeoutSeconds,
      wrapUpSeconds: campaign.wrapUpSeconds,
      profile: campaign.profile,
      rules,
      amdAction: campaign.amdAction,
      state: campaign.state,
      updatedAt: campaign.updatedAt,
    },
    profiles,
    dispositions: db
      .select({
        id: campaignDispositions.id,
        label: campaignDispositions.label,
        kind: campaignDispositions.kind,
        success: campaignDispositions.success,
        optOut: campaignDispositions.optOut,
        hotkey: campaignDispositions.hotkey,
        retryMinutes: campaignDispositions.retryMinutes,
        position: campaignDispositions.position,
        deletedAt: campaignDispositions.deletedAt,
        updatedAt: campaignDispositions.updatedAt,
      })
      .from(campaignDispositions)
      .where(eq(campaignDispositions.campaignId, campaign.id))
      .orderBy(asc(campaignDispositions.position))
      .all(),
    operator,
    abandonHours: db
      .select({ hour: campaignAbandonHours.hour, live: campaignAbandonHours.live, abandoned: campaignAbandonHours.abandoned })
      .from(campaignAbandonHours)
      .where(and(eq(campaignAbandonHours.campaignId, campaign.id), gte(campaignAbandonHours.hour, request.now - HISTORY_MS)))
      .orderBy(asc(campaignAbandonHours.hour))
      .all(),
    entries,
    attempts: attemptRecords(db, campaign.id, inPart),
    doNotCall: doNotCallRecords(db, campaign.id, inPart),
    consents: db
      .select({
        id: callConsents.id,
        contactId: callConsents.contactId,
        purpose: callConsents.purpose,
        source: callConsents.source,
        givenAt: callConsents.givenAt,
        revokedAt: callConsents.revokedAt,
        updatedAt: callConsents.updatedAt,
      })
      .from(callConsents)
      .where(inArray(callConsents.contactId, partContacts))
      .all(),
  };
}
