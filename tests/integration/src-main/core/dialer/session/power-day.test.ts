import { and, eq, lte, gte } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CallInfo } from '#contract';
import { campaignAttempts } from '#core/db/schema';
import { AttemptLog } from '#core/dialer/attempt-log';
import { CampaignStore } from '#core/dialer/campaign-store';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import type { AttemptPlacer } from '#core/dialer/session/campaign-lines';
import { OperatorSession } from '#core/dialer/session/operator-session';
import { entryDetails, sessionCampaign } from '#core/dialer/session/session-campaign';
import { manualClock } from '#core/shared/clock';
import { silentLogger } from '#core/shared/logger';
import type { AttemptHooks, AttemptRequest } from '#core/telephony/calls/dialer-attempts';
import { campaignWorkstation } from '#tests/support/campaigns';
import { ok } from '#tests/support/crm';

const profiles = loadProfiles(BUILT_IN_PROFILE_FILES).accepted;

/** Tuesday 24 November 2026, 07:00 UTC: 09:00 in Kyiv, the survey window's opening. */
const opening = Date.UTC(2026, 10, 24, 7, 0, 0);
/** 19:30 in Kyiv: the day's last dial is half an hour before the window closes. */
const closing = Date.UTC(2026, 10, 24, 17, 30, 0);

/** A seeded generator (mulberry32), so that the day is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Time that passes only when the simulation moves it: timers run in order of their time, promises settle between them. */
class SimulatedTime {
  readonly clock = manualClock(opening);
  private queue: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  setTimer = (fn: () => void, ms: number): (() => void) => {
    const timer = { at: this.clock.now() + Math.max(0, ms), seq: this.seq++, fn };
    this.queue.push(timer);
    return () => {
      this.queue = this.queue.filter((t) => t !== timer);
    };
  };

  async runUntil(end: number): Promise<void> {
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.queue[0];
      if (!next || next.at > end) break;
      this.queue.shift();
      this.clock.set(next.at);
      next.fn();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.clock.set(end);
  }
}

/**
 * The network side of a simulated day: each number rings for a while, then is busy, rings out, or answers
 * (about a third of them); a person talks for one to three minutes once the operator has them; a call the
 * dialer ends (an abandon) ends at once. Everything on the dialer's side — the session, the rules, the
 * attempt log, the pacing, SQLite — is the real code.
 */
function simulatedNetwork(time: SimulatedTime, roll: () => number): AttemptPlacer & { wrapUp(): void } {
  const calls = new Map<string, { hooks: AttemptHooks; info: CallInfo; handedOver: boolean; ended: boolean }>();
  let next = 0;
  const end = (callId: string, disposition: 'answered' | 'busy' | 'no_answer') => {
    const call = calls.get(callId);
    if (!call || call.ended) return;
    call.ended = true;
    call.hooks.ended(call.info, disposition);
  };
  return {
    place(request: AttemptRequest) {
      const id = `sim-${next++}`;
      const info = { id, interactionId: null } as unknown as CallInfo;
      calls.set(id, { hooks: request.hooks, info, handedOver: false, ended: false });
      const outcome = roll();
      const ringsMs = 3_000 + roll() * 15_000;
      if (outcome < 0.15) time.setTimer(() => end(id, 'busy'), 2_000);
      else if (outcome < 0.5) time.setTimer(() => end(id, 'no_answer'), request.ringTimeoutMs);
      else time.setTimer(() => calls.get(id)?.ended || request.hooks.answered?.(info), ringsMs);
      return info;
    },
    handOver(callId) {
      const call = calls.get(callId)!;
      call.handedOver = true;
      time.setTimer(() => end(callId, 'answered'), 60_000 + roll() * 120_000);
      return Promise.resolve();
    },
    hangUp(callId) {
      time.setTimer(() => end(callId, 'answered'), 0);
      return Promise.resolve();
    },
    detectMachine: () => Promise.reject(new Error('no audio in a simulation')),
    playMessage: () => new Promise((resolve) => time.setTimer(() => resolve(), 4_000)),
    defaultAccountId: () => 'simulated',
    wrapUp: () => undefined,
  };
}

describe('power dialing over a simulated day', () => {
  it('stays under the abandon cap all day, pacing down before the rules stop it', async () => {
    const time = new SimulatedTime();
    const { workstation, me, campaign } = await campaignWorkstation(opening - 3_600_000);
    const created = await campaign({ name: 'День автонабору', mode: 'power', powerRatio: 3, profile: 'UA', dispositions: [{ label: 'Опитано', kind: 'final', success: true, hotkey: '1' }] });
    const contactIds: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const phone = `+38067${String(2_000_000 + i).padStart(7, '0')}`;
      contactIds.push((await ok(workstation, 'contacts.create', { lastName: `Абонент ${i}`, phones: [{ kind: 'mobile', raw: phone }] })).id);
    }
    await ok(workstation, 'campaigns.addContacts', { campaignId: created.id, contactIds });
    await ok(workstation, 'campaigns.setState', { id: created.id, state: 'running' });

    const ctx = { database: workstation.database, clock: time.clock, ids: { next: () => crypto.randomUUID() }, settings: () => workstation.settings.get() };
    const zones = new NumberZones();
    const store = new CampaignStore(ctx, () => profiles);
    const roll = random(20261124);
    const phone = simulatedNetwork(time, roll);
    const states: string[] = [];
    const session: OperatorSession = new OperatorSession(sessionCampaign(workstation.database.read, store, profiles, created.id, me.id), me.id, {
      ctx,
      zones,
      log: new AttemptLog(ctx),
      phone,
      logger: silentLogger,
      setTimer: time.setTimer,
      details: (entry) => entryDetails(workstation.database.read, zones, entry),
      callbackScheduled: () => undefined,
      changed: (view) => {
        states.push(view.state);
        // The operator disposes of each conversation after twenty seconds of wrap-up.
        if (view.state === 'wrap_up') time.setTimer(() => session.dispose(created.dispositions[0]!.id, null, null), 20_000);
      },
    });
    session.ready();
    await time.runUntil(closing);

    const attempts = workstation.database.read
      .select({ startedAt: campaignAttempts.startedAt, answeredAt: campaignAttempts.answeredAt, outcome: campaignAttempts.outcome })
      .from(campaignAttempts)
      .where(and(eq(campaignAttempts.campaignId, created.id), gte(campaignAttempts.startedAt, opening), lte(campaignAttempts.startedAt, closing)))
      .all();
    const live = attempts.filter((a) => a.answeredAt !== null).length;
    const abandoned = attempts.filter((a) => a.outcome === 'abandoned').length;
    // A real day's work: hundreds of attempts, several lines at a time, some answers nobody was free for.
    expect(attempts.length).toBeGreaterThan(300);
    expect(states).toContain('on_call');
    expect(abandoned).toBeGreaterThan(0);
    // The profile's cap: 3% of live-answered calls over 24 hours.
    expect(abandoned / live).toBeLessThanOrEqual(0.03);
    // And at every moment of the day, over what had happened so far.
    for (const hour of Array.from({ length: 10 }, (_, i) => opening + (i + 1) * 3_600_000)) {
      const sofar = attempts.filter((a) => a.startedAt < hour);
      const liveSoFar = sofar.filter((a) => a.answeredAt !== null).length;
      if (liveSoFar >= 34) expect(sofar.filter((a) => a.outcome === 'abandoned').length / liveSoFar).toBeLessThanOrEqual(0.03);
    }
  }, 240_000);
});
