import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorSession } from '#contract';
import { calls, interactions } from '#core/db/schema';
import type { Clock } from '#core/shared/clock';
import { ok } from '#tests/support/crm';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { createTestWorkstation } from '#tests/support/workstation';
import { workingMorningClock } from '#tests/support/working-morning';

/** Real time (SIP timers keep their pace) that the test can also move forward at once: "the operator waited 40 s". */
function skippingClock(base: Clock): Clock & { skip(ms: number): void } {
  let skipped = 0;
  return { now: () => base.now() + skipped, skip: (ms) => (skipped += ms) };
}

describe('what the history keeps of a call for reports, through a real Kamailio', () => {
  const { kamailio, peer } = useTestPbx();
  const stations: RegisteredWorkstation[] = [];
  afterEach(async () => {
    for (const station of stations.splice(0)) await station.workstation.dispose();
  });

  async function operator(user: string, base: Clock) {
    const clock = skippingClock(base);
    const station = await registeredWorkstation(kamailio, user, {}, (options) => createTestWorkstation({ ...options, clock }));
    stations.push(station);
    const row = (interactionId: string) => {
      const read = station.workstation.database.read;
      const call = read.select().from(calls).where(eq(calls.interactionId, interactionId)).get()!;
      const interaction = read.select().from(interactions).where(eq(interactions.id, interactionId)).get()!;
      return { ...call, durationSeconds: interaction.durationSeconds };
    };
    /** The call as the history has it once ended. */
    const endedRow = (interactionId: string) => eventually(() => row(interactionId), (r) => r.endedAt !== null, 5_000, 'the call ended in the history');
    /** Dials a SIP user who answers (or not, as the peer is set), and returns the call once it is up. */
    const talkTo = async (target: string) => {
      const placed = await ok(station.workstation, 'phone.dial', { target });
      return station.call((c) => c.id === placed.id && c.state === 'active');
    };
    const hangUp = async (callId: string) => {
      await ok(station.workstation, 'phone.hangup', { callId });
      await station.call((c) => c.id === callId && c.state === 'ended');
    };
    return { ...station, clock, row, endedRow, talkTo, hangUp };
  }

  it('a call held for a while: its operator, hold time, talk time without the hold, and the wrap-up time to the first wrap-up only', async () => {
    const op = await operator('op700', { now: () => Date.now() });
    await peer('bob700');
    const active = await op.talkTo('bob700');
    op.clock.skip(30_000);
    await ok(op.workstation, 'phone.hold', { callId: active.id });
    op.clock.skip(2_500);
    await ok(op.workstation, 'phone.resume', { callId: active.id });
    op.clock.skip(10_000);
    await op.hangUp(active.id);
    const interactionId = active.interactionId!;
    const ended = await op.endedRow(interactionId);
    expect(ended).toMatchObject({ employeeId: op.me.id, campaignId: null, disposition: 'answered', wrapUpSeconds: null });
    // Hold: the 2.5 s skipped while held plus the re-INVITEs' real time on loopback.
    expect(ended.holdSeconds).toBeGreaterThanOrEqual(2);
    expect(ended.holdSeconds).toBeLessThan(6);
    expect(ended.durationSeconds).toBeGreaterThanOrEqual(42);
    expect(ended.talkSeconds).toBe(ended.durationSeconds! - ended.holdSeconds);

    op.clock.skip(40_000);
    await ok(op.workstation, 'phone.wrapUp', { callId: active.id, subject: 'Уточнили доставку', outcome: null });
    // Between the end and the wrap-up: the 40 s skipped and a moment of real time.
    expect(op.row(interactionId).wrapUpSeconds).toBeGreaterThanOrEqual(40);
    expect(op.row(interactionId).wrapUpSeconds).toBeLessThan(43);
    const first = op.row(interactionId).wrapUpSeconds;
    op.clock.skip(300_000);
    await ok(op.workstation, 'phone.wrapUp', { callId: active.id, subject: 'Уточнили доставку і оплату', outcome: null });
    expect(op.row(interactionId)).toMatchObject({ wrapUpSeconds: first });
  });

  it('a wrap-up written while the call is still up counts 0; an unanswered call has no talk or hold', async () => {
    const op = await operator('op701', { now: () => Date.now() });
    await peer('bob701');
    const active = await op.talkTo('bob701');
    await ok(op.workstation, 'phone.wrapUp', { callId: active.id, subject: 'Під час розмови', outcome: null });
    op.clock.skip(20_000);
    await op.hangUp(active.id);
    const row = await op.endedRow(active.interactionId!);
    expect(row).toMatchObject({ wrapUpSeconds: 0, holdSeconds: 0 });
    expect(row.talkSeconds).toBe(row.durationSeconds);

    const busy = await peer('bob702');
    busy.onInvite = 'busy';
    const refused = await ok(op.workstation, 'phone.dial', { target: 'bob702' });
    const over = await op.call((c) => c.id === refused.id && c.state === 'ended');
    const unanswered = await op.endedRow(over.interactionId!);
    expect(unanswered).toMatchObject({ disposition: 'busy', talkSeconds: 0, holdSeconds: 0, employeeId: op.me.id });
  });

  it('a call that ends on hold counts its hold up to the end', async () => {
    const op = await operator('op703', { now: () => Date.now() });
    await peer('bob703');
    const active = await op.talkTo('bob703');
    op.clock.skip(20_000);
    await ok(op.workstation, 'phone.hold', { callId: active.id });
    op.clock.skip(15_000);
    await op.hangUp(active.id);
    const row = await op.endedRow(active.interactionId!);
    expect(row.holdSeconds).toBeGreaterThanOrEqual(15);
    expect(row.holdSeconds).toBeLessThan(19);
    expect(row.talkSeconds).toBeGreaterThanOrEqual(20);
    expect(row.talkSeconds).toBe(row.durationSeconds! - row.holdSeconds);
  });

  it('a campaign call carries its campaign and operator; the disposition is its wrap-up', async () => {
    await peer('+380671110701');
    const op = await operator('op702', workingMorningClock());
    const contact = await ok(op.workstation, 'contacts.create', { lastName: 'Клієнт', phones: [{ kind: 'mobile', raw: '+380671110701' }] });
    const campaign = await ok(op.workstation, 'campaigns.save', {
      name: 'Опитування',
      purpose: 'survey',
      startsAt: op.clock.now() - 60_000,
      mode: 'progressive',
      profile: 'UA',
      ringTimeoutSeconds: 10,
      rules: { retryDelayMinutes: { busy: 15, no_answer: 60, failed: 30 } },
      operatorIds: [op.me.id],
      dispositions: [{ label: 'Опитано', kind: 'final', success: true, hotkey: '1' }],
    });
    await ok(op.workstation, 'campaigns.addContacts', { campaignId: campaign.id, contactIds: [contact.id] });
    await ok(op.workstation, 'campaigns.setState', { id: campaign.id, state: 'running' });
    const session = () => ok(op.workstation, 'dialer.session', {});
    const until = (check: (v: OperatorSession) => boolean, what: string) =>
      eventually(session, (v) => v !== null && check(v), 30_000, what) as Promise<OperatorSession>;
    await ok(op.workstation, 'dialer.join', { campaignId: campaign.id });
    const talking = await until((v) => v.state === 'on_call', 'a call answered');
    await ok(op.workstation, 'phone.hangup', { callId: talking.callId! });
    await until((v) => v.state === 'wrap_up', 'the call in wrap-up');
    const interactionId = (await op.call((c) => c.id === talking.callId && c.state === 'ended')).interactionId!;
    await op.endedRow(interactionId);
    op.clock.skip(12_000);
    await ok(op.workstation, 'dialer.dispose', { dispositionId: campaign.dispositions[0]!.id });
    const row = op.row(interactionId);
    expect(row).toMatchObject({ campaignId: campaign.id, employeeId: op.me.id, disposition: 'answered', holdSeconds: 0 });
    expect(row.wrapUpSeconds).toBeGreaterThanOrEqual(12);
    expect(row.wrapUpSeconds).toBeLessThan(15);
  });
});
