import type { Page } from 'playwright-core';
import type { ScriptDefinition, ScriptNode } from '#contract';
import { startBrowserHost } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { BrowserPeer, PageApi, scriptOnLine } from '#tests/support/scripted-call';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { scratchDir } from './bench-workstation';
import { percentile, sampleMs, type Figure } from './measure';

const nodes = 200;

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
 * committed it; main answered over the socket in between), step after step through a 200-node script;
 * beside it main's share alone, the same kind of move asked over a socket with nothing rendered.
 */
export async function scriptsUiFigures(log: (line: string) => void): Promise<Figure[]> {
  const scratch = scratchDir();
  const kamailio = new TestKamailio();
  await kamailio.start();
  const host = await startBrowserHost(['--data-dir', scratch.path, '--port', '0']);
  const browser = await launchChromium(['--lang=en-US', '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required']);
  try {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    await page.getByTestId('app-title').waitFor();
    const api = await PageApi.of(page);
    await api.call('phone.saveAccount', { label: 'Bench', wsUrl: kamailio.wsUrl, sipUri: 'sip:op960@127.0.0.1', password: 'secret' });
    await api.call('contacts.create', { lastName: 'Коваль', firstName: 'Марія', phones: [{ raw: '+380671112260' }] });
    await scriptOnLine(api, { script: longScript });
    await registered(page);
    const caller = await BrowserPeer.open(browser);
    await caller.register('380671112260', kamailio.wsUrl);
    await caller.call('op960');
    await page.getByTestId('incoming-answer').click({ timeout: 10_000 });
    await page.locator('[data-testid="script-runner"][data-node-id="n0"]').waitFor({ timeout: 10_000 });
    log(`scripts-ui: stepping through a ${nodes}-node script`);
    const steps = await stepTimes(page);
    // Main's share: the same moves (back, one at a time) asked over a socket of our own, nothing rendered.
    const run = await api.call('scriptRuns.get', { callId: (await api.call('phone.calls', {}))[0]?.id ?? '' });
    if (!run) throw new Error('the call has no script run');
    const moves = await sampleMs(150, () => api.call('scriptRuns.back', { runId: run.runId }), 10);
    // The floor under both: a round trip over the socket to a method that reads almost nothing.
    const floor = await sampleMs(150, () => api.call('app.info', {}), 10);
    await caller.close();
    await api.close();
    return [
      { name: 'scripts.step.p50_ms', value: percentile(steps, 50), unit: 'ms' },
      { name: 'scripts.step.p95_ms', value: percentile(steps, 95), unit: 'ms' },
      { name: 'scripts.step_api.p50_ms', value: percentile(moves, 50), unit: 'ms' },
      { name: 'scripts.step_api.p95_ms', value: percentile(moves, 95), unit: 'ms' },
      { name: 'raw.socket_round_trip.p50_ms', value: percentile(floor, 50), unit: 'ms' },
      { name: 'raw.socket_round_trip.p95_ms', value: percentile(floor, 95), unit: 'ms' },
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

/** Key 1 on every node in turn; the time from the key to the next node's merged text in the page. */
async function stepTimes(page: Page): Promise<number[]> {
  const steps: number[] = [];
  for (let i = 1; i < nodes; i++) {
    const ms = await page.evaluate<number>(`new Promise((resolve) => {
      const arrived = () => {
        const runner = document.querySelector('[data-testid="script-runner"]');
        return runner !== null && runner.getAttribute('data-node-id') === 'n${i}' && runner.querySelector('[data-testid="script-node-text"]').textContent.startsWith('Крок ${i}. Марія,');
      };
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (!arrived()) return;
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
    })`);
    // The first steps warm up the socket, main's statements and React's paths.
    if (i > 10) steps.push(ms);
  }
  return steps;
}
