import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInfo } from '#contract';
import type { MachineVerdict } from '#core/telephony/calls/dialer-attempts';
import { amdRecordingsDir } from '#tests/support/amd-recordings';
import { artifactPath } from '#tests/support/artifacts';
import { launchChromium } from '#tests/support/chromium';
import { ok } from '#tests/support/crm';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { MediaEnginePage } from '#tests/support/sip/media-engine-page';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { RecordingCallee } from '#tests/support/sip/recording-callee';
import { TestRtpengine } from '#tests/support/sip/rtpengine';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { createSuiteWorkstation } from '#tests/support/workstation';

/**
 * A dialer's answering-machine question on real calls, along the path the app takes: the core places an
 * attempt through Kamailio (SIP in main), the window's MediaEngine in Chromium makes the WebRTC audio,
 * rtpengine relays it to sipp, which answers and plays a labelled recording; at the answer the dialer
 * asks (DialerAttempts.detectMachine → media.request detect_machine → the engine's detector → media.reply).
 */
describe('a dialer asks the window who answered: a person or a machine', () => {
  let rtpengine: TestRtpengine;
  let kamailio: TestKamailio;
  let browser: Browser;
  let station: RegisteredWorkstation;
  let engine: MediaEnginePage;
  let callee: RecordingCallee;
  const data = tempDirOutsideTest();
  /** Each verdict with the wall-clock time from the answer to the reply in main, for the record. */
  const results: Record<string, MachineVerdict & { wallMs: number }> = {};

  beforeAll(async () => {
    rtpengine = await TestRtpengine.start();
    kamailio = new TestKamailio({ rtpengineNgPort: rtpengine.ngPort });
    await kamailio.start();
    browser = await launchChromium(['--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required']);
    // The window's engine handles the audio, not the harness's static peer.
    station = await registeredWorkstation(kamailio, 'op830', {}, ({ media: _static, ...options }) => createSuiteWorkstation(data.path, options));
    engine = await MediaEnginePage.open(browser, station.workstation);
    callee = await RecordingCallee.register(kamailio);
  });

  afterAll(async () => {
    writeFileSync(artifactPath('dialer-machine-verdicts.json'), JSON.stringify(results, null, 2));
    await engine?.close();
    await browser?.close();
    await station?.workstation.dispose();
    await kamailio?.dispose();
    await rtpengine?.stop();
    callee?.dispose();
    data.remove();
  });

  /** Places an attempt the callee answers with `recording`; at the answer, asks for the verdict. */
  async function attemptAnsweredWith(recording: string): Promise<{ verdict: MachineVerdict; hooked: MachineVerdict[] }> {
    const { workstation, account } = station;
    const answering = callee.answerPlaying(join(amdRecordingsDir, recording));
    const hooked: MachineVerdict[] = [];
    const answered: CallInfo[] = [];
    const attempt = workstation.phone.attempts.place({
      accountId: account.id,
      target: callee.user,
      contactId: null,
      ringTimeoutMs: 15_000,
      headers: [],
      hooks: { answered: (call) => answered.push(call), machineVerdict: (_call, verdict) => hooked.push(verdict), ended: () => undefined },
    });
    await eventually(() => answered.length, (n) => n > 0, 15_000, 'the attempt answered');
    const asked = performance.now();
    const verdict = await workstation.phone.attempts.detectMachine(attempt.id);
    results[recording] = { ...verdict, wallMs: Math.round(performance.now() - asked) };
    await ok(workstation, 'phone.hangup', { callId: attempt.id });
    const sipp = await answering;
    expect(sipp.exitCode, sipp.output + sipp.errors).toBe(0);
    return { verdict, hooked };
  }

  it('hears a voicemail greeting as a machine, and tells the attempt’s hook', async () => {
    const { verdict, hooked } = await attemptAnsweredWith('machine-ru-company.wav');
    expect(verdict.verdict).toBe('machine');
    expect(hooked).toEqual([verdict]);
  });

  it('hears "Алло?" and silence as a person', async () => {
    const { verdict, hooked } = await attemptAnsweredWith('human-ru-allo.wav');
    expect(verdict.verdict).toBe('human');
    expect(hooked).toEqual([verdict]);
  });
});
