import { asc, eq } from 'drizzle-orm';
import type { Employee, MethodParams } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { employees } from '#core/db/schema';
import type { Clock } from '#core/shared/clock';
import { notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import { requireTeam } from './teams';

const columns = { id: employees.id, name: employees.name, extension: employees.extension, teamId: employees.teamId };

export function listEmployees(db: ReadDb): Employee[] {
  return db.select(columns).from(employees).orderBy(asc(employees.name)).all();
}

/** Creates or updates an employee; an update that names no team keeps the one they are in. */
export function saveEmployee(tx: WriteDb, input: MethodParams<'employees.save'>, ids: IdGenerator, clock: Clock): Employee {
  requireTeam(tx, input.teamId, 'teamId');
  const { name, extension, teamId } = input;
  if (input.id) {
    const saved = tx.update(employees).set({ name, extension, teamId }).where(eq(employees.id, input.id)).returning(columns).get();
    if (!saved) throw notFound('Employee', input.id);
    return saved;
  }
  const id = ids.next();
  tx.insert(employees).values({ id, name, extension, teamId: teamId ?? null, createdAt: clock.now() }).run();
  return { id, name, extension, teamId: teamId ?? null };
}
