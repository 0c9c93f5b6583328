import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from '../../../electron/db/database';
import { AppError } from '../../../electron/db/app-error';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { getItem } from '../../../electron/services/catalogue-queries';
import { dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { tempDir } from '../../support/temp-db';
import { seededDraftFile } from '../../support/draft';

let temp: ReturnType<typeof tempDir>;
let path: string;

beforeEach(async () => {
  temp = tempDir();
  // The seeded catalogue is published (read-only): edits go to a draft of it, as a planner's would.
  path = await seededDraftFile(temp.dir);
});
afterEach(() => temp.cleanup());

async function withDb<T>(body: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(path);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}

const ITEM = 'hebei-draft:003';

describe('editing a cell', () => {
  it('commits the edit to the file, where it survives closing and reopening', async () => {
    const result = await withDb(async (db) => {
      const before = await getItem(db, ITEM);
      expect(before.targetGroup).toBe('城乡义务教育家庭经济困难寄宿学生');
      const handlers = createHandlers(db, 'cli', 'test');
      return handlers['items.update']({ itemId: ITEM, field: 'targetGroup', value: '城乡义务教育家庭经济困难寄宿学生（含随迁子女）', expected: before.targetGroup });
    });
    expect(result.item.targetGroup).toBe('城乡义务教育家庭经济困难寄宿学生（含随迁子女）');
    expect(result.changeId).toBeGreaterThan(0);
    await withDb(async (db) => {
      expect((await getItem(db, ITEM)).targetGroup).toBe('城乡义务教育家庭经济困难寄宿学生（含随迁子女）');
      const [log] = await db.all('SELECT payload, inverse, origin FROM change_log WHERE id = $1', [result.changeId]);
      expect(JSON.parse(String(log?.inverse))).toMatchObject({ field: 'targetGroup', value: '城乡义务教育家庭经济困难寄宿学生' });
      expect(log?.origin).toBe('test');
    });
  });

  it('clearing a cell makes it “not yet filled”, and Windows line endings are normalised', async () => {
    await withDb(async (db) => {
      const handlers = createHandlers(db, 'cli', 'test');
      const before = await getItem(db, ITEM);
      const cleared = await handlers['items.update']({ itemId: ITEM, field: 'leadDepartment', value: '   ', expected: before.leadDepartment });
      expect(cleared.item.leadDepartment).toBeNull();
      const multi = await handlers['items.update']({ itemId: ITEM, field: 'leadDepartment', value: '省教育厅\r\n省财政厅', expected: null });
      expect(multi.item.leadDepartment).toBe('省教育厅\n省财政厅');
    });
  });

  it('refuses an empty item name with a message saying which item, and changes nothing', async () => {
    await withDb(async (db) => {
      const envelope = await dispatch(createHandlers(db, 'cli', 'test'), 'items.update', { itemId: ITEM, field: 'name', value: ' ', expected: '寄宿生生活补助' });
      expect(envelope).toEqual({ ok: false, error: { code: 'refused', message: '第3项“寄宿生生活补助”的“服务项目”不能为空（只有空格或看不见的字符也算空），本次修改没有保存。' } });
      expect((await getItem(db, ITEM)).name).toBe('寄宿生生活补助');
      const [count] = await db.all(`SELECT count(*) AS n FROM change_log WHERE command = 'item.setField'`);
      expect(count?.n).toBe(0);
    });
  });

  it('refuses an edit made against a value someone else has since changed', async () => {
    await withDb(async (db) => {
      const envelope = await dispatch(createHandlers(db, 'cli', 'test'), 'items.update', { itemId: ITEM, field: 'standard', value: '新标准', expected: '旧的标准' });
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.code).toBe('conflict');
        expect(envelope.error.message).toContain('第3项“寄宿生生活补助”的“服务指导标准”已被改动');
      }
      expect((await getItem(db, ITEM)).standard).toBe('小学生每生每年 1000 元，初中生每生每年 1250 元。');
    });
  });

  it('refuses the second of two edits that both started from the same value', async () => {
    await withDb(async (db) => {
      const handlers = createHandlers(db, 'cli', 'test');
      const seen = (await getItem(db, ITEM)).standard;
      const first = await dispatch(handlers, 'items.update', { itemId: ITEM, field: 'standard', value: '甲窗口的修改', expected: seen });
      expect(first.ok).toBe(true);
      const second = await dispatch(handlers, 'items.update', { itemId: ITEM, field: 'standard', value: '乙窗口的修改', expected: seen });
      expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect((await getItem(db, ITEM)).standard).toBe('甲窗口的修改');
      // Trailing blanks and Windows line ends in what the editor started from are not a conflict.
      const third = await dispatch(handlers, 'items.update', { itemId: ITEM, field: 'standard', value: '丙', expected: '甲窗口的修改  \r\n' });
      expect(third.ok).toBe(true);
    });
  });

  it('rolls back the whole transaction when the database itself refuses a write', async () => {
    await withDb(async (db) => {
      await expect(
        db.transaction(async (tx) => {
          await tx.run(`UPDATE items SET standard = 'x' WHERE id = $1`, [ITEM]);
          await tx.run(`UPDATE items SET name = '' WHERE id = $1`, [ITEM]);
        }),
      ).rejects.toMatchObject({ code: 'refused' });
      expect((await getItem(db, ITEM)).standard).toBe('小学生每生每年 1000 元，初中生每生每年 1250 元。');
    });
  });

  it('answers bad requests at the boundary in Chinese', async () => {
    await withDb(async (db) => {
      const handlers = createHandlers(db, 'cli', 'test');
      const tooLong = await dispatch(handlers, 'items.update', { itemId: ITEM, field: 'standard', value: '字'.repeat(4001), expected: null });
      expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad_request', message: '请求参数不正确：“内容”太长（最多 4000 字）。' } });
      const badField = await dispatch(handlers, 'items.update', { itemId: ITEM, field: 'item_no', value: '1', expected: null });
      expect(badField).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await dispatch(handlers, 'nope', {})).toMatchObject({ ok: false, error: { message: '没有名为“nope”的接口。' } });
      const missing = await dispatch(handlers, 'catalogues.get', { catalogueId: 'shanxi-13th' });
      expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: '没有编号为“shanxi-13th”的清单。' } });
    });
  });
});

describe('opening the file', () => {
  it('says in Chinese which process holds the file when another one has it open', async () => {
    const holder = spawn(process.execPath, [fileURLToPath(new URL('../../support/hold-lock.mjs', import.meta.url)), path]);
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      const error = await Database.open(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('locked');
      expect((error as AppError).message).toContain(`正被另一个程序（进程 ${holder.pid}）占用`);
    } finally {
      holder.kill();
    }
  });

  it('refuses a file that is not a database, naming it', async () => {
    const bad = join(temp.dir, 'broken.duckdb');
    writeFileSync(bad, 'this is not a duckdb file at all'.repeat(200));
    const error = (await Database.open(bad).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain(bad);
  });

  it('calls a damaged database file damaged (not locked), and points to the kept copies', async () => {
    const bytes = readFileSync(path);
    for (let i = 12_288; i < Math.min(bytes.length, 40_000); i += 7) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(path, bytes);
    const error = (await Database.open(path).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('已损坏');
    expect(error.message).toContain('init --db');
    expect(error.message).toContain('--force');
  });

  it('recognises a database made before the marker existed, and marks it once', async () => {
    await withDb((db) => db.transaction((tx) => tx.run(`DELETE FROM app_meta WHERE key = 'format'`)));
    await withDb(async (db) => {
      expect(await db.all(`SELECT value FROM app_meta WHERE key = 'format'`)).toEqual([{ value: 'qingdan-workbench' }]);
      expect((await getItem(db, ITEM)).name).toBe('寄宿生生活补助');
    });
  });

  it('refuses a file written by a newer version of the app', async () => {
    await withDb((db) => db.transaction((tx) => tx.run(`INSERT INTO schema_migrations VALUES (99, 'future', current_timestamp)`)));
    const error = (await Database.open(path).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('结构版本 99');
  });

  it('keeps a copy of the file as it was before a new migration changes it', async () => {
    // An edit before the migration, so the copy's contents can be told from a fresh seed.
    await withDb((db) => createHandlers(db, 'cli', 'test')['items.update']({ itemId: ITEM, field: 'standard', value: '迁移前的内容', expected: '小学生每生每年 1000 元，初中生每生每年 1250 元。' }));
    const before = MIGRATIONS.at(-1)!.version;
    const next = before + 1;
    MIGRATIONS.push({ version: next, name: 'test: add a table', statements: ['CREATE TABLE test_added (a INTEGER)'] });
    try {
      await withDb(async (db) => {
        const rows = await db.all('SELECT max(version) AS v FROM schema_migrations');
        expect(rows[0]?.v).toBe(next);
      });
      const backups = readdirSync(temp.dir).filter((f) => f.includes(`.before-v${next}-`));
      expect(backups).toHaveLength(1);
      // Read the copy as it is (read-only), not through Database.open, which would migrate it.
      const copy = await DuckDBInstance.create(join(temp.dir, backups[0]!), { access_mode: 'READ_ONLY' });
      const connection = await copy.connect();
      const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjects();
      try {
        expect((await read('SELECT max(version) AS v FROM schema_migrations'))[0]?.v).toBe(before);
        expect(await read(`SELECT table_name FROM duckdb_tables() WHERE table_name = 'test_added'`)).toEqual([]);
        expect((await read(`SELECT standard FROM items WHERE id = '${ITEM}'`))[0]?.standard).toBe('迁移前的内容');
      } finally {
        connection.closeSync();
        copy.closeSync();
      }
    } finally {
      MIGRATIONS.pop();
    }
  });
});
