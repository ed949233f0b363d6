import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import { AttemptLog } from '#core/dialer/attempt-log';
import { checkedPolicies } from '#core/dialer/campaign-store';
import { nextNumber, type DialingCampaign } from '#core/dialer/next-number';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import { calendarEvents, campaignAbandonHours, campaignAttempts, campaignEntries, contacts, doNotCallNumbers, employees } from '#core/db/schema';
import { manualClock } from '#core/shared/clock';
import { sequentialIds } from '#core/shared/ids';
import { campaignWorkstation } from '#tests/support/campaigns';
import { ok } from '#tests/support/crm';
import { download, jobFinished, upload } from '#tests/support/transfers';
import { callApi, createTestWorkstation } from '#tests/support/workstation';

const hour = 3_600_000;
const profiles = loadProfiles(BUILT_IN_PROFILE_FILES).accepted;
const zones = new NumberZones();
/** Monday 23 November 2026, 08:00 UTC: 10:00 in Kyiv, inside every profile's weekday window. */
const monday = Date.UTC(2026, 10, 23, 8, 0);

/** The dialer's own steps without a phone line: the next number and its attempt in one transaction, then what the line and the operator say. */
function dialerOn(workstation: Workstation, clock: ReturnType<typeof manualClock>, idPrefix: string) {
  const log = new AttemptLog({ database: workstation.database, clock, ids: sequentialIds(idPrefix), settings: () => workstation.settings.get() });
  return {
    log,
    next(campaign: { id: string; purpose: DialingCampaign['purpose']; mode: DialingCampaign['mode']; profile: string; rules: unknown }, operatorId: string) {
      const dialing: DialingCampaign = { id: campaign.id, purpose: campaign.purpose, mode: campaign.mode, policies: checkedPolicies(profiles, campaign) };
      return workstation.database.write((tx) => {
        const found = nextNumber(tx, zones, dialing, operatorId, clock.now());
        if (found.kind !== 'number') return null;
        return { entry: found.entry, attemptId: log.begin(tx, { campaignId: campaign.id, entry: found.entry, operatorId, mode: campaign.mode, because: found.because }) };
      });
    },
  };
}

/** Starts an export, waits for its job and downloads the file. */
async function exported(workstation: Workstation, started: Promise<{ jobId: string; fileId: string }>) {
  const { jobId, fileId } = await started;
  expect((await jobFinished(workstation, jobId)).state).toBe('done');
  return download(workstation, fileId);
}

/** Everything a results import may touch, to see that a second one changes nothing. */
function snapshot(workstation: Workstation, campaignId: string) {
  const db = workstation.database.read;
  return {
    entries: db.select().from(campaignEntries).where(eq(campaignEntries.campaignId, campaignId)).orderBy(asc(campaignEntries.id)).all(),
    attempts: db.select().from(campaignAttempts).where(eq(campaignAttempts.campaignId, campaignId)).orderBy(asc(campaignAttempts.id)).all(),
    doNotCall: db.select().from(doNotCallNumbers).orderBy(asc(doNotCallNumbers.id)).all(),
    contacts: db.select({ id: contacts.id, doNotCall: contacts.doNotCall, updatedAt: contacts.updatedAt }).from(contacts).orderBy(asc(contacts.id)).all(),
    abandonHours: db.select().from(campaignAbandonHours).orderBy(asc(campaignAbandonHours.id)).all(),
  };
}

describe("an operator's part worked on another workstation", () => {
  it('travels there and back: loaded with the same ids, worked there, its results applied here twice with no doubles, later states winning, opt-outs barred', async () => {
    // Here: a survey worked by Оксана and Андрій, split by responsible employee.
    const here = await campaignWorkstation(monday);
    const { workstation: a, clock: clockA, me, colleague, person } = here;
    const bondar = await person('Бондар', '+380671110001', { responsibleId: me.id });
    const hnatiuk = await person('Гнатюк', '+380671110002', { responsibleId: colleague.id });
    const yermak = await person('Єрмак', '+380671110004', { responsibleId: colleague.id });
    const zhuk = await person('Жук', '+380671110006', { responsibleId: colleague.id });
    const survey = await here.campaign({ operatorIds: [me.id, colleague.id] });
    await ok(a, 'campaigns.addContacts', { campaignId: survey.id, contactIds: [bondar, hnatiuk, yermak, zhuk], split: 'responsible' });
    a.database.write((tx) => tx.insert(doNotCallNumbers).values({ id: 'dnc-yermak', phone: '+380671110004', campaignId: null, source: 'registry file', addedAt: monday, updatedAt: monday, updatedBy: null }).run());
    // An earlier attempt at Андрій's part, here: nobody answered.
    const dialerA = dialerOn(a, clockA, 'a-log');
    const earlier = dialerA.next(survey, colleague.id)!;
    expect(earlier.entry.contactId).toBe(hnatiuk);
    dialerA.log.ended(earlier.attemptId, 'no_answer');
    clockA.advance(60_000);

    const part = await exported(a, ok(a, 'campaigns.exportPart', { campaignId: survey.id, operatorId: colleague.id }));
    expect(part.fileName).toMatch(/^Опитування клієнтів — Андрій Мороз 2026-11-23\.part\.json$/);
    const partFile = JSON.parse(part.bytes.toString('utf8')) as { format: string; version: number; entries: { contactId: string }[]; attempts: unknown[]; doNotCall: unknown[]; profiles: { id: string }[] };
    expect(partFile).toMatchObject({ format: 'operator-workstation-campaign-part', version: 1 });
    expect(partFile.entries.map((e) => e.contactId).sort()).toEqual([hnatiuk, yermak, zhuk].sort());
    expect(partFile.attempts).toHaveLength(1);
    expect(partFile.doNotCall).toHaveLength(1);
    expect(partFile.profiles.map((p) => p.id).sort()).toEqual(profiles.map((p) => p.id).sort());
    // While the part is away its numbers are not dialed here, even when all their times have come (no number called twice).
    const statesOf = (operatorId: string) => a.database.read.select({ state: campaignEntries.state }).from(campaignEntries).where(eq(campaignEntries.operatorId, operatorId)).all().map((e) => e.state);
    expect(statesOf(colleague.id)).toEqual(['away', 'away', 'away']);
    expect(statesOf(me.id)).toEqual(['waiting']);
    clockA.advance(3 * hour);
    expect(dialerA.next(survey, colleague.id)).toBeNull();
    clockA.advance(-3 * hour);

    // There: another workstation that knows Гнатюк's number under a contact of its own.
    const clockB = manualClock(monday + 2 * hour);
    const b = createTestWorkstation({ clock: clockB, ids: sequentialIds('b') });
    await ok(b, 'settings.update', { workingCountries: ['UA', 'RU'] });
    const hnatiukThere = (await ok(b, 'contacts.create', { lastName: 'Гнатюк', firstName: 'Марія', phones: [{ kind: 'mobile', raw: '+380671110002' }] })).id;
    const partUpload = await upload(b, part.fileName, new Uint8Array(part.bytes));
    const loaded = await ok(b, 'campaigns.importPart', { uploadId: partUpload });
    expect(loaded).toMatchObject({
      campaignId: survey.id,
      operatorId: colleague.id,
      campaign: 'created',
      entries: { added: 3, updated: 0, unchanged: 0 },
      contacts: { byId: 0, byPhone: 1, created: 2 },
      attempts: { added: 1, updated: 0, unchanged: 0 },
      doNotCall: { added: 1, updated: 0, unchanged: 0 },
      rejected: [],
      flagged: [],
    });
    expect(loaded.profiles.every((p) => p.here === p.version)).toBe(true);
    // Loading the same part again changes nothing.
    expect(await ok(b, 'campaigns.importPart', { uploadId: partUpload })).toMatchObject({
      campaign: 'unchanged',
      entries: { added: 0, updated: 0, unchanged: 3 },
      attempts: { added: 0, unchanged: 1 },
      doNotCall: { added: 0, unchanged: 1 },
    });
    const campaignThere = await ok(b, 'campaigns.get', { id: survey.id });
    expect(campaignThere).toMatchObject({ name: survey.name, operatorIds: [colleague.id], dispositions: survey.dispositions });
    expect(b.database.read.select({ name: employees.name }).from(employees).where(eq(employees.id, colleague.id)).get()).toEqual({ name: 'Андрій Мороз' });
    // Created people keep their ids; the one known by number is that workstation's own contact.
    const entriesThere = b.database.read.select().from(campaignEntries).all();
    expect(entriesThere.map((e) => e.contactId).sort()).toEqual([hnatiukThere, yermak, zhuk].sort());

    // Андрій works the part there: Єрмак is barred (the do-not-call entry came with the part), Гнатюк opts out, Жук asks for a callback.
    await ok(b, 'settings.update', { currentEmployeeId: colleague.id });
    const dialerB = dialerOn(b, clockB, 'b-log');
    const optOut = survey.dispositions.find((d) => d.optOut)!;
    const callback = survey.dispositions.find((d) => d.kind === 'callback')!;
    const callbackAt = monday + 26 * hour;
    for (let call = dialerB.next(campaignThere, colleague.id); call; call = dialerB.next(campaignThere, colleague.id)) {
      dialerB.log.answered(call.attemptId, clockB.now());
      dialerB.log.ended(call.attemptId, 'reached');
      if (call.entry.contactId === hnatiukThere) dialerB.log.dispose(call.attemptId, optOut, null);
      else dialerB.log.dispose(call.attemptId, callback, callbackAt);
      clockB.advance(5 * 60_000);
    }
    expect(b.database.read.select({ state: campaignEntries.state, excludedReason: campaignEntries.excludedReason }).from(campaignEntries).where(eq(campaignEntries.contactId, yermak)).get()).toEqual({ state: 'excluded', excludedReason: 'dnc_global' });
    clockB.advance(hour);
    const results = await exported(b, ok(b, 'campaigns.exportResults', { campaignId: survey.id }));
    expect(results.fileName).toMatch(/\.results\.json$/);

    // Back here, later: meanwhile the supervisor tried to put Єрмак's card off here — it is away in the part, so nothing changes here.
    clockA.set(monday + 4 * hour);
    const yermakEntry = a.database.read.select().from(campaignEntries).where(eq(campaignEntries.contactId, yermak)).get()!;
    dialerA.log.skipped(yermakEntry.id, 'checking the registry', monday + 48 * hour);
    const attemptsThere = b.database.read.select({ id: campaignAttempts.id, entryId: campaignAttempts.entryId }).from(campaignAttempts).all();
    const resultsUpload = await upload(a, results.fileName, new Uint8Array(results.bytes));
    const applied = await ok(a, 'campaigns.importResults', { campaignId: survey.id, uploadId: resultsUpload });
    expect(applied).toEqual({
      campaignId: survey.id,
      entries: { added: 0, updated: 3, unchanged: 0 },
      attempts: { added: 2, updated: 0, unchanged: 1 },
      optOuts: { added: 1, updated: 0, unchanged: 1 },
      contactsOptedOut: 1,
      rejected: [],
      flagged: [],
    });
    const entryHere = (contactId: string) => a.database.read.select().from(campaignEntries).where(eq(campaignEntries.contactId, contactId)).get()!;
    expect(entryHere(hnatiuk)).toMatchObject({ state: 'done', dispositionId: optOut.id, attempts: 2 });
    expect(entryHere(zhuk)).toMatchObject({ state: 'waiting', priority: 0, callbackAt, nextAt: callbackAt, dispositionId: callback.id });
    // An entry away takes what was done there: barred by the do-not-call list that went with the part.
    expect(entryHere(yermak)).toMatchObject({ state: 'excluded', excludedReason: 'dnc_global' });
    expect(statesOf(colleague.id).sort()).toEqual(['done', 'excluded', 'waiting']);
    // The attempts made there keep their ids and belong to the people here.
    const attemptsHere = a.database.read.select().from(campaignAttempts).where(eq(campaignAttempts.campaignId, survey.id)).all();
    expect(attemptsHere.map((x) => x.id).sort()).toEqual(attemptsThere.map((x) => x.id).sort());
    expect(attemptsHere.find((x) => x.entryId === entryHere(hnatiuk).id && x.outcome === 'reached')?.contactId).toBe(hnatiuk);
    // The opt-out bars the person and the number here too.
    expect(a.database.read.select({ doNotCall: contacts.doNotCall }).from(contacts).where(eq(contacts.id, hnatiuk)).get()).toEqual({ doNotCall: true });
    expect(a.database.read.select({ phone: doNotCallNumbers.phone }).from(doNotCallNumbers).all().map((d) => d.phone).sort()).toEqual(['+380671110002', '+380671110004']);
    // The callback Жук asked for there is in Андрій's calendar here, where he will call.
    const callbacks = () => a.database.read.select({ ownerId: calendarEvents.ownerId, contactId: calendarEvents.contactId, startsAt: calendarEvents.startsAt }).from(calendarEvents).all();
    expect(callbacks()).toEqual([{ ownerId: colleague.id, contactId: zhuk, startsAt: callbackAt }]);
    // Two conversations answered there are this campaign's live calls of that hour here.
    expect(a.database.read.select({ live: campaignAbandonHours.live, abandoned: campaignAbandonHours.abandoned }).from(campaignAbandonHours).all()).toEqual([{ live: 2, abandoned: 0 }]);

    // The same results again: nothing changes.
    const before = snapshot(a, survey.id);
    clockA.advance(hour);
    expect(await ok(a, 'campaigns.importResults', { campaignId: survey.id, uploadId: resultsUpload })).toMatchObject({
      entries: { added: 0, updated: 0, unchanged: 3 },
      attempts: { added: 0, updated: 0, unchanged: 3 },
      optOuts: { added: 0, updated: 0, unchanged: 2 },
      contactsOptedOut: 0,
    });
    expect(snapshot(a, survey.id)).toEqual(before);
    expect(callbacks()).toHaveLength(1);
  });

  it('reports what it cannot apply and applies the rest; refuses a file of the wrong kind or campaign whole', async () => {
    const here = await campaignWorkstation(monday);
    const { workstation: a, person, colleague } = here;
    const survey = await here.campaign({ operatorIds: [colleague.id] });
    const oleh = await person('Олег', '+380671110010');
    await ok(a, 'campaigns.addContacts', { campaignId: survey.id, contactIds: [oleh] });
    const entry = a.database.read.select().from(campaignEntries).get()!;
    const attempt = (id: string, extra: object = {}) => ({
      id,
      entryId: entry.id,
      phone: entry.phone,
      operatorId: colleague.id,
      mode: 'progressive',
      state: 'ended',
      startedAt: monday + hour,
      answeredAt: null,
      endedAt: monday + hour + 30_000,
      outcome: 'no_answer',
      dispositionId: null,
      amdVerdict: null,
      allowedBecause: { not: 'a record' },
      updatedAt: monday + hour + 30_000,
      updatedBy: null,
      ...extra,
    });
    const file = {
      format: 'operator-workstation-campaign-results',
      version: 1,
      exportedAt: monday + 2 * hour,
      exportedBy: null,
      campaignId: survey.id,
      entries: [
        { ...entry, state: 'waiting', excludedReason: null, updatedAt: monday + hour + 30_000, updatedBy: null, lastOutcome: 'no_answer', attempts: 1 },
        { ...entry, id: 'not-in-this-list', updatedAt: monday + hour },
      ],
      attempts: [attempt('att-1'), attempt('att-open', { state: 'ringing', endedAt: null, outcome: null }), attempt('att-odd', { phone: '12-34' }), attempt('att-stranger', { entryId: 'nowhere', operatorId: 'someone-else' })],
      doNotCall: [{ id: 'dnc-other', phone: '+380671110010', campaignId: 'another-campaign', source: 'x', addedAt: monday, updatedAt: monday }],
    };
    const uploaded = await upload(a, 'results.json', new Uint8Array(Buffer.from(JSON.stringify(file))));
    const report = await ok(a, 'campaigns.importResults', { campaignId: survey.id, uploadId: uploaded });
    expect(report.entries).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(report.attempts).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(report.rejected.map((r) => [r.item, r.id, r.path, r.code])).toEqual([
      ['attempts.2', 'att-odd', 'phone', 'invalid_format'],
      ['entries', 'not-in-this-list', 'id', 'entry_not_in_list'],
      ['attempts', 'att-open', 'state', 'attempt_still_open'],
      ['attempts', 'att-stranger', 'entryId', 'attempt_entry_unknown'],
      ['doNotCall', 'dnc-other', 'campaignId', 'campaign_file_other_campaign'],
    ]);
    // The call happened: its attempt counts, and the record that does not read is said, not hidden.
    expect(report.flagged.map((f) => [f.id, f.code])).toEqual([['att-1', 'allowed_because_unreadable']]);
    expect(a.database.read.select({ id: campaignAttempts.id }).from(campaignAttempts).all()).toEqual([{ id: 'att-1' }]);

    const wrongKind = await callApi(a, 'campaigns.importPart', { uploadId: uploaded });
    expect(!wrongKind.ok && wrongKind.error.issues).toEqual([expect.objectContaining({ path: 'format', code: 'not_a_campaign_part' })]);
    const otherCampaign = await ok(a, 'campaigns.save', { name: 'Інша', purpose: 'survey', startsAt: monday, mode: 'preview', profile: 'by_number' });
    const wrongCampaign = await callApi(a, 'campaigns.importResults', { campaignId: otherCampaign.id, uploadId: uploaded });
    expect(!wrongCampaign.ok && wrongCampaign.error.issues).toEqual([expect.objectContaining({ path: 'campaignId', code: 'campaign_file_other_campaign' })]);
    const broken = await upload(a, 'broken.json', new Uint8Array(Buffer.from('{"format": "operator-workstation-campaign-results",\n "version": 2')));
    const unreadable = await callApi(a, 'campaigns.importResults', { campaignId: survey.id, uploadId: broken });
    expect(!unreadable.ok && unreadable.error.issues?.[0]).toMatchObject({ code: 'not_json', params: { line: 2 } });
    const later = await upload(a, 'v2.json', new Uint8Array(Buffer.from(JSON.stringify({ ...file, version: 2 }))));
    const newer = await callApi(a, 'campaigns.importResults', { campaignId: survey.id, uploadId: later });
    expect(!newer.ok && newer.error.issues).toEqual([expect.objectContaining({ path: 'version', code: 'campaign_file_version', params: { detail: '2' } })]);
  });

  it('loads a person whose time zone or phone does not read there, leaving out only that field', async () => {
    const here = await campaignWorkstation(monday);
    const { workstation: a, person, colleague } = here;
    const survey = await here.campaign({ operatorIds: [colleague.id] });
    const far = await person('Далекий', '+79123456789');
    await ok(a, 'campaigns.addContacts', { campaignId: survey.id, contactIds: [far] });
    const part = await exported(a, ok(a, 'campaigns.exportPart', { campaignId: survey.id, operatorId: colleague.id }));
    const file = JSON.parse(part.bytes.toString('utf8')) as { entries: { priority: number; callbackAt: number | null; contact: { timeZone: string | null; phones: { raw: string }[] } }[] };
    file.entries[0]!.contact.timeZone = 'Mars/Olympus_Mons';
    // A callback promised before the part left: it goes into the operator's calendar there.
    Object.assign(file.entries[0]!, { priority: 0, callbackAt: monday + 30 * hour });
    file.entries[0]!.contact.phones.push({ raw: '', kind: 'mobile', e164: null } as never);

    const b = createTestWorkstation({ clock: manualClock(monday + hour), ids: sequentialIds('b') });
    const partUpload = await upload(b, 'part.json', new Uint8Array(Buffer.from(JSON.stringify(file))));
    const loaded = await ok(b, 'campaigns.importPart', { uploadId: partUpload });
    expect(loaded).toMatchObject({ entries: { added: 1 }, contacts: { created: 1 }, rejected: [] });
    expect(loaded.flagged.map((f) => [f.item, f.path, f.code])).toEqual([
      ['entries', 'contact.phones.1.raw', 'required'],
      ['entries', 'contact.timeZone', 'invalid_value'],
    ]);
    const card = await ok(b, 'contacts.get', { id: far });
    expect(card).toMatchObject({ fullName: 'Далекий Тест', timeZone: null });
    expect(card.phones.map((p) => p.e164)).toEqual(['+79123456789']);
    const callbacks = () => b.database.read.select({ ownerId: calendarEvents.ownerId, contactId: calendarEvents.contactId, startsAt: calendarEvents.startsAt }).from(calendarEvents).all();
    expect(callbacks()).toEqual([{ ownerId: colleague.id, contactId: far, startsAt: monday + 30 * hour }]);
    expect(await ok(b, 'campaigns.importPart', { uploadId: partUpload })).toMatchObject({ entries: { unchanged: 1 } });
    expect(callbacks()).toHaveLength(1);
    // An employee who does not work the campaign has no part to take.
    const refused = await callApi(a, 'campaigns.exportPart', { campaignId: survey.id, operatorId: here.me.id });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'conflict', reason: 'operator_not_in_campaign' });
    // The part never comes back (the file was lost): taken back, its number is dialed here again.
    expect(a.database.read.select({ state: campaignEntries.state }).from(campaignEntries).all()).toEqual([{ state: 'away' }]);
    expect(await ok(a, 'campaigns.takeBackPart', { campaignId: survey.id, operatorId: colleague.id })).toEqual({ entries: 1 });
    expect(a.database.read.select({ state: campaignEntries.state }).from(campaignEntries).all()).toEqual([{ state: 'waiting' }]);
  });
});
