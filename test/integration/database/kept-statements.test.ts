// Kept statements (statement-cache.ts) are planned once and run again in later transactions: what they read
// must be the table as it is when they run, not as it was when they were planned (duckdb/duckdb#23704: a
// plan built from the stored statistics missed rows written after it).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { join } from 'node:path';
import { Database } from '../../../electron/db/database';
import { tempDir } from '../../support/temp-db';

let temp: ReturnType<typeof tempDir>;
let db: Database;
beforeEach(async () => {
  temp = tempDir();
  db = await Database.open(join(temp.dir, 'kept.duckdb'));
  await db.transaction(async (tx) => {
    await tx.run('CREATE TABLE t (i INTEGER, name VARCHAR)');
    await tx.run(`INSERT INTO t SELECT range, 'x' || range FROM range(100)`);
    await tx.run('CREATE TABLE u (name VARCHAR, v INTEGER)');
  });
});
afterEach(async () => {
  await db.close();
  temp.cleanup();
});

const count = async (sql: string) => Number((await db.transaction((tx) => tx.allKept(sql)))[0]?.n);

it('sees rows written after it was planned, outside the range the table held then', async () => {
  const sql = 'SELECT count(*) AS n FROM t WHERE i = 200';
  expect(await count(sql)).toBe(0);
  await db.transaction((tx) => tx.run('INSERT INTO t VALUES (200, $1)', ['x200']));
  expect(await count(sql)).toBe(1);
});

it('joins rows that did not exist when it was planned', async () => {
  const sql = `SELECT u.v AS n FROM t LEFT JOIN u ON u.name = t.name WHERE t.name = 'x7'`;
  expect((await db.transaction((tx) => tx.allKept(sql)))[0]?.n).toBeNull();
  await db.transaction((tx) => tx.run(`INSERT INTO u VALUES ('x7', 42)`));
  expect(await count(sql)).toBe(42);
});

it('updates and deletes rows written after it was planned', async () => {
  const update = 'UPDATE t SET name = name || \'!\' WHERE i = 500';
  const remove = 'DELETE FROM t WHERE i = 500';
  await db.transaction((tx) => tx.runKept(update));
  await db.transaction((tx) => tx.runKept(remove));
  await db.transaction((tx) => tx.run('INSERT INTO t VALUES (500, $1)', ['x500']));
  await db.transaction((tx) => tx.runKept(update));
  expect((await db.all('SELECT name FROM t WHERE i = 500'))[0]?.name).toBe('x500!');
  await db.transaction((tx) => tx.runKept(remove));
  expect(await count('SELECT count(*) AS n FROM t WHERE i = 500')).toBe(0);
});
