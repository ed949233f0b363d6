import type { Browser, Page } from 'playwright-core';
import type { Workstation } from '#core/app/workstation';
import { rendererModuleForPage } from './page-bundle';

/** Served by Playwright itself: an address on 127.0.0.1 is a secure context, where the fake microphone works. */
const pageUrl = 'http://127.0.0.1:9/media-engine';

/** Keeps a page's peer connections in `window.peerConnections`, for tests to read what they send and receive (run it before the page makes any). */
export function keepPeerConnections(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    const Native = window.RTCPeerConnection;
    window.peerConnections = [];
    window.RTCPeerConnection = class extends Native {
      constructor(...args) { super(...args); window.peerConnections.push(this); }
    };
  })()`);
}

/** One look at what a page hears of its newest call: the loudest level (dB) near a tone and near the fake microphone's beep (about 390 Hz, twice a second). */
export interface Heard {
  at: number;
  tone: number;
  beep: number;
}

export const isTone = (h: Heard): boolean => h.tone > -60 && h.tone > h.beep + 20;
export const isBeep = (h: Heard): boolean => h.beep > -60 && h.beep > h.tone + 20;

/** From now on the page (see keepPeerConnections) notes what its newest call receives, a spectrum every 20 ms; read it with `heardOn`. */
export function listenOn(page: Page, toneHz: number): Promise<void> {
  return page.evaluate(`(async () => {
    const track = window.peerConnections.at(-1).getReceivers().find((r) => r.track.kind === 'audio').track;
    // Chromium decodes a remote track only while something plays it.
    const player = new Audio();
    player.muted = true;
    player.srcObject = new MediaStream([track]);
    await player.play();
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    analyser.smoothingTimeConstant = 0;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const bins = new Float32Array(analyser.frequencyBinCount);
    const near = (hz) => {
      const k = Math.round((hz * analyser.fftSize) / context.sampleRate);
      return Math.max(...bins.subarray(k - 2, k + 3));
    };
    window.heard = [];
    clearInterval(window.listening);
    window.listening = setInterval(() => {
      analyser.getFloatFrequencyData(bins);
      window.heard.push({ at: Date.now(), tone: near(${toneHz}), beep: near(390) });
    }, 20);
  })()`);
}

export function heardOn(page: Page): Promise<Heard[]> {
  return page.evaluate<Heard[]>('window.heard');
}

/**
 * A call's peer connection on the engine's page, as a script expression: the engine makes one peer connection
 * and one audio element (marked with the call id) per call, in the same order.
 */
function connectionOf(callId: string): string {
  return `window.peerConnections[window.audioElements.filter((a) => a.dataset.callId).findIndex((a) => a.dataset.callId === ${JSON.stringify(callId)})]`;
}

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
    await keepPeerConnections(page);
    await page.evaluate(`(() => {
      const listeners = new Map();
      window.crmEvent = (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload); };
      // The page's audio elements: each call's own is marked with its call id.
      const NativeAudio = window.Audio;
      window.audioElements = [];
      window.Audio = class extends NativeAudio {
        constructor(...args) { super(...args); window.audioElements.push(this); }
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

  /** What the call's peer connection sends: the engine's microphone for that call, nothing, or something else (a message, a conference's mix). */
  sending(callId: string): Promise<'microphone' | 'nothing' | 'something else'> {
    return this.page.evaluate(`(() => {
      const microphone = window.engine.microphoneOf(${JSON.stringify(callId)})?.getAudioTracks()[0];
      const senders = ${connectionOf(callId)}?.getSenders() ?? [];
      if (senders.length !== 1) return 'something else';
      const track = senders[0].track;
      return track === null ? 'nothing' : microphone !== undefined && track.id === microphone.id ? 'microphone' : 'something else';
    })()`);
  }

  /** The call's own audio element, which the operator hears: playing the other side's audio, and muted or not. */
  speaker(callId: string): Promise<{ playing: boolean; muted: boolean } | null> {
    return this.page.evaluate(`(() => {
      const audio = window.audioElements.find((a) => a.dataset.callId === ${JSON.stringify(callId)});
      return audio ? { playing: audio.srcObject !== null && !audio.paused, muted: audio.muted } : null;
    })()`);
  }

  /** Audio packets the call's peer connection has received from the other side. */
  packetsReceived(callId: string): Promise<number> {
    return this.page.evaluate(`(async () => {
      let received = 0;
      (await ${connectionOf(callId)}.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') received += s.packetsReceived;
      });
      return received;
    })()`);
  }

  async close(): Promise<void> {
    this.stopForwarding();
    await this.page.evaluate('window.engine.stop()').catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}
