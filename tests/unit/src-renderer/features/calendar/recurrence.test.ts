import { describe, expect, it } from 'vitest';
import { noRecurrence, recurrenceOf, rruleOf, weekdayOf } from '#renderer/features/calendar/recurrence';

const timed = { allDay: false, zone: 'Europe/Kyiv' };

describe('recurrence', () => {
  it('writes none as no rule and the simple frequencies bare', () => {
    expect(rruleOf(noRecurrence, timed)).toBeNull();
    expect(rruleOf({ ...noRecurrence, frequency: 'daily' }, timed)).toBe('FREQ=DAILY');
    expect(rruleOf({ ...noRecurrence, frequency: 'yearly', interval: 2 }, timed)).toBe('FREQ=YEARLY;INTERVAL=2');
  });

  it('writes weekly on weekdays in the week’s order, whatever order they were ticked in', () => {
    expect(rruleOf({ ...noRecurrence, frequency: 'weekly', days: ['FR', 'MO', 'WE'] }, timed)).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
  });

  it('ends a timed series at the end of its last day in the item’s zone, as UTC; an all-day one on the date', () => {
    expect(rruleOf({ ...noRecurrence, frequency: 'weekly', ends: 'until', until: '2026-12-31' }, timed)).toBe('FREQ=WEEKLY;UNTIL=20261231T215959Z');
    expect(rruleOf({ ...noRecurrence, frequency: 'monthly', ends: 'until', until: '2026-12-31' }, { allDay: true, zone: 'Europe/Kyiv' })).toBe('FREQ=MONTHLY;UNTIL=20261231');
    expect(rruleOf({ ...noRecurrence, frequency: 'daily', ends: 'count', count: 5 }, timed)).toBe('FREQ=DAILY;COUNT=5');
  });

  it('reads back what it writes', () => {
    const written = rruleOf({ ...noRecurrence, frequency: 'weekly', interval: 2, days: ['TU', 'TH'], ends: 'count', count: 8 }, timed);
    expect(recurrenceOf(written)).toEqual({ custom: false, recurrence: { frequency: 'weekly', interval: 2, days: ['TU', 'TH'], ends: 'count', until: null, count: 8 } });
    expect(recurrenceOf('FREQ=DAILY;UNTIL=20261231T215959Z').recurrence).toMatchObject({ ends: 'until', until: '2026-12-31' });
  });

  it('marks a rule with parts it has no field for as custom, to be kept as it is', () => {
    expect(recurrenceOf('FREQ=MONTHLY;BYDAY=-1FR').custom).toBe(true);
    expect(recurrenceOf('FREQ=MONTHLY;BYMONTHDAY=15').custom).toBe(true);
    expect(recurrenceOf('FREQ=WEEKLY;BYDAY=MO;WKST=MO').custom).toBe(false);
  });

  it('names the weekday of a date', () => {
    expect(weekdayOf('2026-12-02')).toBe('WE');
    expect(weekdayOf('2026-12-06')).toBe('SU');
  });
});
