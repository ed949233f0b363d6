import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserHost } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { millionContactDatabase } from '#tests/support/million-contacts';
import { scratchDir } from './bench-workstation';
import { percentile, type Figure } from './measure';

/**
 * The contacts list with a million people, in Debian's Chromium against the built browser host:
 * from the End key to the last row painted, and the frame times while scrolling through it.
 */
export async function uiFigures(log: (line: string) => void): Promise<Figure[]> {
  const scratch = scratchDir();
  copyFileSync(millionContactDatabase(log), join(scratch.path, 'workstation.sqlite'));
  const host = await startBrowserHost(['--data-dir', scratch.path, '--port', '0']);
  const browser = await launchChromium(['--lang=en-US']);
  try {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    const table = page.getByTestId('contacts-table');
    await table.locator('[data-row]').first().waitFor({ timeout: 60_000 });
    const total = Number(await table.getAttribute('data-total'));
    log(`ui: ${total} contacts in the list`);

    // End → the last row, loaded and painted; Home back to the top between the runs.
    const jumps: number[] = [];
    for (let i = 0; i < 7; i++) {
      await table.focus();
      await page.keyboard.press('Home');
      await table.locator('[data-index="0"][data-row]').waitFor();
      const ms = await page.evaluate<number>(`new Promise((resolve) => {
        const start = performance.now();
        document.querySelector('[data-testid="contacts-table"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
        const check = () => {
          // The frame after the last row appears with its data is the one that paints it.
          if (document.querySelector('[data-testid="contacts-table"] [data-index="${total - 1}"][data-row]')) requestAnimationFrame(() => resolve(performance.now() - start));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })`);
      if (i >= 2) jumps.push(ms);
    }

    // Scrolling: 400 px a frame for three seconds through the middle of the list, frame to frame.
    const frames = await page.evaluate<number[]>(`new Promise((resolve) => {
      const viewport = document.querySelector('[data-testid="contacts-table-viewport"]');
      viewport.scrollTop = viewport.scrollHeight / 3;
      const times = [];
      let previous = performance.now();
      const end = previous + 3000;
      const step = () => {
        const now = performance.now();
        times.push(now - previous);
        previous = now;
        viewport.scrollTop += 400;
        if (now < end) requestAnimationFrame(step);
        else resolve(times.slice(5));
      };
      requestAnimationFrame(step);
    })`);
    return [
      { name: 'ui.contacts_jump_to_end_1m.ms', value: percentile(jumps, 50), unit: 'ms' },
      { name: 'ui.contacts_jump_to_end_1m.p95_ms', value: percentile(jumps, 95), unit: 'ms' },
      { name: 'ui.contacts_scroll_frame.p95_ms', value: percentile(frames, 95), unit: 'ms' },
      { name: 'ui.contacts_scroll_frame.p50_ms', value: percentile(frames, 50), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await host.stop();
    scratch.remove();
  }
}
