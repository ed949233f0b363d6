import type { Page } from 'playwright-core';
import type { ScriptDefinition, ScriptNode } from '#contract';
import { startBrowserHost } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { BrowserPeer, PageApi, scriptOnLine } from '#tests/support/scripted-call';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { scratchDir } from './bench-workstation';
import { medianAndTail, sampleMs, type Figure } from './measure';

const nodes = 200;
const calls = 5;
const movesPerCall = 30;

/** A 200-node script: each step merges the client's name and offers going on (1), skipping one (2) or ending (3). */
function longScript(questionnaireId: string | null): ScriptDefinition {
  const node = (i: number): ScriptNode => ({
    id: `n${i}`,
    kind: i === nodes - 1 ? 'end' : 'step',
    title: `Крок ${i}`,
    text: `Крок ${i}. {contact.firstName}, для {company.name|вашої компанії} у нас є пропозиція №${i}; менеджер {operator.name|відділу продажів} передзвонить.`,
    answers:
      i === nodes - 1
        ? []
        : [
            { id: 'next', label: `Далі (${i + 1})`, next: `n${i + 1}` },
            { id: 'skip', label: 'Пропустити крок', next: `n${Math.min(nodes - 1, i + 2)}` },
            { id: 'end', label: 'Завершити', next: `n${nodes - 1}` },
          ],
    disposition: i === nodes - 1 ? { label: 'Готово', success: true } : null,
    proposeCallback: false,
    sectionId: null,
    position: { x: 0, y: i * 120 },
  });
  return { start: 'n0', questionnaireId, nodes: Array.from({ length: nodes }, (_, i) => node(i)) };
}

/**
 * The script beside a real call (Kamailio, a sip.js caller in another page), in Debian's Chromium against
 * the built browser host: from the digit key pressed to the next node's merged text in the page (React has
 * committed it; the runner shows the node from the run's guide while main stores the move), 30 steps a
 * call into a 200-node script, call after call; from the key to main's answer (the move stored) reaching
 * the page; and main's share alone, the same kind of move asked over a socket with nothing rendered.
 */
export async function scriptsUiFigures(log: (line: string) => void): Promise<Figure[]> {
  const scratch = scratchDir();
  const kamailio = new TestKamailio();
  await kamailio.start();
  const host = await startBrowserHost(['--data-dir', scratch.path, '--port', '0']);
  const browser = await launchChromium(['--lang=en-US', '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required']);
  try {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    // When main answers a step: the socket's result to the last scriptRuns.answer sent, seen ahead of the page's own listener.
    await page.addInitScript(`{
      const Original = window.WebSocket;
      window.WebSocket = class extends Original {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (event) => {
            const data = JSON.parse(event.data);
            if (data.type === 'result' && data.id === window.stepRequestId) window.stepAnsweredAt = performance.now();
          });
        }
        send(data) {
          const request = JSON.parse(data);
          if (request.method === 'scriptRuns.answer') window.stepRequestId = request.id;
          super.send(data);
        }
      };
    }`);
    await page.goto(host.url);
    await page.getByTestId('app-title').waitFor();
    const api = await PageApi.of(page);
    await api.call('phone.saveAccount', { label: 'Bench', wsUrl: kamailio.wsUrl, sipUri: 'sip:op960@127.0.0.1', password: 'secret' });
    await api.call('contacts.create', { lastName: 'Коваль', firstName: 'Марія', phones: [{ raw: '+380671112260' }] });
    await scriptOnLine(api, { script: longScript });
    await registered(page);
    const caller = await BrowserPeer.open(browser);
    await caller.register('380671112260', kamailio.wsUrl);
    // Calls as long as real conversations (30 moves each), one after another; the first warms up.
    const steps: Step[] = [];
    let lastCall = '';
    for (let call = 0; call < calls; call++) {
      await caller.call('op960');
      await page.getByTestId('incoming-answer').click({ timeout: 10_000 });
      await page.locator('[data-testid="script-runner"][data-node-id="n0"]').waitFor({ timeout: 10_000 });
      lastCall = (await page.getByTestId('call-script').getAttribute('data-call-id')) ?? '';
      log(`scripts-ui: call ${call + 1} of ${calls}, ${movesPerCall} steps through a ${nodes}-node script`);
      const times = await stepTimes(page);
      if (call > 0) steps.push(...times);
      await page.getByTestId('call-hangup').click();
      await page.getByTestId('wrap-up-skip').click({ timeout: 10_000 });
      await page.getByTestId('wrap-up-skip').waitFor({ state: 'detached' });
    }
    // Main's share: moves of the same length of run asked over a socket of our own, nothing rendered.
    const run = await api.call('scriptRuns.get', { callId: lastCall });
    if (!run) throw new Error('the last call has no script run');
    const moves = await sampleMs(movesPerCall, () => api.call('scriptRuns.back', { runId: run.runId }), 0);
    // The floor under both: a round trip over the socket to a method that reads almost nothing.
    const floor = await sampleMs(150, () => api.call('app.info', {}), 10);
    await caller.close();
    await api.close();
    return [
      ...medianAndTail('scripts.step', steps.map((st) => st.shown)),
      ...medianAndTail('scripts.step_confirmed', steps.map((st) => st.confirmed)),
      ...medianAndTail('scripts.step_api', moves),
      ...medianAndTail('raw.socket_round_trip', floor),
    ];
  } finally {
    await browser.close();
    await host.stop();
    await kamailio.dispose();
    scratch.remove();
  }
}

async function registered(page: Page): Promise<void> {
  await page.locator('[data-testid="phone-status"][data-registration="registered"]').waitFor({ timeout: 10_000 });
}

/** One step: from the key to the next node's merged text in the page, and to main's answer (the move stored) in the page. */
interface Step {
  shown: number;
  confirmed: number;
}

/** Key 1 on each node in turn from the start. */
async function stepTimes(page: Page): Promise<Step[]> {
  const steps: Step[] = [];
  for (let i = 1; i <= movesPerCall; i++) {
    steps.push(
      await page.evaluate<Step>(`new Promise((resolve) => {
        const arrived = () => {
          const runner = document.querySelector('[data-testid="script-runner"]');
          return runner !== null && runner.getAttribute('data-node-id') === 'n${i}' && runner.querySelector('[data-testid="script-node-text"]').textContent.startsWith('Крок ${i}. Марія,');
        };
        const start = performance.now();
        let shownAt = null;
        window.stepAnsweredAt = null;
        const finish = () => {
          if (shownAt === null || window.stepAnsweredAt === null) return requestAnimationFrame(finish);
          resolve({ shown: shownAt - start, confirmed: window.stepAnsweredAt - start });
        };
        const observer = new MutationObserver(() => {
          if (!arrived()) return;
          observer.disconnect();
          shownAt = performance.now();
          finish();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
      })`),
    );
  }
  return steps;
}
