import type { CrmContext } from '#core/crm/crm-context';
import type { AppDatabase } from '#core/db/connection';
import { readSettings } from '#core/settings/settings-store';
import type { IdGenerator } from '#core/shared/ids';

/**
 * The CRM context of work done in a worker thread, which has no settings service: the settings as stored,
 * with the employee who started the job and the working countries it was started with; the clock stands at
 * the job's start (main's clock), as for every job.
 */
export function jobContext(database: AppDatabase, job: { now: number; employeeId: string | null; workingCountries?: string[]; ids: IdGenerator }): CrmContext {
  const stored = readSettings(database.read).settings;
  const settings = { ...stored, currentEmployeeId: job.employeeId, workingCountries: job.workingCountries ?? stored.workingCountries };
  return { database, clock: { now: () => job.now }, ids: job.ids, settings: () => settings };
}
