// The one owner of the DuckDB file. DuckDB allows a single writing process per file, so the app opens it
// once: one connection serialises every write transaction, a second serves reads beside it (MVCC).
import { mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DuckDBValue } from '@duckdb/node-api';
import { AppError } from './app-error';
import { toPlainRow } from './plain-values';
import type { PlainRow } from './plain-values';
import { MIGRATIONS } from './migrations';
import { fileStamp, unusedPath } from './stamp';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

/** The connection a transaction body writes through; only valid inside Database.transaction. */
export interface Tx {
  run(sql: string, params?: Params): Promise<void>;
  all(sql: string, params?: Params): Promise<PlainRow[]>;
}

export interface OpenOptions {
  /** Worker threads DuckDB may use; set explicitly so a desktop app never takes the whole machine. */
  threads?: number;
  memoryLimit?: string;
}

export class Database {
  private writeQueue: Promise<unknown> = Promise.resolve();
  private reads = new Set<Promise<unknown>>();
  private closing = false;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    mkdirSync(dirname(path), { recursive: true });
    const isNew = !existsSync(path);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, {
        threads: String(options.threads ?? 2),
        memory_limit: options.memoryLimit ?? '1GB',
      });
    } catch (error) {
      throw openError(path, error);
    }
    const writer = await instance.connect();
    const reader = await instance.connect();
    const db = new Database(path, instance, writer, reader);
    await db.migrate(isNew);
    return db;
  }

  async version(): Promise<string> {
    const rows = await this.all('SELECT version() AS v');
    return String(rows[0]?.v ?? '');
  }

  /** A read beside any running write; sees only committed data. */
  async all(sql: string, params?: Params): Promise<PlainRow[]> {
    this.assertOpen();
    const read = readRows(this.reader, sql, params);
    this.reads.add(read);
    try {
      return await read;
    } finally {
      this.reads.delete(read);
    }
  }

  /**
   * Runs body in one transaction on the write connection; transactions run one after another.
   * Anything body throws rolls the whole transaction back, so a refused edit changes nothing.
   */
  transaction<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
    this.assertOpen();
    const run = async (): Promise<T> => {
      const tx: Tx = {
        run: async (sql, params) => {
          await this.writer.run(sql, params);
        },
        all: (sql, params) => readRows(this.writer, sql, params),
      };
      await this.writer.run('BEGIN TRANSACTION');
      try {
        const value = await body(tx);
        await this.writer.run('COMMIT');
        return value;
      } catch (error) {
        await this.writer.run('ROLLBACK').catch(() => undefined);
        throw translateConstraintError(error);
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
    this.reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }

  private assertOpen(): void {
    if (this.closing) throw new AppError('internal', `数据库 ${this.path} 已关闭（程序正在退出），这次操作没有执行。`);
  }

  private async migrate(isNew: boolean): Promise<void> {
    await this.writer.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)',
    );
    const applied = (await readRows(this.writer, 'SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))[0]?.v as number;
    const newest = MIGRATIONS.at(-1)?.version ?? 0;
    if (applied > newest) {
      throw new AppError(
        'bad_file',
        `数据库文件 ${this.path} 由更新版本的清单工作台创建（结构版本 ${applied}，本程序只认识到 ${newest}），请升级程序后再打开。`,
      );
    }
    const pending = MIGRATIONS.filter((m) => m.version > applied);
    if (pending.length === 0) return;
    if (!isNew && applied > 0) {
      // Keep a copy of the file as it was before its structure changes.
      await this.writer.run('CHECKPOINT');
      copyFileSync(this.path, unusedPath(`${this.path}.before-v${pending[0]!.version}-${fileStamp()}.bak`, existsSync));
    }
    for (const migration of pending) {
      await this.transaction(async (tx) => {
        for (const statement of migration.statements) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      });
    }
  }
}

async function readRows(connection: DuckDBConnection, sql: string, params?: Params): Promise<PlainRow[]> {
  return (await connection.runAndReadAll(sql, params)).getRowObjects().map(toPlainRow);
}

function openError(path: string, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock|Conflicting lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    return new AppError(
      'locked',
      `数据库文件 ${path} 正被另一个程序${pid ? `（进程 ${pid}）` : ''}占用，无法打开。请先关闭正在使用它的清单工作台窗口或命令，再试一次。`,
      { cause: error },
    );
  }
  if (/not a valid DuckDB database|Corrupt database file|Could not read enough bytes|checksum|file is not a database|Serialization/i.test(message)) {
    return new AppError(
      'bad_file',
      `文件 ${path} 不是完好的清单工作台数据库（可能已损坏或不是数据库文件），无法打开。同一文件夹中的 .bak 文件是迁移或重建前保留的副本，可用来恢复。（${message}）`,
      { cause: error },
    );
  }
  return new AppError('internal', `无法打开数据库文件 ${path}：${message}`, { cause: error });
}

/** Constraint violations come back from DuckDB in English; say in Chinese what was refused. */
function translateConstraintError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const m = error.message;
  if (/CHECK constraint/i.test(m)) return new AppError('refused', `数据库拒绝了这次修改：不满足数据规则（${m}）。`, { cause: error });
  if (/NOT NULL constraint/i.test(m)) return new AppError('refused', `数据库拒绝了这次修改：缺少必填内容（${m}）。`, { cause: error });
  if (/(Duplicate key|PRIMARY KEY|UNIQUE) constraint|violates primary key/i.test(m)) {
    return new AppError('refused', `数据库拒绝了这次修改：编号重复（${m}）。`, { cause: error });
  }
  if (/foreign key/i.test(m)) return new AppError('refused', `数据库拒绝了这次修改：引用的记录不存在（${m}）。`, { cause: error });
  return error;
}
