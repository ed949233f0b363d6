import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AttemptLog } from '#core/dialer/attempt-log';
import { abandonStatsOf } from '#core/dialer/call-facts-reader';
import { checkedPolicies } from '#core/dialer/campaign-store';
import { nextNumber, type DialingCampaign } from '#core/dialer/next-number';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import { campaignAttempts, campaignEntries, doNotCallNumbers } from '#core/db/schema';
import { timeOrderedIds } from '#core/shared/ids';
import { campaignWorkstation } from '#tests/support/campaigns';
import { ok } from '#tests/support/crm';
import { recordCall } from '#tests/support/scripts';

const hour = 3_600_000;
const profiles = loadProfiles(BUILT_IN_PROFILE_FILES).accepted;
const zones = new NumberZones();

async function dialing() {
  const station = await campaignWorkstation();
  const { workstation } = station;
  const log = new AttemptLog({ database: workstation.database, clock: station.clock, ids: timeOrderedIds(() => station.clock.now()), settings: () => workstation.settings.get() });
  const open = (campaign: { id: string; purpose: DialingCampaign['purpose']; mode: DialingCampaign['mode']; profile: string; rules: unknown }): DialingCampaign => ({
    id: campaign.id,
    purpose: campaign.purpose,
    mode: campaign.mode,
    policies: checkedPolicies(profiles, campaign),
  });
  /** The next number for Оксана, and its attempt begun, as the dialer does in one transaction. */
  const next = (campaign: DialingCampaign) =>
    workstation.database.write((tx) => {
      const found = nextNumber(tx, zones, campaign, station.me.id, station.clock.now());
      if (found.kind !== 'number') return { found, attemptId: null };
      return { found, attemptId: log.begin(tx, { campaignId: campaign.id, entry: found.entry, operatorId: station.me.id, mode: campaign.mode, because: found.because }) };
    });
  const entry = (contactId: string) => workstation.database.read.select().from(campaignEntries).where(eq(campaignEntries.contactId, contactId)).get();
  return { ...station, log, open, next, entry };
}

describe('the next number, every rule checked at the moment of dialing', () => {
  it('dials in the callee’s local time: a Moscow afternoon is a Vladivostok night, put off to its morning', async () => {
    const { clock, person, campaign, open, next, entry, workstation } = await dialing();
    const vladivostok = await person('Приморський', '+7 423 222 33 44');
    const yekaterinburg = await person('Уральський', '+7 343 222 33 44');
    const saved = await campaign();
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: [vladivostok, yekaterinburg] });
    // Sunday 22 Nov 2026, 11:00 UTC: 21:00 in Vladivostok (weekend window closed at 20:00), 16:00 in Yekaterinburg.
    clock.set(Date.UTC(2026, 10, 22, 11, 0));
    const first = next(open(saved));
    expect(first.found).toMatchObject({ kind: 'number', entry: { contactId: yekaterinburg } });
    if (first.found.kind !== 'number') throw new Error('no number');
    expect(first.found.because.callee).toMatchObject({ zoneSource: 'number', zones: ['Asia/Yekaterinburg'], local: [{ at: '2026-11-22T16:00', day: 'weekend' }] });
    // Vladivostok waits for its own morning: Monday 09:00 there is Sunday 23:00 UTC.
    const waiting = entry(vladivostok)!;
    expect(JSON.parse(waiting.lastRefusal!)).toMatchObject({ rule: 'calling_window' });
    expect(waiting.nextAt).toBe(Date.UTC(2026, 10, 22, 23, 0));
    expect(next(open(saved)).found).toEqual({ kind: 'none', nextAt: Date.UTC(2026, 10, 22, 23, 0) });
    clock.set(Date.UTC(2026, 10, 22, 23, 0));
    expect(next(open(saved)).found).toMatchObject({ kind: 'number', entry: { contactId: vladivostok } });
  });

  it('a contact’s own time zone wins over their number’s', async () => {
    const { clock, campaign, open, next, entry, workstation } = await dialing();
    // Mobile ranges of +7 9xx read as Moscow; this person lives in Vladivostok, and their card says so.
    const farEast = (await ok(workstation, 'contacts.create', { lastName: 'Далекосхідний', phones: [{ kind: 'mobile', raw: '+7 912 345 67 89' }], timeZone: 'Asia/Vladivostok' })).id;
    const moscow = (await ok(workstation, 'contacts.create', { lastName: 'Московський', phones: [{ kind: 'mobile', raw: '+7 912 345 67 90' }] })).id;
    const saved = await campaign();
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: [farEast, moscow] });
    // 11:00 UTC on a Sunday: 14:00 in Moscow, 21:00 in Vladivostok.
    clock.set(Date.UTC(2026, 10, 22, 11, 0));
    const found = next(open(saved)).found;
    expect(found).toMatchObject({ kind: 'number', entry: { contactId: moscow } });
    expect(JSON.parse(entry(farEast)!.lastRefusal!)).toMatchObject({ rule: 'calling_window' });
    const because = found.kind === 'number' ? found.because : null;
    expect(because?.callee).toMatchObject({ zoneSource: 'number', zones: ['Europe/Moscow'] });
  });

  it('takes people on a do-not-call list off the list, naming the rule, and an opt-out acts before the next attempt', async () => {
    const { person, campaign, open, next, entry, log, workstation, clock } = await dialing();
    const listed = await person('Заборонений', '+380 67 111 22 01');
    const optingOut = await person('Відмовник', '+380 67 111 22 02');
    const saved = await campaign();
    workstation.database.write((tx) => tx.insert(doNotCallNumbers).values({ id: 'dnc-1', phone: '+380671112201', campaignId: null, source: 'test', addedAt: clock.now(), updatedAt: clock.now(), updatedBy: null }).run());
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: [listed, optingOut] });

    const first = next(open(saved));
    expect(first.found).toMatchObject({ kind: 'number', entry: { contactId: optingOut } });
    expect(entry(listed)).toMatchObject({ state: 'excluded', excludedReason: 'dnc_global' });

    // The client asks never to be called again: their entry would come due again as a retry, but the opt-out holds.
    log.placed(first.attemptId!, recordCall(workstation, { contactId: optingOut, at: clock.now() }));
    log.answered(first.attemptId!, clock.now());
    log.ended(first.attemptId!, 'reached');
    const optOut = saved.dispositions.find((d) => d.optOut)!;
    log.dispose(first.attemptId!, { ...optOut, kind: 'retry', retryMinutes: 1 }, null);
    clock.advance(2 * hour);
    expect(next(open(saved)).found).toEqual({ kind: 'none', nextAt: null });
    expect(entry(optingOut)).toMatchObject({ state: 'excluded', excludedReason: 'dnc_contact' });
  });

  it('a busy number is retried only after the profile’s retry delay, and a callback comes first when due', async () => {
    const { person, campaign, open, next, entry, log, clock, workstation } = await dialing();
    const busy = await person('Зайнятий', '+380 67 111 22 11');
    const later = await person('Пізніший', '+380 67 111 22 12');
    const saved = await campaign();
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: [busy, later] });
    const first = next(open(saved));
    if (first.found.kind !== 'number') throw new Error('no number');
    const firstContact = first.found.entry.contactId;
    log.ended(first.attemptId!, 'busy');
    const second = next(open(saved));
    expect(second.found).toMatchObject({ kind: 'number' });
    expect(second.found.kind === 'number' && second.found.entry.contactId).not.toBe(firstContact);
    // The busy one is not due again at once: the rules put it off.
    const third = next(open(saved));
    expect(third.found.kind).toBe('none');
    expect(JSON.parse(entry(firstContact)!.lastRefusal!)).toMatchObject({ rule: 'retry_delay' });

    // The second client asks to be called back in three hours: due then, and before anything else.
    log.answered(second.attemptId!, clock.now());
    log.ended(second.attemptId!, 'reached');
    const callback = saved.dispositions.find((d) => d.kind === 'callback')!;
    log.dispose(second.attemptId!, callback, clock.now() + 3 * hour);
    clock.advance(3 * hour);
    const due = next(open(saved));
    expect(due.found).toMatchObject({ kind: 'number', entry: { contactId: second.found.kind === 'number' ? second.found.entry.contactId : '', priority: 0 } });
  });

  it('attempts a killed workstation left open are closed as interrupted, and neither number is dialed again at once', async () => {
    const { person, campaign, open, next, log, entry, workstation, clock } = await dialing();
    const talking = await person('Обірваний', '+380 67 111 22 21');
    const ringing = await person('Недодзвонений', '+380 67 111 22 22');
    const saved = await campaign();
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: [talking, ringing] });
    const first = next(open(saved));
    const second = next(open(saved));
    const answered = first.found.kind === 'number' && first.found.entry.contactId === talking ? first : second;
    log.answered(answered.attemptId!, clock.now());
    // What a kill -9 leaves: one attempt answered, one ringing, neither ended. The next start closes them.
    expect(log.closeInterrupted()).toBe(2);
    const attempts = workstation.database.read.select({ state: campaignAttempts.state, outcome: campaignAttempts.outcome }).from(campaignAttempts).all();
    expect(attempts).toEqual([
      { state: 'ended', outcome: 'interrupted' },
      { state: 'ended', outcome: 'interrupted' },
    ]);
    // The conversation waits for its disposition; the unanswered number waits out the retry delay for a failed call.
    expect(entry(talking)).toMatchObject({ state: 'dialing' });
    expect(next(open(saved)).found.kind).toBe('none');
    expect(JSON.parse(entry(ringing)!.lastRefusal!)).toMatchObject({ rule: 'retry_delay' });
    log.dispose(answered.attemptId!, saved.dispositions[0]!, null);
    expect(entry(talking)).toMatchObject({ state: 'done' });
  });

  it('counts the campaign’s abandon rate over its period exactly as the attempts say, from the hourly figures kept with them', async () => {
    const { person, campaign, open, next, log, clock, workstation } = await dialing();
    const saved = await campaign();
    const people = [];
    for (let i = 0; i < 30; i++) people.push(await person(`Абонент${i}`, `+380 67 222 33 ${String(i).padStart(2, '0')}`));
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: people });
    const start = clock.now();
    // Attempts over a day and a half: answered or not, some machines, some abandoned, at uneven times.
    for (let i = 0; i < 30; i++) {
      clock.set(start + i * 47 * 60_000 + (i % 7) * 13_000);
      const { attemptId } = next(open(saved));
      if (!attemptId) continue;
      if (i % 3 !== 0) log.answered(attemptId, clock.now());
      if (i % 5 === 0) log.amdVerdict(attemptId, 'machine');
      const outcome = i % 4 === 1 ? 'abandoned' : i % 3 === 0 ? 'no_answer' : 'reached';
      // A person connected to the operator after the law's two seconds: a conversation, abandoned for the rate.
      if (outcome === 'reached' && i % 7 === 2) log.connectedLate(attemptId);
      log.ended(attemptId, outcome);
    }
    const plain = (since: number) =>
      workstation.database.read.$client
        .prepare(`SELECT sum(outcome IN ('abandoned', 'reached_late')) AS abandoned, sum(answered_at IS NOT NULL AND coalesce(amd_verdict, 'human') <> 'machine') AS live FROM campaign_attempts WHERE started_at > ?`)
        .get(since) as { abandoned: number | null; live: number | null };
    // Asked after the last attempt (none starts in the future), as the period slides past the first ones.
    expect(plain(0).abandoned).toBeGreaterThan(workstation.database.read.$client.prepare(`SELECT count(*) AS n FROM campaign_attempts WHERE outcome = 'abandoned'`).pluck().get() as number);
    for (const at of [start + 23 * hour, start + 24 * hour, start + 26 * hour + 1, start + 30 * hour - 1, start + 40 * hour + 17 * 60_000]) {
      const expected = plain(at - 24 * hour);
      expect(abandonStatsOf(workstation.database.read, saved.id, 24, at)).toEqual({ abandoned: expected.abandoned ?? 0, liveAnswered: expected.live ?? 0, periodHours: 24 });
    }
  });
});
