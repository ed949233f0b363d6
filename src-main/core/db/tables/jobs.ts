import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { employees } from './crm';

/**
 * Work run in worker threads (imports, exports, reports, demo data): what was asked and how far
 * it got. A job still "running" when the app starts was cut short (a crash, a kill): it is marked
 * interrupted and offered to the operator to resume (or, for an import, to undo).
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    state: text('state', { enum: ['running', 'done', 'failed', 'interrupted', 'cancelled'] }).notNull(),
    /** The job request as JSON (validated against the worker protocol when read back), to run it again. */
    request: text('request').notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    message: text('message'),
    employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('jobs_state_idx').on(t.state, t.startedAt)],
);
