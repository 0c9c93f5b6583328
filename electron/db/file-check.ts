// What a file is before the app writes a byte to it: opened read-only, every table read once (DuckDB verifies
// block checksums as it reads), and recognised by our marker. A file that is not ours, damaged, or from a
// newer version is refused unchanged; only a new file or a DuckDB file without tables becomes a workbench.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { AppError } from './app-error';
import { MIGRATIONS } from './migrations';

/** app_meta key and value that say "this file is a 清单工作台 database". */
export const FORMAT_KEY = 'format';
export const FORMAT_VALUE = 'qingdan-workbench';

export type FileState = 'new' | 'empty' | 'ours';

/**
 * DuckDB would otherwise fetch extensions from the internet on its own, for instance the SQLite reader when
 * it is handed a SQLite file: the app opens its own files and needs none.
 */
export const NO_EXTENSION_LOADING = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
} as const;

/** Why a file was refused; init --force may replace a damaged file but never another program's. */
export type Refusal = 'directory' | 'unreadable' | 'not_duckdb' | 'damaged' | 'foreign' | 'newer' | 'locked' | 'io';

export class FileRefusedError extends AppError {
  constructor(
    readonly refusal: Refusal,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(refusal === 'locked' ? 'locked' : 'bad_file', message, options);
  }
}

/** The newest copy the app kept beside the file (before a migration or a rebuild), or null. */
export function lastBackup(path: string): { path: string; savedAt: Date } | null {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  let best: { path: string; savedAt: Date } | null = null;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.bak')) continue;
    const full = join(dir, name);
    const savedAt = statSync(full).mtime;
    if (!best || savedAt > best.savedAt) best = { path: full, savedAt };
  }
  return best;
}

function backupAdvice(path: string): string {
  const backup = lastBackup(path);
  const where = backup
    ? `最近的备份是 ${backup.path}（保存于 ${backup.savedAt.toLocaleString('zh-CN', { hour12: false })}），可把它复制为 ${basename(path)} 来恢复`
    : '同一文件夹中没有找到本程序保留的备份（.bak）';
  // Said to a planner in the app as much as to a script: the first way out needs no command line.
  return `${where}；也可以把这个文件改名或移到别处，再打开本程序：程序会从自带的种子数据建立新的数据库（之后的修改不在其中）；用命令行时可运行 init --db ${path} --force（损坏的文件会改名保留）。`;
}

export async function checkDatabaseFile(path: string): Promise<FileState> {
  if (!existsSync(path)) return 'new';
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new FileRefusedError('directory', `${path} 是一个文件夹，不是数据库文件，没有做任何改动。请用 --db 指定一个文件（例如 ${join(path, 'qingdan.duckdb')}）。`);
  }
  if (stat.size === 0) {
    throw new FileRefusedError('damaged', `数据库文件 ${path} 是空的（0 字节），里面的数据已经丢失，没有做任何改动。${backupAdvice(path)}`);
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', threads: '1', memory_limit: '512MB', ...NO_EXTENSION_LOADING });
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const connection = await instance.connect();
    try {
      const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjects();
      let tables: string[];
      try {
        tables = (await read(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1`)).map((r) =>
          String(r.table_name),
        );
        // Reading every row of every table makes DuckDB verify each block's checksum now, not when a page needs it.
        for (const table of tables) await read(`SELECT count(*), max(hash("${table.replaceAll('"', '""')}")) FROM "${table.replaceAll('"', '""')}"`);
      } catch (error) {
        throw new FileRefusedError('damaged', `数据库文件 ${path} 已损坏（读取时校验失败），无法打开，没有做任何改动。${backupAdvice(path)}`, { cause: error });
      }
      if (tables.length === 0) return 'empty';
      const has = (name: string) => tables.includes(name);
      const marked =
        has('app_meta') && (await read(`SELECT count(*) AS n FROM app_meta WHERE key = '${FORMAT_KEY}' AND value = '${FORMAT_VALUE}'`))[0]?.n;
      // Files made before the marker existed: our migration table beside our settings table.
      const legacy = has('app_meta') && has('schema_migrations');
      if (!Number(marked) && !legacy) {
        const shown = tables.slice(0, 5).join('、') + (tables.length > 5 ? ` 等 ${tables.length} 张表` : '');
        throw new FileRefusedError(
          'foreign',
          `文件 ${path} 是别的程序的 DuckDB 数据库（其中有表 ${shown}），不是清单工作台的数据库，没有做任何改动。请用 --db 指定清单工作台自己的数据库文件，或一个新的文件名。`,
        );
      }
      if (has('schema_migrations')) {
        const applied = Number((await read('SELECT coalesce(max(version), 0) AS v FROM schema_migrations'))[0]?.v ?? 0);
        const newest = MIGRATIONS.at(-1)?.version ?? 0;
        if (applied > newest) {
          throw new FileRefusedError(
            'newer',
            `数据库文件 ${path} 由更新版本的清单工作台创建（结构版本 ${applied}，本程序只认识到 ${newest}），没有做任何改动。请升级程序后再打开。`,
          );
        }
      }
      return 'ours';
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/** DuckDB's and the system's words for a file that cannot be opened, said in Chinese. */
export function openError(path: string, error: unknown): FileRefusedError {
  if (error instanceof FileRefusedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock|Conflicting lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    return new FileRefusedError(
      'locked',
      `数据库文件 ${path} 正被另一个程序${pid ? `（进程 ${pid}）` : ''}占用，无法打开。请先关闭正在使用它的清单工作台窗口或命令，再试一次。`,
      { cause: error },
    );
  }
  if (/Is a directory|EISDIR/i.test(message)) {
    return new FileRefusedError('directory', `${path} 是一个文件夹，不是数据库文件，没有做任何改动。请用 --db 指定一个文件。`, { cause: error });
  }
  if (/Permission denied|EACCES|EPERM|Read-only file system|EROFS/i.test(message)) {
    return new FileRefusedError(
      'unreadable',
      `没有权限读写数据库文件 ${path}（或它所在的文件夹），没有做任何改动。请检查文件和文件夹的权限，或把文件复制到自己的文件夹再打开。`,
      { cause: error },
    );
  }
  if (/not a valid DuckDB database|sqlite|Extension .* not found|Install it first/i.test(message)) {
    return new FileRefusedError('not_duckdb', `文件 ${path} 不是数据库文件（可能已损坏，或是别的文件），没有做任何改动。${backupAdvice(path)}`, { cause: error });
  }
  if (/newer version|version number|incompatible|storage version/i.test(message)) {
    return new FileRefusedError('newer', `数据库文件 ${path} 由更新版本的程序写成，本程序无法读取，没有做任何改动。请升级清单工作台后再打开。`, { cause: error });
  }
  if (/Corrupt|checksum|Could not read enough bytes|Serialization|INTERNAL Error|file is not a database/i.test(message)) {
    return new FileRefusedError('damaged', `数据库文件 ${path} 已损坏，无法打开，没有做任何改动。${backupAdvice(path)}`, { cause: error });
  }
  return new FileRefusedError('io', `无法打开数据库文件 ${path}，没有做任何改动。请确认文件完好、所在磁盘可用后再试。`, { cause: error });
}
