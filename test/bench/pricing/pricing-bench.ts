// Issue 10's speed targets, each beside its baseline in the same run, on the national-scale synthetic
// model (31 provinces, ≈2,850 counties, 100 items, 20 cohorts, 5 years ≈ 1.4 million cost lines):
//   full reprice (population resolved, every line rebuilt) — beside DuckDB writing a table of the same shape
//   from range() (the floor) and the same pricing in plain JavaScript loops;
//   reprice after one driver edit, through the command path (an amount, a coverage, a cohort: updated in place
//   or rebuilt) — beside a bare one-row UPDATE;
//   the totals the 测算 view shows — beside one plain sum over the lines.
import { join } from 'node:path';
import type { Database } from '../../../electron/db/database';
import { repriceAll } from '../../../electron/pricing/reprice';
import { listRules } from '../../../electron/pricing/rules';
import { pricingSummary } from '../../../electron/pricing/summary';
import { listDrivers } from '../../../electron/pricing/drivers-store';
import { setDriverField } from '../../../electron/services/pricing-commands';
import { openAppDatabase } from '../../../electron/seeds/open-database';
import { priceInMemory } from '../../../shared/domain/pricing/reference-pricer';
import type { DriverField } from '../../../shared/domain/pricing/drivers';
import type { CountyClass } from '../../../shared/domain/pricing/regions';
import { compare, median, time } from '../measure';
import type { Comparison } from '../measure';
import { SYNTHETIC, writeSyntheticModel } from './synthetic-model';

export async function pricingBench(dir: string): Promise<{ results: Comparison[]; notes: string[] }> {
  const db = await openAppDatabase(join(dir, 'pricing.duckdb'));
  const counts = await db.transaction((tx) => writeSyntheticModel(tx));
  const results: Comparison[] = [];
  const notes: string[] = [];
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 5);

  // After a population import: the population resolved again, every line rebuilt. After a regions change the
  // leaves and rule terms come first (7b).
  const fullReprice = () => db.transaction((tx) => repriceAll(tx, 'population'));
  const afterRegions = () => db.transaction((tx) => repriceAll(tx));
  const floor = () =>
    db.transaction((tx) =>
      tx.run(`CREATE OR REPLACE TABLE floor_lines AS
        SELECT CAST(i % 100 AS INTEGER) AS item_key, CAST(100000 + i // 500 AS INTEGER) AS region, CAST(2026 + i % 5 AS SMALLINT) AS year,
               i AS beneficiaries, i * 3 AS cost_fen, i AS central_fen, i AS provincial_fen, i AS city_fen, CAST(0 AS TINYINT) AS quality
        FROM range(${counts.costLines}) t(i)`),
    );
  // The model's regions were written directly: their leaves and rule terms are built once, as a regions
  // import would.
  await afterRegions();
  let k = 0;
  const itemId = `${SYNTHETIC.catalogueId}:042`;
  const drivers = (await listDrivers(db, SYNTHETIC.catalogueId)).get(itemId)!;
  // One driver cell edited through the command path, as the grid does: each value differs from the last.
  const editOf = (field: DriverField, values: string[]) => {
    let current = drivers[field] === null ? null : String(drivers[field]);
    let n = 0;
    return async () => {
      const value = values[n++ % values.length]!;
      await setDriverField(db, { itemId, field, value, expected: current }, 'test');
      current = value;
    };
  };
  const amounts = Array.from({ length: 50 }, (_, i) => `${100 + i}.25`);
  const coverages = Array.from({ length: 40 }, (_, i) => `0.${50 + i}`);
  const edits = { amount: editOf('unitAmount', amounts), coverage: editOf('coverage', coverages), cohort: editOf('cohort', ['人群3', '人群2']) };
  // In the app the planner edits, then imports a population (a full reprice), then edits on: each kind of edit
  // is made once first, so the edits timed below run after full reprices as they would there (a kept statement
  // planned before its table was replaced had cost every later edit 40–60 ms).
  for (const edit of Object.values(edits)) await edit();
  results.push(await compare('7. full reprice of the national model (after a population change)', { subject: 'DuckDB pricing (population + cost lines)', baseline: 'DuckDB writing a table of the same shape from range()' }, fullReprice, floor, 5));
  const [{ n } = { n: 0 }] = await db.all(`SELECT count(*) AS n FROM item_cost_lines WHERE catalogue_id = '${SYNTHETIC.catalogueId}'`);
  if (Number(n) !== counts.costLines) throw new Error(`the reprice gave ${String(n)} cost lines, expected ${counts.costLines}: the timings above are void`);
  results.push(await compare('7b. the same after a regions change', { subject: 'DuckDB pricing (leaves, rule terms, population, cost lines)', baseline: 'DuckDB writing a table of the same shape from range()' }, afterRegions, floor, 5));
  notes.push(`合成模型：${counts.counties} 个县、${counts.items} 个项目、${SYNTHETIC.cohorts} 个人群、5 年；成本行 ${String(n)} 行（预期 ${counts.costLines}）。`);

  const bareUpdate = () => db.transaction((tx) => tx.run(`UPDATE item_drivers SET yearly_change = ${k++ % 7} WHERE item_id = '${SYNTHETIC.catalogueId}:043'`));
  const bare = 'bare one-row UPDATE in a DuckDB transaction';
  results.push(await compare('8. reprice after one driver edit (one item ≈ 14,000 lines): the unit amount', { subject: 'drivers.update: validate, write, log, the item\'s money updated in place', baseline: bare }, edits.amount, bareUpdate, 20));
  results.push(await compare('8b. the same after a coverage edit', { subject: 'drivers.update: beneficiaries and money updated in place', baseline: bare }, edits.coverage, bareUpdate, 20));
  results.push(await compare('8c. the same after a cohort edit', { subject: 'drivers.update: the item\'s lines deleted and written again', baseline: bare }, edits.cohort, bareUpdate, 20));

  const totals = () => pricingSummary(db, SYNTHETIC.catalogueId);
  const plainSum = () => db.all(`SELECT sum(cost_fen) FROM item_cost_lines WHERE catalogue_id = '${SYNTHETIC.catalogueId}'`);
  results.push(await compare('9. totals the 测算 view shows (by year, 领域, city, level; per resident)', { subject: 'pricing.summary', baseline: 'one plain sum over the lines' }, totals, plainSum, 10));

  sample();
  notes.push(`测算过程的进程内存峰值（Node + 内嵌 DuckDB，7–9 项）：${Math.round(peakRss / 2 ** 20)} MiB。`);
  // The plain-JavaScript comparison last, so its arrays do not count in the pricing's memory.
  const input = await inMemoryInput(db);
  const jsLoops: number[] = [];
  let jsLines = 0;
  for (let i = 0; i < 3; i += 1) jsLoops.push(await time(async () => (jsLines = priceInMemory(input).length)));
  notes.push(`同样的测算用纯 JavaScript 循环（内存中、已读入数据）：中位 ${median(jsLoops).toFixed(0)} ms，${jsLines} 行；DuckDB 全量重算中位 ${median(results[0]!.subjectMs).toFixed(0)} ms。`);

  clearInterval(sampler);
  sample();
  notes.push(`含纯 JavaScript 对照后的进程内存峰值：${Math.round(peakRss / 2 ** 20)} MiB。`);
  await db.close();
  return { results, notes };
}

async function inMemoryInput(db: Database) {
  const leaves = (await db.all('SELECT code, province_code, county_class, grade FROM leaf_regions')).map((r) => ({
    code: String(r.code),
    provinceCode: String(r.province_code),
    countyClass: (r.county_class === null ? null : String(r.county_class)) as CountyClass | null,
    grade: r.grade === null ? null : Number(r.grade),
  }));
  const population = new Map<string, bigint>();
  for (const r of await db.all('SELECT region, cohort, year, value FROM population_resolved')) {
    population.set(`${String(r.region)}|${String(r.cohort)}|${String(r.year)}`, BigInt(String(r.value)));
  }
  const drivers = [...(await listDrivers(db, SYNTHETIC.catalogueId)).values()];
  const rules = new Map((await listRules(db)).map((r) => [r.id, r]));
  const tierPct = new Map((await db.all('SELECT province_code, CAST(central_share_pct AS VARCHAR) AS p FROM ref_fiscal_tiers')).map((r) => [String(r.province_code), String(r.p)]));
  const years = [2026, 2027, 2028, 2029, 2030];
  return { leaves, population, drivers, rules, tierPct, years };
}
