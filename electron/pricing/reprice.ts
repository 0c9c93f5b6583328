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

/** Every catalogue that has at least one driver: the ones with cost lines to keep. */
async function pricedCatalogues(tx: Tx): Promise<string[]> {
  const rows = await tx.all('SELECT DISTINCT i.catalogue_id AS id FROM item_drivers d JOIN items i ON i.id = d.item_id ORDER BY 1');
  return rows.map((r) => String(r.id));
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
export function linesSql(itemFilter: string): string {
  const share = (x: string, n: string, d: string) => `((${x}) // (${d})) * (${n}) + (((${x}) % (${d})) * (${n}) * 2 + (${d})) // (2 * (${d}))`;
  return `
  WITH cat AS (SELECT id, region_code AS root FROM catalogues WHERE id = $1),
  years AS (SELECT CAST(range AS INTEGER) AS year FROM range($2, $3 + 1)),
  drv AS (
    SELECT d.item_id, i.catalogue_id, d.split_rule_id, u.per_region,
           CASE WHEN u.per_region THEN NULL ELSE d.cohort END AS people,
           CAST(coalesce(d.coverage, 0) * 1000000 AS BIGINT) AS cov_u,
           CAST(d.central_pct * 10000 AS BIGINT) AS manual_u,
           CAST(d.unit_amount * 100 AS BIGINT) AS unit_fen, CAST(coalesce(d.yearly_change, 0) * 100 AS BIGINT) AS change_fen,
           d.base_year, CAST(coalesce(d.periods_per_year, u.periods) * 100 AS BIGINT) AS periods_c
    FROM item_drivers d JOIN items i ON i.id = d.item_id JOIN ${UNITS_SQL} ON u.unit = d.unit
    WHERE i.catalogue_id = $1 ${itemFilter}
      AND d.unit_amount IS NOT NULL AND d.split_rule_id IS NOT NULL
      AND (u.per_region OR (d.cohort IS NOT NULL AND d.coverage IS NOT NULL))),
  -- Per item and year: the amount in fen and the yearly amount per beneficiary split as a·100 + b.
  drv_year AS (
    SELECT drv.*, y.year, unit_fen + change_fen * (y.year - coalesce(base_year, y.year)) AS amount_fen
    FROM drv CROSS JOIN years y),
  drv_amount AS (
    SELECT *, (amount_fen * periods_c) // 100 AS per_a, (amount_fen * periods_c) % 100 AS per_b FROM drv_year WHERE amount_fen >= 0),
  leaves AS (
    SELECT l.* FROM leaf_regions l, cat
    WHERE cat.root IS NULL OR l.code = cat.root OR l.province_code = cat.root OR l.city_code = cat.root),
  -- Per rule and leaf: the row that applies (most specific), its central share and weights as integers.
  rule_leaf AS (
    SELECT r.rule_id, l.code, arg_max(r.seq, (CASE WHEN r.county_class IS NOT NULL THEN 2 ELSE 0 END) + (CASE WHEN r.grade IS NOT NULL THEN 1 ELSE 0 END)) AS seq
    FROM split_rule_rows r JOIN leaves l
      ON (r.county_class IS NULL OR r.county_class = l.county_class) AND (r.grade IS NULL OR r.grade = l.grade)
    WHERE r.rule_id IN (SELECT DISTINCT split_rule_id FROM drv)
    GROUP BY ALL),
  rule_terms AS (
    SELECT rl.rule_id, rl.code, rl.seq, l.county_class,
           CAST(CASE WHEN r.central_by_tier THEN t.central_share_pct ELSE r.central_pct END * 10000 AS BIGINT) AS central_u,
           CAST(r.provincial * 10000 AS BIGINT) AS wp,
           CASE WHEN l.county_class = '省直管县' THEN 0 ELSE CAST(r.city * 10000 AS BIGINT) END AS wc,
           CAST(r.county * 10000 AS BIGINT) AS wx,
           greatest(${qualitySql('sr.status')}, CASE WHEN r.central_by_tier THEN ${qualitySql('t.status')} ELSE 0 END) AS rule_quality,
           ${qualitySql('sr.status')} AS own_quality
    FROM rule_leaf rl JOIN leaves l ON l.code = rl.code
    JOIN split_rule_rows r ON r.rule_id = rl.rule_id AND r.seq = rl.seq
    JOIN split_rules sr ON sr.id = rl.rule_id
    LEFT JOIN ref_fiscal_tiers t ON t.province_code = l.province_code),
  base AS (
    SELECT d.catalogue_id, d.item_id, rt.code AS region_code, d.year, d.amount_fen, d.per_a, d.per_b, d.per_region,
           CASE WHEN d.per_region THEN NULL ELSE (p.value * d.cov_u * 2 + 1000000) // 2000000 END AS beneficiaries,
           rt.seq AS rule_seq, coalesce(d.manual_u, rt.central_u) AS central_u, rt.wp, rt.wc, rt.wx,
           greatest(coalesce(p.quality, 0), CASE WHEN d.manual_u IS NULL THEN rt.rule_quality ELSE rt.own_quality END) AS quality
    FROM drv_amount d
    JOIN rule_terms rt ON rt.rule_id = d.split_rule_id
    LEFT JOIN population_resolved p ON p.region_code = rt.code AND p.cohort = d.people AND p.year = d.year
    WHERE (d.per_region OR p.value IS NOT NULL)),
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
  SELECT catalogue_id, item_id, region_code, year, beneficiaries, amount_fen, cost_fen, central_fen, provincial_fen, city_fen,
         local_fen - provincial_fen - city_fen AS county_fen, rule_seq, CAST(central_u AS DECIMAL(18,0)) * CAST(0.0001 AS DECIMAL(5,4)) AS central_pct, quality
  FROM city`;
}

export async function repriceCatalogue(tx: Tx, catalogueId: string): Promise<void> {
  const { fromYear, toYear } = await pricingYears(tx, catalogueId);
  await tx.run('DELETE FROM cost_lines WHERE catalogue_id = $1', [catalogueId]);
  await tx.run(`INSERT INTO cost_lines ${linesSql('')}`, [catalogueId, fromYear, toYear]);
}

/** After a driver edit: only that item's lines (about 14,000 for one item of a national model). */
export async function repriceItems(tx: Tx, catalogueId: string, itemIds: string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const { fromYear, toYear } = await pricingYears(tx, catalogueId);
  const list = itemIds.map((_, i) => `$${i + 4}`).join(', ');
  await tx.run(`DELETE FROM cost_lines WHERE item_id IN (${itemIds.map((_, i) => `$${i + 1}`).join(', ')})`, itemIds);
  await tx.run(`INSERT INTO cost_lines ${linesSql(`AND d.item_id IN (${list})`)}`, [catalogueId, fromYear, toYear, ...itemIds]);
}

/** After a change of regions, population or shares: the population again, then every priced catalogue. */
export async function repriceAll(tx: Tx): Promise<void> {
  const { fromYear, toYear } = await populationSpan(tx);
  await rebuildPopulation(tx, fromYear, toYear);
  for (const id of await pricedCatalogues(tx)) await repriceCatalogue(tx, id);
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
