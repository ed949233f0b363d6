import { describe, expect, it } from 'vitest';
import { editResource, removeOccurrence } from '#core/calendar/ical/edit-resource';
import { expandOccurrences } from '#core/calendar/ical/expand-occurrences';
import { parseCalendarResource } from '#core/calendar/ical/parse-resource';
import { sameContent } from '#core/calendar/ical/same-content';

const now = Date.UTC(2026, 2, 20, 12, 0, 0);
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

/** As Thunderbird 128 stores a weekly meeting it organises: its own X-MOZ-* properties, attendees with parameters. */
const thunderbird = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN',
  'VERSION:2.0',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Kyiv',
  'X-TZINFO:Europe/Kyiv[2025b]',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'CREATED:20260301T080000Z',
  'LAST-MODIFIED:20260301T080500Z',
  'DTSTAMP:20260301T080500Z',
  'UID:5b1c2f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  'SUMMARY:Weekly sales review',
  'ORGANIZER;CN=Olena Koval:mailto:olena@example.com',
  'ATTENDEE;CN=Ivan Petrenko;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:',
  ' mailto:ivan@example.com',
  'RRULE:FREQ=WEEKLY;BYDAY=MO',
  'DTSTART;TZID=Europe/Kyiv:20260316T100000',
  'DTEND;TZID=Europe/Kyiv:20260316T110000',
  'SEQUENCE:2',
  'X-MOZ-GENERATION:3',
  'X-MOZ-SEND-INVITATIONS:TRUE',
  'X-CRM-DEAL:d-77',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER;VALUE=DURATION:-PT15M',
  'DESCRIPTION:Default Mozilla Description',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const master = (text: string) => {
  const parsed = parseCalendarResource(text, 'Europe/Kyiv');
  if (!parsed.ok) throw new Error(`${parsed.reason}: ${parsed.detail}`);
  return parsed.resource;
};

describe('editResource', () => {
  it('changes only what was asked of a Thunderbird series, keeping its unknown properties and zone', () => {
    const edited = editResource(thunderbird, { scope: 'series' }, { summary: 'Weekly sales review (room 2)', location: 'Room 2' }, now);
    for (const kept of ['X-MOZ-GENERATION:3', 'X-MOZ-SEND-INVITATIONS:TRUE', 'X-CRM-DEAL:d-77', 'X-TZINFO:Europe/Kyiv[2025b]', 'CREATED:20260301T080000Z', 'ORGANIZER;CN=Olena Koval:mailto:olena@example.com']) {
      expect(edited).toContain(kept);
    }
    expect(edited.replace(/\r\n /g, '')).toContain('ATTENDEE;CN=Ivan Petrenko;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ivan@example.com');
    expect(edited).toContain('SEQUENCE:2\r\n');
    expect(edited).toContain('DTSTAMP:20260320T120000Z');
    expect(edited).toContain('LAST-MODIFIED:20260320T120000Z');
    const fields = master(edited).master!;
    expect(fields).toMatchObject({ summary: 'Weekly sales review (room 2)', location: 'Room 2', reminderMinutes: 15, links: { dealId: 'd-77' } });
    expect(sameContent(thunderbird, edited, 'Europe/Kyiv')).toBe(false);
  });

  it('moves a series keeping its length, bumping SEQUENCE', () => {
    const edited = editResource(thunderbird, { scope: 'series' }, { start: { local: '2026-03-16T15:00:00', tzid: 'Europe/Kyiv' } }, now);
    expect(master(edited).master).toMatchObject({ sequence: 3, end: { local: '2026-03-16T16:00:00', tzid: 'Europe/Kyiv' }, durationMinutes: 60 });
    expect(expandOccurrences(edited, utc(2026, 3, 30), utc(2026, 3, 31), 'UTC').map((o) => o.startUtc)).toEqual([utc(2026, 3, 30, 12)]);
  });

  it('moves one occurrence into a new override that the series expands into', () => {
    const edited = editResource(
      thunderbird,
      { scope: 'occurrence', recurrenceId: '20260330T100000' },
      { summary: 'Sales review, moved', start: { local: '2026-03-31T14:00:00', tzid: 'Europe/Kyiv' } },
      now,
    );
    const resource = master(edited);
    expect(resource.overrides).toHaveLength(1);
    expect(resource.overrides[0]).toMatchObject({
      recurrenceId: { local: '2026-03-30T10:00:00', tzid: 'Europe/Kyiv' },
      summary: 'Sales review, moved',
      start: { local: '2026-03-31T14:00:00', tzid: 'Europe/Kyiv' },
      end: { local: '2026-03-31T15:00:00', tzid: 'Europe/Kyiv' },
      rrule: null,
      sequence: 3,
    });
    expect(resource.master!.summary).toBe('Weekly sales review');
    const week = expandOccurrences(edited, utc(2026, 3, 30), utc(2026, 4, 6), 'UTC');
    expect(week.map((o) => [o.startUtc, o.override, o.recurrenceId])).toEqual([[utc(2026, 3, 31, 11), true, '20260330T100000']]);
    const again = editResource(edited, { scope: 'occurrence', recurrenceId: '20260330T100000' }, { location: 'Room 5' }, now);
    expect(master(again).overrides).toHaveLength(1);
    expect(master(again).overrides[0]!.location).toBe('Room 5');
  });

  it('marks a planned call made, and an assignment done, with the time it was done', () => {
    const made = editResource(thunderbird, { scope: 'series' }, { doneAt: now }, now);
    expect(made).toContain('X-CRM-DONE:20260320T120000Z');
    expect(master(made).master!.doneAt).toBe(now);
    const todo = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', 'BEGIN:VTODO', 'UID:t-1', 'DTSTAMP:20260301T090000Z', 'SUMMARY:Call the bank', 'DUE:20260321T150000Z', 'STATUS:NEEDS-ACTION', 'X-CRM-ASSIGNEE:e-2', 'END:VTODO', 'END:VCALENDAR', ''].join('\r\n');
    const done = editResource(todo, { scope: 'series' }, { assignment: { assigneeId: 'e-2', assignedById: null, status: 'done', checkedById: null } }, now);
    expect(master(done).master).toMatchObject({ status: 'COMPLETED', doneAt: now, assignment: { status: 'done' } });
    expect(done).toContain('PERCENT-COMPLETE:100');
    const reopened = editResource(done, { scope: 'series' }, { assignment: { assigneeId: 'e-2', assignedById: null, status: 'in_progress', checkedById: null } }, now);
    expect(master(reopened).master).toMatchObject({ status: 'IN-PROCESS', doneAt: null, assignment: { status: 'in_progress' } });
  });

  it('rejects a recurrence id that names no occurrence', () => {
    expect(() => editResource(thunderbird, { scope: 'occurrence', recurrenceId: '20260331T100000' }, { summary: 'x' }, now)).toThrow(/no occurrence/);
  });
});

describe('removeOccurrence', () => {
  it('adds an EXDATE in the master zone and drops the override', () => {
    const moved = editResource(thunderbird, { scope: 'occurrence', recurrenceId: '20260330T100000' }, { summary: 'moved' }, now);
    const removed = removeOccurrence(moved, '20260330T100000', now);
    expect(removed).toContain('EXDATE;TZID=Europe/Kyiv:20260330T100000');
    expect(master(removed).overrides).toEqual([]);
    expect(expandOccurrences(removed, utc(2026, 3, 23), utc(2026, 4, 7), 'UTC').map((o) => o.startUtc)).toEqual([utc(2026, 3, 23, 8), utc(2026, 4, 6, 7)]);
  });
});

describe('sameContent', () => {
  it('ignores DTSTAMP, LAST-MODIFIED and line folding, not a changed field or EXDATE', () => {
    const restamped = thunderbird.replace(/DTSTAMP:\d{8}T\d{6}Z/, 'DTSTAMP:20260315T000000Z').replace('LAST-MODIFIED:20260301T080500Z', 'LAST-MODIFIED:20260315T000000Z');
    const unfolded = restamped.replace(/\r\n /g, '');
    expect(sameContent(thunderbird, unfolded, 'Europe/Kyiv')).toBe(true);
    expect(sameContent(thunderbird, thunderbird.replace('SUMMARY:Weekly sales review', 'SUMMARY:Weekly review'), 'Europe/Kyiv')).toBe(false);
    const withExdate = thunderbird.replace('RRULE:FREQ=WEEKLY;BYDAY=MO', 'RRULE:FREQ=WEEKLY;BYDAY=MO\r\nEXDATE;TZID=Europe/Kyiv:20260323T100000');
    expect(sameContent(thunderbird, withExdate, 'Europe/Kyiv')).toBe(false);
  });
});
