import { describe, expect, it } from 'vitest';
import type { CalendarItem, CalendarOccurrence } from '#contract';
import { draftOfItem, inputOfDraft, newDraft, timesOf } from '#renderer/features/calendar/item-draft';

const zone = 'Europe/Kyiv';
const at = (iso: string) => Date.parse(iso);

const item: CalendarItem = {
  id: 'item-1',
  calendarId: 'cal-1',
  kind: 'meeting',
  title: 'Demo',
  description: null,
  location: 'Office',
  start: { local: '2026-12-02T10:00:00', tzid: 'America/New_York' },
  end: { local: '2026-12-02T11:00:00', tzid: 'America/New_York' },
  allDay: false,
  rrule: 'FREQ=WEEKLY;BYDAY=WE',
  overrides: 0,
  reminderMinutes: 15,
  links: { contactId: 'c-1', companyId: null, dealId: null, complaintId: null, callId: null },
  contactName: 'Maria Koval',
  ownerId: 'e-1',
  assignment: null,
  doneAt: null,
  readOnly: false,
  syncState: 'synced',
  conflictId: null,
  updatedAt: 0,
};

describe('item draft', () => {
  it('starts a new item at the next half hour for the kind’s usual length, with what the other screen filled in', () => {
    const draft = newDraft({ kind: 'callback', contactId: 'c-1', contactName: 'Maria' }, at('2026-12-02T08:10:00Z'), zone);
    expect(draft).toMatchObject({ kind: 'callback', startDate: '2026-12-02', startTime: '10:30', endTime: '10:45', zone, contactId: 'c-1', contactName: 'Maria', reminderMinutes: 15 });
  });

  it('takes a slot selected on the grid as it is; a run of whole days ends on its last day', () => {
    expect(newDraft({ start: at('2026-12-03T07:00:00Z'), end: at('2026-12-03T08:30:00Z') }, 0, zone)).toMatchObject({ startTime: '09:00', endTime: '10:30' });
    const days = newDraft({ start: at('2026-12-02T22:00:00Z'), end: at('2026-12-04T22:00:00Z'), allDay: true }, 0, zone);
    expect(days).toMatchObject({ allDay: true, startDate: '2026-12-03', endDate: '2026-12-04' });
    expect(inputOfDraft(days, { scope: 'series', recurrenceId: null })).toMatchObject({ start: { local: '2026-12-03', tzid: null }, end: { local: '2026-12-05', tzid: null } });
  });

  it('keeps an item’s own zone and writes its times back unchanged', () => {
    const draft = draftOfItem(item, null, zone);
    expect(draft).toMatchObject({ zone: 'America/New_York', startDate: '2026-12-02', startTime: '10:00', endTime: '11:00', customRule: null });
    expect(draft.recurrence).toMatchObject({ frequency: 'weekly', days: ['WE'] });
    const input = inputOfDraft(draft, { id: item.id, scope: 'series', recurrenceId: null });
    expect(input).toMatchObject({ id: 'item-1', calendarId: 'cal-1', start: { local: '2026-12-02T10:00', tzid: 'America/New_York' }, rrule: 'FREQ=WEEKLY;BYDAY=WE', links: { contactId: 'c-1' }, scope: 'series' });
    expect(input).not.toHaveProperty('assigneeId');
  });

  it('keeps a floating item floating unless another zone is chosen for it', () => {
    const floating: CalendarItem = { ...item, rrule: null, start: { local: '2026-12-02T10:00:00', tzid: null }, end: { local: '2026-12-02T11:00:00', tzid: null } };
    const draft = draftOfItem(floating, null, zone);
    expect(draft).toMatchObject({ zone, floatingIn: zone, startTime: '10:00' });
    expect(inputOfDraft(draft, { id: item.id, scope: 'series', recurrenceId: null })).toMatchObject({ start: { local: '2026-12-02T10:00', tzid: null }, end: { tzid: null } });
    expect(inputOfDraft({ ...draft, zone: 'Europe/Berlin' }, { id: item.id, scope: 'series', recurrenceId: null })).toMatchObject({ start: { tzid: 'Europe/Berlin' } });
  });

  it('shows one occurrence of a series at its own times and saves it without the rule', () => {
    const occurrence = { startsAt: at('2026-12-09T16:00:00Z'), endsAt: at('2026-12-09T17:30:00Z'), recurrenceId: '20261209T100000' } as CalendarOccurrence;
    const draft = draftOfItem(item, occurrence, zone);
    expect(draft).toMatchObject({ startDate: '2026-12-09', startTime: '11:00', endTime: '12:30' });
    expect(inputOfDraft(draft, { id: item.id, scope: 'occurrence', recurrenceId: occurrence.recurrenceId })).toMatchObject({ scope: 'occurrence', recurrenceId: '20261209T100000', rrule: null });
  });

  it('keeps a rule it cannot show until the person replaces it', () => {
    const draft = draftOfItem({ ...item, rrule: 'FREQ=MONTHLY;BYDAY=-1FR' }, null, zone);
    expect(draft.customRule).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(inputOfDraft(draft, { id: item.id, scope: 'series', recurrenceId: null }).rrule).toBe('FREQ=MONTHLY;BYDAY=-1FR');
  });

  it('sends the assignee only for an assignment', () => {
    const draft = { ...newDraft({ kind: 'assignment' }, 0, zone), assigneeId: 'e-2' };
    expect(inputOfDraft(draft, { scope: 'series', recurrenceId: null })).toMatchObject({ kind: 'assignment', assigneeId: 'e-2' });
  });

  it('gives the series its own first times, and an all-day occurrence its own days', () => {
    const occurrence = { startsAt: at('2026-12-09T15:00:00Z'), endsAt: at('2026-12-09T16:00:00Z') };
    expect(timesOf(item, null, 'America/New_York')).toEqual({ startDate: '2026-12-02', startTime: '10:00', endDate: '2026-12-02', endTime: '11:00' });
    expect(timesOf(item, occurrence, 'America/New_York')).toEqual({ startDate: '2026-12-09', startTime: '10:00', endDate: '2026-12-09', endTime: '11:00' });
    const twoDays = { ...item, allDay: true, start: { local: '2026-12-02', tzid: null }, end: { local: '2026-12-04', tzid: null } };
    expect(timesOf(twoDays, { startsAt: at('2026-12-08T22:00:00Z'), endsAt: at('2026-12-10T22:00:00Z') }, zone)).toMatchObject({ startDate: '2026-12-09', endDate: '2026-12-10' });
  });
});
