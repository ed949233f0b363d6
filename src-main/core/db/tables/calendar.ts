import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { contacts, employees } from './crm';

export const calendarEvents = sqliteTable(
  'calendar_events',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    location: text('location'),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    ownerId: text('owner_id').references(() => employees.id, { onDelete: 'set null' }),
    /** Minutes before the start to remind; null for no reminder. */
    reminderMinutes: integer('reminder_minutes'),
    /** Set once the reminder has been shown, so a restart never repeats it. */
    remindedAt: integer('reminded_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('calendar_events_starts_idx').on(t.startsAt), index('calendar_events_contact_idx').on(t.contactId, t.startsAt)],
);
