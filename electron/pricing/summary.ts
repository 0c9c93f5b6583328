// The aggregates the 测算 view shows: totals by year, 领域 and city, cost per resident, and what is not
// priced and why. Sums run in DuckDB over the cost lines; only these few rows cross to the renderer.
import { roundDiv } from '../../shared/domain/pricing/decimal';
import { missingDrivers } from '../../shared/domain/pricing/drivers';
import { fenToYuan, formatCount, yuanToFen } from '../../shared/domain/pricing/money';
import type { InputQuality, PricingSummary, RegionTotals, Shares } from '../../shared/domain/pricing/results';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import { getCatalogue } from '../services/catalogue-queries';
import { listDrivers } from './drivers-store';
import { pricingYears } from './reprice';
import { QUALITY_NAMES, UNITS_SQL, yuanSql } from './sql-values';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

export const SHARE_SUMS = ['cost', 'central', 'provincial', 'city', 'county']
  .map((k) => `${yuanSql(`sum(${k}_fen)`)} AS ${k}`)
  .join(', ');

export function toShares(row: PlainRow | undefined): Shares {
  const v = (k: string) => (row?.[k] === null || row?.[k] === undefined ? '0.00' : String(row[k]));
  return { cost: v('cost'), central: v('central'), provincial: v('provincial'), city: v('city'), county: v('county') };
}

export const qualityName = (code: unknown): InputQuality => QUALITY_NAMES[Number(code ?? 0)] ?? 'unverified';

/** 元 per resident per year: the cost over the residents summed over the same years, to the fen, half up. */
const PER_RESIDENT = (costFen: string, residents: string) =>
  `CASE WHEN ${residents} > 0 THEN ${yuanSql(`(CAST(${costFen} AS HUGEINT) * 2 + ${residents}) // (2 * ${residents})`)} END`;

export async function pricingSummary(db: Reader, catalogueId: string): Promise<PricingSummary> {
  const detail = await getCatalogue(db, catalogueId);
  const { fromYear, toYear } = await pricingYears(db, catalogueId);
  const drivers = await listDrivers(db, catalogueId);
  const linesOf = await db.all('SELECT item_id, count(*) AS n FROM item_cost_lines WHERE catalogue_id = $1 GROUP BY 1', [catalogueId]);
  const priced = new Set(linesOf.map((r) => String(r.item_id)));
  const unpriced = detail.items
    .filter((i) => !priced.has(i.id))
    .map((i) => ({ itemId: i.id, itemNo: i.itemNo, name: i.name, missing: drivers.has(i.id) ? missingDrivers(drivers.get(i.id)!) : [] }));
  const problems = [
    ...(await pricingProblems(db, catalogueId, unpriced.filter((u) => u.missing.length === 0 && drivers.has(u.itemId)).map((u) => u.itemId))),
    ...(await missingPopulation(db, catalogueId, fromYear, toYear)),
    ...(await partialCities(db, catalogueId)),
  ];

  const [total] = await db.all(`SELECT ${SHARE_SUMS}, max(quality) AS quality FROM item_cost_lines WHERE catalogue_id = $1`, [catalogueId]);
  const byYear = await db.all(`SELECT year, ${SHARE_SUMS} FROM item_cost_lines WHERE catalogue_id = $1 GROUP BY year ORDER BY year`, [catalogueId]);
  const byDomain = await db.all(
    `SELECT i.domain_seq, d.name, ${SHARE_SUMS} FROM item_cost_lines c JOIN items i ON i.id = c.item_id
     JOIN domains d ON d.catalogue_id = i.catalogue_id AND d.seq = i.domain_seq
     WHERE c.catalogue_id = $1 GROUP BY ALL ORDER BY i.domain_seq`,
    [catalogueId],
  );
  const byCity = await db.all(
    `WITH lines AS (
       SELECT coalesce(l.city_code, l.code) AS code, c.* FROM item_cost_lines c JOIN leaf_regions l ON l.region = c.region WHERE c.catalogue_id = $1),
     sums AS (SELECT code, ${SHARE_SUMS}, sum(cost_fen) AS cost_fen, max(quality) AS quality FROM lines GROUP BY code),
     residents AS (
       SELECT coalesce(l.city_code, l.code) AS code, sum(p.value) AS person_years, max(p.quality) AS quality
       FROM population_resolved p JOIN leaf_regions l ON l.region = p.region
       WHERE p.cohort = '常住人口' AND p.year BETWEEN $2 AND $3 AND l.region IN (SELECT DISTINCT region FROM lines)
       GROUP BY 1)
     SELECT s.*, r.name, CAST(res.person_years AS VARCHAR) AS resident_years,
            ${PER_RESIDENT('s.cost_fen', 'res.person_years')} AS per_resident, greatest(s.quality, res.quality) AS q
     FROM sums s JOIN regions r ON r.code = s.code LEFT JOIN residents res ON res.code = s.code
     ORDER BY s.code`,
    [catalogueId, fromYear, toYear],
  );
  const residentYears = byCity.reduce((n, r) => n + BigInt(String(r.resident_years ?? '0')), 0n);
  const totalFen = yuanToFen(toShares(total).cost);
  const perResident = residentYears > 0n ? fenToYuan(roundDiv(totalFen, residentYears)) : null;
  return {
    catalogueId,
    regionName: detail.summary.regionName,
    fromYear,
    toYear,
    itemCount: detail.items.length,
    pricedCount: priced.size,
    unpriced,
    problems,
    total: toShares(total),
    byYear: byYear.map((r) => ({ year: Number(r.year), ...toShares(r) })),
    byDomain: byDomain.map((r) => ({ domainSeq: Number(r.domain_seq), name: String(r.name), ...toShares(r) })),
    byCity: byCity.map(
      (r): RegionTotals => ({
        code: String(r.code),
        name: String(r.name),
        ...toShares(r),
        residentYears: r.resident_years === null ? null : String(r.resident_years),
        perResident: r.per_resident === null ? null : String(r.per_resident),
        quality: qualityName(r.q),
      }),
    ),
    perResident,
    quality: qualityName(total?.quality),
  };
}

/**
 * Regions of the catalogue where a cohort its items use has no count for some year priced (none given for
 * any year, or growth beyond tenfold): those lines are missing, and the planner must know which.
 */
async function missingPopulation(db: Reader, catalogueId: string, fromYear: number, toYear: number): Promise<string[]> {
  const rows = await db.all(
    `WITH cat AS (SELECT region_code AS root FROM catalogues WHERE id = $1),
     leaves AS (SELECT l.* FROM leaf_regions l, cat WHERE cat.root IS NULL OR l.code = cat.root OR l.top_code = cat.root OR l.city_code = cat.root),
     cohorts AS (
       SELECT DISTINCT d.cohort FROM item_drivers d JOIN items i ON i.id = d.item_id JOIN ${UNITS_SQL} ON u.unit = d.unit
       WHERE i.catalogue_id = $1 AND d.cohort IS NOT NULL AND NOT u.per_region),
     have AS (
       SELECT region, cohort, count(*) AS years FROM population_resolved
       WHERE year BETWEEN $2 AND $3 AND cohort IN (SELECT cohort FROM cohorts) GROUP BY ALL),
     gaps AS (
       SELECT k.cohort, l.name
       FROM leaves l CROSS JOIN cohorts k LEFT JOIN have h ON h.region = l.region AND h.cohort = k.cohort
       WHERE coalesce(h.years, 0) < $3 - $2 + 1)
     SELECT cohort, count(*) AS regions, string_agg(name, '、' ORDER BY name) FILTER (WHERE true) AS names FROM gaps GROUP BY cohort ORDER BY cohort`,
    [catalogueId, fromYear, toYear],
  );
  return rows.map((r) => {
    const names = String(r.names).split('、');
    const shown = names.slice(0, 5).join('、') + (names.length > 5 ? ` 等 ${names.length} 个地区` : '');
    return `“${String(r.cohort)}”在 ${shown} 缺少测算年度的人数（没有统计，也没有可用的比例），缺的年份未计入测算：请导入人数或设置该人群占常住人口的比例。`;
  });
}

/**
 * A city whose counties were imported is priced through them alone: when their residents fall well short
 * of (or exceed) the city's own count, some counties are probably missing, and the totals with them.
 */
async function partialCities(db: Reader, catalogueId: string): Promise<string[]> {
  const rows = await db.all(
    `WITH cat AS (SELECT region_code AS root FROM catalogues WHERE id = $1),
     latest AS (SELECT region_code, arg_max(value, year) AS value, max(year) AS year FROM population WHERE cohort = '常住人口' GROUP BY 1),
     kids AS (
       SELECT r.parent_code AS city, count(*) AS counties, sum(lt.value) AS people
       FROM regions r LEFT JOIN latest lt ON lt.region_code = r.code, cat
       WHERE r.level = 'county' AND (cat.root IS NULL OR r.parent_code = cat.root OR substr(r.parent_code, 1, 2) = substr(cat.root, 1, 2))
       GROUP BY 1)
     SELECT c.name, k.counties, CAST(k.people AS VARCHAR) AS people, CAST(own.value AS VARCHAR) AS own, own.year
     FROM kids k JOIN regions c ON c.code = k.city JOIN latest own ON own.region_code = k.city
     WHERE abs(coalesce(k.people, 0) - own.value) * 10 > own.value
     ORDER BY c.code`,
    [catalogueId],
  );
  return rows.map(
    (r) =>
      `${String(r.name)}已导入 ${String(r.counties)} 个县区，常住人口合计 ${formatCount(String(r.people ?? 0))} 人，与全市 ${String(r.year)} 年的 ${formatCount(String(r.own))} 人相差一成以上：测算只计入已导入的县区，请核对是否缺了县区或人数。`,
  );
}

/**
 * Why items whose drivers are complete still have no lines, in the planner's words: a cohort no region
 * has, a rule with no row for some regions, a province with no tier, an amount that falls below zero.
 */
async function pricingProblems(db: Reader, catalogueId: string, itemIds: string[]): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const rows = await db.all(
    `SELECT i.name, row_number() OVER () AS n, d.cohort, d.split_rule_id,
            (SELECT count(*) FROM population_resolved p WHERE p.cohort = d.cohort) AS people,
            (SELECT count(*) FROM split_rule_rows r WHERE r.rule_id = d.split_rule_id AND r.county_class IS NULL AND r.grade IS NULL) AS default_rows
     FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE d.item_id IN (${itemIds.map((_, k) => `$${k + 1}`).join(', ')})`,
    itemIds,
  );
  return rows.map((r) => {
    const name = `“${String(r.name)}”`;
    if (r.cohort !== null && Number(r.people) === 0) return `${name}：还没有任何地区有“${String(r.cohort)}”的人数，请导入人口或设置该人群占常住人口的比例。`;
    if (Number(r.default_rows) === 0) return `${name}：分担规则没有适用于部分地区（类别或档次未设置）的行，请在规则中加一行默认比例，或为这些地区设置类别和档次。`;
    return `${name}：参数齐全但没有算出金额，请检查标准年份和每年增减是否使某年的补助标准低于 0。`;
  });
}
