// The pricing model's starting point, from the reference tables already loaded: provinces and their
// prefecture-level units as regions (省直管 units marked so), the 七普 resident population as counts for
// 2020, the published age shares as cohorts, and the shipped split rules. Each row keeps its source.
import type { Tx } from '../db/database';
import { saveRule } from '../pricing/rules';
import { PRESET_RULES } from '../pricing/presets';
import { repriceAll } from '../pricing/reprice';
import { excludesNoteSql, regionNameSql } from './census-names';

const CENSUS_YEAR = 2020;
const AGE_SHARES = [
  ['share_0_14_pct', '0-14岁'],
  ['share_15_59_pct', '15-59岁'],
  ['share_60_plus_pct', '60岁及以上'],
  ['share_65_plus_pct', '65岁及以上'],
] as const;

export async function writePricingSeeds(tx: Tx): Promise<void> {
  await tx.run(
    `INSERT INTO regions (code, name, parent_code, level, county_class, grade, growth_pct, source, status)
     SELECT region_code, ${regionNameSql('region')}, parent_code, level,
            CASE WHEN source LIKE '%省直管%' THEN '省直管县' END, NULL, NULL, source, status
     FROM ref_population
     ON CONFLICT DO NOTHING`,
  );
  await tx.run(
    `INSERT INTO population (region_code, cohort, year, value, source, status)
     SELECT region_code, '常住人口', ${CENSUS_YEAR}, population,
            '第七次全国人口普查：' || source || ${excludesNoteSql('region')}, status
     FROM ref_population
     ON CONFLICT DO NOTHING`,
  );
  for (const [column, cohort] of AGE_SHARES) {
    await tx.run(
      `INSERT INTO cohort_shares (region_code, cohort, base_cohort, share_pct, source, status)
       SELECT region_code, '${cohort}', '常住人口', ${column}, '第七次全国人口普查年龄构成：' || source, status
       FROM ref_population WHERE ${column} IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
  }
  await addShippedRules(tx);
  await repriceAll(tx);
  await tx.run(`INSERT INTO app_meta VALUES ('pricing_seeded_at', CAST(current_timestamp AS VARCHAR)) ON CONFLICT DO NOTHING`);
}

/** The shipped rules a file lacks: all at first; later, those shipped since it was seeded (none can be deleted). */
export async function addShippedRules(tx: Tx): Promise<void> {
  const have = new Set((await tx.all('SELECT id FROM split_rules')).map((r) => String(r.id)));
  for (const rule of PRESET_RULES) if (!have.has(rule.id)) await saveRule(tx, rule);
}

/** How many shipped rules a file has, in SQL: fewer than PRESET_RULES when some were shipped since it was seeded. */
export const SHIPPED_RULES_HELD_SQL = `(SELECT count(*) FROM split_rules WHERE id IN (${PRESET_RULES.map((r) => `'${r.id}'`).join(', ')}))`;
export const SHIPPED_RULE_COUNT = PRESET_RULES.length;
