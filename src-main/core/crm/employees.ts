import { asc, eq } from 'drizzle-orm';
import type { Employee, MethodParams } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { employees } from '#core/db/schema';
import type { Clock } from '#core/shared/clock';
import { notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';

export function listEmployees(db: ReadDb): Employee[] {
  return db.select({ id: employees.id, name: employees.name, extension: employees.extension }).from(employees).orderBy(asc(employees.name)).all();
}

export function saveEmployee(tx: WriteDb, input: MethodParams<'employees.save'>, ids: IdGenerator, clock: Clock): Employee {
  if (input.id) {
    const changed = tx.update(employees).set({ name: input.name, extension: input.extension }).where(eq(employees.id, input.id)).run();
    if (changed.changes === 0) throw notFound('Employee', input.id);
    return { id: input.id, name: input.name, extension: input.extension };
  }
  const id = ids.next();
  tx.insert(employees).values({ id, name: input.name, extension: input.extension, createdAt: clock.now() }).run();
  return { id, name: input.name, extension: input.extension };
}
