import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInfo } from '#contract';
import { artifactPath } from '#tests/support/artifacts';
import { launchChromium } from '#tests/support/chromium';
import { BrowserPeer } from '#tests/support/sip/browser-peer';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { heardOn, isBeep, isTone, keepPeerConnections, listenOn, MediaEnginePage } from '#tests/support/sip/media-engine-page';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { toneWav } from '#tests/support/sip/tone-wav';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { createSuiteWorkstation } from '#tests/support/workstation';

/** The message: a steady tone, which the listener tells apart from the fake microphone's short beeps (about 390 Hz, twice a second). */
const toneHz = 1_000;
const messageMs = 2_000;

/**
 * A recorded message played into a dialer's call, along the app's path: the core places an attempt
 * through Kamailio to a customer (sip.js in another Chromium page), the window's MediaEngine makes the
 * audio, and the dialer plays a message (DialerAttempts.playMessage → media.request play → the engine),
 * to a call handed to the operator or to one not handed over (which the operator is not on).
 * The customer's page listens to what arrives, a spectrum every 20 ms.
 */
describe('a dialer plays a recorded message into a call', () => {
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
    station = await registeredWorkstation(kamailio, 'op840', {}, ({ media: _static, ...options }) => createSuiteWorkstation(data.path, options));
    engine = await MediaEnginePage.open(browser, station.workstation);
    customer = await BrowserPeer.open(browser);
    await customer.register('cust841', kamailio.wsUrl);
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

  /** An attempt the customer answers; from the answer on, their page notes what it hears. */
  async function answeredAttempt(): Promise<CallInfo> {
    const { workstation, account } = station;
    const answered: CallInfo[] = [];
    const attempt = workstation.phone.attempts.place({ accountId: account.id, target: 'cust841', contactId: null, ringTimeoutMs: 15_000, headers: [], hooks: { answered: (call) => answered.push(call), ended: () => undefined } });
    // The newest session is the incoming call, not yet accepted.
    await customer.page.waitForFunction(`window.peer.sessionState() === 'Initial'`, undefined, { timeout: 10_000 });
    await customer.page.evaluate('window.peer.answer()');
    await eventually(() => answered.length, (n) => n > 0, 10_000, 'the attempt answered');
    await listenOn(customer.page, toneHz);
    return attempt;
  }

  const heard = () => heardOn(customer.page);

  it('sends the message in place of the microphone, answers once it has played, and puts the microphone back', async () => {
    const attempt = await answeredAttempt();
    const { attempts } = station.workstation.phone;
    await attempts.handOver(attempt.id);
    // The microphone's beeps reach the customer first.
    await eventually(heard, (all) => all.some(isBeep), 10_000, 'the microphone heard');

    // Something that is no audio is refused, and the microphone stays.
    await expect(attempts.playMessage(attempt.id, Buffer.from('not audio at all'))).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_failed' });
    expect(await engine.sending(attempt.id)).toBe('microphone');

    const askedAt = Date.now();
    await attempts.playMessage(attempt.id, toneWav(toneHz, messageMs));
    const repliedAt = Date.now();
    expect(repliedAt - askedAt).toBeGreaterThanOrEqual(messageMs);
    expect(await engine.sending(attempt.id)).toBe('microphone');
    const all = await eventually(heard, (list) => list.some((h) => h.at > repliedAt && isBeep(h)), 10_000, 'the microphone heard again');

    const first = all.findIndex(isTone);
    const last = all.findLastIndex(isTone);
    expect(first).toBeGreaterThan(0);
    expect(all[first]!.at).toBeGreaterThanOrEqual(askedAt);
    const during = all.slice(first, last + 1);
    // The message alone, not mixed with the microphone, and steady from its start to its end.
    expect(during.filter(isBeep)).toEqual([]);
    expect(during.filter(isTone).length / during.length).toBeGreaterThan(0.9);
    expect(all.slice(last + 1).some(isBeep)).toBe(true);
    writeFileSync(
      artifactPath('dialer-message-playback.json'),
      JSON.stringify({ messageMs, startedAfterMs: all[first]!.at - askedAt, heardMs: all[last]!.at - all[first]!.at, repliedAfterMs: repliedAt - askedAt }, null, 2),
    );
    await station.workstation.phone.operator.hangup(attempt.id);
  });

  it('plays the message to a call the operator is not on, and sends nothing again after it', async () => {
    const attempt = await answeredAttempt();
    expect(await engine.sending(attempt.id)).toBe('nothing');
    await station.workstation.phone.attempts.playMessage(attempt.id, toneWav(toneHz, messageMs));
    const repliedAt = Date.now();
    expect(await engine.sending(attempt.id)).toBe('nothing');
    // Two seconds heard after the message: four of the microphone's beeps, had it been put back.
    const all = await eventually(heard, (list) => list.some((h) => h.at > repliedAt + 2_000), 10_000, 'two seconds after the message');
    expect(all.filter(isTone).length).toBeGreaterThan(0);
    expect(all.filter(isBeep)).toEqual([]);
    await station.workstation.phone.operator.hangup(attempt.id);
  });

  it('stops a message the customer hangs up on, and says the call ended during it', async () => {
    const attempt = await answeredAttempt();
    const playing = station.workstation.phone.attempts.playMessage(attempt.id, toneWav(toneHz, 20_000));
    const outcome = playing.then(
      () => 'played',
      (error: { reason?: string; params?: unknown }) => ({ reason: error.reason, params: error.params }),
    );
    await eventually(heard, (all) => all.some(isTone), 10_000, 'the message heard');
    await customer.page.evaluate('window.peer.hangup()');
    await expect(outcome).resolves.toEqual({ reason: 'call_audio_failed', params: { detail: 'the call ended during the message' } });
  });
});
