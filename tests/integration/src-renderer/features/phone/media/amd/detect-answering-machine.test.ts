import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amdRecordingsDir } from '#tests/support/amd-recordings';
import { artifactPath } from '#tests/support/artifacts';
import { launchChromium } from '#tests/support/chromium';
import { BrowserPeer } from '#tests/support/sip/browser-peer';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { rendererModuleForPage } from '#tests/support/sip/page-bundle';
import { RecordingCallee } from '#tests/support/sip/recording-callee';
import { TestRtpengine } from '#tests/support/sip/rtpengine';

/**
 * The window's answering-machine detection on a real call: a sip.js phone in Chromium (WebRTC) calls
 * through Kamailio, rtpengine relays the media, and sipp answers and plays a labelled recording as
 * plain RTP (PCMA). The adapter taps the call's remote stream from the answer on, as the window will.
 */

interface CallVerdict {
  verdict: string;
  cause: string;
  decidedAtMs: number;
  features: Record<string, number>;
  /** Wall-clock time from the call's answer in the page to the verdict. */
  wallMs: number;
  received: number;
}

describe('answering-machine detection on a call through Kamailio and rtpengine', () => {
  let rtpengine: TestRtpengine;
  let kamailio: TestKamailio;
  let browser: Browser;
  let peer: BrowserPeer;
  let callee: RecordingCallee;
  const results: Record<string, CallVerdict> = {};

  beforeAll(async () => {
    rtpengine = await TestRtpengine.start();
    kamailio = new TestKamailio({ rtpengineNgPort: rtpengine.ngPort });
    await kamailio.start();
    browser = await launchChromium(['--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required']);
    peer = await BrowserPeer.open(browser);
    await peer.register('operator', kamailio.wsUrl);
    await peer.page.addScriptTag({ content: await rendererModuleForPage('features/phone/media/amd/index.ts', 'amd') });
    // The page's peer connections, to reach the call's receiver as the media engine does.
    await peer.page.evaluate(`(() => {
      const Native = window.RTCPeerConnection;
      window.peerConnections = [];
      window.RTCPeerConnection = class extends Native {
        constructor(...args) { super(...args); window.peerConnections.push(this); }
      };
    })()`);
    callee = await RecordingCallee.register(kamailio);
  });

  afterAll(async () => {
    writeFileSync(artifactPath('amd-call-verdicts.json'), JSON.stringify(results, null, 2));
    await peer?.close();
    await browser?.close();
    await kamailio?.dispose();
    await rtpengine?.stop();
    callee?.dispose();
  });

  /** Calls the callee, which answers with the recording; the verdict of the detector started at the answer. */
  async function callHearing(recording: string): Promise<CallVerdict> {
    const answering = callee.answerPlaying(join(amdRecordingsDir, recording));
    await peer.call(callee.user);
    await peer.page.waitForFunction(`window.peer.sessionState() === 'Established'`, undefined, { timeout: 15_000 });
    const result = await peer.page.evaluate<CallVerdict>(`(async () => {
      const pc = window.peerConnections.at(-1);
      const track = pc.getReceivers().find((r) => r.track.kind === 'audio').track;
      // As the media engine does: Chromium decodes a remote WebRTC track only while something plays it
      // (muted here: what counts is that it plays).
      const speaker = new Audio();
      speaker.muted = true;
      speaker.srcObject = new MediaStream([track]);
      await speaker.play();
      const started = performance.now();
      const run = await amd.detectAnsweringMachine(new MediaStream([track]));
      const verdict = await Promise.race([run.verdict, new Promise((resolve) => setTimeout(() => resolve(undefined), 10000))]);
      run.stop();
      const wallMs = performance.now() - started;
      const { received } = await window.peer.rtp();
      return { ...verdict, wallMs, received };
    })()`);
    await peer.page.evaluate('window.peer.hangup()');
    const answered = await answering;
    expect(answered.exitCode, answered.output + answered.errors).toBe(0);
    results[recording] = result;
    return result;
  }

  it('hears a voicemail greeting as a machine', async () => {
    const result = await callHearing('machine-ru-company.wav');
    expect(result.received).toBeGreaterThan(0);
    expect(result).toMatchObject({ verdict: 'machine' });
    expect(result.decidedAtMs).toBeLessThanOrEqual(3_500);
  });

  it('hears "Алло?" and silence as a person, at the after-greeting silence', async () => {
    const result = await callHearing('human-ru-allo.wav');
    expect(result).toMatchObject({ verdict: 'human', cause: 'after-greeting-silence' });
    expect(result.decidedAtMs).toBeLessThanOrEqual(3_500);
  });

  it('hears a line where nobody speaks as silence', async () => {
    const result = await callHearing('silence-white-noise.wav');
    expect(result).toMatchObject({ verdict: 'silence', cause: 'initial-silence' });
  });
});
