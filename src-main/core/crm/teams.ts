import { and, eq, isNull } from 'drizzle-orm';
import type { MethodParams, Team } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { employees, teams } from '#core/db/schema';
import { InvalidInputError, issue, notFound } from '#core/shared/errors';
import type { CrmContext } from './crm-context';

const live = isNull(teams.deletedAt);

/** In alphabetical order (SQLite's is by code point: "Продажі" before "Підтримка"); a workstation has a handful. */
export function listTeams(db: ReadDb): Team[] {
  return db.select({ id: teams.id, name: teams.name }).from(teams).where(live).all().sort((a, b) => a.name.localeCompare(b.name));
}

/** Creates a team, or renames one; the change is signed by the employee at this workstation. */
export function saveTeam(ctx: CrmContext, tx: WriteDb, input: MethodParams<'teams.save'>): Team {
  const now = ctx.clock.now();
  const updatedBy = ctx.settings().currentEmployeeId;
  if (input.id) {
    const changed = tx.update(teams).set({ name: input.name, updatedAt: now, updatedBy }).where(and(eq(teams.id, input.id), live)).run();
    if (changed.changes === 0) throw notFound('Team', input.id);
    return { id: input.id, name: input.name };
  }
  const id = ctx.ids.next();
  tx.insert(teams).values({ id, name: input.name, createdAt: now, updatedAt: now, updatedBy }).run();
  return { id, name: input.name };
}

/**
 * A deleted team stays as a tombstone (past reports keep its name; a sync sees the deletion); its members
 * are left without a team in the same transaction.
 */
export function deleteTeam(ctx: CrmContext, tx: WriteDb, id: string): void {
  const now = ctx.clock.now();
  const changed = tx.update(teams).set({ deletedAt: now, updatedAt: now, updatedBy: ctx.settings().currentEmployeeId }).where(and(eq(teams.id, id), live)).run();
  if (changed.changes === 0) throw notFound('Team', id);
  tx.update(employees).set({ teamId: null }).where(eq(employees.teamId, id)).run();
}

/** A team an employee is put in must exist and not be deleted; reported on the field, like other references. */
export function requireTeam(db: ReadDb, id: string | null | undefined, path: string): void {
  if (id === null || id === undefined) return;
  if (!db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, id), live)).get()) {
    throw new InvalidInputError([issue(path, 'no_such_record', `no such team: ${id}`, { kind: 'team', id })]);
  }
}
