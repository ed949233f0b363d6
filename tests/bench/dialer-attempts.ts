import { Inviter, SessionState, UserAgent } from 'sip.js';
import type { Workstation } from '#core/app/workstation';
import { AttemptLog } from '#core/dialer/attempt-log';
import { CampaignStore } from '#core/dialer/campaign-store';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import { CampaignLines, type LineDeps } from '#core/dialer/session/campaign-lines';
import { dialerPhone } from '#core/dialer/session/dialer-phone';
import { sessionCampaign } from '#core/dialer/session/session-campaign';
import { timeOrderedIds } from '#core/shared/ids';
import { silentLogger } from '#core/shared/logger';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { customerNumber, SippCustomers } from '#tests/support/sip/sipp-customers';
import { workingMorningClock } from '#tests/support/working-morning';
import { ok, scratchDir, until, workstationOn } from './bench-workstation';
import { medianAndTail, type Figure } from './measure';
import { bareSipJs } from './telephony';

/** Attempts timed on each side, after a warm-up of each. */
const attempts = 500;
const warmup = 20;
/**
 * Attempts out at once on each side: the most one operator's workstation ever has out, a power campaign's
 * highest ratio of lines per ready operator (powerRatio ≤ 5 in the contract).
 */
const concurrency = 5;
const block = 50;



/** Runs `count` attempts, `concurrency` at a time: each `attempt` resolves with its set-up time (ms) once its line is done. */
async function paced(count: number, attempt: (i: number) => Promise<number>): Promise<{ seconds: number; cpuMs: number; setups: number[] }> {
  const setups: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (next < count) setups.push(await attempt(next++));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const spent = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuMs: (spent.user + spent.system) / 1000, setups };
}

/**
 * `dialer.attempts_per_s`: attempts placed by the dialer's own lines (CampaignLines, as an operator's session
 * uses them: the next number chosen with every rule checked and its attempt written in one transaction, then
 * the INVITE through the workstation's registered line, the outcome written back to the list) through the
 * test Kamailio to sipp customers who answer busy (486) or answer and hang up at once, several out at a
 * time; beside it a bare sip.js loop (an Inviter per call on a user agent with sip.js's own transport,
 * registered at the same Kamailio) calling the same customers at the same concurrency and hanging up
 * an answer at once as the dialer does, in the same run. Set-up time: from the attempt's
 * start (before the number is chosen; before the Inviter is made) to its final response handled. CPU per attempt:
 * this process's CPU time (user and system, every thread) over each side's blocks, divided by its attempts.
 */
export async function dialerAttemptFigures(log: (line: string) => void): Promise<Figure[]> {
  const scratch = scratchDir();
  const kamailio = new TestKamailio();
  const clock = workingMorningClock();
  let customers: SippCustomers | undefined;
  let workstation: Workstation | undefined;
  let bare: UserAgent | undefined;
  try {
    await kamailio.start();
    const numbers = Array.from({ length: warmup + attempts }, (_, i) => customerNumber(i % 2 === 0 ? 'busy' : 'hangs_up_at_once', i));
    log(`dialer-attempts: registering ${numbers.length} sipp customers`);
    customers = await SippCustomers.start(kamailio, numbers);
    workstation = workstationOn(scratch.path, `${scratch.path}/attempts.sqlite`, { media: new StaticMediaPeer(40_000), sipKeepAliveMs: 1_000, clock });
    const station = workstation;
    const me = await ok(station, 'employees.save', { name: 'Оператор' });
    await ok(station, 'settings.update', { currentEmployeeId: me.id, workingCountries: ['UA'] });
    await ok(station, 'phone.saveAccount', { label: 'Bench', wsUrl: kamailio.wsUrl, sipUri: 'sip:op960@127.0.0.1', authUser: 'op960', password: 'secret' });
    await until(() => station.phone.status.current.registration === 'registered', 10_000, 'registration');
    const contactIds: string[] = [];
    for (const [i, number] of numbers.entries()) contactIds.push((await ok(station, 'contacts.create', { lastName: `Абонент ${i}`, phones: [{ kind: 'mobile', raw: number }] })).id);
    // Progressive, so that the abandon cap (power mode's) does not stop an unattended bench; every other rule applies.
    const saved = await ok(station, 'campaigns.save', {
      name: 'Bench attempts',
      purpose: 'survey',
      startsAt: clock.now() - 60_000,
      mode: 'progressive',
      profile: 'UA',
      ringTimeoutSeconds: 10,
      rules: { retryDelayMinutes: { busy: 15, no_answer: 60, failed: 30 } },
      operatorIds: [me.id],
    });
    await ok(station, 'campaigns.addContacts', { campaignId: saved.id, contactIds });
    await ok(station, 'campaigns.setState', { id: saved.id, state: 'running' });

    const ctx = { database: station.database, clock, ids: timeOrderedIds(() => clock.now()), settings: () => station.settings.get() };
    const profiles = loadProfiles(BUILT_IN_PROFILE_FILES).accepted;
    const campaign = sessionCampaign(station.database.read, new CampaignStore(ctx, () => profiles), profiles, saved.id, me.id);
    const phone = station.phone;
    const deps: LineDeps = {
      ctx,
      zones: new NumberZones(),
      log: new AttemptLog(ctx),
      logger: silentLogger,
      phone: dialerPhone(phone),
    };
    // Nobody takes the answers (the dialer ends them itself, as it does an answer no operator is free for).
    const done = new Map<string, () => void>();
    const lines = new CampaignLines(campaign, me.id, { operatorFree: () => false, connected: () => undefined, conversationEnded: () => undefined, lineEnded: (line) => done.get(line.attemptId)?.() }, deps);
    const responded = new Map<string, number>();
    station.events.on('call.updated', (call) => {
      if (!responded.has(call.id) && (call.state === 'active' || call.state === 'ended')) responded.set(call.id, performance.now());
    });
    const ours = async (): Promise<number> => {
      const started = performance.now();
      const placed = lines.place();
      if (placed.kind !== 'placed') throw new Error(`no attempt placed: ${JSON.stringify(placed)}`);
      await new Promise<void>((resolve) => done.set(placed.line.attemptId, resolve));
      const at = responded.get(placed.line.callId!);
      if (at === undefined) throw new Error('an attempt ended without a response seen');
      return at - started;
    };

    // sip.js with its own transport: none of the workstation's layers (not even its inbound guard) on this side.
    bare = await bareSipJs('bare960', kamailio.wsUrl);
    const ua = bare;
    // Followed as the dialer's lines are, by its state changes (no polling), and ended as the dialer ends an
    // answer nobody takes: hung up at once, racing the customers who hang up at once themselves.
    const bareCall = async (i: number): Promise<number> => {
      const number = numbers[i % numbers.length]!;
      const started = performance.now();
      const inviter = new Inviter(ua, UserAgent.makeURI(`sip:${number}@127.0.0.1`)!);
      let respondedAt = 0;
      const ended = new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`the bare call to ${number} did not end (${inviter.state})`)), 15_000);
        inviter.stateChange.addListener((state) => {
          if (respondedAt === 0 && (state === SessionState.Established || state === SessionState.Terminated)) respondedAt = performance.now();
          if (state === SessionState.Established) inviter.bye().catch(() => undefined);
          if (state === SessionState.Terminated) {
            clearTimeout(timeout);
            resolve();
          }
        });
      });
      await inviter.invite();
      await ended;
      return respondedAt - started;
    };

    log('dialer-attempts: warm-up');
    await paced(warmup, () => ours());
    await paced(warmup, (i) => bareCall(i));
    // In alternate blocks, so that both sides meet the same load from whatever else runs on the machine.
    log(`dialer-attempts: ${attempts} attempts through the dialer's lines and ${attempts} bare sip.js calls, ${concurrency} out at a time, in blocks of ${block}`);
    const engine = { seconds: 0, cpuMs: 0, setups: [] as number[] };
    const raw = { seconds: 0, cpuMs: 0, setups: [] as number[] };
    const add = (side: typeof engine, measured: typeof engine) => {
      side.seconds += measured.seconds;
      side.cpuMs += measured.cpuMs;
      side.setups.push(...measured.setups);
    };
    for (let from = 0; from < attempts; from += block) {
      add(engine, await paced(block, () => ours()));
      add(raw, await paced(block, (i) => bareCall(warmup + from + i)));
    }
    const invited = customers.invites();
    const twice = numbers.filter((n) => (invited.get(n) ?? 0) > 2);
    if (twice.length > 0) throw new Error(`numbers called more than once by each side: ${twice.join(', ')}`);

    const perSecond = attempts / engine.seconds;
    const rawPerSecond = attempts / raw.seconds;
    return [
      { name: 'dialer.attempts_per_s', value: perSecond, unit: 'attempts/s' },
      { name: 'raw.dialer.attempts_per_s', value: rawPerSecond, unit: 'calls/s' },
      { name: 'dialer.attempts_ratio_to_bare', value: perSecond / rawPerSecond, unit: 'x' },
      { name: 'dialer.attempt_cpu_ms', value: engine.cpuMs / attempts, unit: 'ms' },
      { name: 'raw.dialer.attempt_cpu_ms', value: raw.cpuMs / attempts, unit: 'ms' },
      ...medianAndTail('dialer.attempt_setup', engine.setups),
      ...medianAndTail('raw.dialer.attempt_setup', raw.setups),
    ];
  } catch (error) {
    // A call that never ended is usually the PBX's or sipp's doing: their own words say which.
    log(`sipp customers: ${customers?.errors.slice(-3000) ?? ''}`);
    log(`Kamailio: ${kamailio.output.slice(-3000)}`);
    throw error;
  } finally {
    await bare?.stop();
    await workstation?.dispose();
    await customers?.stop();
    await kamailio.dispose();
    scratch.remove();
  }
}
