// Cost lines, set-based in DuckDB: for every priced item, leaf region of its catalogue and year, the
// beneficiaries, the cost and the four shares, in integer fen. An edit rebuilds only what it touches,
// inside the edit's own transaction, so the figures a planner sees are never out of step with the inputs.
import type { Tx } from '../db/database';
import { rebuildPopulation } from './population';
import { UNITS_SQL, qualitySql } from './sql-values';

export const DEFAULT_YEARS = { fromYear: 2026, toYear: 2030 } as const;

/** The years a catalogue is priced for (its own setting, else the 十五五 period). */
export async function pricingYears(tx: Pick<Tx, 'all'>, catalogueId: string): Promise<{ fromYear: number; toYear: number }> {
  const [row] = await tx.all('SELECT from_year, to_year FROM pricing_settings WHERE catalogue_id = $1', [catalogueId]);
  return row ? { fromYear: Number(row.from_year), toYear: Number(row.to_year) } : { ...DEFAULT_YEARS };
}

/** The span of years any catalogue is priced for: the population is resolved once for all of them. */
async function populationSpan(tx: Tx): Promise<{ fromYear: number; toYear: number }> {
  const [row] = await tx.all(
    `SELECT least(min(from_year), $1) AS f, greatest(max(to_year), $2) AS t FROM pricing_settings`,
    [DEFAULT_YEARS.fromYear, DEFAULT_YEARS.toYear],
  );
  return { fromYear: Number(row?.f ?? DEFAULT_YEARS.fromYear), toYear: Number(row?.t ?? DEFAULT_YEARS.toYear) };
}

/**
 * The lines of one catalogue (or of some of its items): drivers × the leaf regions under the catalogue's
 * region × its years, joined to the resolved population, the rule row that applies to each region's class
 * and grade, and the province's tier. Incomplete drivers give no line: such items are listed as not priced.
 *
 * Everything per item, rule and region is turned into integers first (a few thousand rows); the million
 * lines then need only BIGINT arithmetic. A product x·n/d is taken as (x // d)·n plus the rounded
 * (x % d)·n/d, which is exact and keeps every intermediate far inside 64 bits.
 */
export function linesSql(driverFilter: string): string {
  const share = (x: string, n: string, d: string) => `((${x}) // (${d})) * (${n}) + (((${x}) % (${d})) * (${n}) * 2 + (${d})) // (2 * (${d}))`;
  return `
  WITH drv AS (
    SELECT d.key AS item_key, i.catalogue_id, d.split_rule_id, u.per_region,
           CASE WHEN u.per_region THEN NULL ELSE d.cohort END AS people,
           CAST(coalesce(d.coverage, 0) * 1000000 AS BIGINT) AS cov_u,
           CAST(d.central_pct * 10000 AS BIGINT) AS manual_u,
           CAST(d.unit_amount * 100 AS BIGINT) AS unit_fen, CAST(coalesce(d.yearly_change, 0) * 100 AS BIGINT) AS change_fen,
           d.base_year, CAST(coalesce(d.periods_per_year, u.periods) * 100 AS BIGINT) AS periods_c
    FROM item_drivers d JOIN items i ON i.id = d.item_id JOIN ${UNITS_SQL} ON u.unit = d.unit
    WHERE ${driverFilter}
      AND d.unit_amount IS NOT NULL AND d.split_rule_id IS NOT NULL
      AND (u.per_region OR (d.cohort IS NOT NULL AND d.coverage IS NOT NULL))),
  -- Each (catalogue, rule) pair numbered: the million-row join is then on one small integer.
  pairs AS (
    SELECT catalogue_id, split_rule_id AS rule_id, CAST(row_number() OVER (ORDER BY catalogue_id, split_rule_id) AS INTEGER) AS pair
    FROM (SELECT DISTINCT catalogue_id, split_rule_id FROM drv)),
  cat AS (
    SELECT c.id, c.region_code AS root, coalesce(s.from_year, ${DEFAULT_YEARS.fromYear}) AS from_year, coalesce(s.to_year, ${DEFAULT_YEARS.toYear}) AS to_year
    FROM catalogues c LEFT JOIN pricing_settings s ON s.catalogue_id = c.id
    WHERE c.id IN (SELECT DISTINCT catalogue_id FROM drv)),
  -- Per item and year: the amount in fen and the yearly amount per beneficiary split as a·100 + b.
  drv_years AS (
    SELECT drv.*, CAST(unnest(range(cat.from_year, cat.to_year + 1)) AS INTEGER) AS year FROM drv JOIN cat ON cat.id = drv.catalogue_id),
  drv_year AS (SELECT *, unit_fen + change_fen * (year - coalesce(base_year, year)) AS amount_fen FROM drv_years),
  -- Cohorts numbered from 1, so the population is found by one integer key (region, cohort, year); an item
  -- priced per region has cohort 0 and finds none.
  cohorts AS (SELECT people AS cohort, CAST(row_number() OVER (ORDER BY people) AS BIGINT) AS cohort_no FROM (SELECT DISTINCT people FROM drv WHERE people IS NOT NULL)),
  drv_amount AS (
    SELECT y.item_key, y.year, y.amount_fen, y.per_region, y.cov_u, y.manual_u, pr.pair,
           (amount_fen * periods_c) // 100 AS per_a, (amount_fen * periods_c) % 100 AS per_b, coalesce(k.cohort_no, 0) AS cohort_no
    FROM drv_year y JOIN pairs pr ON pr.catalogue_id = y.catalogue_id AND pr.rule_id = y.split_rule_id
    LEFT JOIN cohorts k ON k.cohort = y.people WHERE amount_fen >= 0),
  pop AS (SELECT p.region, k.cohort_no, CAST(p.year AS INTEGER) AS year, p.value, p.quality FROM population_resolved p JOIN cohorts k ON k.cohort = p.cohort),
  cat_leaves AS (
    SELECT cat.id AS catalogue_id, l.* FROM cat JOIN leaf_regions l
      ON cat.root IS NULL OR l.code = cat.root OR l.top_code = cat.root OR l.city_code = cat.root),
  -- Per catalogue, rule and leaf: the row that applies (most specific), its central share and weights as integers.
  rule_leaf AS (
    SELECT pr.pair, l.catalogue_id, r.rule_id, l.region, arg_max(r.seq, (CASE WHEN r.county_class IS NOT NULL THEN 2 ELSE 0 END) + (CASE WHEN r.grade IS NOT NULL THEN 1 ELSE 0 END)) AS seq
    FROM pairs pr JOIN split_rule_rows r ON r.rule_id = pr.rule_id JOIN cat_leaves l
      ON l.catalogue_id = pr.catalogue_id AND (r.county_class IS NULL OR r.county_class = l.county_class) AND (r.grade IS NULL OR r.grade = l.grade)
    GROUP BY ALL),
  rule_terms AS (
    SELECT rl.pair, rl.region, rl.seq,
           CAST(CASE WHEN r.central_by_tier THEN t.central_share_pct ELSE r.central_pct END * 10000 AS BIGINT) AS central_u,
           CAST(r.provincial * 10000 AS BIGINT) AS wp,
           CASE WHEN l.county_class = '省直管县' THEN 0 ELSE CAST(r.city * 10000 AS BIGINT) END AS wc,
           CAST(r.county * 10000 AS BIGINT) AS wx,
           greatest(${qualitySql('sr.status')}, CASE WHEN r.central_by_tier THEN ${qualitySql('t.status')} ELSE 0 END) AS rule_quality,
           ${qualitySql('sr.status')} AS own_quality
    FROM rule_leaf rl JOIN cat_leaves l ON l.catalogue_id = rl.catalogue_id AND l.region = rl.region
    JOIN split_rule_rows r ON r.rule_id = rl.rule_id AND r.seq = rl.seq
    JOIN split_rules sr ON sr.id = rl.rule_id
    LEFT JOIN ref_fiscal_tiers t ON t.province_code = l.province_code),
  -- Per person: each item-year meets the population of its cohort in every region, then the rule terms of
  -- its region; per region: each item-year meets the rule terms directly.
  per_person AS (
    SELECT d.item_key, p.region, d.year, d.amount_fen, d.per_a, d.per_b, d.per_region, d.pair, d.manual_u,
           (p.value * d.cov_u * 2 + 1000000) // 2000000 AS beneficiaries, p.quality AS pop_quality
    FROM drv_amount d JOIN pop p ON p.cohort_no = d.cohort_no AND p.year = d.year
    WHERE NOT d.per_region),
  per_region AS (
    SELECT d.item_key, rt.region, d.year, d.amount_fen, d.per_a, d.per_b, d.per_region, d.pair, d.manual_u,
           CAST(NULL AS BIGINT) AS beneficiaries, 0 AS pop_quality
    FROM drv_amount d JOIN rule_terms rt ON rt.pair = d.pair
    WHERE d.per_region),
  base AS (
    SELECT x.item_key, x.region, x.year, x.amount_fen, x.per_a, x.per_b, x.per_region, x.beneficiaries,
           rt.seq AS rule_seq, coalesce(x.manual_u, rt.central_u) AS central_u, rt.wp, rt.wc, rt.wx,
           greatest(x.pop_quality, CASE WHEN x.manual_u IS NULL THEN rt.rule_quality ELSE rt.own_quality END) AS quality
    FROM (SELECT * FROM per_person UNION ALL SELECT * FROM per_region) x
    JOIN rule_terms rt ON rt.pair = x.pair AND rt.region = x.region),
  costed AS (
    SELECT *, CASE WHEN per_region THEN per_a + (per_b * 2 + 100) // 200
                   ELSE beneficiaries * per_a + (beneficiaries * per_b * 2 + 100) // 200 END AS cost_fen
    FROM base WHERE central_u IS NOT NULL),
  central AS (SELECT *, ${share('cost_fen', 'central_u', '1000000')} AS central_fen FROM costed),
  provincial AS (
    SELECT *, cost_fen - central_fen AS local_fen,
           CASE WHEN wp + wc + wx = 0 THEN 0 ELSE ${share('cost_fen - central_fen', 'wp', 'wp + wc + wx')} END AS provincial_fen
    FROM central),
  city AS (
    SELECT *, CASE WHEN wc + wx = 0 THEN 0 ELSE ${share('local_fen - provincial_fen', 'wc', 'wc + wx')} END AS city_fen
    FROM provincial)
  SELECT CAST(item_key AS INTEGER) AS item_key, CAST(region AS INTEGER) AS region, CAST(year AS SMALLINT) AS year, beneficiaries, amount_fen,
         cost_fen, central_fen, provincial_fen, city_fen, local_fen - provincial_fen - city_fen AS county_fen, CAST(rule_seq AS INTEGER) AS rule_seq,
         CAST(central_u AS INTEGER) AS central_u, CAST(quality AS TINYINT) AS quality
  FROM city`;
}

export async function repriceCatalogue(tx: Tx, catalogueId: string): Promise<void> {
  await tx.run(
    'DELETE FROM cost_lines WHERE item_key IN (SELECT d.key FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $1)',
    [catalogueId],
  );
  await tx.run(`INSERT INTO cost_lines ${linesSql('i.catalogue_id = $1')}`, [catalogueId]);
}

/** After a driver edit: only that item's lines (about 14,000 for one item of a national model). */
export async function repriceItems(tx: Tx, itemIds: string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const list = itemIds.map((_, i) => `$${i + 1}`).join(', ');
  await tx.run(`DELETE FROM cost_lines WHERE item_key IN (SELECT key FROM item_drivers WHERE item_id IN (${list}))`, itemIds);
  await tx.run(`INSERT INTO cost_lines ${linesSql(`d.item_id IN (${list})`)}`, itemIds);
}

/**
 * After a change of regions, population, shares or years: the population again, then every line of every
 * catalogue, written as a new table in one statement (far cheaper than deleting a million rows).
 */
export async function repriceAll(tx: Tx): Promise<void> {
  const { fromYear, toYear } = await populationSpan(tx);
  await rebuildPopulation(tx, fromYear, toYear);
  await tx.run(`CREATE OR REPLACE TABLE cost_lines AS ${linesSql('true')}`);
}

/** After a rule edit: the catalogues whose items use it. */
export async function repriceRule(tx: Tx, ruleId: string): Promise<string[]> {
  const rows = await tx.all(
    'SELECT DISTINCT i.catalogue_id AS id FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE d.split_rule_id = $1',
    [ruleId],
  );
  const ids = rows.map((r) => String(r.id));
  for (const id of ids) await repriceCatalogue(tx, id);
  return ids;
}
