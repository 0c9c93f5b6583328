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
 */
function linesSql(itemFilter: string): string {
  return `
  WITH cat AS (SELECT id, region_code AS root FROM catalogues WHERE id = $1),
  years AS (SELECT CAST(range AS INTEGER) AS year FROM range($2, $3 + 1)),
  drv AS (
    SELECT d.*, i.catalogue_id, coalesce(d.periods_per_year, u.periods) AS periods, u.per_region
    FROM item_drivers d JOIN items i ON i.id = d.item_id JOIN ${UNITS_SQL} ON u.unit = d.unit
    WHERE i.catalogue_id = $1 ${itemFilter}
      AND d.unit_amount IS NOT NULL AND d.split_rule_id IS NOT NULL
      AND (u.per_region OR (d.cohort IS NOT NULL AND d.coverage IS NOT NULL))),
  leaves AS (
    SELECT l.* FROM leaf_regions l, cat
    WHERE cat.root IS NULL OR l.code = cat.root OR l.province_code = cat.root OR l.city_code = cat.root),
  kinds AS (SELECT DISTINCT county_class, grade FROM leaves),
  choice AS (
    SELECT r.rule_id, k.county_class, k.grade,
           arg_max(r.seq, (CASE WHEN r.county_class IS NOT NULL THEN 2 ELSE 0 END) + (CASE WHEN r.grade IS NOT NULL THEN 1 ELSE 0 END)) AS seq
    FROM split_rule_rows r JOIN kinds k
      ON (r.county_class IS NULL OR r.county_class = k.county_class) AND (r.grade IS NULL OR r.grade = k.grade)
    WHERE r.rule_id IN (SELECT DISTINCT split_rule_id FROM drv)
    GROUP BY ALL),
  base AS (
    SELECT drv.catalogue_id, drv.item_id, l.code AS region_code, y.year, l.county_class,
           CASE WHEN drv.per_region THEN NULL
                ELSE CAST((CAST(p.value AS HUGEINT) * CAST(drv.coverage * 1000000 AS BIGINT) * 2 + 1000000) // 2000000 AS BIGINT) END AS beneficiaries,
           CAST(drv.unit_amount * 100 AS BIGINT) + CAST(coalesce(drv.yearly_change, 0) * 100 AS BIGINT) * (y.year - coalesce(drv.base_year, y.year)) AS amount_fen,
           CAST(drv.periods * 100 AS BIGINT) AS periods_c,
           r.seq AS rule_seq,
           coalesce(drv.central_pct, CASE WHEN r.central_by_tier THEN t.central_share_pct ELSE r.central_pct END) AS central_pct,
           CAST(r.provincial * 10000 AS BIGINT) AS wp,
           CASE WHEN l.county_class = '省直管县' THEN 0 ELSE CAST(r.city * 10000 AS BIGINT) END AS wc,
           CAST(r.county * 10000 AS BIGINT) AS wx,
           greatest(CASE WHEN drv.per_region THEN 0 ELSE p.quality END, ${qualitySql('sr.status')},
                    CASE WHEN r.central_by_tier AND drv.central_pct IS NULL THEN ${qualitySql('t.status')} ELSE 0 END) AS quality
    FROM drv
    CROSS JOIN leaves l
    CROSS JOIN years y
    LEFT JOIN population_resolved p ON NOT drv.per_region AND p.region_code = l.code AND p.cohort = drv.cohort AND p.year = y.year
    JOIN choice c ON c.rule_id = drv.split_rule_id AND c.county_class IS NOT DISTINCT FROM l.county_class AND c.grade IS NOT DISTINCT FROM l.grade
    JOIN split_rule_rows r ON r.rule_id = c.rule_id AND r.seq = c.seq
    JOIN split_rules sr ON sr.id = r.rule_id
    LEFT JOIN ref_fiscal_tiers t ON t.province_code = l.province_code
    WHERE (drv.per_region OR p.value IS NOT NULL)),
  costed AS (
    SELECT *, CAST((CAST(coalesce(beneficiaries, 1) AS HUGEINT) * amount_fen * periods_c * 2 + 100) // 200 AS BIGINT) AS cost_fen
    FROM base WHERE amount_fen >= 0 AND central_pct IS NOT NULL),
  central AS (
    SELECT *, CAST((CAST(cost_fen AS HUGEINT) * CAST(central_pct * 10000 AS BIGINT) * 2 + 1000000) // 2000000 AS BIGINT) AS central_fen
    FROM costed),
  provincial AS (
    SELECT *, cost_fen - central_fen AS local_fen,
           CASE WHEN wp + wc + wx = 0 THEN 0
                ELSE CAST((CAST(cost_fen - central_fen AS HUGEINT) * wp * 2 + (wp + wc + wx)) // (2 * (wp + wc + wx)) AS BIGINT) END AS provincial_fen
    FROM central),
  city AS (
    SELECT *, CASE WHEN wc + wx = 0 THEN 0
                   ELSE CAST((CAST(local_fen - provincial_fen AS HUGEINT) * wc * 2 + (wc + wx)) // (2 * (wc + wx)) AS BIGINT) END AS city_fen
    FROM provincial)
  SELECT catalogue_id, item_id, region_code, year, beneficiaries, amount_fen, cost_fen, central_fen, provincial_fen, city_fen,
         local_fen - provincial_fen - city_fen AS county_fen, rule_seq, central_pct, quality
  FROM city
  ORDER BY item_id, region_code, year`;
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
