import Holidays from 'date-holidays';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { campaignAttempts, campaignEntries } from '#core/db/schema';
import { AttemptLog } from '#core/dialer/attempt-log';
import { checkedPolicies } from '#core/dialer/campaign-store';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import { OperatorSession, type SessionView } from '#core/dialer/session/operator-session';
import { silentLogger } from '#core/shared/logger';
import { ok } from '#tests/support/crm';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';

const profiles = loadProfiles(BUILT_IN_PROFILE_FILES).accepted;
const ukraine = new Holidays('UA');

/** 08:00 UTC (10:00 or 11:00 in Kyiv) of the first working day in Ukraine after `after`. */
function nextWorkingMorning(after: number): number {
  const day = new Date(after);
  for (;;) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    const holiday = ukraine.isHoliday(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12)));
    if (weekday !== 0 && weekday !== 6 && !holiday) return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8);
  }
}

describe('an operator working a campaign through a real Kamailio', () => {
  const { kamailio, peer } = useTestPbx();
  const stations: RegisteredWorkstation[] = [];
  afterEach(async () => {
    for (const station of stations.splice(0)) await station.workstation.dispose();
  });

  /** A registered operator, a campaign of the customers given (SIP users named by their numbers) and a session on it. */
  async function working(user: string, customers: string[], mode: 'progressive' | 'preview') {
    const station = await registeredWorkstation(kamailio, user);
    stations.push(station);
    const { workstation, me } = station;
    const ids = [];
    for (const [i, number] of customers.entries()) ids.push((await ok(workstation, 'contacts.create', { lastName: `Клієнт ${i}`, phones: [{ kind: 'mobile', raw: number }] })).id);
    const saved = await ok(workstation, 'campaigns.save', {
      name: 'Опитування',
      purpose: 'survey',
      startsAt: Date.now(),
      mode,
      profile: 'UA',
      // Any hour of the day in the test: the survey window is widened nowhere (that would be refused); the test runs the rules as they are.
      rules: { retryDelayMinutes: { busy: 15, no_answer: 60, failed: 30 } },
      operatorIds: [me.id],
      dispositions: [
        { label: 'Опитано', kind: 'final', success: true, hotkey: '1' },
        { label: 'Передзвонити', kind: 'retry', retryMinutes: 120, hotkey: '2' },
      ],
    });
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: ids });
    const views: SessionView[] = [];
    // The rules' clock: the next Ukrainian working day, 10:00 in Kyiv, running on from the test's start, so the
    // survey window is open whenever the test runs (the entries, added at the real time, are due by then).
    const realStart = Date.now();
    const opening = nextWorkingMorning(realStart);
    const clock = { now: () => opening + (Date.now() - realStart) };
    const ctx = { database: workstation.database, clock, ids: { next: () => crypto.randomUUID() }, settings: () => workstation.settings.get() };
    const session = new OperatorSession(
      { id: saved.id, purpose: 'survey', mode, policies: checkedPolicies(profiles, saved), accountId: station.account.id, callerNumber: '+380441234567', ringTimeoutSeconds: 2, dispositions: saved.dispositions },
      me.id,
      {
        ctx,
        zones: new NumberZones(),
        log: new AttemptLog(ctx),
        phone: { place: (request) => workstation.phone.attempts.place(request), handOver: (callId) => workstation.phone.attempts.handOver(callId), defaultAccountId: () => station.account.id },
        logger: silentLogger,
        setTimer: (fn, ms) => {
          const timer = setTimeout(fn, ms);
          return () => clearTimeout(timer);
        },
        changed: (view) => views.push(view),
      },
    );
    const attempts = () => workstation.database.read.select({ phone: campaignAttempts.phone, outcome: campaignAttempts.outcome, dispositionId: campaignAttempts.dispositionId }).from(campaignAttempts).all();
    const entries = () => workstation.database.read.select({ phone: campaignEntries.phone, state: campaignEntries.state, lastOutcome: campaignEntries.lastOutcome }).from(campaignEntries).where(eq(campaignEntries.campaignId, saved.id)).all();
    return { ...station, saved, session, views, attempts, entries };
  }

  it('progressive: dials each number as the operator becomes ready, the answer reaches the operator, busy and unanswered go back to the list', async () => {
    const answering = await peer('+380671110001');
    const busy = await peer('+380671110002');
    busy.onInvite = 'busy';
    const silent = await peer('+380671110003');
    silent.onInvite = 'ring';
    const op = await working('op890', ['+380671110001', '+380671110002', '+380671110003'], 'progressive');
    op.session.ready();
    // Whichever comes first, the session goes through the numbers; the answered one reaches the operator.
    const talking = await eventually(() => op.session.view, (v) => v.state === 'on_call', 20_000, `a call answered (${JSON.stringify(op.views.map((v) => v.state))} ${JSON.stringify(op.entries())})`);
    await ok(op.workstation, 'phone.hangup', { callId: talking.callId! });
    const wrapUp = await eventually(() => op.session.view, (v) => v.state === 'wrap_up', 10_000, 'the answered call in wrap-up');
    expect(answering.invitations).toHaveLength(1);
    expect(answering.invitations[0]!.request.getHeader('X-Campaign-Id')).toBe(op.saved.id);
    expect(answering.invitations[0]!.request.getHeader('P-Preferred-Identity')).toBe('<tel:+380441234567>');
    expect(wrapUp.entry?.phone).toBe('+380671110001');
    op.session.dispose(op.saved.dispositions[0]!.id, null);
    await eventually(() => op.attempts().filter((a) => a.outcome !== null).length, (n) => n === 3, 20_000, 'three attempts ended');
    expect(op.entries().sort((a, b) => a.phone.localeCompare(b.phone))).toEqual([
      { phone: '+380671110001', state: 'done', lastOutcome: 'reached' },
      { phone: '+380671110002', state: 'waiting', lastOutcome: 'busy' },
      { phone: '+380671110003', state: 'waiting', lastOutcome: 'no_answer' },
    ]);
    // Nothing else is due (retry delays), so the session waits, ready.
    expect(op.session.view.state).toBe('ready');
    expect(silent.invitations).toHaveLength(1);
    expect(busy.invitations).toHaveLength(1);
  });

  it('preview: shows the card first; a skip asks for a reason and brings the next card; the card dialed is checked by the rules again', async () => {
    const first = await peer('+380671110011');
    const second = await peer('+380671110012');
    const op = await working('op895', ['+380671110011', '+380671110012'], 'preview');
    op.session.ready();
    const card = await eventually(() => op.session.view, (v) => v.state === 'previewing', 10_000, 'a card');
    // Nothing is dialed while the operator reads the card.
    expect(first.invitations.length + second.invitations.length).toBe(0);
    op.session.skip('wants e-mail first');
    const next = await eventually(() => op.session.view, (v) => v.state === 'previewing' && v.entry?.id !== card.entry?.id, 10_000, 'the next card');
    const skipped = op.workstation.database.read.select({ lastRefusal: campaignEntries.lastRefusal }).from(campaignEntries).where(eq(campaignEntries.id, card.entry!.id)).get();
    expect(JSON.parse(skipped!.lastRefusal!)).toMatchObject({ rule: 'skipped', reason: 'wants e-mail first' });
    op.session.dialPreviewed();
    await eventually(() => op.session.view, (v) => v.state === 'on_call', 10_000, 'the previewed call answered');
    const dialed = next.entry!.phone === '+380671110011' ? first : second;
    expect(dialed.invitations).toHaveLength(1);
    expect(() => op.session.skip('late')).toThrow(/Nothing to skip/);
  });
});
