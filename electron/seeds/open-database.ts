// Opens the app's database, building it from the shipped seeds the first time.
import { AppError } from '../db/app-error';
import { Database } from '../db/database';
import type { OpenOptions } from '../db/database';
import { seedsDir } from '../paths/locations';
import { readSeeds } from './read-seeds';
import { SHIPPED_RULES_HELD_SQL, SHIPPED_RULE_COUNT, addShippedRules, writePricingSeeds } from './write-pricing-seeds';
import { writeReference, writeSeeds } from './write-seeds';

export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.all(`SELECT count(*) AS n FROM app_meta WHERE key = 'seeded_at'`);
  return Number(rows[0]?.n ?? 0) > 0;
}

/**
 * A database seeded by an earlier version: reference tables the migrations emptied (to reload them with
 * 6-digit codes) are read again from the shipped seeds, the pricing model gets its starting point, and split
 * rules shipped since are added.
 */
async function completeSeeds(db: Database): Promise<void> {
  const [state] = await db.all(
    `SELECT (SELECT count(*) FROM ref_population) AS reference, (SELECT count(*) FROM app_meta WHERE key = 'pricing_seeded_at') AS pricing,
            ${SHIPPED_RULES_HELD_SQL} AS rules`,
  );
  const needReference = Number(state?.reference ?? 0) === 0;
  const needPricing = Number(state?.pricing ?? 0) === 0;
  const needRules = !needPricing && Number(state?.rules ?? 0) < SHIPPED_RULE_COUNT;
  if (!needReference && !needPricing && !needRules) return;
  const bundle = needReference ? readSeeds(seedsDir()) : null;
  await db.transaction(async (tx) => {
    if (bundle) await writeReference(tx, bundle);
    if (needPricing) await writePricingSeeds(tx);
    else if (needRules) await addShippedRules(tx);
  });
}

export async function openAppDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  const db = await Database.open(path, options);
  try {
    if (!(await isSeeded(db))) await writeSeeds(db, readSeeds(seedsDir()));
    else await completeSeeds(db);
  } catch (error) {
    await db.close();
    if (error instanceof AppError) throw error;
    // The importers say what is wrong and where (file, line, column); nothing was written. Anything else (a
    // seed file missing, unreadable) speaks the system's language: said in Chinese instead, the cause kept.
    const said = error instanceof Error ? error.message : String(error);
    const reason = /\p{Script=Han}/u.test(said) ? said : '程序自带的种子数据文件缺失或无法读取，安装可能不完整，请重新安装';
    throw new AppError('bad_file', `无法从种子数据建立数据库：${reason}`, { cause: error });
  }
  return db;
}
