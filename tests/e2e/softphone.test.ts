import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { BrowserPeer } from '#tests/support/sip/browser-peer';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { tempDirOutsideTest } from '#tests/support/temp-dir';

/**
 * The workplace in Chromium on a real WebRTC call through Kamailio to a second phone (sip.js in
 * another Chromium page). The workstation's peer connections are recorded by an init script so
 * the test can read their getStats(); nothing in the app is stubbed.
 */
describe('a real call from the workplace, audio both ways', () => {
  const kamailio = new TestKamailio();
  let host: BrowserHostProcess;
  let browser: Browser;
  let page: Page;
  let peer: BrowserPeer;
  let dataDir: { path: string; remove(): void };

  beforeAll(async () => {
    await kamailio.start();
    dataDir = tempDirOutsideTest();
    host = await startBrowserHost(['--data-dir', dataDir.path, '--port', '0']);
    browser = await launchChromium(['--lang=en-US', '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required']);
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1500, height: 950 }, reducedMotion: 'reduce' });
    await page.addInitScript(() => {
      const Original = window.RTCPeerConnection;
      const seen: RTCPeerConnection[] = [];
      (window as unknown as { testPeerConnections: RTCPeerConnection[] }).testPeerConnections = seen;
      window.RTCPeerConnection = class extends Original {
        constructor(config?: RTCConfiguration) {
          super(config);
          seen.push(this);
        }
      };
    });
    await page.goto(host.url);
    await page.getByTestId('app-title').waitFor();
    peer = await BrowserPeer.open(browser);
  });

  afterAll(async () => {
    await peer?.close();
    await browser?.close();
    await host?.stop();
    dataDir?.remove();
    await kamailio.dispose();
  });

  const workstationRtp = () =>
    page.evaluate(async () => {
      const pcs = (window as unknown as { testPeerConnections: RTCPeerConnection[] }).testPeerConnections;
      const pc = pcs.at(-1);
      let sent = 0;
      let received = 0;
      if (pc) {
        (await pc.getStats()).forEach((s: { type: string; kind?: string; packetsSent?: number; packetsReceived?: number }) => {
          if (s.type === 'outbound-rtp' && s.kind === 'audio') sent += s.packetsSent ?? 0;
          if (s.type === 'inbound-rtp' && s.kind === 'audio') received += s.packetsReceived ?? 0;
        });
      }
      return { sent, received };
    });

  it('sets up the SIP account in Settings: a wrong password is explained, the right one registers', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('sip-label').fill('Office');
    await page.getByTestId('sip-ws-url').fill(kamailio.wsUrl);
    await page.getByTestId('sip-uri').fill('sip:op900@127.0.0.1');
    await page.getByTestId('sip-password').fill('wrong');
    await page.getByTestId('sip-test').click();
    await expect.poll(() => page.getByTestId('sip-test-result').textContent()).toMatch(/Wrong login or password: 401/);
    await page.getByTestId('sip-password').fill('secret');
    // Calls of this account are recorded, after the consent beeps.
    await page.getByTestId('sip-record').click();
    await page.getByTestId('sip-consent').click();
    await page.getByTestId('sip-test').click();
    await expect.poll(() => page.getByTestId('sip-test-result').textContent()).toContain('Connected and registered');
    await page.getByTestId('sip-save').click();
    await expect.poll(() => page.getByTestId('phone-status').getAttribute('data-registration'), { timeout: 10_000 }).toBe('registered');
    // Chromium reaches USB headsets (WebHID), so a telephony headset can be chosen here.
    await page.getByTestId('headset-choose').waitFor();
  });

  it('an incoming call pops the caller’s card before answering; answered, audio flows both ways', async () => {
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contacts-new').click();
    await page.getByTestId('contact-lastName').fill('Бондаренко');
    await page.getByTestId('contact-firstName').fill('Ірина');
    await page.getByTestId('contact-phone-0').fill('067 111 22 99');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-card').waitFor();
    await page.keyboard.press('Escape');

    await peer.register('380671112299', kamailio.wsUrl);
    await peer.call('op900');
    await page.getByTestId('incoming-call').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('incoming-contact').textContent()).toContain('Бондаренко Ірина');
    await page.screenshot({ path: artifactPath('softphone-screen-pop.png') });
    await page.getByTestId('incoming-answer').click();

    await expect.poll(() => page.getByTestId('active-call').getAttribute('data-call-state'), { timeout: 10_000 }).toBe('active');
    await expect.poll(() => peer.sessionState(), { timeout: 10_000 }).toBe('Established');
    await expect.poll(async () => (await workstationRtp()).received, { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await peer.rtp()).received, { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await workstationRtp()).sent, { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await peer.rtp()).sent, { timeout: 15_000 }).toBeGreaterThan(20);
    // Quality is measured live and shown on the call.
    await expect.poll(() => page.getByTestId('call-quality').textContent(), { timeout: 10_000 }).toMatch(/MOS \d\.\d/);
    await page.screenshot({ path: artifactPath('softphone-in-call.png') });
  });

  /** The call's recording in the data folder: each part's bytes, in order (`<id>.webm`, `<id>.2.webm`, …). */
  const recordings = () => {
    const dir = join(dataDir.path, 'recordings');
    const part = (name: string) => Number(/\.(\d+)\.webm$/.exec(name)?.[1] ?? 1);
    const names = existsSync(dir) ? readdirSync(dir).sort((a, b) => part(a) - part(b)) : [];
    return names.map((name) => readFileSync(join(dir, name)));
  };

  it('a window reload mid-call: the call goes on in main, and the audio (and its recording) comes back to the new window', async () => {
    const partsBefore = recordings().length;
    await page.reload();
    await page.getByTestId('app-title').waitFor();
    await expect.poll(() => page.getByTestId('active-call').getAttribute('data-call-state'), { timeout: 10_000 }).toBe('active');
    await expect.poll(async () => (await workstationRtp()).received, { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await workstationRtp()).sent, { timeout: 15_000 }).toBeGreaterThan(20);
    expect(await peer.sessionState()).toBe('Established');
    // The new window's recorder carries on in the recording's next part (WebM streams cannot be joined).
    await expect.poll(() => recordings().length, { timeout: 10_000 }).toBe(partsBefore + 1);
    await expect.poll(() => recordings().at(-1)?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(2_000);
  });

  it('holds and resumes (the bar says "on hold" only once the other side agreed), hangs up, and asks for the wrap-up', async () => {
    await page.getByTestId('call-hold').click();
    await expect.poll(() => page.getByTestId('active-call').getAttribute('data-call-state'), { timeout: 10_000 }).toBe('held');
    await page.getByTestId('call-resume').click();
    await expect.poll(() => page.getByTestId('active-call').getAttribute('data-call-state'), { timeout: 10_000 }).toBe('active');
    await page.getByTestId('call-hangup').click();
    await page.getByTestId('wrap-up-subject').fill('Уточнила умови доставки');
    await page.getByTestId('wrap-up-save').click();
    await page.getByTestId('wrap-up-subject').waitFor({ state: 'detached' });

    await page.getByTestId('nav-calls').click();
    const row = page.getByTestId('call-row').first();
    await expect.poll(() => row.getAttribute('data-disposition')).toBe('answered');
    expect(await row.textContent()).toContain('Бондаренко Ірина');
    expect(await row.textContent()).toContain('Уточнила умови доставки');
  });

  it('recorded the call (both sides, Opus in WebM) into the data folder, playable from the client’s timeline', async () => {
    const parts = recordings();
    expect(parts.length).toBeGreaterThanOrEqual(1);
    for (const bytes of parts) {
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
      expect(bytes.includes(Buffer.from('A_OPUS'))).toBe(true);
    }

    await page.getByTestId('call-row').first().getByRole('button', { name: 'Бондаренко Ірина' }).click();
    await page.getByTestId('contact-card').waitFor();
    await page.getByTestId('recording-play').first().click();
    await expect.poll(() => page.getByTestId('recording-audio').count()).toBe(parts.length);
    const audio = page.getByTestId('recording-audio').last();
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('a second caller while talking: hold and answer, then all three in a conference mixed in the window', async () => {
    const second = await BrowserPeer.open(browser);
    try {
      await peer.call('op900');
      await page.getByTestId('incoming-answer').click();
      await expect.poll(() => page.getByTestId('active-call').getAttribute('data-call-state'), { timeout: 10_000 }).toBe('active');
      await second.register('380501112233', kamailio.wsUrl);
      await second.call('op900');
      await page.getByTestId('incoming-call').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('incoming-call').textContent()).toContain('Second call waiting');
      await page.getByTestId('incoming-answer').click();
      const cards = page.getByTestId('active-call');
      await expect.poll(async () => (await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-call-state')))).sort().join(','), { timeout: 10_000 }).toBe('active,held');

      await page.getByTestId('join-conference').click();
      await expect.poll(async () => (await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-call-state')))).join(','), { timeout: 10_000 }).toBe('active,active');
      await page.getByText('Conference').first().waitFor();
      // Each party is now sent a mix (the operator and the other party), not the bare microphone.
      const senders = () =>
        page.evaluate(() => {
          const pcs = (window as unknown as { testPeerConnections: RTCPeerConnection[] }).testPeerConnections.filter((pc) => pc.connectionState !== 'closed');
          return pcs.map((pc) => pc.getSenders().find((s) => s.track?.kind === 'audio')?.track?.label ?? '');
        });
      await expect.poll(async () => (await senders()).length).toBe(2);
      const microphone = await page.evaluate(async () => (await navigator.mediaDevices.getUserMedia({ audio: true })).getAudioTracks()[0]?.label ?? '');
      await expect.poll(async () => (await senders()).filter((label) => label === microphone).length, { timeout: 10_000 }).toBe(0);
      const before = [(await peer.rtp()).received, (await second.rtp()).received];
      await expect.poll(async () => (await peer.rtp()).received, { timeout: 10_000 }).toBeGreaterThan((before[0] ?? 0) + 20);
      await expect.poll(async () => (await second.rtp()).received, { timeout: 10_000 }).toBeGreaterThan((before[1] ?? 0) + 20);
      await page.screenshot({ path: artifactPath('softphone-conference.png') });

      // Split: talk to one, the other waits; the microphone goes back to plain.
      await page.getByTestId('split-conference').first().click();
      await expect.poll(async () => (await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-call-state')))).sort().join(','), { timeout: 10_000 }).toBe('active,held');
      await expect.poll(async () => (await senders()).filter((label) => label === microphone).length, { timeout: 10_000 }).toBe(2);
      for (const left of [1, 0]) {
        await page.getByTestId('call-hangup').first().click();
        await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(left);
      }
      for (let open = await page.getByTestId('wrap-up-skip').count(); open > 0; open--) {
        await page.getByTestId('wrap-up-skip').first().click();
        await expect.poll(() => page.getByTestId('wrap-up-skip').count(), { timeout: 10_000 }).toBe(open - 1);
      }
    } finally {
      await second.close();
    }
  });

  it('shows colleagues’ lines from the PBX’s dialog events on the calls screen', async () => {
    await page.getByTestId('nav-settings').click();
    // The first one added is "me"; my own line is not among the colleagues'.
    await page.getByTestId('settings-colleague-name').fill('Оксана Литвин');
    await page.getByTestId('settings-colleague-add').click();
    await expect.poll(() => page.getByTestId('settings-me').inputValue()).toBe('Оксана Литвин');
    await page.getByTestId('settings-colleague-name').fill('Андрій Бондар');
    await page.getByLabel('Extension').fill('boss901');
    await page.getByTestId('settings-colleague-add').click();
    await page.getByTestId('nav-calls').click();
    const line = page.getByTestId('colleague-line').first();
    await expect.poll(() => line.getAttribute('data-state'), { timeout: 10_000 }).toBe('idle');
    expect(await line.textContent()).toContain('Андрій Бондар');
  });
});
