import { describe, expect, it } from 'vitest';
import type { ConflictVersion } from '#contract';
import { conflictValueText, mergeChoice } from '#renderer/features/calendar/conflict-fields';
import { chartRows, tableRows, type EmployeeLoad } from '#renderer/features/calendar/load-table';
import { shiftDate } from '#renderer/features/calendar/navigation';

const version: ConflictVersion = {
  title: 'Demo',
  start: { local: '2026-12-02T10:00', tzid: 'Europe/Kyiv' },
  end: { local: '2026-12-02T11:00', tzid: 'Europe/Kyiv' },
  allDay: false,
  location: null,
  description: null,
  rrule: null,
  reminderMinutes: 15,
};
const words = { yes: 'yes', no: 'no', none: '—' };

describe('conflict fields', () => {
  it('shows times as written with their zone, and absent values as none', () => {
    expect(conflictValueText(version, 'start', words)).toBe('2026-12-02 10:00 (Europe/Kyiv)');
    expect(conflictValueText(version, 'location', words)).toBe('—');
    expect(conflictValueText(version, 'allDay', words)).toBe('no');
    expect(conflictValueText(version, 'reminderMinutes', words)).toBe('15');
  });

  it('merges each differing field from the side picked, theirs where none was', () => {
    expect(mergeChoice(['title', 'start'], { title: 'mine', location: 'mine' })).toEqual({ title: 'mine', start: 'theirs' });
  });
});

describe('load figures', () => {
  const loads: EmployeeLoad[] = [
    { employeeId: 'a', employeeName: 'Anna', days: [{ day: '2026-12-02', bookedMinutes: 90, meetings: 1, callbacks: 3 }], weeks: [{ weekStart: '2026-11-30', bookedMinutes: 90, meetings: 1, callbacks: 3 }] },
    { employeeId: 'b', employeeName: 'Bohdan', days: [{ day: '2026-12-01', bookedMinutes: 30, meetings: 0, callbacks: 1 }, { day: '2026-12-02', bookedMinutes: 20, meetings: 1, callbacks: 0 }], weeks: [] },
  ];

  it('puts everyone’s hours of a day in one chart row, days in order', () => {
    expect(chartRows(loads, 'day')).toEqual([
      { period: '2026-12-01', Bohdan: 0.5 },
      { period: '2026-12-02', Anna: 1.5, Bohdan: 0.3 },
    ]);
    expect(chartRows(loads, 'week')).toEqual([{ period: '2026-11-30', Anna: 1.5 }]);
  });

  it('lists each employee’s periods with hours, meetings and callbacks', () => {
    expect(tableRows(loads, 'day')).toContainEqual({ employee: 'Anna', period: '2026-12-02', hours: 1.5, meetings: 1, callbacks: 3 });
    expect(tableRows(loads, 'day')).toHaveLength(3);
  });
});

describe('date navigation', () => {
  it('steps a day, a week or a month', () => {
    const wednesday = new Date(2026, 11, 2);
    expect(shiftDate(wednesday, 'timeGridDay', 1).getDate()).toBe(3);
    expect(shiftDate(wednesday, 'timeGridWeek', -1).getDate()).toBe(25);
    expect(shiftDate(new Date(2026, 0, 31), 'dayGridMonth', 1).getMonth()).toBe(1);
  });
});
