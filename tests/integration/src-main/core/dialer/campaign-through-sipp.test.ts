import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorSession } from '#contract';
import { campaignAttempts, campaignEntries } from '#core/db/schema';
import { becauseSchema } from '#core/dialer/rules/decision';
import { ok } from '#tests/support/crm';
import { eventually, registeredWorkstation } from '#tests/support/sip/phone-harness';
import { behaviourOf, customerNumber, SippCustomers, type CustomerBehaviour } from '#tests/support/sip/sipp-customers';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { createTestWorkstation } from '#tests/support/workstation';
import { workingMorningClock } from '#tests/support/working-morning';

/** 200 customers: most answer, some are busy or reject, a few never answer (each of those rings the full 10 s). */
const crowd: [CustomerBehaviour, number][] = [
  ['talks', 90],
  ['listens', 60],
  ['busy', 25],
  ['rejects', 22],
  ['never_answers', 3],
];
const retryDelayMinutes = { busy: 15, no_answer: 60, failed: 30 };
/** How each customer's line ends for the rules, when nobody talks. */
const unanswered: Partial<Record<CustomerBehaviour, keyof typeof retryDelayMinutes>> = { busy: 'busy', rejects: 'failed', never_answers: 'no_answer' };
const minute = 60_000;

/** The numbers, kinds interleaved so the list mixes them as a real one would. */
function crowdNumbers(): string[] {
  const numbers: string[] = [];
  const longest = Math.max(...crowd.map(([, n]) => n));
  for (let i = 0; i < longest; i++) for (const [behaviour, n] of crowd) if (i < n) numbers.push(customerNumber(behaviour, i));
  return numbers;
}

describe('a progressive campaign of 200 numbers through Kamailio to sipp customers', () => {
  const { kamailio } = useTestPbx();
  const numbers = crowdNumbers();
  let customers: SippCustomers;
  beforeAll(async () => {
    customers = await SippCustomers.start(kamailio, numbers);
  });
  afterAll(() => customers?.stop());

  it('dials every number once, keeps each answer\'s disposition, and puts the rest off by their retry delays', async () => {
    const clock = workingMorningClock();
    const { workstation, me } = await registeredWorkstation(kamailio, 'op900', {}, (options) => createTestWorkstation({ ...options, clock }));
    const contactIds: string[] = [];
    for (const [i, number] of numbers.entries()) contactIds.push((await ok(workstation, 'contacts.create', { lastName: `Клієнт ${i}`, phones: [{ kind: 'mobile', raw: number }] })).id);
    const campaign = await ok(workstation, 'campaigns.save', {
      name: 'Опитування 200',
      purpose: 'survey',
      startsAt: clock.now() - minute,
      mode: 'progressive',
      profile: 'UA',
      callerNumber: '+380441234567',
      ringTimeoutSeconds: 10,
      rules: { retryDelayMinutes },
      operatorIds: [me.id],
      dispositions: [
        { label: 'Опитано', kind: 'final', success: true, hotkey: '1' },
        { label: 'Перезвонити пізніше', kind: 'retry', retryMinutes: 120, hotkey: '2' },
      ],
    });
    await ok(workstation, 'campaigns.addContacts', { campaignId: campaign.id, contactIds });
    await ok(workstation, 'campaigns.setState', { id: campaign.id, state: 'running' });

    // The operator: hangs up on customers who wait for it, and disposes of every conversation, final and retry in turn.
    const disposed = new Map<string, string>();
    const handled = new Set<string>();
    const failures: unknown[] = [];
    const act = (work: () => Promise<unknown>) => setImmediate(() => void work().catch((error: unknown) => failures.push(error)));
    workstation.events.on('dialer.session', (view: OperatorSession | null) => {
      if (!view?.callId || !view.entry || handled.has(`${view.state}:${view.callId}`)) return;
      const { callId, entry } = view;
      if (view.state === 'on_call' && behaviourOf(entry.phone) === 'listens') {
        handled.add(`on_call:${callId}`);
        act(() => ok(workstation, 'phone.hangup', { callId }));
      }
      if (view.state === 'wrap_up') {
        handled.add(`wrap_up:${callId}`);
        const disposition = campaign.dispositions[disposed.size % 2]!;
        disposed.set(entry.phone, disposition.id);
        act(() => ok(workstation, 'dialer.dispose', { dispositionId: disposition.id }));
      }
    });
    const attempts = () => workstation.database.read.select().from(campaignAttempts).where(eq(campaignAttempts.campaignId, campaign.id)).all();
    const entries = () => workstation.database.read.select().from(campaignEntries).where(eq(campaignEntries.campaignId, campaign.id)).all();

    await ok(workstation, 'dialer.join', { campaignId: campaign.id });
    const answering = numbers.filter((n) => !unanswered[behaviourOf(n)]).length;
    await eventually(
      () => ({ attempts: attempts().filter((a) => a.outcome !== null).length, disposed: disposed.size }),
      (done) => done.attempts === numbers.length && done.disposed === answering,
      150_000,
      'every number dialed and every conversation disposed of',
    );
    // Nothing is due any more: the session waits, ready, for the earliest retry.
    const idle = (await eventually(
      () => ok(workstation, 'dialer.session', {}),
      (v) => v?.state === 'ready' && v.idleUntil !== null && entries().every((e) => e.state !== 'waiting' || e.nextAt > clock.now()),
      20_000,
      'the session idle until the next retry',
    ))!;
    expect(failures).toEqual([]);

    const all = attempts();
    const byPhone = new Map(all.map((a) => [a.phone, a]));
    // Nothing dialed twice: one attempt per number, and sipp saw exactly one call for each.
    expect(byPhone.size).toBe(numbers.length);
    const invites = customers.invites();
    expect(numbers.filter((n) => invites.get(n) !== 1), customers.errors).toEqual([]);
    expect([...invites.keys()].sort()).toEqual([...numbers].sort());
    // Every attempt says why the rules let it through, in the audit record's own shape.
    for (const attempt of all) expect(becauseSchema.parse(JSON.parse(attempt.allowedBecause))).toMatchObject({ profile: { id: 'UA' }, purpose: 'survey', mode: 'progressive' });

    const [finalDisposition, retryDisposition] = campaign.dispositions;
    for (const entry of entries()) {
      const behaviour = behaviourOf(entry.phone);
      const attempt = byPhone.get(entry.phone)!;
      const outcome = unanswered[behaviour];
      if (outcome === undefined) {
        const chosen = disposed.get(entry.phone);
        expect(attempt).toMatchObject({ outcome: 'reached', dispositionId: chosen });
        if (chosen === finalDisposition!.id) expect(entry).toMatchObject({ state: 'done', lastOutcome: 'reached', dispositionId: chosen });
        else expect(entry).toMatchObject({ state: 'waiting', lastOutcome: 'reached', dispositionId: retryDisposition!.id, priority: 1, nextAt: entry.updatedAt + 120 * minute });
      } else {
        expect(attempt, entry.phone).toMatchObject({ outcome, dispositionId: null });
        expect(entry, entry.phone).toMatchObject({ state: 'waiting', lastOutcome: outcome, attempts: 1, nextAt: attempt.startedAt + retryDelayMinutes[outcome] * minute });
        expect(JSON.parse(entry.lastRefusal!), entry.phone).toMatchObject({ rule: 'retry_delay', params: { outcome, minutes: retryDelayMinutes[outcome] } });
      }
    }
    const finals = [...disposed.values()].filter((id) => id === finalDisposition!.id).length;
    expect(finals).toBe(Math.ceil(answering / 2));
    expect(idle.idleUntil).toBe(Math.min(...entries().filter((e) => e.state === 'waiting').map((e) => e.nextAt)));
  }, 180_000);
});
