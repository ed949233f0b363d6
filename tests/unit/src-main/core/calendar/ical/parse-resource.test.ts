import { describe, expect, it } from 'vitest';
import { parseCalendarResource } from '#core/calendar/ical/parse-resource';

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

/** As Thunderbird writes a zone under a name of its own (offsets of Kyiv, EET/EEST). */
const customKyiv = [
  'BEGIN:VTIMEZONE',
  'TZID:Custom/Kyiv',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const event = (props: string[], zones: string[] = []) =>
  crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...zones, 'BEGIN:VEVENT', 'UID:evt-1', 'DTSTAMP:20260301T090000Z', ...props, 'END:VEVENT', 'END:VCALENDAR']);

const parse = (text: string, floating = 'Europe/Kyiv') => {
  const result = parseCalendarResource(text, floating);
  if (!result.ok) throw new Error(`rejected: ${result.reason} ${result.detail}`);
  return result.resource;
};

describe('parseCalendarResource: times and zones', () => {
  it('reads a time in a zone the resource defines under a non-IANA TZID', () => {
    const resource = parse(event(['SUMMARY:Plan', 'DTSTART;TZID=Custom/Kyiv:20260330T100000', 'DTEND;TZID=Custom/Kyiv:20260330T113000'], customKyiv));
    expect(resource.master!.start).toEqual({ local: '2026-03-30T10:00:00', tzid: 'Custom/Kyiv' });
    expect(resource.master!.durationMinutes).toBe(90);
    expect(resource.firstStartUtc).toBe(Date.UTC(2026, 2, 30, 7, 0));
    expect(resource.lastEndUtc).toBe(Date.UTC(2026, 2, 30, 8, 30));
  });

  it('keeps each resource to its own VTIMEZONE when two define the same TZID differently', () => {
    const plusFive = ['BEGIN:VTIMEZONE', 'TZID:Office', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0500', 'TZOFFSETTO:+0500', 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'];
    const minusFive = ['BEGIN:VTIMEZONE', 'TZID:Office', 'BEGIN:STANDARD', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0500', 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'];
    const at = ['DTSTART;TZID=Office:20260310T100000', 'DTEND;TZID=Office:20260310T110000'];
    expect(parse(event(at, plusFive)).firstStartUtc).toBe(Date.UTC(2026, 2, 10, 5));
    expect(parse(event(at, minusFive)).firstStartUtc).toBe(Date.UTC(2026, 2, 10, 15));
    expect(parse(event(at, plusFive)).firstStartUtc).toBe(Date.UTC(2026, 2, 10, 5));
  });

  it('reads an IANA TZID without VTIMEZONE through the IANA zone', () => {
    const cases: Array<[string, string, number]> = [
      ['Europe/Kyiv', '20260327T100000', Date.UTC(2026, 2, 27, 8)],
      ['Europe/Kyiv', '20260330T100000', Date.UTC(2026, 2, 30, 7)],
      ['Asia/Yekaterinburg', '20260330T100000', Date.UTC(2026, 2, 30, 5)],
      ['America/New_York', '20260306T100000', Date.UTC(2026, 2, 6, 15)],
      ['America/New_York', '20260309T100000', Date.UTC(2026, 2, 9, 14)],
      ['Europe/London', '20260327T100000', Date.UTC(2026, 2, 27, 10)],
      ['Europe/London', '20260330T100000', Date.UTC(2026, 2, 30, 9)],
    ];
    for (const [zone, local, utc] of cases) {
      expect(parse(event([`DTSTART;TZID=${zone}:${local}`])).firstStartUtc, `${zone} ${local}`).toBe(utc);
    }
  });

  it('reads UTC, floating and all-day times, the last two in the floating zone', () => {
    expect(parse(event(['DTSTART:20260330T070000Z'])).master!.start).toEqual({ local: '2026-03-30T07:00:00', tzid: 'UTC' });
    const floating = parse(event(['DTSTART:20260330T100000', 'DTEND:20260330T110000']), 'America/New_York');
    expect(floating.master!.start.tzid).toBeNull();
    expect(floating.firstStartUtc).toBe(Date.UTC(2026, 2, 30, 14));
    const allDay = parse(event(['DTSTART;VALUE=DATE:20260329']), 'Europe/Kyiv');
    expect(allDay.master).toMatchObject({ allDay: true, start: { local: '2026-03-29', tzid: null }, end: null, durationMinutes: 1440 });
    // 2026-03-29 is the day Kyiv moves its clocks: 23 hours from midnight to midnight.
    expect(allDay.firstStartUtc).toBe(Date.UTC(2026, 2, 28, 22));
    expect(allDay.lastEndUtc).toBe(Date.UTC(2026, 2, 29, 21));
  });

  it('fills the duration from DURATION and from the defaults', () => {
    expect(parse(event(['DTSTART:20260330T070000Z', 'DURATION:PT45M'])).master).toMatchObject({ end: null, durationMinutes: 45 });
    expect(parse(event(['DTSTART:20260330T070000Z'])).master!.durationMinutes).toBe(0);
  });

  it('reads the CRM properties, the reminder and the transparency', () => {
    const resource = parse(
      event([
        'SUMMARY:Call back Petrenko',
        'DESCRIPTION:Asked about the\\, contract\\nafter lunch',
        'LOCATION:Office 4',
        'DTSTART;TZID=Europe/Kyiv:20260330T140000',
        'DURATION:PT15M',
        'STATUS:CONFIRMED',
        'TRANSP:TRANSPARENT',
        'SEQUENCE:3',
        'X-CRM-KIND:callback',
        'X-CRM-CONTACT:contact-7',
        'X-CRM-CALL:call-9',
        'X-CRM-OWNER:employee-2',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER;RELATED=END:-PT5M',
        'END:VALARM',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-PT10M',
        'END:VALARM',
      ]),
    );
    expect(resource.master).toMatchObject({
      component: 'VEVENT',
      kind: 'callback',
      summary: 'Call back Petrenko',
      description: 'Asked about the, contract\nafter lunch',
      location: 'Office 4',
      status: 'CONFIRMED',
      busy: false,
      sequence: 3,
      reminderMinutes: 10,
      ownerEmployeeId: 'employee-2',
      links: { contactId: 'contact-7', companyId: null, dealId: null, complaintId: null, callId: 'call-9' },
      assignment: null,
      rrule: null,
    });
  });

  it('reads a VTODO assignment: DUE as its start when it has no DTSTART, STATUS as its state', () => {
    const todo = crlf([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VTODO',
      'UID:todo-1',
      'DTSTAMP:20260301T090000Z',
      'SUMMARY:Check the invoice',
      'DUE;TZID=Europe/Kyiv:20260331T180000',
      'STATUS:COMPLETED',
      'PERCENT-COMPLETE:100',
      'X-CRM-ASSIGNEE:employee-3',
      'X-CRM-ASSIGNED-BY:employee-1',
      'X-CRM-CHECKED-BY:employee-1',
      'END:VTODO',
      'END:VCALENDAR',
    ]);
    expect(parse(todo).master).toMatchObject({
      component: 'VTODO',
      kind: 'assignment',
      start: { local: '2026-03-31T18:00:00', tzid: 'Europe/Kyiv' },
      end: null,
      durationMinutes: 0,
      assignment: { assigneeId: 'employee-3', assignedById: 'employee-1', status: 'checked', checkedById: 'employee-1' },
    });
  });
});

describe('parseCalendarResource: malformed input is rejected with a reason', () => {
  const rejected = (text: string) => {
    const result = parseCalendarResource(text, 'Europe/Kyiv');
    if (result.ok) throw new Error('accepted');
    expect(result.detail).not.toBe('');
    return result.reason;
  };

  it('names what is wrong', () => {
    expect(rejected('Hello, this is not a calendar')).toBe('not_icalendar');
    expect(rejected('')).toBe('not_icalendar');
    expect(rejected(crlf(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ivan', 'END:VCARD']))).toBe('not_icalendar');
    expect(rejected(crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR']))).toBe('no_item');
    expect(rejected(crlf(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20260330T070000Z', 'END:VEVENT', 'END:VCALENDAR']))).toBe('no_uid');
    expect(
      rejected(crlf(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'DTSTART:20260330T070000Z', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:b', 'DTSTART:20260330T070000Z', 'END:VEVENT', 'END:VCALENDAR'])),
    ).toBe('several_uids');
    expect(rejected(event(['SUMMARY:No start']))).toBe('no_start');
    expect(rejected(event(['DTSTART:20260330T100000Z', 'DTEND:20260330T090000Z']))).toBe('end_before_start');
    expect(rejected(event(['DTSTART;TZID=Mars/Olympus:20260330T100000']))).toBe('unknown_timezone');
    expect(rejected(event(['DTSTART:20260330T100000Z', 'RRULE:FREQ=SOMETIMES']))).toBe('bad_rrule');
    expect(rejected(event(['DTSTART:20260330T100000Z', 'RRULE:COUNT=3']))).toBe('bad_rrule');
    expect(rejected(event(['DTSTART:20260330T100000Z', 'RRULE:FREQ=WEEKLY;BYDAY=XX']))).toBe('bad_rrule');
    expect(rejected(event(['DTSTART:2026']))).toBe('bad_value');
  });
});
