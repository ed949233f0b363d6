import type { Settings } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import type { Clock } from '#core/shared/clock';
import type { IdGenerator } from '#core/shared/ids';

/** What CRM services need from the workstation: the database, time, ids, and the operator's settings. */
export interface CrmContext {
  database: AppDatabase;
  clock: Clock;
  ids: IdGenerator;
  settings: () => Settings;
}
