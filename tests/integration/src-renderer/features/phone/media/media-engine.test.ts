import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInfo } from '#contract';
import { launchChromium } from '#tests/support/chromium';
import { BrowserPeer } from '#tests/support/sip/browser-peer';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { heardOn, isBeep, isTone, keepPeerConnections, listenOn, MediaEnginePage, type Heard } from '#tests/support/sip/media-engine-page';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { createSuiteWorkstation } from '#tests/support/workstation';

/**
 * Whether the operator is on a dialer's call, along the app's path: the core places an attempt through
 * Kamailio to a customer (sip.js in another Chromium page) and the window's MediaEngine makes the audio.
 * Until the dialer hands the call over, the customer must not hear the operator (who may be talking to
 * someone else) and the operator must not hear the customer; after it, both ways. Nor must a party we
 * hold hear anyone (the operator's next conversation, a conference's other party) until resumed. The
 * customer's page listens to what arrives (the operator's fake microphone beeps twice a second).
 */
/** The customer's own voice in the conference test: a steady tone, unlike the fake microphones' beeps. */
const toneHz = 1_000;

describe('the operator is heard on a dialer’s call only once it is handed over, and on no call while it is held', () => {
  const kamailio = new TestKamailio();
  let browser: Browser;
  let station: RegisteredWorkstation;
  let engine: MediaEnginePage;
  let customer: BrowserPeer;
  /** Someone the operator talks to themselves. */
  let other: BrowserPeer;
  const data = tempDirOutsideTest();

  beforeAll(async () => {
    await kamailio.start();
    browser = await launchChromium(['--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required']);
    // The window's engine handles the audio, not the harness's static peer.
    station = await registeredWorkstation(kamailio, 'op850', {}, ({ media: _static, ...options }) => createSuiteWorkstation(data.path, options));
    engine = await MediaEnginePage.open(browser, station.workstation);
    customer = await BrowserPeer.open(browser);
    await customer.register('cust851', kamailio.wsUrl);
    await keepPeerConnections(customer.page);
    other = await BrowserPeer.open(browser);
    await other.register('cust852', kamailio.wsUrl);
    await keepPeerConnections(other.page);
  });

  afterAll(async () => {
    await customer?.close();
    await other?.close();
    await engine?.close();
    await browser?.close();
    await station?.workstation.dispose();
    await kamailio.dispose();
    data.remove();
  });

  const heard = () => heardOn(customer.page);
  const heardByOther = () => heardOn(other.page);
  const since = (list: Heard[], at: number) => list.filter((h) => h.at > at);
  /** What was on its way when the sender changed still plays out of the far side's jitter buffer for a moment. */
  const settled = (at: number) => at + 500;

  /** A dialer attempt the customer answers; from the answer on, their page notes what it hears. */
  async function answeredAttempt(): Promise<CallInfo> {
    const { workstation, account } = station;
    const answered: CallInfo[] = [];
    const attempt = workstation.phone.attempts.place({ accountId: account.id, target: 'cust851', contactId: null, ringTimeoutMs: 15_000, headers: [], hooks: { answered: (call) => answered.push(call), ended: () => undefined } });
    await customer.page.waitForFunction(`window.peer.sessionState() === 'Initial'`, undefined, { timeout: 10_000 });
    await customer.page.evaluate('window.peer.answer()');
    await eventually(() => answered.length, (n) => n > 0, 10_000, 'the attempt answered');
    await listenOn(customer.page, toneHz);
    return attempt;
  }

  /** An operator's own call to `peer`, answered; from then on their page notes what it hears. */
  async function ownCall(peer: BrowserPeer, number: string): Promise<CallInfo> {
    const call = await station.workstation.phone.operator.dial(number, { accountId: station.account.id });
    await peer.page.waitForFunction(`window.peer.sessionState() === 'Initial'`, undefined, { timeout: 10_000 });
    await peer.page.evaluate('window.peer.answer()');
    await station.call((c) => c.id === call.id && c.state === 'active');
    await listenOn(peer.page, toneHz);
    return call;
  }

  /** The customer says something the other party could not mistake for a microphone's beep: a steady tone. */
  function customerSaysTone(): Promise<void> {
    return customer.page.evaluate(`(async () => {
      const context = new AudioContext();
      await context.resume();
      const tone = context.createOscillator();
      tone.frequency.value = ${toneHz};
      const out = context.createMediaStreamDestination();
      tone.connect(out);
      tone.start();
      await window.peerConnections.at(-1).getSenders()[0].replaceTrack(out.stream.getAudioTracks()[0]);
    })()`);
  }

  it('neither plays the customer nor sends them the microphone before the hand-over, and both after it', async () => {
    const { workstation } = station;
    const attempt = await answeredAttempt();

    // The customer's audio reaches the operator's window, which does not play it; the operator's microphone is not sent.
    await eventually(() => engine.packetsReceived(attempt.id), (n) => n > 50, 10_000, 'the customer’s audio at the window');
    expect(await engine.speaker(attempt.id)).toEqual({ playing: true, muted: true });
    expect(await engine.sending(attempt.id)).toBe('nothing');
    const before = await eventually(heard, (list) => list.length > 0 && list.at(-1)!.at - list[0]!.at > 2_000, 10_000, 'two seconds at the customer');
    expect(before.filter(isBeep)).toEqual([]);
    // The same peer connection throughout: nothing renegotiated.
    const connections = await engine.page.evaluate<number>('window.peerConnections.length');

    const call = await workstation.phone.attempts.handOver(attempt.id);
    expect(call.info).toMatchObject({ id: attempt.id, state: 'active' });
    expect(await engine.speaker(attempt.id)).toEqual({ playing: true, muted: false });
    expect(await engine.sending(attempt.id)).toBe('microphone');
    const handedAt = Date.now();
    await eventually(heard, (list) => list.some((h) => h.at > handedAt && isBeep(h)), 10_000, 'the operator heard by the customer');
    expect(await engine.page.evaluate<number>('window.peerConnections.length')).toBe(connections);
    const received = await engine.packetsReceived(attempt.id);
    await eventually(() => engine.packetsReceived(attempt.id), (n) => n > received + 50, 10_000, 'the customer’s audio still arriving');
    await workstation.phone.operator.hangup(attempt.id);
  });

  it('keeps an operator’s own call heard both ways', async () => {
    const { workstation } = station;
    const call = await ownCall(customer, 'cust851');
    expect(await engine.speaker(call.id)).toEqual({ playing: true, muted: false });
    expect(await engine.sending(call.id)).toBe('microphone');
    const shownAt = Date.now();
    await eventually(heard, (list) => list.some((h) => h.at > shownAt && isBeep(h)), 10_000, 'the operator heard by the customer');
    await workstation.phone.operator.hangup(call.id);
  });

  it('leaves a dialer’s call the operator held on hold when it is handed over, and resumes it both ways', async () => {
    const { workstation } = station;
    const attempt = await answeredAttempt();
    await workstation.phone.focus.hold(attempt.id);
    const direction = () => engine.page.evaluate<string>(`window.peerConnections.at(-1).getTransceivers()[0].direction`);
    expect(await direction()).toBe('sendonly');
    expect(await engine.sending(attempt.id)).toBe('nothing');

    const handed = await workstation.phone.attempts.handOver(attempt.id);
    expect(handed.info.state).toBe('held');
    expect(await direction()).toBe('sendonly');
    expect(await engine.speaker(attempt.id)).toEqual({ playing: true, muted: false });
    expect(await engine.sending(attempt.id)).toBe('nothing');

    await workstation.phone.focus.resume(attempt.id);
    const resumedAt = Date.now();
    expect(await direction()).toBe('sendrecv');
    expect(await engine.sending(attempt.id)).toBe('microphone');
    await eventually(heard, (list) => list.some((h) => h.at > resumedAt && isBeep(h)), 10_000, 'the operator heard by the customer');
    const received = await engine.packetsReceived(attempt.id);
    await eventually(() => engine.packetsReceived(attempt.id), (n) => n > received + 50, 10_000, 'the customer’s audio at the window');
    await workstation.phone.operator.hangup(attempt.id);
  });

  it('keeps a dialer’s call out of a conference’s mix until it is handed over', async () => {
    const { workstation } = station;
    const own = await ownCall(other, 'cust852');
    const attempt = await answeredAttempt();
    await customerSaysTone();
    await workstation.phone.focus.conference([own.id, attempt.id]);
    // As the phone bar's provider does when main says the calls are joined.
    await engine.page.evaluate(`window.engine.setConference(${JSON.stringify([own.id, attempt.id])})`);
    const mixedAt = Date.now();
    expect(await engine.sending(own.id)).toBe('something else');
    expect(await engine.sending(attempt.id)).toBe('nothing');
    const otherBefore = await eventually(heardByOther, (list) => list.some((h) => h.at > mixedAt + 2_000), 10_000, 'two seconds of the mix');
    const customerBefore = await eventually(heard, (list) => list.some((h) => h.at > mixedAt + 2_000), 10_000, 'two seconds at the customer');
    // The other party hears the operator, not the customer; the customer hears neither.
    expect(since(otherBefore, mixedAt).some(isBeep)).toBe(true);
    expect(since(otherBefore, mixedAt).filter(isTone)).toEqual([]);
    expect(since(customerBefore, mixedAt).filter(isBeep)).toEqual([]);
    expect(await engine.speaker(attempt.id)).toEqual({ playing: true, muted: true });

    await workstation.phone.attempts.handOver(attempt.id);
    const handedAt = Date.now();
    expect(await engine.sending(attempt.id)).toBe('something else');
    expect(await engine.speaker(attempt.id)).toEqual({ playing: true, muted: false });
    expect(workstation.phone.registry.get(own.id).info).toMatchObject({ state: 'active', conference: true });
    await eventually(heardByOther, (list) => since(list, handedAt).some(isTone), 10_000, 'the customer in the mix');
    await eventually(heard, (list) => since(list, handedAt).some(isBeep), 10_000, 'the operator heard by the customer');
    await workstation.phone.operator.hangup(attempt.id);
    await workstation.phone.operator.hangup(own.id);
  });

  it('sends a customer we hold nothing, and the microphone again once resumed', async () => {
    const { workstation } = station;
    const call = await ownCall(customer, 'cust851');
    const talkingAt = Date.now();
    await eventually(heard, (list) => since(list, talkingAt).some(isBeep), 10_000, 'the operator heard by the customer');

    await workstation.phone.focus.hold(call.id);
    const heldAt = settled(Date.now());
    expect(workstation.phone.registry.get(call.id).info.state).toBe('held');
    expect(await engine.sending(call.id)).toBe('nothing');
    const onHold = await eventually(heard, (list) => list.some((h) => h.at > heldAt + 2_000), 10_000, 'two seconds on hold at the customer');
    expect(since(onHold, heldAt).filter(isBeep)).toEqual([]);

    await workstation.phone.focus.resume(call.id);
    const resumedAt = Date.now();
    expect(await engine.sending(call.id)).toBe('microphone');
    await eventually(heard, (list) => since(list, resumedAt).some(isBeep), 10_000, 'the operator heard again by the customer');
    await workstation.phone.operator.hangup(call.id);
  });

  it('sends a conference member held at the split nothing: neither the operator nor the other party', async () => {
    const { workstation } = station;
    const own = await ownCall(other, 'cust852');
    const call = await ownCall(customer, 'cust851');
    await customerSaysTone();
    await workstation.phone.focus.conference([own.id, call.id]);
    await engine.page.evaluate(`window.engine.setConference(${JSON.stringify([own.id, call.id])})`);
    const mixedAt = Date.now();
    await eventually(heardByOther, (list) => since(list, mixedAt).some(isTone), 10_000, 'the customer heard by the other party');

    // The operator goes on with the customer; the other party waits on hold. The window's mix is still standing
    // (the phone bar's provider takes it apart when main's change reaches it).
    await workstation.phone.focus.split(call.id);
    const splitAt = settled(Date.now());
    expect(workstation.phone.registry.get(own.id).info.state).toBe('held');
    expect(await engine.sending(own.id)).toBe('nothing');
    const onHold = await eventually(heardByOther, (list) => list.some((h) => h.at > splitAt + 2_000), 10_000, 'two seconds on hold at the other party');
    expect(since(onHold, splitAt).filter(isBeep)).toEqual([]);
    expect(since(onHold, splitAt).filter(isTone)).toEqual([]);
    await eventually(heard, (list) => since(list, splitAt).some(isBeep), 10_000, 'the operator still heard by the customer');

    await engine.page.evaluate('window.engine.setConference([])');
    expect(await engine.sending(own.id)).toBe('nothing');
    expect(await engine.sending(call.id)).toBe('microphone');
    await workstation.phone.operator.hangup(call.id);
    await workstation.phone.operator.hangup(own.id);
  });
});
