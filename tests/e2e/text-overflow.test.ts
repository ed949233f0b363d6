import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName, MethodOutput, Result } from '#contract';
import { databaseFileName } from '#core/app/workstation';
import { artifactPath } from '#tests/support/artifacts';
import type { BrowserHostProcess } from '#tests/support/browser-host';
import { openDemoWorkplace, type DemoWorkplace } from '#tests/support/demo-workplace';
import { connectApi } from '#tests/support/ws-client';

/** A text the operator cannot read whole: where it is, and what it says. */
interface Overflow {
  where: string;
  text: string;
  overBy: number;
}

/**
 * Finds text that does not fit its box, in the page (or in the dialog the root selector names):
 * - a text node laid out wider than the element it sits in (the nearest element that is not inline), or
 *   running past a clipping box around that element or past the window's right edge;
 * - an element that clips (overflow hidden/clip, or text-overflow ellipsis) whose content is wider than it;
 * - an input whose placeholder (or a read-only input's value: a select's choice) is wider than its inner width,
 *   measured with the input's own font on a canvas.
 * Only what is shown counts. An element may truncate on purpose when it says so with data-truncates="title"
 * and carries the full text in its title; such a mark without a title is itself reported.
 * Runs in the page: it must not use anything from the test's module scope.
 */
function findOverflows(rootSelector: string | null): Overflow[] {
  const root = rootSelector ? document.querySelector(rootSelector) : document.body;
  if (!root) return [{ where: rootSelector ?? 'body', text: '(not in the page)', overBy: 0 }];
  const found: Overflow[] = [];
  const reported = new Set<Element>();
  const slack = 1;

  const describe = (el: Element): string => {
    const testId = el.closest('[data-testid]')?.getAttribute('data-testid');
    const column = el.closest('[data-column]')?.getAttribute('data-column');
    const classes = [...el.classList].filter((c) => c.startsWith('mantine-')).slice(0, 2);
    const own = `${el.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join('')}`;
    return [testId ? `[data-testid=${testId}]` : null, column ? `[data-column=${column}]` : null, own].filter(Boolean).join(' ');
  };
  const shown = (el: Element): boolean => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    if (el.closest('[aria-hidden="true"], [inert]')) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false;
    // Collapsed sections and visually hidden labels: a clipping ancestor with no room shows nothing.
    for (let up = el.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflow !== 'visible') {
        const box = up.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return false;
      }
    }
    return true;
  };
  // The one way out: the element says it cuts its text on purpose and holds the whole of it in its title.
  const cutsOnPurpose = (marked: Element) => marked.getAttribute('data-truncates') === 'title' && (marked.getAttribute('title') ?? '').trim() !== '';
  const excused = (el: Element): boolean => {
    const marked = el.closest('[data-truncates]');
    return marked !== null && cutsOnPurpose(marked);
  };
  for (const marked of root.querySelectorAll('[data-truncates]')) {
    if (!cutsOnPurpose(marked)) found.push({ where: describe(marked), text: `data-truncates without the whole text in a title: ${marked.textContent ?? ''}`, overBy: 0 });
  }
  const report = (el: Element, text: string, overBy: number) => {
    if (reported.has(el)) return;
    reported.add(el);
    found.push({ where: describe(el), text: text.trim().replace(/\s+/g, ' ').slice(0, 160), overBy: Math.round(overBy) });
  };
  const contentBox = (el: Element) => {
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const left = rect.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const right = rect.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    return { left, right };
  };
  const skipped = 'script, style, noscript, template, svg, option, textarea, input, select';

  // Text nodes wider than their box.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const parent = node.parentElement;
    if (!parent || text.trim() === '' || parent.closest(skipped)) continue;
    let box: Element = parent;
    while (box.parentElement && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
    if (!shown(parent) || excused(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const textRect = range.getBoundingClientRect();
    const bounds = contentBox(box);
    const overBy = Math.max(textRect.right - bounds.right, bounds.left - textRect.left);
    if (textRect.width > 0 && overBy > slack) report(box, box.textContent ?? text, overBy);
    else if (textRect.width > 0) {
      // Text that fits its own box may still be cut off by a box around it, or by the window's edge.
      // A box that scrolls sideways keeps it reachable.
      let clipRight = document.documentElement.clientWidth;
      for (let up = box.parentElement; up; up = up.parentElement) {
        const overflowX = getComputedStyle(up).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll') {
          clipRight = Infinity;
          break;
        }
        if (overflowX === 'hidden' || overflowX === 'clip') clipRight = Math.min(clipRight, up.getBoundingClientRect().right - up.clientLeft);
      }
      if (textRect.right - clipRight > slack) report(box, box.textContent ?? text, textRect.right - clipRight);
    }
  }

  // Elements that clip their text.
  for (const el of root.querySelectorAll('*')) {
    if (el.closest(skipped)) continue;
    const style = getComputedStyle(el);
    const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    if (!clips || (el.textContent ?? '').trim() === '' || el.clientWidth === 0) continue;
    if (el.scrollWidth <= el.clientWidth + slack) continue;
    if ([...reported].some((r) => el.contains(r) || r.contains(el))) continue;
    if (!shown(el) || excused(el)) continue;
    // Only text counts here: a clipped picture or a scrolled strip of cards is not a cut label.
    const hasOwnText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (!hasOwnText && style.textOverflow !== 'ellipsis') continue;
    report(el, el.textContent ?? '', el.scrollWidth - el.clientWidth);
  }

  // Placeholders (and the chosen value of read-only inputs, which is how a select shows its choice).
  const canvas = document.createElement('canvas').getContext('2d');
  for (const input of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (input instanceof HTMLInputElement && !['text', 'search', 'email', 'tel', 'url', 'number', 'password', ''].includes(input.type)) continue;
    const text = input.value === '' ? input.placeholder : input.readOnly && input instanceof HTMLInputElement ? input.value : '';
    if (!canvas || text === '' || !shown(input) || excused(input)) continue;
    const style = getComputedStyle(input);
    canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const width = canvas.measureText(text).width;
    if (width > room + slack) report(input, text, width - room);
  }
  // The window itself scrolling sideways: something (a table's last column, a button) is past its edge.
  const page = document.documentElement;
  if (!rootSelector && page.scrollWidth > page.clientWidth + slack) found.push({ where: 'the window scrolls sideways', text: '', overBy: page.scrollWidth - page.clientWidth });
  return found;
}

interface Screen {
  name: string;
  /** Opens the screen or dialog, from wherever the previous one left the page. */
  open: (page: Page) => Promise<void>;
  /** A dialog is measured on its own; a screen with everything around it. */
  dialog?: string;
  close?: (page: Page) => Promise<void>;
}

const area = (name: string): Screen => ({
  name,
  open: async (page) => {
    await page.getByTestId(`nav-${name}`).click();
    await page.locator('main h2').first().waitFor();
  },
});

const firstRow = (table: string) => (page: Page): Locator => page.locator(`[data-testid=${table}] [data-row], [data-testid=${table}] tbody tr`).first();
const byTestId = (testId: string) => (page: Page): Locator => page.getByTestId(testId);

/** A drawer or a modal, opened from a screen by clicking something there, measured on its own. */
const dialog = (name: string, from: string, click: (page: Page) => Locator, shows: string, kind: 'Drawer' | 'Modal'): Screen => ({
  name,
  open: async (page) => {
    await area(from).open(page);
    await click(page).click();
    await page.getByTestId(shows).waitFor();
  },
  dialog: `.mantine-${kind}-content`,
  close: async (page) => {
    await page.keyboard.press('Escape');
    await page.locator(`.mantine-${kind}-content`).first().waitFor({ state: 'detached' });
  },
});

const screens: Screen[] = [
  ...['contacts', 'companies', 'deals', 'complaints', 'calls', 'campaigns', 'calendar', 'reports', 'settings', 'scripts'].map(area),
  {
    name: 'deals as a list',
    open: async (page) => {
      await area('deals').open(page);
      await page.locator('main .mantine-SegmentedControl-root').first().locator('label').nth(1).click();
      await page.locator('main table').first().waitFor();
    },
  },
  {
    name: 'complaint analysis',
    open: async (page) => {
      await area('complaints').open(page);
      await page.locator('main [role=tab]').nth(1).click();
      await page.getByTestId('complaints-by-cause').waitFor();
    },
  },
  dialog('contact card', 'contacts', firstRow('contacts-table'), 'contact-card', 'Drawer'),
  dialog('new contact form', 'contacts', byTestId('contacts-new'), 'contact-form', 'Modal'),
  dialog('import wizard', 'contacts', byTestId('contacts-import'), 'import-wizard', 'Modal'),
  dialog('company card', 'companies', firstRow('companies-table'), 'company-card', 'Drawer'),
  dialog('deal card', 'deals', (page) => page.locator('[data-testid=deal-board] .mantine-Card-root').first(), 'deal-detail', 'Drawer'),
  dialog('complaint drawer', 'complaints', firstRow('complaints-table'), 'complaint-card', 'Drawer'),
];

const languages = [
  { code: 'uk', option: 'Українська' },
  { code: 'ru', option: 'Русский' },
  { code: 'en', option: 'English' },
] as const;

/** The page once it has stopped changing: data arrived, loaders gone, the same overflows twice in a row. */
async function settledOverflows(page: Page, dialog: string | null): Promise<Overflow[]> {
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
  let previous = '';
  // Bounded: a page that never settles (a ticking clock) is measured as it is after a few tries.
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const state = { count: await page.evaluate(() => document.querySelectorAll('*').length), overflows: await page.evaluate(findOverflows, dialog) };
    const json = JSON.stringify(state);
    if (json === previous) break;
    previous = json;
  }
  return page.evaluate(findOverflows, dialog);
}

/**
 * What the demo data may lack but the sweep must see whatever the demo holds: an open complaint (for
 * its drawer) and a two-digit count of missed calls (for the badge). The complaint goes through the
 * API; missed calls are only ever written by the phone, so their rows go straight into the database.
 */
async function addWhatTheSweepNeeds(host: BrowserHostProcess, dataDir: string): Promise<void> {
  const url = new URL(host.url);
  const api = await connectApi(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`, url.origin);
  if ('refused' in api) throw new Error(`API refused: ${api.refused}`);
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = (await api.request(method, input)) as Result<MethodOutput<M>>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  // The demo fills the database in batches after the host is up.
  const contactId = await vi.waitFor(
    async () => {
      const id = (await call('contacts.list', { limit: 1 })).rows[0]?.id;
      if (!id) throw new Error('no contacts yet');
      return id;
    },
    { timeout: 60_000, interval: 200 },
  );
  await call('complaints.create', { contactId, subject: 'Пошкоджена упаковка під час доставки, товар потребує заміни', description: 'Клієнт повідомив про пошкодження під час транспортування.' });
  const missed = [];
  for (let i = 0; i < 12; i++) {
    const occurredAt = Date.now() - (i + 1) * 60_000;
    const item = await call('interactions.create', { kind: 'call', direction: 'in', occurredAt, contactId, subject: 'Пропущений дзвінок' });
    missed.push({ id: item.id, number: `+38050123${String(4500 + i)}`, occurredAt });
  }
  await api.close();
  const db = new Database(join(dataDir, databaseFileName));
  const insert = db.prepare("INSERT INTO calls (interaction_id, direction, remote_number, remote_key, started_at, ended_at, disposition) VALUES (?, 'in', ?, ?, ?, ?, 'missed')");
  for (const m of missed) insert.run(m.id, m.number, m.number, m.occurredAt, m.occurredAt + 20_000);
  db.close();
}

describe('no text is cut in the workplace, in any language, at 1280×800', () => {
  let workplace: DemoWorkplace;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    workplace = await openDemoWorkplace({ prepare: addWhatTheSweepNeeds });
    ({ browser, page } = workplace);
    await page.getByTestId('nav-contacts').waitFor();
  });

  afterAll(() => workplace?.close());

  it('the sweep itself sees cut text and wide placeholders, and lets an announced cut with its title pass', async () => {
    const probe = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await probe.setContent(`
      <div data-testid="ellipsis" style="width: 60px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">Налаштування робочого місця</div>
      <div data-testid="spills" style="width: 60px; white-space: nowrap">Налаштування</div>
      <input data-testid="placeholder" style="width: 80px" placeholder="Пошук за ім’ям, телефоном, поштою">
      <div data-testid="announced" data-truncates="title" title="Поліщук Світлана Андріївна" style="width: 60px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">Поліщук Світлана Андріївна</div>
      <div data-testid="unannounced" data-truncates="title" style="width: 60px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">Поліщук Світлана Андріївна</div>
      <div data-testid="fits" style="width: 300px">Контакти</div>`);
    const where = (await probe.evaluate(findOverflows, null)).map((o) => o.where.split(' ')[0]);
    await probe.close();
    expect(new Set(where)).toEqual(new Set(['[data-testid=ellipsis]', '[data-testid=spills]', '[data-testid=placeholder]', '[data-testid=unannounced]']));
  });

  it.each(languages)('every screen and main dialog in $code', async ({ code, option }) => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code);

    const problems: string[] = [];
    for (const screen of screens) {
      await screen.open(page);
      const overflows = await settledOverflows(page, screen.dialog ?? null);
      await page.screenshot({ path: artifactPath(`text-overflow-${code}-${screen.name.replace(/\s+/g, '-')}.png`) });
      // One line per place: a column cut in fifty rows is one problem, shown with its worst example.
      const byPlace = new Map<string, Overflow[]>();
      for (const o of overflows) byPlace.set(o.where, [...(byPlace.get(o.where) ?? []), o]);
      for (const [where, found] of byPlace) {
        const worst = found.reduce((a, b) => (b.overBy > a.overBy ? b : a));
        problems.push(`${screen.name} (${code}): ${where} — "${worst.text}" (${worst.overBy}px over${found.length > 1 ? `; ${found.length} such` : ''})`);
      }
      await screen.close?.(page);
    }
    expect(problems).toEqual([]);
  });
});
