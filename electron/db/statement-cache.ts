// The write connection's prepared statements, kept by their text. DuckDB plans a statement when it is
// prepared; an edit of one item's drivers runs the same few statements each time, and planning them was
// most of their cost. DuckDB plans a kept statement again by itself when the schema changed, so what is kept
// is never stale; but it does so on every run after, so the cache is emptied after such a change (Database). One with parameters is bound afresh on each run (and, if it reads a table, planned again by
// DuckDB); beyond the limit the least recently used is released.
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';

const LIMIT = 128;

export class StatementCache {
  private readonly statements = new Map<string, DuckDBPreparedStatement>();

  constructor(private readonly connection: DuckDBConnection) {}

  async get(sql: string): Promise<DuckDBPreparedStatement> {
    const kept = this.statements.get(sql);
    if (kept) {
      // Map order is use order: the entry goes to the end.
      this.statements.delete(sql);
      this.statements.set(sql, kept);
      return kept;
    }
    const prepared = await this.connection.prepare(sql);
    this.statements.set(sql, prepared);
    if (this.statements.size > LIMIT) {
      const [oldest, statement] = this.statements.entries().next().value!;
      this.statements.delete(oldest);
      statement.destroySync();
    }
    return prepared;
  }

  clear(): void {
    for (const statement of this.statements.values()) statement.destroySync();
    this.statements.clear();
  }
}
