// Opens the app's database, building it from the shipped seeds the first time.
import { Database } from '../db/database';
import type { OpenOptions } from '../db/database';
import { seedsDir } from '../paths/locations';
import { readSeeds } from './read-seeds';
import { writeSeeds } from './write-seeds';

export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.all(`SELECT count(*) AS n FROM app_meta WHERE key = 'seeded_at'`);
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function openAppDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  const db = await Database.open(path, options);
  try {
    if (!(await isSeeded(db))) await writeSeeds(db, readSeeds(seedsDir()));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
