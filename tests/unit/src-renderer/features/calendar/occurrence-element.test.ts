// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CalendarOccurrence } from '#contract';
import { occurrenceElement, timeRangeText, type OccurrenceLabels } from '#renderer/features/calendar/occurrence-element';

const labels: OccurrenceLabels = {
  kinds: { meeting: 'Meeting', call: 'Call', callback: 'Callback', interaction: 'Planned interaction', assignment: 'Assignment', event: 'Event' },
  pending: 'Not on the server yet',
  conflict: 'Conflict with the server',
  readOnly: 'Read-only',
};

const occurrence = {
  eventId: 'ev-1',
  kind: 'callback',
  title: 'Call <b>Lucy</b> back',
  syncState: 'synced',
  readOnly: false,
} as CalendarOccurrence;

function marks(el: HTMLElement): (string | null)[] {
  return [...el.querySelectorAll('svg')].map((svg) => svg.getAttribute('aria-label'));
}

describe('an item on the grid', () => {
  it('shows its kind, time and title (as text, never markup)', () => {
    const el = occurrenceElement(occurrence, '9:00 – 9:15', labels);
    expect(el.dataset.eventId).toBe('ev-1');
    expect(marks(el)).toEqual(['Callback']);
    expect(el.textContent).toBe('9:00 – 9:15 Call <b>Lucy</b> back');
    expect(el.querySelector('.cal-occurrence-title b')?.textContent).toBe('9:00 – 9:15 ');
  });

  it('marks a change not yet on the server, a conflict and a read-only item', () => {
    expect(marks(occurrenceElement({ ...occurrence, syncState: 'pending' }, '', labels))).toEqual(['Callback', 'Not on the server yet']);
    expect(marks(occurrenceElement({ ...occurrence, syncState: 'conflict', readOnly: true }, '', labels))).toEqual(['Callback', 'Conflict with the server', 'Read-only']);
  });

  it('words a time range in the locale and says the same range the same way again', () => {
    const from = Date.UTC(2026, 11, 2, 9, 0);
    const to = Date.UTC(2026, 11, 2, 10, 30);
    const text = timeRangeText('en-GB', from, to);
    expect(text).toBe(new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).formatRange(from, to));
    expect(timeRangeText('en-GB', from, to)).toBe(text);
    expect(timeRangeText('uk-UA', from, to)).toBe(new Intl.DateTimeFormat('uk-UA', { timeStyle: 'short' }).formatRange(from, to));
  });
});
