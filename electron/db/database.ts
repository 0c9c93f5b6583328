// The one owner of the DuckDB file. DuckDB allows a single writing process per file, so the app opens it
// once: one connection serialises every write transaction; reads run beside it on a small pool of their own
// (MVCC), so a burst of readers never queues an edit behind it.
import { mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import type { DuckDBValue } from '@duckdb/node-api';
import { AppError } from './app-error';
import { FORMAT_KEY, FORMAT_VALUE, NO_EXTENSION_LOADING, checkDatabaseFile, openError } from './file-check';
import type { FileState } from './file-check';
import { toPlainRow } from './plain-values';
import type { PlainRow } from './plain-values';
import { MIGRATIONS } from './migrations';
import { fileStamp, unusedPath } from './stamp';
import { StatementCache } from './statement-cache';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

/** The connection a transaction body writes through; only valid inside Database.transaction. */
export interface Tx {
  run(sql: string, params?: Params): Promise<void>;
  all(sql: string, params?: Params): Promise<PlainRow[]>;
  /**
   * A statement whose text recurs (an edit's reprice of one item, its log entry): prepared once and kept
   * (statement-cache.ts). Without parameters it is planned once too. DuckDB plans a statement with
   * parameters that reads a table again on every run, so the large ones read the values they need from the
   * tables; a small one with parameters still saves its parsing and preparing (about 0.4 ms a statement).
   */
  runKept(sql: string, params?: DuckDBValue[]): Promise<void>;
  allKept(sql: string, params?: DuckDBValue[]): Promise<PlainRow[]>;
}

export interface OpenOptions {
  /** Worker threads DuckDB may use; set explicitly so a desktop app never takes the whole machine. */
  threads?: number;
  memoryLimit?: string;
}

/**
 * Reads in flight at once. Each DuckDB call holds a libuv worker thread (4 by default) while it runs or waits
 * for its connection; more readers than that would leave an edit's statements waiting for a thread.
 */
const READ_CONNECTIONS = 2;

/** A statement that changes the schema: statements kept from before it are planned afresh (StatementCache). */
const SCHEMA_CHANGE = /^\s*(?:CREATE|DROP|ALTER)\b/iu;

export class Database {
  private writeQueue: Promise<unknown> = Promise.resolve();
  private reads = new Set<Promise<unknown>>();
  private idleReaders: DuckDBConnection[];
  private waitingReads: ((connection: DuckDBConnection) => void)[] = [];
  private closing = false;
  private readonly statements: StatementCache;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readers: DuckDBConnection[],
  ) {
    this.idleReaders = [...readers];
    this.statements = new StatementCache(writer);
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    // Nothing is written until the file is known to be new, empty, or ours and whole.
    const state = await checkDatabaseFile(path);
    let instance: DuckDBInstance;
    try {
      mkdirSync(dirname(path), { recursive: true });
      instance = await DuckDBInstance.create(path, {
        threads: String(options.threads ?? 2),
        memory_limit: options.memoryLimit ?? '1GB',
        ...NO_EXTENSION_LOADING,
      });
    } catch (error) {
      throw openError(path, error);
    }
    const writer = await instance.connect();
    const readers: DuckDBConnection[] = [];
    for (let i = 0; i < READ_CONNECTIONS; i++) readers.push(await instance.connect());
    const db = new Database(path, instance, writer, readers);
    try {
      await db.migrate(state);
    } catch (error) {
      await db.close();
      throw error;
    }
    return db;
  }

  async version(): Promise<string> {
    const rows = await this.all('SELECT version() AS v');
    return String(rows[0]?.v ?? '');
  }

  /** A read beside any running write; sees only committed data. */
  async all(sql: string, params?: Params): Promise<PlainRow[]> {
    this.assertOpen();
    const read = this.withReader((connection) => readRows(connection, sql, params));
    this.reads.add(read);
    try {
      return await read;
    } catch (error) {
      throw translateError(this.path, error);
    } finally {
      this.reads.delete(read);
    }
  }

  private async withReader<T>(body: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.idleReaders.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waitingReads.push(resolve)));
    try {
      return await body(connection);
    } finally {
      const next = this.waitingReads.shift();
      if (next) next(connection);
      else this.idleReaders.push(connection);
    }
  }

  /**
   * Runs body in one transaction on the write connection; transactions run one after another.
   * Anything body throws rolls the whole transaction back, so a refused edit changes nothing.
   */
  transaction<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
    this.assertOpen();
    const run = async (): Promise<T> => {
      let keptPlanning = false;
      let schemaChanged = false;
      const kept = async (sql: string, params: DuckDBValue[] | undefined) => {
        if (!keptPlanning) {
          // DuckDB's statistics propagation rewrites a plan from the table's contents when it is planned (a
          // filter no stored row meets becomes an empty result), so a kept plan missed rows written later
          // (duckdb/duckdb#23704; upstream now plans prepared statements without it). Kept statements are
          // planned (and planned again after a schema change) with it off. The setting is the database's, so
          // it is off only while this transaction runs: reads plan faster with it (the totals 145 ms, 194 without).
          await this.writer.run(`SET GLOBAL disabled_optimizers = 'statistics_propagation'`);
          keptPlanning = true;
        }
        const statement = await this.statements.get(sql);
        if (params) statement.bind(params);
        return statement;
      };
      const tx: Tx = {
        run: async (sql, params) => {
          if (SCHEMA_CHANGE.test(sql)) schemaChanged = true;
          await this.writer.run(sql, params);
        },
        all: (sql, params) => readRows(this.writer, sql, params),
        runKept: async (sql, params) => {
          await (await kept(sql, params)).run();
        },
        allKept: async (sql, params) => plainRows(await (await kept(sql, params)).runAndReadAll()),
      };
      try {
        await this.writer.run('BEGIN TRANSACTION');
        const value = await body(tx);
        await this.writer.run('COMMIT');
        return value;
      } catch (error) {
        await this.writer.run('ROLLBACK').catch(() => undefined);
        throw translateError(this.path, error);
      } finally {
        // A kept statement planned before a table it reads was replaced (a full reprice's new cost_lines) is
        // planned again by DuckDB on every run after, never once for all: each driver edit took 40–60 ms
        // instead of 16–20 for the rest of the session. Planned afresh on their next use instead.
        if (schemaChanged) this.statements.clear();
        // Only ever slower reads if this fails, never a wrong one: it must not hide the outcome above.
        if (keptPlanning) await this.writer.run(`SET GLOBAL disabled_optimizers = ''`).catch(() => undefined);
      }
    };
    const next = this.writeQueue.then(run, run);
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    // From here on new work is refused; what is already queued or running finishes first.
    this.closing = true;
    await this.writeQueue;
    await Promise.allSettled([...this.reads]);
    for (const reader of this.readers) reader.closeSync();
    this.statements.clear();
    this.writer.closeSync();
    this.instance.closeSync();
  }

  private assertOpen(): void {
    if (this.closing) throw new AppError('internal', `数据库 ${this.path} 已关闭（程序正在退出），这次操作没有执行。`);
  }

  private async migrate(state: FileState): Promise<void> {
    const applied = state === 'ours' ? await appliedVersion(this.writer) : 0;
    const pending = MIGRATIONS.filter((m) => m.version > applied);
    if (pending.length > 0 && applied > 0) {
      // Keep a copy of the file as it was before its structure changes.
      await this.writer.run('CHECKPOINT');
      copyFileSync(this.path, unusedPath(`${this.path}.before-v${pending[0]!.version}-${fileStamp()}.bak`, existsSync));
    }
    for (const migration of pending) {
      await this.transaction(async (tx) => {
        await tx.run(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)',
        );
        for (const statement of migration.statements) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        if (migration.version === 1) await markAsOurs(tx);
      });
    }
    // Files made before the marker existed get it once.
    if (state === 'ours' && !(await readRows(this.writer, `SELECT 1 FROM app_meta WHERE key = '${FORMAT_KEY}'`)).length) {
      await this.transaction(markAsOurs);
    }
  }
}

async function appliedVersion(connection: DuckDBConnection): Promise<number> {
  const [table] = await readRows(connection, `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'schema_migrations'`);
  if (!Number(table?.n)) return 0;
  return Number((await readRows(connection, 'SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))[0]?.v ?? 0);
}

function markAsOurs(tx: Tx): Promise<void> {
  return tx.run(`INSERT INTO app_meta VALUES ('${FORMAT_KEY}', '${FORMAT_VALUE}') ON CONFLICT DO NOTHING`);
}

async function readRows(connection: DuckDBConnection, sql: string, params?: Params): Promise<PlainRow[]> {
  return plainRows(await connection.runAndReadAll(sql, params));
}

function plainRows(reader: DuckDBResultReader): PlainRow[] {
  return reader.getRowObjects().map(toPlainRow);
}

/**
 * DuckDB speaks English; the user is told in Chinese what was refused. Constraint texts name the rule broken;
 * I/O failures on commit (a read-only folder, a full disk) say the edit was not saved.
 */
function translateError(path: string, error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const m = error.message;
  if (/CHECK constraint/i.test(m)) return new AppError('refused', '数据库拒绝了这次修改：内容不满足数据规则（例如必填的栏目为空），没有保存。', { cause: error });
  if (/NOT NULL constraint/i.test(m)) return new AppError('refused', '数据库拒绝了这次修改：缺少必填内容，没有保存。', { cause: error });
  if (/(Duplicate key|PRIMARY KEY|UNIQUE) constraint|violates primary key/i.test(m)) {
    return new AppError('refused', '数据库拒绝了这次修改：编号重复，没有保存。', { cause: error });
  }
  if (/foreign key/i.test(m)) return new AppError('refused', '数据库拒绝了这次修改：引用的记录不存在，没有保存。', { cause: error });
  if (/Permission denied|Read-only file system|No space left|Disk full|EACCES|EROFS|ENOSPC/i.test(m)) {
    return new AppError(
      'bad_file',
      `无法写入数据库文件 ${path}：文件或所在文件夹不可写，或磁盘已满，这次修改没有保存。请检查权限和磁盘空间后重新启动清单工作台。`,
      { cause: error },
    );
  }
  if (/invalidated|FATAL/i.test(m)) {
    return new AppError('internal', `数据库文件 ${path} 在上一次出错后已停止使用，这次操作没有执行。请重新启动清单工作台。`, { cause: error });
  }
  if (/Corrupt|checksum|Could not read enough bytes/i.test(m)) {
    return new AppError('bad_file', `数据库文件 ${path} 已损坏，读取失败。请关闭程序并重新打开，程序会指出最近的备份。`, { cause: error });
  }
  return error;
}
