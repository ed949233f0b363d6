import { describe, expect, it } from 'vitest';
import { expandOccurrences } from '#core/calendar/ical/expand-occurrences';
import { parseCalendarResource } from '#core/calendar/ical/parse-resource';

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const calendar = (...components: string[][]) => crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', ...components.flat(), 'END:VCALENDAR']);
const vevent = (props: string[]) => ['BEGIN:VEVENT', 'UID:series-1@google.com', 'DTSTAMP:20260301T090000Z', ...props, 'END:VEVENT'];

const day = 86_400_000;
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const starts = (text: string, from: number, to: number, floating = 'Europe/Kyiv') => expandOccurrences(text, from, to, floating).map((o) => o.startUtc);

describe('expandOccurrences', () => {
  const weeklyKyiv = calendar(vevent(['SUMMARY:Planning', 'DTSTART;TZID=Europe/Kyiv:20260316T100000', 'DTEND;TZID=Europe/Kyiv:20260316T110000', 'RRULE:FREQ=WEEKLY;BYDAY=MO']));

  it('keeps a weekly 10:00 Kyiv meeting at 10:00 local over the DST change, its UTC instant moving by an hour', () => {
    const occurrences = expandOccurrences(weeklyKyiv, utc(2026, 3, 15), utc(2026, 4, 1), 'UTC');
    expect(occurrences.map((o) => o.startUtc)).toEqual([utc(2026, 3, 16, 8), utc(2026, 3, 23, 8), utc(2026, 3, 30, 7)]);
    expect(occurrences.map((o) => o.endUtc - o.startUtc)).toEqual([3_600_000, 3_600_000, 3_600_000]);
    expect(occurrences[2]).toMatchObject({
      recurrenceId: '20260330T100000',
      override: false,
      fields: { start: { local: '2026-03-30T10:00:00', tzid: 'Europe/Kyiv' }, end: { local: '2026-03-30T11:00:00', tzid: 'Europe/Kyiv' }, rrule: 'FREQ=WEEKLY;BYDAY=MO' },
    });
  });

  it('follows New York and London over their own DST changes', () => {
    const ny = calendar(vevent(['DTSTART;TZID=America/New_York:20260302T090000', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY;COUNT=3']));
    expect(starts(ny, utc(2026, 3, 1), utc(2026, 4, 1))).toEqual([utc(2026, 3, 2, 14), utc(2026, 3, 9, 13), utc(2026, 3, 16, 13)]);
    const london = calendar(vevent(['DTSTART;TZID=Europe/London:20260326T090000', 'RRULE:FREQ=DAILY;COUNT=4']));
    expect(starts(london, utc(2026, 3, 1), utc(2026, 4, 1))).toEqual([utc(2026, 3, 26, 9), utc(2026, 3, 27, 9), utc(2026, 3, 28, 9), utc(2026, 3, 29, 8)]);
    const yekaterinburg = calendar(vevent(['DTSTART;TZID=Asia/Yekaterinburg:20260327T100000', 'RRULE:FREQ=DAILY;COUNT=4']));
    expect(starts(yekaterinburg, utc(2026, 3, 1), utc(2026, 4, 1))).toEqual([27, 28, 29, 30].map((d) => utc(2026, 3, d, 5)));
  });

  it('applies COUNT, UNTIL (in UTC, inclusive), BYDAY, RDATE and EXDATE', () => {
    const byDay = calendar(vevent(['DTSTART;TZID=Europe/Kyiv:20260302T090000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260311T070000Z']));
    expect(starts(byDay, utc(2026, 1, 1), utc(2027, 1, 1))).toEqual([utc(2026, 3, 2, 7), utc(2026, 3, 4, 7), utc(2026, 3, 9, 7), utc(2026, 3, 11, 7)]);
    const withDates = calendar(
      vevent([
        'DTSTART;TZID=Europe/Kyiv:20260302T090000',
        'RRULE:FREQ=WEEKLY;COUNT=3',
        'EXDATE;TZID=Europe/Kyiv:20260309T090000',
        'RDATE;TZID=Europe/Kyiv:20260311T150000',
      ]),
    );
    expect(starts(withDates, utc(2026, 1, 1), utc(2027, 1, 1))).toEqual([utc(2026, 3, 2, 7), utc(2026, 3, 11, 13), utc(2026, 3, 16, 7)]);
    const parsed = parseCalendarResource(withDates, 'UTC');
    expect(parsed.ok && parsed.resource).toMatchObject({ recurring: true, firstStartUtc: utc(2026, 3, 2, 7), lastEndUtc: utc(2026, 3, 16, 7) });
  });

  it('gives a moved and retitled occurrence its override, once, where it moved to', () => {
    const series = calendar(
      vevent(['SUMMARY:Stand-up', 'DTSTART;TZID=Europe/Kyiv:20260302T093000', 'DTEND;TZID=Europe/Kyiv:20260302T094500', 'RRULE:FREQ=DAILY;COUNT=5']),
      vevent(['RECURRENCE-ID;TZID=Europe/Kyiv:20260303T093000', 'SUMMARY:Stand-up with the director', 'DTSTART;TZID=Europe/Kyiv:20260303T160000', 'DTEND;TZID=Europe/Kyiv:20260303T163000', 'SEQUENCE:1']),
    );
    const occurrences = expandOccurrences(series, utc(2026, 3, 3), utc(2026, 3, 4), 'UTC');
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0]).toMatchObject({
      startUtc: utc(2026, 3, 3, 14),
      endUtc: utc(2026, 3, 3, 14, 30),
      recurrenceId: '20260303T093000',
      override: true,
      fields: { summary: 'Stand-up with the director', durationMinutes: 30 },
    });
    // The range holding only the occurrence's original time no longer shows it.
    expect(starts(series, utc(2026, 3, 3, 7), utc(2026, 3, 3, 8))).toEqual([]);
    const parsed = parseCalendarResource(series, 'UTC');
    expect(parsed.ok && parsed.resource.overrides.map((o) => o.recurrenceId)).toEqual([{ local: '2026-03-03T09:30:00', tzid: 'Europe/Kyiv' }]);
  });

  it('expands an unbounded rule only up to the range, and reports it without a last end', () => {
    const daily = calendar(vevent(['DTSTART:20200101T060000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY']));
    expect(starts(daily, utc(2026, 3, 10), utc(2026, 3, 13))).toEqual([utc(2026, 3, 10, 6), utc(2026, 3, 11, 6), utc(2026, 3, 12, 6)]);
    expect(expandOccurrences(daily, utc(2026, 3, 10), utc(2026, 4, 10), 'UTC', 5)).toHaveLength(5);
    const parsed = parseCalendarResource(daily, 'UTC');
    expect(parsed.ok && parsed.resource).toMatchObject({ firstStartUtc: utc(2020, 1, 1, 6), lastEndUtc: null });
  });

  it('reads all-day and floating series in the floating zone, keeping their wall-clock times over DST', () => {
    const allDay = calendar(vevent(['DTSTART;VALUE=DATE:20260328', 'DTEND;VALUE=DATE:20260329', 'RRULE:FREQ=DAILY;COUNT=3']));
    const occurrences = expandOccurrences(allDay, utc(2026, 3, 1), utc(2026, 4, 1), 'Europe/Kyiv');
    expect(occurrences.map((o) => [o.startUtc, o.endUtc])).toEqual([
      [utc(2026, 3, 27, 22), utc(2026, 3, 28, 22)],
      [utc(2026, 3, 28, 22), utc(2026, 3, 29, 21)],
      [utc(2026, 3, 29, 21), utc(2026, 3, 30, 21)],
    ]);
    expect(occurrences[1]!.fields).toMatchObject({ allDay: true, start: { local: '2026-03-29', tzid: null }, end: { local: '2026-03-30', tzid: null } });
    expect(occurrences[1]!.recurrenceId).toBe('20260329');
    const floating = calendar(vevent(['DTSTART:20260327T100000', 'RRULE:FREQ=DAILY;UNTIL=20260330T100000']));
    expect(starts(floating, utc(2026, 3, 1), utc(2026, 4, 1), 'Europe/Kyiv')).toEqual([utc(2026, 3, 27, 8), utc(2026, 3, 28, 8), utc(2026, 3, 29, 7), utc(2026, 3, 30, 7)]);
  });

  it('returns one occurrence with no recurrence id for a single event overlapping the range, none outside it', () => {
    const single = calendar(vevent(['DTSTART:20260310T100000Z', 'DTEND:20260310T110000Z']));
    expect(expandOccurrences(single, utc(2026, 3, 10, 10, 30), utc(2026, 3, 10, 12), 'UTC')).toEqual([
      expect.objectContaining({ startUtc: utc(2026, 3, 10, 10), endUtc: utc(2026, 3, 10, 11), recurrenceId: null, override: false }),
    ]);
    expect(expandOccurrences(single, utc(2026, 3, 10, 11), utc(2026, 3, 10, 12), 'UTC')).toEqual([]);
    expect(expandOccurrences(single, utc(2026, 3, 10, 11), utc(2026, 3, 10, 11) + day, 'Mars/Base')).toEqual([]);
  });

  it('bounds a series for the index without leaving out its last occurrence, read from the rule where the rule can tell', () => {
    const cases = [
      'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=39',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20260915T235959Z',
      'RRULE:FREQ=DAILY;COUNT=10',
      // A rule that skips months: only its expansion knows where it ends.
      'RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=7',
    ];
    for (const rule of cases) {
      const text = calendar(vevent(['DTSTART;TZID=Europe/Kyiv:20260316T100000', 'DTEND;TZID=Europe/Kyiv:20260316T110000', rule]));
      const parsed = parseCalendarResource(text, 'Europe/Kyiv');
      const all = expandOccurrences(text, utc(2026, 1, 1), utc(2028, 1, 1), 'Europe/Kyiv');
      const lastEnd = Math.max(...all.map((o) => o.endUtc));
      expect(parsed.ok && parsed.resource.lastEndUtc, rule).toBeGreaterThanOrEqual(lastEnd);
      expect(parsed.ok && parsed.resource.lastEndUtc, rule).toBeLessThan(lastEnd + 60 * day);
    }
    const monthly = parseCalendarResource(calendar(vevent(['DTSTART;TZID=Europe/Kyiv:20260131T100000', 'DTEND;TZID=Europe/Kyiv:20260131T110000', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=7'])), 'Europe/Kyiv');
    // January, March, May, July, August, October, December 2026.
    expect(monthly.ok && monthly.resource.lastEndUtc).toBe(utc(2026, 12, 31, 9));
  });
});
