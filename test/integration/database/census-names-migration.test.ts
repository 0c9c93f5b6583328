// Migration 013 on a file seeded before it: the census's 石家庄市(不含辛集) becomes the region 石家庄市, what its count
// leaves out goes into the count's source, a name the planner changed stays, and the leaves learn whose growth
// rate each takes.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from '../../../electron/db/database';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

/** The file as a version 12 seed left it, written through DuckDB itself (Database.open would migrate it). */
async function asBefore(path: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    for (const sql of [
      `UPDATE regions SET name = '石家庄市(不含辛集)' WHERE code = '130100'`,
      `UPDATE regions SET name = '保定市（规划用名）' WHERE code = '130600'`,
      `UPDATE population SET source = '第七次全国人口普查：河北省七普公报' WHERE region_code = '130100' AND cohort = '常住人口' AND year = 2020`,
      `UPDATE population SET source = '导入：保定人口.csv' WHERE region_code = '130600' AND cohort = '常住人口' AND year = 2020`,
      `ALTER TABLE leaf_regions DROP COLUMN growth_from`,
      `UPDATE leaf_regions SET name = '石家庄市(不含辛集)' WHERE code = '130100'`,
      `DELETE FROM schema_migrations WHERE version = 13`,
    ]) {
      await connection.run(sql);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

it('renames the census cities the planner left as seeded, moves what their counts leave out into the source, and keeps the rest', async () => {
  const path = await seededDatabaseFile(temp.dir);
  await asBefore(path);
  const db = await Database.open(path);
  try {
    expect(await db.all(`SELECT code, name FROM regions WHERE code IN ('130100', '130600') ORDER BY code`)).toEqual([
      { code: '130100', name: '石家庄市' },
      // Renamed by the planner: not the census's name, so left alone, and so is a count the planner imported.
      { code: '130600', name: '保定市（规划用名）' },
    ]);
    expect(await db.all(`SELECT region_code, source FROM population WHERE region_code IN ('130100', '130600') AND year = 2020 ORDER BY region_code`)).toEqual([
      { region_code: '130100', source: '第七次全国人口普查：河北省七普公报（人数不含辛集）' },
      { region_code: '130600', source: '导入：保定人口.csv' },
    ]);
    expect(await db.all(`SELECT name, growth_from FROM leaf_regions WHERE code = '130100'`)).toEqual([{ name: '石家庄市', growth_from: null }]);
  } finally {
    await db.close();
  }
});
