import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startBrowserHost, type BrowserHostProcess } from './browser-host';
import { launchChromium } from './chromium';
import { BrowserPeer } from './sip/browser-peer';
import type { TestKamailio } from './sip/kamailio';
import { tempDirOutsideTest } from './temp-dir';

/** Chromium as a softphone needs: loopback ICE candidates without mDNS, audio that plays unprompted. */
export function launchSoftphoneChromium(): Promise<Browser> {
  return launchChromium(['--lang=en-US', '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required']);
}

export interface SipAccountForm {
  wsUrl: string;
  extension: string;
  password: string;
  /** Calls recorded after the consent beeps. */
  record?: boolean;
}

/**
 * One workplace of its own for one test: a browser host on a fresh data folder and a page in
 * Chromium whose peer connections are remembered (so a test can read their getStats()).
 */
export class SoftphoneWorkplace {
  private constructor(
    readonly page: Page,
    private readonly host: BrowserHostProcess,
    private readonly dataDir: { path: string; remove(): void },
  ) {}

  static async open(browser: Browser): Promise<SoftphoneWorkplace> {
    const dataDir = tempDirOutsideTest();
    const host = await startBrowserHost(['--data-dir', dataDir.path, '--port', '0']);
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1500, height: 950 }, reducedMotion: 'reduce' });
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
    return new SoftphoneWorkplace(page, host, dataDir);
  }

  /** Opened with a SIP account saved in Settings and registered. */
  static async registered(browser: Browser, account: SipAccountForm): Promise<SoftphoneWorkplace> {
    const workplace = await SoftphoneWorkplace.open(browser);
    await workplace.fillSipAccount(account);
    await workplace.saveSipAccount();
    return workplace;
  }

  async fillSipAccount(account: SipAccountForm): Promise<void> {
    const { page } = this;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('sip-label').fill('Office');
    await page.getByTestId('sip-ws-url').fill(account.wsUrl);
    await page.getByTestId('sip-uri').fill(`sip:${account.extension}@127.0.0.1`);
    await page.getByTestId('sip-password').fill(account.password);
    if (account.record) {
      await page.getByTestId('sip-record').click();
      await page.getByTestId('sip-consent').click();
    }
  }

  async saveSipAccount(): Promise<void> {
    await this.page.getByTestId('sip-save').click();
    await expect.poll(() => this.page.getByTestId('phone-status').getAttribute('data-registration'), { timeout: 10_000 }).toBe('registered');
  }

  async addContact(lastName: string, firstName: string, phone: string): Promise<void> {
    const { page } = this;
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contacts-new').click();
    await page.getByTestId('contact-lastName').fill(lastName);
    await page.getByTestId('contact-firstName').fill(firstName);
    await page.getByTestId('contact-phone-0').fill(phone);
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-card').waitFor();
    await page.keyboard.press('Escape');
  }

  /** `peer` calls the operator's extension; the operator answers; the call is up on both sides. */
  async answerCallFrom(peer: BrowserPeer, extension: string): Promise<void> {
    await peer.call(extension);
    await this.page.getByTestId('incoming-call').waitFor({ timeout: 10_000 });
    await this.page.getByTestId('incoming-answer').click();
    await expect.poll(() => this.callStates(), { timeout: 10_000 }).toBe('active');
    await expect.poll(() => peer.sessionState(), { timeout: 10_000 }).toBe('Established');
  }

  /** States of the calls on the phone bar, sorted and comma-joined ("active,held"). */
  async callStates(): Promise<string> {
    const states = await this.page.getByTestId('active-call').evaluateAll((els) => els.map((e) => e.getAttribute('data-call-state') ?? ''));
    return states.sort().join(',');
  }

  /** Audio packets the window's newest peer connection sent and received. */
  rtp(): Promise<{ sent: number; received: number }> {
    return this.page.evaluate(async () => {
      const pc = (window as unknown as { testPeerConnections: RTCPeerConnection[] }).testPeerConnections.at(-1);
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
  }

  /** The recordings in the data folder: each part's bytes, in order (`<id>.webm`, `<id>.2.webm`, …). */
  recordings(): Buffer[] {
    const dir = join(this.dataDir.path, 'recordings');
    const part = (name: string) => Number(/\.(\d+)\.webm$/.exec(name)?.[1] ?? 1);
    const names = existsSync(dir) ? readdirSync(dir).sort((a, b) => part(a) - part(b)) : [];
    return names.map((name) => readFileSync(join(dir, name)));
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
    await this.host.stop();
    this.dataDir.remove();
  }
}

/** Opens a second phone registered as `number` (the caller ID the workplace sees). */
export async function registeredPeer(browser: Browser, number: string, kamailio: TestKamailio): Promise<BrowserPeer> {
  const peer = await BrowserPeer.open(browser);
  await peer.register(number, kamailio.wsUrl);
  return peer;
}
