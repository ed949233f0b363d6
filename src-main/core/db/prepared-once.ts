import type { Database } from 'better-sqlite3';

/**
 * Statements a hot path runs every time (a key press in search, a script step, a dial), prepared on a
 * connection's first use and kept as long as the connection lives: `statements(db)` hands back the same
 * ones for the same connection.
 */
export function preparedOnce<S>(build: (sqlite: Database) => S): (db: { $client: Database }) => S {
  const cache = new WeakMap<Database, S>();
  return (db) => {
    let prepared = cache.get(db.$client);
    if (!prepared) {
      prepared = build(db.$client);
      cache.set(db.$client, prepared);
    }
    return prepared;
  };
}
