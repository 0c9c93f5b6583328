import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../electron/db/app-error';
import { Database } from '../../../electron/db/database';
import { openAppDatabase } from '../../../electron/seeds/open-database';
import { tempDir } from '../../support/temp-db';

const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));
let temp: ReturnType<typeof tempDir>;

afterEach(() => {
  delete process.env.QINGDAN_SEEDS_DIR;
  temp.cleanup();
});

describe('building the database from broken seeds', () => {
  it('names the file, line and column of a wrong number, and writes no seed data', async () => {
    temp = tempDir();
    const copy = join(temp.dir, 'seeds');
    cpSync(seeds, copy, { recursive: true });
    const csv = join(copy, 'reference', 'population_2020_census.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('410100,郑州市,410000,city,12600574', '410100,郑州市,410000,city,一千二百万'));
    process.env.QINGDAN_SEEDS_DIR = copy;
    const path = join(temp.dir, 'q.duckdb');
    const error = (await openAppDatabase(path).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('bad_file');
    expect(error.message).toMatch(/^无法从种子数据建立数据库：population_2020_census\.csv 第3行“population”列：“一千二百万”/);
    const db = await Database.open(path);
    expect(await db.all('SELECT count(*) AS n FROM catalogues')).toEqual([{ n: 0 }]);
    await db.close();
  });
});
