import type Database from 'better-sqlite3';

/** Rows per statement: 400 tuples keep well under SQLite's 32,766 bound parameters for any of our tables (17 columns at most). */
const rowsPerStatement = 400;

/**
 * Rows for one table, gathered and written 400 to a statement (`INSERT … VALUES (…), (…), …`):
 * an import pays one trip into SQLite per 400 rows instead of one per row. Flush inside the
 * transaction that should hold them.
 */
export class BulkInsert {
  private rows: (readonly unknown[])[] = [];
  private readonly statements = new Map<number, Database.Statement>();
  private readonly tuple: string;

  constructor(
    private readonly sqlite: Database.Database,
    /** `INSERT INTO table (a, b, c)` or `INSERT OR IGNORE INTO …`: everything before VALUES. */
    private readonly head: string,
    columns: number,
  ) {
    this.tuple = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  }

  add(values: readonly unknown[]): void {
    this.rows.push(values);
  }

  get size(): number {
    return this.rows.length;
  }

  /** Writes the gathered rows, in `order` when given (else as added). */
  flush(order?: (a: readonly unknown[], b: readonly unknown[]) => number): void {
    const rows = order ? this.rows.sort(order) : this.rows;
    this.rows = [];
    for (let at = 0; at < rows.length; at += rowsPerStatement) {
      const chunk = rows.slice(at, at + rowsPerStatement);
      this.statement(chunk.length).run(...chunk.flat());
    }
  }

  private statement(count: number): Database.Statement {
    let statement = this.statements.get(count);
    if (!statement) {
      statement = this.sqlite.prepare(`${this.head} VALUES ${Array.from({ length: count }, () => this.tuple).join(', ')}`);
      this.statements.set(count, statement);
    }
    return statement;
  }
}
