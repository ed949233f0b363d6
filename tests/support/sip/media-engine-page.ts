import type { Browser, Page } from 'playwright-core';
import type { Workstation } from '#core/app/workstation';
import { rendererModuleForPage } from './page-bundle';

/** Served by Playwright itself: an address on 127.0.0.1 is a secure context, where the fake microphone works. */
const pageUrl = 'http://127.0.0.1:9/media-engine';

/**
 * The window's MediaEngine, bundled from the source, on a page of its own in Chromium and attached as
 * the media client of a workstation core running in the test's process: the core's media.request events
 * go to the page, and the page's requests (media.attach, media.reply, media.quality) come back through
 * the core's dispatcher, as they would over the browser host's socket. SIP stays in the core, as in the app.
 */
export class MediaEnginePage {
  private constructor(
    readonly page: Page,
    private readonly stopForwarding: () => void,
  ) {}

  static async open(browser: Browser, workstation: Workstation): Promise<MediaEnginePage> {
    const page = await browser.newPage();
    await page.route(pageUrl, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>Media engine</title>' }));
    await page.goto(pageUrl);
    await page.exposeFunction('crmInvoke', (method: string, input: unknown) => workstation.dispatch(method, input, { origin: 'test' }));
    await page.addScriptTag({ content: await rendererModuleForPage('features/phone/media/media-engine.ts', 'mediaEngineModule') });
    await page.evaluate(`(() => {
      const listeners = new Map();
      window.crmEvent = (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload); };
      // The page's peer connections, for the tests to read what the engine sends and receives.
      const Native = window.RTCPeerConnection;
      window.peerConnections = [];
      window.RTCPeerConnection = class extends Native {
        constructor(...args) { super(...args); window.peerConnections.push(this); }
      };
      window.engine = new mediaEngineModule.MediaEngine({
        invoke: (method, input) => window.crmInvoke(method, input),
        subscribe: (event, listener) => {
          const set = listeners.get(event) ?? new Set();
          listeners.set(event, set.add(listener));
          return () => set.delete(listener);
        },
      });
    })()`);
    const stopForwarding = workstation.events.on('media.request', (request) => {
      void page.evaluate((r) => (globalThis as unknown as { crmEvent: (event: string, payload: unknown) => void }).crmEvent('media.request', r), request).catch(() => undefined);
    });
    await page.evaluate('window.engine.start()');
    return new MediaEnginePage(page, stopForwarding);
  }

  /** What the call's newest peer connection sends is the engine's microphone for that call (not a message, not nothing). */
  sendsMicrophone(callId: string): Promise<boolean> {
    return this.page.evaluate(`(() => {
      const microphone = window.engine.microphoneOf(${JSON.stringify(callId)})?.getAudioTracks()[0];
      const sender = window.peerConnections.at(-1)?.getSenders().find((s) => s.track?.kind === 'audio');
      return microphone !== undefined && sender?.track?.id === microphone.id;
    })()`);
  }

  async close(): Promise<void> {
    this.stopForwarding();
    await this.page.evaluate('window.engine.stop()').catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}
