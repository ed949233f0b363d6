import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DealStageKey } from '#contract';
import { companies, contacts, employees } from './crm';

/** The pipeline's columns, in order; configurable per company. */
export const dealStages = sqliteTable('deal_stages', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** A stage we ship (new_request, won…): the renderer words it in the interface language until someone renames it. */
  key: text('key').$type<DealStageKey>(),
  position: integer('position').notNull(),
  /** Default win probability, 0–100, for deals entering the stage. */
  probability: integer('probability').notNull(),
  /** won / lost stages close a deal. */
  outcome: text('outcome', { enum: ['open', 'won', 'lost'] })
    .notNull()
    .default('open'),
});

export const deals = sqliteTable(
  'deals',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    companyId: text('company_id').references(() => companies.id, { onDelete: 'set null' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    stageId: text('stage_id')
      .notNull()
      .references(() => dealStages.id),
    amount: real('amount').notNull().default(0),
    currency: text('currency').notNull().default('UAH'),
    probability: integer('probability').notNull().default(0),
    expectedCloseAt: integer('expected_close_at'),
    ownerId: text('owner_id').references(() => employees.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    /** Set when the deal enters a won or lost stage. */
    closedAt: integer('closed_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('deals_stage_idx').on(t.stageId),
    index('deals_contact_idx').on(t.contactId),
    index('deals_company_idx').on(t.companyId),
    index('deals_owner_idx').on(t.ownerId),
  ],
);

/** Every move of a deal between stages: the pipeline's history and the source of conversion reports. */
export const dealStageHistory = sqliteTable(
  'deal_stage_history',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    fromStageId: text('from_stage_id'),
    toStageId: text('to_stage_id').notNull(),
    changedAt: integer('changed_at').notNull(),
    employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
  },
  (t) => [index('deal_stage_history_deal_idx').on(t.dealId, t.changedAt)],
);
