import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '#tests/support/artifacts';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { launchSoftphoneChromium, registeredPeer, SoftphoneWorkplace } from '#tests/support/softphone-workplace';

/**
 * The workplace in Chromium on real WebRTC calls through Kamailio to other phones (sip.js in other
 * Chromium pages). Kamailio and Chromium are shared; every test opens its own workplace (own host,
 * data folder, page and extension) and its own callers, so each runs alone. Nothing in the app is stubbed.
 */
describe('a real call from the workplace, audio both ways', () => {
  const kamailio = new TestKamailio();
  let browser: Browser;
  const opened: { close(): Promise<void> }[] = [];
  const kept = <T extends { close(): Promise<void> }>(thing: T): T => {
    opened.push(thing);
    return thing;
  };
  const account = (extension: string, record = false) => ({ wsUrl: kamailio.wsUrl, extension, password: 'secret', record });

  beforeAll(async () => {
    await kamailio.start();
    browser = await launchSoftphoneChromium();
  });

  afterEach(async () => {
    for (const thing of opened.splice(0).reverse()) await thing.close();
  });

  afterAll(async () => {
    await browser?.close();
    await kamailio.dispose();
  });

  it('sets up the SIP account in Settings: a wrong password is explained, the right one registers', async () => {
    const workplace = kept(await SoftphoneWorkplace.open(browser));
    const { page } = workplace;
    await workplace.fillSipAccount({ ...account('op901'), password: 'wrong' });
    await page.getByTestId('sip-test').click();
    await expect.poll(() => page.getByTestId('sip-test-result').textContent()).toMatch(/Wrong login or password: 401/);
    await page.getByTestId('sip-password').fill('secret');
    await page.getByTestId('sip-test').click();
    await expect.poll(() => page.getByTestId('sip-test-result').textContent()).toContain('Connected and registered');
    await workplace.saveSipAccount();
    // Chromium reaches USB headsets (WebHID), so a telephony headset can be chosen here.
    await page.getByTestId('headset-choose').waitFor();
  });

  it('an incoming call pops the caller’s card before answering; answered, audio flows both ways', async () => {
    const workplace = kept(await SoftphoneWorkplace.registered(browser, account('op902')));
    const { page } = workplace;
    await workplace.addContact('Бондаренко', 'Ірина', '067 111 22 99');
    const peer = kept(await registeredPeer(browser, '380671112299', kamailio));

    await peer.call('op902');
    await page.getByTestId('incoming-call').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('incoming-contact').textContent()).toContain('Бондаренко Ірина');
    await page.screenshot({ path: artifactPath('softphone-screen-pop.png') });
    await page.getByTestId('incoming-answer').click();

    await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('active');
    await expect.poll(() => peer.sessionState(), { timeout: 10_000 }).toBe('Established');
    await expect.poll(async () => (await workplace.rtp()).received, { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await peer.rtp()).received, { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await workplace.rtp()).sent, { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await peer.rtp()).sent, { timeout: 15_000 }).toBeGreaterThan(20);
    // Quality is measured live and shown on the call.
    await expect.poll(() => page.getByTestId('call-quality').textContent(), { timeout: 10_000 }).toMatch(/MOS \d\.\d/);
    await page.screenshot({ path: artifactPath('softphone-in-call.png') });
  });

  it('a window reload mid-call: the call goes on in main, and the audio (and its recording) comes back to the new window', async () => {
    const workplace = kept(await SoftphoneWorkplace.registered(browser, account('op903', true)));
    const { page } = workplace;
    const peer = kept(await registeredPeer(browser, '380671112203', kamailio));
    await workplace.answerCallFrom(peer, 'op903');
    await expect.poll(() => workplace.recordings().length, { timeout: 10_000 }).toBe(1);

    await page.reload();
    await page.getByTestId('app-title').waitFor();
    await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('active');
    await expect.poll(async () => (await workplace.rtp()).received, { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await workplace.rtp()).sent, { timeout: 15_000 }).toBeGreaterThan(20);
    expect(await peer.sessionState()).toBe('Established');
    // The new window's recorder carries on in the recording's next part (WebM streams cannot be joined).
    await expect.poll(() => workplace.recordings().length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => workplace.recordings().at(-1)?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(2_000);
  });

  it('holds and resumes (the bar says "on hold" only once the other side agreed), hangs up, and asks for the wrap-up', async () => {
    const workplace = kept(await SoftphoneWorkplace.registered(browser, account('op904')));
    const { page } = workplace;
    await workplace.addContact('Бондаренко', 'Ірина', '067 111 22 04');
    const peer = kept(await registeredPeer(browser, '380671112204', kamailio));
    await workplace.answerCallFrom(peer, 'op904');

    await page.getByTestId('call-hold').click();
    await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('held');
    await page.getByTestId('call-resume').click();
    await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('active');
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

  it('records the call (both sides, Opus in WebM) into the data folder, playable from the client’s timeline', async () => {
    const workplace = kept(await SoftphoneWorkplace.registered(browser, account('op905', true)));
    const { page } = workplace;
    await workplace.addContact('Гнатюк', 'Олег', '067 111 22 05');
    const peer = kept(await registeredPeer(browser, '380671112205', kamailio));
    await workplace.answerCallFrom(peer, 'op905');
    await expect.poll(async () => (await workplace.rtp()).received, { timeout: 15_000 }).toBeGreaterThan(50);
    await page.getByTestId('call-hangup').click();
    await page.getByTestId('wrap-up-skip').click();

    await expect.poll(() => workplace.recordings().at(-1)?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(2_000);
    const parts = workplace.recordings();
    expect(parts).toHaveLength(1);
    for (const bytes of parts) {
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
      expect(bytes.includes(Buffer.from('A_OPUS'))).toBe(true);
    }

    await page.getByTestId('nav-calls').click();
    await page.getByTestId('call-row').first().getByRole('button', { name: 'Гнатюк Олег' }).click();
    await page.getByTestId('contact-card').waitFor();
    await page.getByTestId('recording-play').first().click();
    await expect.poll(() => page.getByTestId('recording-audio').count()).toBe(1);
    const audio = page.getByTestId('recording-audio').last();
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('a second caller while talking: hold and answer, then all three in a conference mixed in the window', async () => {
    const workplace = kept(await SoftphoneWorkplace.registered(browser, account('op906')));
    const { page } = workplace;
    const peer = kept(await registeredPeer(browser, '380671112206', kamailio));
    const second = kept(await registeredPeer(browser, '380501112233', kamailio));
    await workplace.answerCallFrom(peer, 'op906');

    await second.call('op906');
    await page.getByTestId('incoming-call').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('incoming-call').textContent()).toContain('Second call waiting');
    await page.getByTestId('incoming-answer').click();
    await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('active,held');

    await page.getByTestId('join-conference').click();
    await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('active,active');
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

    // Split: talk to one, the other waits on hold hearing nothing of the operator; the one talked to gets the plain microphone back.
    await page.getByTestId('split-conference').first().click();
    await expect.poll(() => workplace.callStates(), { timeout: 10_000 }).toBe('active,held');
    await expect.poll(async () => (await senders()).filter((label) => label === microphone).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await senders()).filter((label) => label === '').length, { timeout: 10_000 }).toBe(1);
    const cards = page.getByTestId('active-call');
    for (const left of [1, 0]) {
      await page.getByTestId('call-hangup').first().click();
      await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(left);
    }
    // Each answered call asks for its wrap-up, one after the other.
    const skip = page.getByTestId('wrap-up-skip');
    const callerAsked = async () => /380671112206|380501112233/.exec((await page.getByRole('dialog').allTextContents()).join(' '))?.[0];
    const asked: string[] = [];
    for (let i = 0; i < 2; i++) {
      await expect.poll(callerAsked, { timeout: 10_000 }).toBeDefined();
      const caller = (await callerAsked()) ?? '';
      asked.push(caller);
      await skip.click();
      await expect.poll(callerAsked, { timeout: 10_000 }).not.toBe(caller);
    }
    expect(asked.sort()).toEqual(['380501112233', '380671112206']);
    await expect.poll(() => skip.count(), { timeout: 10_000 }).toBe(0);
  });

  it('shows colleagues’ lines from the PBX’s dialog events on the calls screen', async () => {
    const workplace = kept(await SoftphoneWorkplace.registered(browser, account('op907')));
    const { page } = workplace;
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
