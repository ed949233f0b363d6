import { instantOf } from './zoned-time';

export const frequencies = ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof frequencies)[number];
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];

/** A recurrence as the editor shows it. */
export interface Recurrence {
  frequency: Frequency;
  /** Every N days/weeks/months/years. */
  interval: number;
  /** For weekly: on which days (none: the start's day). */
  days: Weekday[];
  ends: 'never' | 'until' | 'count';
  /** `YYYY-MM-DD`, the last day an occurrence may fall on. */
  until: string | null;
  count: number;
}

export const noRecurrence: Recurrence = { frequency: 'none', interval: 1, days: [], ends: 'never', until: null, count: 10 };

/**
 * A rule as the editor can show it, or `custom` when the rule has parts the editor has no field for
 * (BYSETPOS, BYMONTHDAY…, written by another client): such a rule is kept as it is unless the person replaces it.
 */
export function recurrenceOf(rrule: string | null): { recurrence: Recurrence; custom: boolean } {
  if (!rrule) return { recurrence: noRecurrence, custom: false };
  const parts = new Map(rrule.split(';').map((part) => part.split('=') as [string, string]));
  const frequency = (parts.get('FREQ') ?? '').toLowerCase() as Frequency;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL', 'COUNT', 'WKST']);
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  const plainDays = days.every((day): day is Weekday => (weekdays as readonly string[]).includes(day));
  const custom = ![...parts.keys()].every((key) => known.has(key)) || !frequencies.includes(frequency) || !plainDays || (days.length > 0 && frequency !== 'weekly');
  const until = parts.get('UNTIL');
  const count = parts.get('COUNT');
  return {
    custom,
    recurrence: {
      frequency: frequencies.includes(frequency) ? frequency : 'none',
      interval: Math.max(1, Number(parts.get('INTERVAL') ?? 1) || 1),
      days: plainDays ? (days) : [],
      ends: until ? 'until' : count ? 'count' : 'never',
      until: until ? `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` : null,
      count: count ? Number(count) : 10,
    },
  };
}

/**
 * The RRULE value for a recurrence. UNTIL is the end of its day: a date for all-day items, else that moment in the
 * item's zone as UTC (RFC 5545 wants UTC when the start has a zone).
 */
export function rruleOf(recurrence: Recurrence, timing: { allDay: boolean; zone: string }): string | null {
  if (recurrence.frequency === 'none') return null;
  const parts = [`FREQ=${recurrence.frequency.toUpperCase()}`];
  if (recurrence.interval > 1) parts.push(`INTERVAL=${recurrence.interval}`);
  if (recurrence.frequency === 'weekly' && recurrence.days.length > 0) parts.push(`BYDAY=${weekdays.filter((d) => recurrence.days.includes(d)).join(',')}`);
  if (recurrence.ends === 'until' && recurrence.until) parts.push(`UNTIL=${untilValue(recurrence.until, timing)}`);
  if (recurrence.ends === 'count') parts.push(`COUNT=${Math.max(1, recurrence.count)}`);
  return parts.join(';');
}

function untilValue(until: string, { allDay, zone }: { allDay: boolean; zone: string }): string {
  if (allDay) return until.replaceAll('-', '');
  return new Date(instantOf(`${until}T23:59:59`, zone)).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The weekday (MO…SU) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): Weekday {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return weekdays[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7] ?? 'MO';
}
