import Database from 'better-sqlite3';
import { Inviter, Registerer, RegistererState, SessionState, UserAgent, type BodyAndContentType, type SessionDescriptionHandler } from 'sip.js';
import WebSocket from 'ws';
import type { CallInfo, MethodInput, MethodName, MethodOutput } from '#contract';
import type { Workstation } from '#core/app/workstation';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { SipPeer } from '#tests/support/sip/sip-peer';
import { assets, scratchDir, workstationOn } from './bench-workstation';
import { percentile, type Figure } from './measure';
import { millionContactCopy } from './million-contacts';

/**
 * Every SIP message on every `ws` socket of this process, with its time: the moment an INVITE
 * reaches a user agent and the moment a 200 OK answers one are read here, below sip.js.
 */
function watchSipWire() {
  const seen: { at: number; direction: 'in' | 'out'; text: string }[] = [];
  const proto = WebSocket.prototype as unknown as { emit: (event: string, ...args: unknown[]) => boolean; send: (data: unknown, ...rest: unknown[]) => void };
  const emit = proto.emit;
  const send = proto.send;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === 'message') seen.push({ at: performance.now(), direction: 'in', text: String(args[0]) });
    return emit.call(this, event, ...args);
  };
  proto.send = function (this: unknown, data: unknown, ...rest: unknown[]) {
    seen.push({ at: performance.now(), direction: 'out', text: String(data) });
    return send.call(this, data, ...rest);
  };
  const callId = (text: string) => /^Call-ID:\s*(\S+)/im.exec(text)?.[1];
  return {
    clear: () => (seen.length = 0),
    /** When the last INVITE addressed to `user` arrived. */
    inviteArrived(user: string): number | undefined {
      return seen.findLast((m) => m.direction === 'in' && m.text.startsWith(`INVITE sip:`) && m.text.includes(`To: <sip:${user}@`))?.at;
    },
    /** INVITE sent → 200 OK received, for every call placed by `fromUser`. */
    inviteTo200(fromUser: string): number[] {
      const sent = new Map<string, number>();
      const durations: number[] = [];
      for (const m of seen) {
        const id = callId(m.text);
        if (!id) continue;
        if (m.direction === 'out' && m.text.startsWith('INVITE ') && new RegExp(`^From:[^\\n]*sip:${fromUser}@`, 'im').test(m.text) && !sent.has(id)) sent.set(id, m.at);
        else if (m.direction === 'in' && m.text.startsWith('SIP/2.0 200') && /^CSeq:\s*\d+ INVITE/im.test(m.text) && sent.has(id)) {
          durations.push(m.at - (sent.get(id) as number));
          sent.delete(id);
        }
      }
      return durations;
    },
    restore() {
      proto.emit = emit;
      proto.send = send;
    },
  };
}

async function ok<M extends MethodName>(workstation: Workstation, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await workstation.dispatch(method, input, { origin: 'bench' });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 2);
    };
    tick();
  });
}

/** A bare sip.js user agent (its own WebSocket transport on `ws`, a fixed SDP): the baseline for call set-up. */
async function bareSipJs(user: string, wsUrl: string): Promise<UserAgent> {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
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
  const registerer = new Registerer(ua);
  await new Promise<void>((resolve) => {
    registerer.stateChange.addListener((state) => state === RegistererState.Registered && resolve());
    void registerer.register();
  });
  return ua;
}

/** Phone numbers of stored contacts, as a PBX would send them (international digits, no plus). */
function callerNumbers(file: string, count: number): string[] {
  const db = new Database(file, { readonly: true, nativeBinding: assets.nativeBinding });
  const rows = db.prepare("SELECT e164 FROM contact_phones WHERE e164 LIKE '+380%' AND rowid % 997 = 0 LIMIT ?").all(count) as { e164: string }[];
  db.close();
  return rows.map((r) => r.e164.slice(1));
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
    const numbers = callerNumbers(million, 220);
    const pops: number[] = [];
    let matched = 0;
    for (const [i, number] of numbers.entries()) {
      wire.clear();
      const inviter = await trunk.call('op950', [`P-Asserted-Identity: <sip:${number}@127.0.0.1>`]);
      await until(() => updates.some((c) => c.state === 'ringing_in' && c.remoteNumber === number), 5_000, 'ringing');
      const call = updates.findLast((c) => c.state === 'ringing_in' && c.remoteNumber === number) as CallInfo;
      const arrived = wire.inviteArrived('op950');
      const ready = ringingAt.get(call.id);
      if (i >= 20 && arrived !== undefined && ready !== undefined) pops.push(ready - arrived);
      if (call.contact) matched++;
      await ok(station, 'phone.reject', { callId: call.id });
      await until(() => inviter.state === SessionState.Terminated, 5_000, 'rejected');
    }
    log(`telephony: ${matched}/${numbers.length} callers matched a contact`);

    // INVITE → 200 OK: the workstation and a bare sip.js UA call the same auto-answering peer, alternately.
    log('telephony: INVITE to 200 OK against bare sip.js');
    const bob = new SipPeer('bob950', kamailio.wsUrl);
    peers.push(bob);
    await bob.register();
    const bare = await bareSipJs('bare950', kamailio.wsUrl);
    wire.clear();
    for (let i = 0; i < 60; i++) {
      const placed = await ok(station, 'phone.dial', { target: 'bob950' });
      await until(() => updates.some((c) => c.id === placed.id && c.state === 'active'), 5_000, 'answered');
      await ok(station, 'phone.hangup', { callId: placed.id });
      await until(() => updates.some((c) => c.id === placed.id && c.state === 'ended'), 5_000, 'ended');
      const inviter = new Inviter(bare, UserAgent.makeURI('sip:bob950@127.0.0.1') as NonNullable<ReturnType<typeof UserAgent.makeURI>>);
      await inviter.invite();
      await until(() => inviter.state === SessionState.Established, 5_000, 'bare answered');
      await inviter.bye();
      await until(() => inviter.state === SessionState.Terminated, 5_000, 'bare ended');
    }
    const ours = wire.inviteTo200('op950').slice(10);
    const raw = wire.inviteTo200('bare950').slice(10);
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
      { name: 'telephony.invite_to_200.raw_p50_ms', value: p50(raw), unit: 'ms' },
      { name: 'telephony.invite_to_200.ratio', value: p50(ours) / p50(raw), unit: 'ratio' },
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
