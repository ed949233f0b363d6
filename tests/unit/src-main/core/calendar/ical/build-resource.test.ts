import { describe, expect, it } from 'vitest';
import type { ItemFields } from '#core/calendar/ical/calendar-item';
import { buildResource } from '#core/calendar/ical/build-resource';
import { parseCalendarResource } from '#core/calendar/ical/parse-resource';

const now = Date.UTC(2026, 2, 1, 9, 0, 0);
const noLinks = { contactId: null, companyId: null, dealId: null, complaintId: null, callId: null };

const base: ItemFields = {
  component: 'VEVENT',
  kind: 'meeting',
  summary: 'Зустріч з ТОВ «Ромашка» щодо договору постачання на 2026 рік, обговорення умов оплати',
  description: 'Agenda:\n1. prices, terms; delivery',
  location: 'Kyiv, Khreshchatyk 1',
  start: { local: '2026-03-30T10:00:00', tzid: 'Europe/Kyiv' },
  end: { local: '2026-03-30T11:30:00', tzid: 'Europe/Kyiv' },
  durationMinutes: 90,
  allDay: false,
  status: 'CONFIRMED',
  busy: true,
  reminderMinutes: 15,
  links: { contactId: 'c-1', companyId: 'co-2', dealId: 'd-3', complaintId: null, callId: null },
  ownerEmployeeId: 'e-1',
  assignment: null,
  rrule: null,
  sequence: 0,
  doneAt: null,
};

const cases: Array<[string, ItemFields]> = [
  ['meeting in Kyiv', base],
  ['weekly call in New York, free time', { ...base, kind: 'call', start: { local: '2026-03-02T09:00:00', tzid: 'America/New_York' }, end: null, durationMinutes: 20, busy: false, rrule: 'FREQ=WEEKLY;COUNT=10;BYDAY=MO', reminderMinutes: null }],
  ['callback in UTC, made', { ...base, kind: 'callback', doneAt: Date.UTC(2026, 2, 30, 7, 2, 13), start: { local: '2026-03-30T07:00:00', tzid: 'UTC' }, end: null, durationMinutes: 0, links: { ...noLinks, contactId: 'c-9', callId: 'call-4' }, description: null, location: null, status: null }],
  ['interaction, floating', { ...base, kind: 'interaction', start: { local: '2026-03-30T10:00:00', tzid: null }, end: { local: '2026-03-30T10:10:00', tzid: null }, durationMinutes: 10, links: { ...noLinks, complaintId: 'cp-5' } }],
  ['all-day event', { ...base, kind: 'event', start: { local: '2026-03-29', tzid: null }, end: null, durationMinutes: 1440, allDay: true, reminderMinutes: null }],
  [
    'assignment with a due time only',
    { ...base, component: 'VTODO', kind: 'assignment', start: { local: '2026-03-31T18:00:00', tzid: 'Europe/Kyiv' }, end: null, durationMinutes: 0, status: 'NEEDS-ACTION', assignment: { assigneeId: 'e-2', assignedById: 'e-1', status: 'open', checkedById: null } },
  ],
  [
    'checked assignment with start and due',
    {
      ...base,
      component: 'VTODO',
      kind: 'assignment',
      start: { local: '2026-03-30T09:00:00', tzid: 'Asia/Yekaterinburg' },
      end: { local: '2026-03-31T18:00:00', tzid: 'Asia/Yekaterinburg' },
      durationMinutes: 33 * 60,
      status: 'COMPLETED',
      assignment: { assigneeId: 'e-2', assignedById: 'e-1', status: 'checked', checkedById: 'e-1' },
      doneAt: Date.UTC(2026, 2, 31, 12, 0, 0),
    },
  ],
];

describe('buildResource', () => {
  it.each(cases)('gives back the same fields when parsed: %s', (_name, fields) => {
    const text = buildResource(fields, 'uid-1@workstation', now);
    const parsed = parseCalendarResource(text, 'Europe/London');
    if (!parsed.ok) throw new Error(`${parsed.reason}: ${parsed.detail}`);
    expect(parsed.resource.uid).toBe('uid-1@workstation');
    expect(parsed.resource.master).toEqual(fields);
    expect(parsed.resource.overrides).toEqual([]);
  });

  it('writes text a CalDAV server takes: CRLF lines of at most 75 octets, PRODID, VERSION, DTSTAMP and the VTIMEZONE it names', () => {
    const text = buildResource(base, 'uid-1@workstation', now);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
    expect(lines).toContain('PRODID:-//Operator Workstation//CRM Calendar//EN');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTAMP:20260301T090000Z');
    expect(lines).toContain('TZID:Europe/Kyiv');
    expect(lines).toContain('DTSTART;TZID=Europe/Kyiv:20260330T100000');
    expect(lines.filter((line) => line === 'BEGIN:VTIMEZONE')).toHaveLength(1);
  });
});
