import { defineHandlers } from '#core/api/registry';
import type { AppDatabase } from '#core/db/connection';
import { reportSummary } from './summary';

export function reportHandlers(database: AppDatabase) {
  return defineHandlers({
    'reports.summary': () => reportSummary(database.read),
  });
}
