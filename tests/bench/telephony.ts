import Database from 'better-sqlite3';
import { Inviter, Registerer, RegistererState, SessionState, UserAgent, type BodyAndContentType, type SessionDescriptionHandler } from 'sip.js';
import WebSocket from 'ws';
import type { CallInfo } from '#contract';
import type { Workstation } from '#core/app/workstation';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { SipPeer } from '#tests/support/sip/sip-peer';
import { watchSipWire } from '#tests/support/sip/wire-tap';
import { assets, ok, scratchDir, until, workstationOn } from './bench-workstation';
import { percentile, type Figure } from './measure';
import { millionContactCopy } from '#tests/support/million-contacts';



/** A bare sip.js user agent (its own WebSocket transport on `ws`, a fixed SDP): the baseline for call set-up. */
export async function bareSipJs(user: string, wsUrl: string): Promise<UserAgent> {
  // sip.js's own transport uses the global WebSocket; on Node 22+ that is undici's, which the wire
  // tap would not see: the tapped `ws` stands in for it while the baseline connects.
  const global = globalThis as { WebSocket?: unknown };
  const before = global.WebSocket;
  global.WebSocket = WebSocket;
  const media = new StaticMediaPeer(42_000);
  const sdh = (): SessionDescriptionHandler => ({
    getDescription: async (): Promise<BodyAndContentType> => ({ body: await media.offer('bare', { hold: false }), contentType: 'application/sdp' }),
    setDescription: () => Promise.resolve(),
    hasDescription: (type) => type === 'application/sdp',
    rollbackDescription: () => Promise.resolve(),
    sendDtmf: () => false,
    close: () => undefined,
  });
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${user}@127.0.0.1`),
    authorizationUsername: user,
    authorizationPassword: 'secret',
    transportOptions: { server: wsUrl },
    sessionDescriptionHandlerFactory: sdh,
    logBuiltinEnabled: false,
  });
  await ua.start();
  global.WebSocket = before;
  const registerer = new Registerer(ua);
  await new Promise<void>((resolve) => {
    registerer.stateChange.addListener((state) => state === RegistererState.Registered && resolve());
    void registerer.register();
  });
  return ua;
}

/**
 * Callers as a PBX sends them: stored numbers in international digits without the plus and in the
 * national form ("0…"), and numbers nobody in the database has. Each with who it should pop.
 */
function callers(file: string, count: number): { number: string; canonical: string; known: boolean }[] {
  const db = new Database(file, { readonly: true, nativeBinding: assets.nativeBinding });
  const rows = db.prepare("SELECT e164 FROM contact_phones WHERE e164 LIKE '+380%' AND rowid % 997 = 0 LIMIT ?").all(count) as { e164: string }[];
  const stored = db.prepare('SELECT 1 FROM contact_phones WHERE e164 = ?');
  const unknown: string[] = [];
  for (let n = 0; unknown.length < Math.round(count / 10); n++) {
    const e164 = `+38099${String(9_000_000 - n).padStart(7, '0')}`;
    if (!stored.get(e164)) unknown.push(e164);
  }
  db.close();
  return [
    ...rows.map((r, i) => ({ number: i % 2 === 0 ? r.e164.slice(1) : `0${r.e164.slice(4)}`, canonical: r.e164, known: true })),
    ...unknown.map((e164) => ({ number: e164.slice(1), canonical: e164, known: false })),
  ];
}

export async function telephonyFigures(log: (line: string) => void): Promise<Figure[]> {
  const scratch = scratchDir();
  const million = millionContactCopy(log, scratch.path);
  const kamailio = new TestKamailio();
  const wire = watchSipWire();
  const peers: SipPeer[] = [];
  let workstation: Workstation | undefined;
  try {
    await kamailio.start();
    workstation = workstationOn(scratch.path, million, { media: new StaticMediaPeer(40_000), sipKeepAliveMs: 1_000, clock: { now: () => Date.now() } });
    const station = workstation;
    const updates: CallInfo[] = [];
    const ringingAt = new Map<string, number>();
    station.events.on('call.updated', (c) => updates.push(c));
    station.events.on('call.ringing', ({ call }) => ringingAt.set(call.id, performance.now()));
    await ok(station, 'phone.saveAccount', { label: 'Bench', wsUrl: kamailio.wsUrl, sipUri: 'sip:op950@127.0.0.1', password: 'secret' });
    await until(() => station.phone.status.current.registration === 'registered', 10_000, 'registration');

    // Screen pop: a trunk calls with the caller's number in P-Asserted-Identity; 1M contacts in the database.
    log('telephony: screen pop on 1,000,000 contacts');
    const trunk = new SipPeer('trunk950', kamailio.wsUrl);
    trunk.onInvite = 'answer';
    peers.push(trunk);
    await trunk.register();
    const numbers = callers(million, 220);
    const pops: number[] = [];
    let matched = 0;
    for (const [i, caller] of numbers.entries()) {
      wire.clear();
      const inviter = await trunk.call('op950', [`P-Asserted-Identity: <sip:${caller.number}@127.0.0.1>`]);
      await until(() => updates.some((c) => c.state === 'ringing_in' && c.remoteNumber === caller.canonical), 5_000, 'ringing');
      const call = updates.findLast((c) => c.state === 'ringing_in' && c.remoteNumber === caller.canonical) as CallInfo;
      const arrived = wire.inviteArrived('op950');
      const ready = ringingAt.get(call.id);
      if (i >= 20 && arrived !== undefined && ready !== undefined) pops.push(ready - arrived);
      // Right means: a stored caller found, an unknown one left unknown.
      if (Boolean(call.contact) === caller.known) matched++;
      await ok(station, 'phone.reject', { callId: call.id });
      await until(() => inviter.state === SessionState.Terminated, 5_000, 'rejected');
    }
    log(`telephony: ${matched}/${numbers.length} callers identified rightly (stored ones found, unknown ones not)`);

    // INVITE → 200 OK: the workstation and a bare sip.js UA call the same auto-answering peer, alternately.
    log('telephony: INVITE to 200 OK against bare sip.js');
    const bob = new SipPeer('bob950', kamailio.wsUrl);
    peers.push(bob);
    await bob.register();
    const bare = await bareSipJs('bare950', kamailio.wsUrl);
    // Ours: from the phone.dial request entering the dispatcher (lookup, call-log row, holds, SDP from the
    // media peer, INVITE) to its 200 OK reaching the app; bare: from invite() to the 200 OK, same peer, same run.
    const ours: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < 70; i++) {
      wire.clear();
      const dialAt = performance.now();
      const placed = await station.dispatch('phone.dial', { target: 'bob950' }, { origin: 'bench' });
      if (!placed.ok) throw new Error(placed.error.message);
      const placedId = (placed.value as CallInfo).id;
      await until(() => updates.some((c) => c.id === placedId && c.state === 'active'), 5_000, 'answered');
      const answered = wire.last200('op950');
      await ok(station, 'phone.hangup', { callId: placedId });
      await until(() => updates.some((c) => c.id === placedId && c.state === 'ended'), 5_000, 'ended');
      const inviter = new Inviter(bare, UserAgent.makeURI('sip:bob950@127.0.0.1') as NonNullable<ReturnType<typeof UserAgent.makeURI>>);
      const inviteAt = performance.now();
      await inviter.invite();
      await until(() => inviter.state === SessionState.Established, 5_000, 'bare answered');
      const bareAnswered = wire.last200('bare950');
      await inviter.bye();
      await until(() => inviter.state === SessionState.Terminated, 5_000, 'bare ended');
      if (i >= 10 && answered !== undefined && bareAnswered !== undefined) {
        ours.push(answered - dialAt);
        raw.push(bareAnswered - inviteAt);
      }
    }
    await bare.stop();

    // Re-registration after a PBX restart: from Kamailio accepting connections to registered again.
    log('telephony: re-registration after Kamailio restarts');
    for (const peer of peers.splice(0)) await peer.stop();
    const reregister: number[] = [];
    for (let i = 0; i < 5; i++) {
      await kamailio.stop();
      await until(() => station.phone.status.current.registration !== 'registered', 10_000, 'offline');
      await kamailio.start();
      const back = performance.now();
      await until(() => station.phone.status.current.registration === 'registered', 10_000, 'registered again');
      reregister.push(performance.now() - back);
    }

    const p50 = (xs: number[]) => percentile(xs, 50);
    return [
      { name: 'telephony.screen_pop.p95_ms', value: percentile(pops, 95), unit: 'ms' },
      { name: 'telephony.screen_pop.p50_ms', value: p50(pops), unit: 'ms' },
      { name: 'telephony.screen_pop.matched_ratio', value: matched / numbers.length, unit: 'ratio' },
      { name: 'telephony.invite_to_200.p50_ms', value: p50(ours), unit: 'ms' },
      { name: 'telephony.invite_to_200.p95_ms', value: percentile(ours, 95), unit: 'ms' },
      { name: 'raw.telephony.invite_to_200.p50_ms', value: p50(raw), unit: 'ms' },
      { name: 'raw.telephony.invite_to_200.p95_ms', value: percentile(raw, 95), unit: 'ms' },
      { name: 'telephony.invite_to_200.ratio_p95', value: percentile(ours, 95) / percentile(raw, 95), unit: 'x (p95/p95)' },
      { name: 'telephony.invite_to_200.ratio_p50', value: p50(ours) / p50(raw), unit: 'x (p50/p50)' },
      { name: 'telephony.reregister_after_restart.ms', value: Math.max(...reregister), unit: 'ms' },
      { name: 'telephony.reregister_after_restart.p50_ms', value: p50(reregister), unit: 'ms' },
    ];
  } finally {
    wire.restore();
    for (const peer of peers) await peer.stop();
    if (workstation) {
      // The calls made here go; the cached million-contact database stays as it was.
      workstation.database.sqlite.exec('DELETE FROM interactions WHERE id IN (SELECT interaction_id FROM calls)');
      await workstation.dispose();
    }
    await kamailio.dispose();
    scratch.remove();
  }
}
