import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInfo } from '#contract';
import { launchChromium } from '#tests/support/chromium';
import { BrowserPeer } from '#tests/support/sip/browser-peer';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { heardOn, isBeep, keepPeerConnections, listenOn, MediaEnginePage } from '#tests/support/sip/media-engine-page';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { createSuiteWorkstation } from '#tests/support/workstation';

/**
 * Whether the operator is on a dialer's call, along the app's path: the core places an attempt through
 * Kamailio to a customer (sip.js in another Chromium page) and the window's MediaEngine makes the audio.
 * Until the dialer hands the call over, the customer must not hear the operator (who may be talking to
 * someone else) and the operator must not hear the customer; after it, both ways. The customer's page
 * listens to what arrives (the operator's fake microphone beeps twice a second).
 */
describe('the operator is not on a dialer’s call until it is handed over', () => {
  const kamailio = new TestKamailio();
  let browser: Browser;
  let station: RegisteredWorkstation;
  let engine: MediaEnginePage;
  let customer: BrowserPeer;
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
  });

  afterAll(async () => {
    await customer?.close();
    await engine?.close();
    await browser?.close();
    await station?.workstation.dispose();
    await kamailio.dispose();
    data.remove();
  });

  const heard = () => heardOn(customer.page);

  it('neither plays the customer nor sends them the microphone before the hand-over, and both after it', async () => {
    const { workstation, account } = station;
    const answered: CallInfo[] = [];
    const attempt = workstation.phone.attempts.place({ accountId: account.id, target: 'cust851', contactId: null, ringTimeoutMs: 15_000, headers: [], hooks: { answered: (call) => answered.push(call), ended: () => undefined } });
    await customer.page.waitForFunction(`window.peer.sessionState() === 'Initial'`, undefined, { timeout: 10_000 });
    await customer.page.evaluate('window.peer.answer()');
    await eventually(() => answered.length, (n) => n > 0, 10_000, 'the attempt answered');
    await listenOn(customer.page, 1_000);

    // The customer's audio reaches the operator's window, which does not play it; the operator's microphone is not sent.
    await eventually(() => engine.packetsReceived(), (n) => n > 50, 10_000, 'the customer’s audio at the window');
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
    const received = await engine.packetsReceived();
    await eventually(() => engine.packetsReceived(), (n) => n > received + 50, 10_000, 'the customer’s audio still arriving');
    await workstation.phone.operator.hangup(attempt.id);
  });

  it('keeps an operator’s own call heard both ways', async () => {
    const { workstation, account } = station;
    const call = await workstation.phone.operator.dial('cust851', { accountId: account.id });
    await customer.page.waitForFunction(`window.peer.sessionState() === 'Initial'`, undefined, { timeout: 10_000 });
    await customer.page.evaluate('window.peer.answer()');
    await station.call((c) => c.id === call.id && c.state === 'active');
    await listenOn(customer.page, 1_000);
    expect(await engine.speaker(call.id)).toEqual({ playing: true, muted: false });
    expect(await engine.sending(call.id)).toBe('microphone');
    const shownAt = Date.now();
    await eventually(heard, (list) => list.some((h) => h.at > shownAt && isBeep(h)), 10_000, 'the operator heard by the customer');
    await workstation.phone.operator.hangup(call.id);
  });
});
