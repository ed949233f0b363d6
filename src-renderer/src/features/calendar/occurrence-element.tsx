import { IconAlertTriangle, IconCloudUpload, IconLock, type Icon } from '@tabler/icons-react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { CalendarItemKind, CalendarOccurrence } from '#contract';
import { kindIcons } from './kind-icons';

type Mark = CalendarItemKind | 'pending' | 'conflict' | 'readOnly';

/**
 * The icons drawn once by React and copied into each item on the grid: a React root (portal) per item cost more
 * than the grid itself in a crowded week (listeners attached per root, a second render of the calendar).
 */
function drawIcons(): Map<Mark, Element> {
  const host = document.createElement('div');
  const root = createRoot(host);
  const icons: [Mark, Icon][] = [...(Object.entries(kindIcons) as [CalendarItemKind, Icon][]), ['pending', IconCloudUpload], ['conflict', IconAlertTriangle], ['readOnly', IconLock]];
  flushSync(() => root.render(icons.map(([mark, MarkIcon]) => <MarkIcon key={mark} size={12} data-mark={mark} style={{ flex: 'none' }} />)));
  const drawn = new Map([...host.querySelectorAll('[data-mark]')].map((el) => [el.getAttribute('data-mark') as Mark, el.cloneNode(true) as Element]));
  root.unmount();
  return drawn;
}

const icons = drawIcons();

export interface OccurrenceLabels {
  kinds: Record<CalendarItemKind, string>;
  pending: string;
  conflict: string;
  readOnly: string;
}

/** An item on the grid: its kind, time and title, and marks for a change not yet on the server, a conflict, read-only. */
export function occurrenceElement(occurrence: CalendarOccurrence, timeText: string, labels: OccurrenceLabels): HTMLElement {
  const el = document.createElement('div');
  el.className = 'cal-occurrence';
  el.dataset.testid = 'calendar-occurrence';
  el.dataset.eventId = occurrence.eventId;
  el.dataset.kind = occurrence.kind;
  el.dataset.sync = occurrence.syncState;
  const mark = (which: Mark, label: string) => {
    const icon = icons.get(which)?.cloneNode(true) as Element | undefined;
    if (!icon) return;
    icon.setAttribute('role', 'img');
    icon.setAttribute('aria-label', label);
    el.append(icon);
  };
  mark(occurrence.kind, labels.kinds[occurrence.kind]);
  if (occurrence.syncState === 'pending') mark('pending', labels.pending);
  if (occurrence.syncState === 'conflict') mark('conflict', labels.conflict);
  if (occurrence.readOnly) mark('readOnly', labels.readOnly);
  const title = document.createElement('span');
  title.className = 'cal-occurrence-title';
  if (timeText) {
    const time = document.createElement('b');
    time.textContent = `${timeText} `;
    title.append(time);
  }
  title.append(occurrence.title);
  // A short slot cuts the text on purpose; the whole of it is in the tooltip.
  title.dataset.truncates = 'title';
  title.title = timeText ? `${timeText} ${occurrence.title}` : occurrence.title;
  el.append(title);
  return el;
}

const timeFormats = new Map<string, { format: Intl.DateTimeFormat; texts: Map<string, string> }>();
const textsKept = 20_000;

/**
 * "9:00 – 10:30 AM", "09:00–10:30": one formatter per locale (FullCalendar built one per item), and each range
 * worded once (formatRange is the slow part of drawing a crowded week again).
 */
export function timeRangeText(locale: string, from: number, to: number): string {
  let cached = timeFormats.get(locale);
  if (!cached) {
    cached = { format: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }), texts: new Map() };
    timeFormats.set(locale, cached);
  }
  const key = `${from}/${to}`;
  let text = cached.texts.get(key);
  if (text === undefined) {
    if (cached.texts.size >= textsKept) cached.texts.clear();
    text = cached.format.formatRange(from, to);
    cached.texts.set(key, text);
  }
  return text;
}
