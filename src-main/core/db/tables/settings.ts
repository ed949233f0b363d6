import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key → JSON value. Validated by the settings service against the contract on every read. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
