import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

export const CalendarRangeRequestSchema = z
  .strictObject({ from: TimestampSchema, to: TimestampSchema })
  .refine((range) => range.to > range.from, { message: 'to must be after from', path: ['to'], params: { reason: 'ends_before_start' } })
  .refine((range) => range.to - range.from <= 370 * 24 * 3600 * 1000, {
    message: 'A range may span at most one year',
    path: ['to'],
    params: { reason: 'range_over_a_year' },
  });

export const CalendarEventSchema = z.object({
  id: IdSchema,
  title: z.string(),
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  location: z.string().nullable(),
  contactId: IdSchema.nullable(),
  contactName: z.string().nullable(),
  reminderMinutes: z.number().int().nonnegative().nullable(),
});
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;

export const ReminderDueSchema = z.object({
  eventId: IdSchema,
  title: z.string(),
  startsAt: TimestampSchema,
  contactName: z.string().nullable(),
});
export type ReminderDue = z.infer<typeof ReminderDueSchema>;

export const SyncProgressSchema = z.object({
  source: z.enum(['caldav']),
  phase: z.enum(['connecting', 'pulling', 'pushing', 'done', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  message: z.string().optional(),
});
