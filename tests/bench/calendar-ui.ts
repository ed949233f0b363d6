import type { Page } from 'playwright-core';
import { startBrowserHost } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { PageApi } from '#tests/support/scripted-call';
import { scratchDir } from './bench-workstation';
import { type Figure, medianAndTail, percentile } from './measure';

const items = 2_000;
const renders = 12;
const warmup = 2;

/** The Monday 00:00 of the week `ms` falls in, in the browser's (and host's) zone. */
function mondayOf(ms: number): Date {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The calendar's week view with 2,000 items in one week, in Debian's Chromium against the built browser host:
 * from `calendar.range`'s answer reaching the page (seen on the socket ahead of the page's own listener) to the
 * frame that paints the last of the grid's items, the week shown again and again (next week, then back).
 */
export async function calendarUiFigures(log: (line: string) => void): Promise<Figure[]> {
  const scratch = scratchDir();
  const host = await startBrowserHost(['--demo', '--demo-size', '50', '--data-dir', scratch.path, '--port', '0']);
  const browser = await launchChromium(['--lang=en-US']);
  try {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(`{
      const Original = window.WebSocket;
      window.WebSocket = class extends Original {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (event) => {
            const data = JSON.parse(event.data);
            if (data.type === 'result' && window.rangeRequests && window.rangeRequests.has(data.id)) window.rangeAnsweredAt = performance.now();
          });
        }
        send(data) {
          const request = JSON.parse(data);
          if (request.method === 'calendar.range') (window.rangeRequests ??= new Set()).add(request.id);
          super.send(data);
        }
      };
    }`);
    await page.goto(host.url);
    await page.getByTestId('app-title').waitFor({ timeout: 60_000 });
    const api = await PageApi.of(page);
    const zone = await page.evaluate<string>('Intl.DateTimeFormat().resolvedOptions().timeZone');
    const monday = mondayOf(Date.now());
    log(`calendar-ui: ${items} items into the week of ${monday.toDateString()}`);
    for (let i = 0; i < items; i++) {
      const day = new Date(monday);
      day.setDate(monday.getDate() + (i % 7));
      const date = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
      const minutes = 8 * 60 + ((i * 17) % (10 * 60));
      const start = `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
      const end = `${date}T${pad(Math.floor((minutes + 30) / 60))}:${pad((minutes + 30) % 60)}`;
      await api.call('calendar.save', { kind: i % 3 === 0 ? 'callback' : 'meeting', title: `Зустріч ${i}`, start: { local: start, tzid: zone }, end: { local: end, tzid: zone } });
    }
    await page.goto(`${host.url}#/calendar`);
    await page.getByTestId('calendar-fc').locator('.fc-event').first().waitFor({ timeout: 60_000 });
    const shown = await page.getByTestId('calendar-fc').locator('.fc-event').count();
    log(`calendar-ui: ${shown} of ${items} items drawn on the grid, the rest behind "+N more"`);
    const samples: number[] = [];
    for (let i = 0; i < renders + warmup; i++) {
      await page.getByTestId('calendar-next').click();
      await page.locator('[data-testid="calendar-grid"][data-loading="false"]').waitFor();
      const ms = await weekPainted(page);
      if (i >= warmup) samples.push(ms);
    }
    await api.close();
    // The figure is the typical render (p50); its tail beside it.
    return [{ name: 'calendar.week_view_2000.ms', value: percentile(samples, 50), unit: 'ms' }, ...medianAndTail('calendar.week_view_2000', samples)];
  } finally {
    await browser.close();
    await host.stop();
    scratch.remove();
  }
}

/** Back to the full week: from the range's answer arriving to the frame after every item's content is in the grid. */
function weekPainted(page: Page): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    window.rangeAnsweredAt = null;
    document.querySelector('[data-testid="calendar-previous"]').click();
    const timeout = setTimeout(() => reject(new Error('the week was not painted in 30 s')), 30000);
    const check = () => {
      const grid = document.querySelector('[data-testid="calendar-fc"]');
      const events = grid.querySelectorAll('.fc-event');
      const filled = grid.querySelectorAll('.fc-event .cal-occurrence');
      if (window.rangeAnsweredAt !== null && events.length > 0 && filled.length === events.length) {
        // The frame after the items appear is the one that paints them.
        requestAnimationFrame(() => {
          clearTimeout(timeout);
          resolve(performance.now() - window.rangeAnsweredAt);
        });
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
}
