import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { employees } from './crm';

/** Saved filters over contacts ("Kyiv wholesale, no call in 60 days"); they target campaigns. */
export const segments = sqliteTable('segments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON, validated against the contract's SegmentDefinition on every read. */
  definition: text('definition').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Each import of a contact list: what came in, what was refused, and the way to undo it. */
export const imports = sqliteTable('imports', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  format: text('format', { enum: ['csv', 'xlsx', 'vcard'] }).notNull(),
  /** `interrupted`: the app stopped mid-import; the batches committed so far stay, and it can be resumed or undone. */
  state: text('state', { enum: ['running', 'done', 'failed', 'interrupted', 'undone'] }).notNull(),
  rows: integer('rows').notNull().default(0),
  created: integer('created').notNull().default(0),
  merged: integer('merged').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  /** JSON list of rejected rows: line, field, reason (the first thousand). */
  rejections: text('rejections').notNull().default('[]'),
  /** Phones imported but flagged (ambiguous or unreadable): how many, and the first thousand with line, column, value, why. */
  phoneIssues: integer('phone_issues').notNull().default(0),
  phoneIssueList: text('phone_issue_list').notNull().default('[]'),
  /**
   * The campaign whose list the file's people join, if any: JSON { campaignId, split, joined, alreadyThere,
   * withoutNumber }, its counts updated with every batch (see core/dialer/files/import-campaign-list.ts).
   */
  campaignList: text('campaign_list'),
  employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at'),
});

/** Where merged-away contacts went, so an old link still finds the person. */
export const contactMerges = sqliteTable('contact_merges', {
  mergedId: text('merged_id').primaryKey(),
  keptId: text('kept_id').notNull(),
  mergedAt: integer('merged_at').notNull(),
  employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
});

/** Proof that a person was erased on request, holding nothing about the person. */
export const erasures = sqliteTable('erasures', {
  id: text('id').primaryKey(),
  erasedAt: integer('erased_at').notNull(),
  employeeId: text('employee_id').references(() => employees.id, { onDelete: 'set null' }),
  reason: text('reason').notNull(),
  /** What was removed, as counts: {"phones":2,"interactions":14,…}. */
  counts: text('counts').notNull(),
});
