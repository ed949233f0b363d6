import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { companies, contacts, employees } from './crm';

/** Cause categories for complaints ("Late delivery", "Defect", "Billing error"), configurable. */
export const complaintCauses = sqliteTable('complaint_causes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
});

/** A claim from a client, from registration to closing. State changes go through the complaint state machine. */
export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    /** The number people quote on the phone: 1, 2, 3… */
    number: integer('number').notNull().unique(),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    companyId: text('company_id').references(() => companies.id, { onDelete: 'set null' }),
    causeId: text('cause_id').references(() => complaintCauses.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    state: text('state', { enum: ['new', 'investigating', 'resolved', 'closed'] }).notNull(),
    responsibleId: text('responsible_id').references(() => employees.id, { onDelete: 'set null' }),
    resolution: text('resolution'),
    result: text('result', { enum: ['satisfied', 'partially', 'rejected'] }),
    registeredAt: integer('registered_at').notNull(),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('complaints_contact_idx').on(t.contactId),
    index('complaints_company_idx').on(t.companyId),
    index('complaints_state_idx').on(t.state),
    index('complaints_cause_idx').on(t.causeId, t.registeredAt),
  ],
);

/** The investigation plan: steps with an assignee and a due date. */
export const complaintSteps = sqliteTable(
  'complaint_steps',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    assigneeId: text('assignee_id').references(() => employees.id, { onDelete: 'set null' }),
    dueAt: integer('due_at'),
    doneAt: integer('done_at'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('complaint_steps_complaint_idx').on(t.complaintId, t.position)],
);

/**
 * What happened on a complaint: actions taken (text: what), state changes (text: the note; registration is
 * the change from no state to new), steps planned and done (text: the step). Words come from the renderer.
 */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['action', 'state', 'step_planned', 'step_done'] }).notNull(),
    text: text('text').notNull().default(''),
    fromState: text('from_state'),
    toState: text('to_state'),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);
