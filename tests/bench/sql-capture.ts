import type Database from 'better-sqlite3';

/** One statement as the app ran it: its SQL, how it was stepped, and its parameters. */
export interface CapturedStatement {
  sql: string;
  method: 'all' | 'get' | 'run' | 'iterate';
  raw: boolean;
  params: unknown[];
}

/** Where a connection's statements report their runs: the capture in progress, if any. */
const recorders = new WeakMap<Database.Database, { current: CapturedStatement[] | null }>();

/**
 * Makes every statement this connection prepares from now on report each run to the capture in
 * progress. Statements stay wrapped after a capture ends, because the app keeps statements it prepared
 * once (per-connection caches): the next capture must see their runs too.
 */
function recorderOf(sqlite: Database.Database): { current: CapturedStatement[] | null } {
  let recorder = recorders.get(sqlite);
  if (recorder) return recorder;
  const active: { current: CapturedStatement[] | null } = { current: null };
  recorder = active;
  recorders.set(sqlite, recorder);
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    let raw = false;
    const rawToggle = statement.raw.bind(statement);
    statement.raw = (toggle = true) => {
      raw = toggle;
      return rawToggle(toggle);
    };
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        active.current?.push({ sql: source, method, raw, params });
        return original(...params);
      };
    }
    return statement;
  }) as typeof sqlite.prepare;
  return recorder;
}

/**
 * The statements `work` runs on this connection, in order: what a bare baseline replays to do the
 * same database work as the app (same SQL, same parameters), without the app's own code around it.
 * Use a connection nothing has prepared statements on before its first capture.
 */
export function captureStatements(sqlite: Database.Database, work: () => unknown): CapturedStatement[] {
  const recorder = recorderOf(sqlite);
  const captured: CapturedStatement[] = [];
  recorder.current = captured;
  try {
    work();
  } finally {
    recorder.current = null;
  }
  if (captured.length === 0) throw new Error('captureStatements saw no statement run: were they prepared on this connection before its first capture?');
  return captured;
}

/** Replays captured statements, each prepared once beforehand: call the result to run them all again. */
export function replayer(sqlite: Database.Database, statements: readonly CapturedStatement[]): () => void {
  const prepared = statements.map((s) => {
    const statement = sqlite.prepare(s.sql);
    if (s.raw) statement.raw(true);
    return { statement, method: s.method, params: s.params };
  });
  return () => {
    for (const { statement, method, params } of prepared) {
      if (method === 'iterate') for (const _ of statement.iterate(...params)) void _;
      else statement[method](...params);
    }
  };
}
