/** A migration this build ships: drizzle's journal entry time and the SQL's sha256. */
export interface KnownMigration {
  createdAt: number;
  hash: string;
}

export type MigrationComparison =
  | { status: 'empty' }
  | { status: 'current' }
  | { status: 'behind'; pending: number }
  | { status: 'newer'; unknown: KnownMigration[] };

/**
 * Compares what a database says it has applied with what this build knows.
 * drizzle's migrator only looks at the newest applied timestamp and would happily
 * run against a database from a newer release, so we refuse any applied migration
 * we do not recognise (by time and content) before touching the file.
 */
export function compareMigrations(applied: KnownMigration[], known: KnownMigration[]): MigrationComparison {
  if (applied.length === 0) return { status: 'empty' };
  const knownByTime = new Map(known.map((m) => [m.createdAt, m.hash]));
  const unknown = applied.filter((m) => knownByTime.get(m.createdAt) !== m.hash);
  if (unknown.length > 0) return { status: 'newer', unknown };
  const appliedTimes = new Set(applied.map((m) => m.createdAt));
  const pending = known.filter((m) => !appliedTimes.has(m.createdAt)).length;
  return pending === 0 ? { status: 'current' } : { status: 'behind', pending };
}
