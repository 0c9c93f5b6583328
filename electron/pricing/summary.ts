// The aggregates the 测算 view shows: totals by year, 领域 and city, cost per resident, and what is not
// priced and why. Sums run in DuckDB over the cost lines; only these few rows cross to the renderer.
import { roundDiv } from '../../shared/domain/pricing/decimal';
import { amountProblems, driverIsSet, missingDrivers } from '../../shared/domain/pricing/drivers';
import { fenToYuan, formatCount } from '../../shared/domain/pricing/money';
import type { InputQuality, PricingSummary, RegionTotals, Shares } from '../../shared/domain/pricing/results';
import { INPUT_QUALITIES } from '../../shared/domain/pricing/results';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import { getCatalogue } from '../services/catalogue-queries';
import { listDrivers } from './drivers-store';
import { pricingYears } from './reprice';
import { UNITS_SQL, yuanSql } from './sql-values';
import { leavesOutSql } from '../seeds/census-names';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

export const SHARE_SUMS = ['cost', 'central', 'provincial', 'city', 'county']
  .map((k) => `${yuanSql(`sum(${k}_fen)`)} AS ${k}`)
  .join(', ');

export function toShares(row: PlainRow | undefined): Shares {
  const v = (k: string) => (row?.[k] === null || row?.[k] === undefined ? '0.00' : String(row[k]));
  return { cost: v('cost'), central: v('central'), provincial: v('provincial'), city: v('city'), county: v('county') };
}

export const qualityName = (code: unknown): InputQuality => INPUT_QUALITIES[Number(code ?? 0)] ?? 'unverified';

const SHARE_KEYS = ['cost', 'central', 'provincial', 'city', 'county'] as const;
type FenShares = Record<(typeof SHARE_KEYS)[number], bigint>;
const noFen = (): FenShares => ({ cost: 0n, central: 0n, provincial: 0n, city: 0n, county: 0n });
/** A row's sums in fen (exact: DuckDB's integers come back as numbers only while they are safe). */
function fenOf(row: PlainRow): FenShares {
  const [cost, central, provincial, city] = (['cost', 'central', 'provincial', 'city'] as const).map((k) => BigInt(String(row[k] ?? 0)));
  return { cost: cost!, central: central!, provincial: provincial!, city: city!, county: cost! - central! - provincial! - city! };
}
function addFen(into: FenShares, row: FenShares): FenShares {
  for (const k of SHARE_KEYS) into[k] += row[k];
  return into;
}
const yuanShares = (fen: FenShares): Shares => ({
  cost: fenToYuan(fen.cost),
  central: fenToYuan(fen.central),
  provincial: fenToYuan(fen.provincial),
  city: fenToYuan(fen.city),
  county: fenToYuan(fen.county),
});

// GROUPING(item_key, region, year) of each grouping set below.
const BY_ITEM = 3;
const BY_REGION = 5;
const BY_YEAR = 6;
const ALL = 7;

/**
 * The catalogue's lines summed by item, by leaf region and by year, and in all, in one pass over them (the
 * million lines of a national model are read once, not once per table shown), in fen; the county's part is
 * what the others leave. Each region row carries the city it counts under and its residents over the years
 * priced.
 */
async function lineSums(db: Reader, catalogueId: string, fromYear: number, toYear: number) {
  return db.all(
    `WITH keys AS (SELECT d.key, d.item_id FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $1),
     sums AS (
       SELECT c.item_key, c.region, c.year, GROUPING(c.item_key, c.region, c.year) AS grouped,
              sum(c.cost_fen) AS cost, sum(c.central_fen) AS central, sum(c.provincial_fen) AS provincial,
              sum(c.city_fen) AS city, max(c.quality) AS quality
       FROM cost_lines c WHERE c.item_key IN (SELECT key FROM keys)
       GROUP BY GROUPING SETS ((c.item_key), (c.region), (c.year), ())),
     residents AS (
       SELECT region, sum(value) AS person_years, max(quality) AS quality FROM population_resolved
       WHERE cohort = '常住人口' AND year BETWEEN $2 AND $3 GROUP BY 1)
     SELECT s.*, k.item_id, coalesce(l.city_code, l.code) AS city_code, cr.name AS city_name,
            r.person_years, r.quality AS resident_quality
     FROM sums s LEFT JOIN keys k ON k.key = s.item_key
     LEFT JOIN leaf_regions l ON l.region = s.region LEFT JOIN regions cr ON cr.code = coalesce(l.city_code, l.code)
     LEFT JOIN residents r ON r.region = s.region`,
    [catalogueId, fromYear, toYear],
  );
}

/** The cities' rows: their lines and residents summed, cost per resident per year to the fen, half up. */
function cityTotals(regionRows: PlainRow[]): RegionTotals[] {
  const cities = new Map<string, { name: string; fen: FenShares; residents: bigint | null; quality: number }>();
  for (const r of regionRows) {
    const code = String(r.city_code);
    const city = cities.get(code) ?? { name: String(r.city_name), fen: noFen(), residents: null, quality: 0 };
    addFen(city.fen, fenOf(r));
    if (r.person_years !== null && r.person_years !== undefined) city.residents = (city.residents ?? 0n) + BigInt(String(r.person_years));
    city.quality = Math.max(city.quality, Number(r.quality ?? 0), Number(r.resident_quality ?? 0));
    cities.set(code, city);
  }
  return [...cities.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, c]) => ({
      code,
      name: c.name,
      ...yuanShares(c.fen),
      residentYears: c.residents === null ? null : String(c.residents),
      perResident: c.residents !== null && c.residents > 0n ? fenToYuan(roundDiv(c.fen.cost, c.residents)) : null,
      quality: qualityName(c.quality),
    }));
}

/** The region name of a catalogue for the whole country: priced over every region, as it should be. */
const NATIONWIDE = '全国';

export async function pricingSummary(db: Reader, catalogueId: string): Promise<PricingSummary> {
  const detail = await getCatalogue(db, catalogueId);
  const { fromYear, toYear } = await pricingYears(db, catalogueId);
  const drivers = await listDrivers(db, catalogueId);
  const sums = await lineSums(db, catalogueId, fromYear, toYear);
  const rowsOf = (grouped: number) => sums.filter((r) => Number(r.grouped) === grouped);
  const itemRows = rowsOf(BY_ITEM);
  const priced = new Set(itemRows.map((r) => String(r.item_id)));
  const unpriced = detail.items
    .filter((i) => !priced.has(i.id))
    .map((i) => {
      const driver = drivers.get(i.id);
      return { itemId: i.id, itemNo: i.itemNo, name: i.name, missing: driver ? missingDrivers(driver) : [], set: driver ? driverIsSet(driver) : false };
    });
  const amountSaid = new Map(
    detail.items
      .map((i) => [i.id, drivers.has(i.id) ? amountProblems(`第${i.itemNo}项“${i.name}”`, drivers.get(i.id)!, { fromYear, toYear }) : []] as const)
      .filter(([, said]) => said.length > 0),
  );
  const { regionCode, regionName } = detail.summary;
  const problems = [
    // A catalogue of a region the regions table does not know is priced over every region there is.
    ...(regionCode === null && regionName !== NATIONWIDE
      ? [`这份清单的行政区“${regionName}”不在行政区表中（没有区划代码），测算按全部已导入的行政区计算。要只按一个省测算，请基于这份清单新建草案，行政区写已有的省（如 河北省）。`]
      : []),
    ...[...amountSaid.values()].flat(),
    // An item whose every year fell below zero was told so just above.
    ...(await pricingProblems(db, catalogueId, unpriced.filter((u) => u.missing.length === 0 && drivers.has(u.itemId) && !amountSaid.has(u.itemId)).map((u) => u.itemId))),
    ...(await missingPopulation(db, catalogueId, fromYear, toYear)),
    ...(await uncoveredRegions(db, catalogueId)),
    ...(await partialCities(db, catalogueId)),
  ];

  const [total] = rowsOf(ALL);
  const domainOf = new Map(detail.items.map((i) => [i.id, i.domainSeq]));
  const domainFen = new Map<number, FenShares>();
  for (const r of itemRows) {
    const seq = domainOf.get(String(r.item_id))!;
    domainFen.set(seq, addFen(domainFen.get(seq) ?? noFen(), fenOf(r)));
  }
  const byCity = cityTotals(rowsOf(BY_REGION));
  const residentYears = byCity.reduce((n, r) => n + BigInt(r.residentYears ?? '0'), 0n);
  const totalFen = total ? fenOf(total) : noFen();
  const perResident = residentYears > 0n ? fenToYuan(roundDiv(totalFen.cost, residentYears)) : null;
  return {
    catalogueId,
    regionName: detail.summary.regionName,
    fromYear,
    toYear,
    itemCount: detail.items.length,
    pricedCount: priced.size,
    unpriced,
    problems,
    total: yuanShares(totalFen),
    byYear: rowsOf(BY_YEAR)
      .map((r) => ({ year: Number(r.year), ...yuanShares(fenOf(r)) }))
      .sort((a, b) => a.year - b.year),
    byDomain: detail.domains
      .filter((d) => domainFen.has(d.seq))
      .map((d) => ({ domainSeq: d.seq, name: d.name, ...yuanShares(domainFen.get(d.seq)!) })),
    byCity,
    perResident,
    quality: qualityName(total?.quality),
  };
}

/** `leaves`: the leaf regions of catalogue $1 (under its region; all of them for a national one), with `cat`. */
const CATALOGUE_LEAVES = `cat AS (SELECT region_code AS root FROM catalogues WHERE id = $1),
     leaves AS (SELECT l.* FROM leaf_regions l, cat WHERE cat.root IS NULL OR l.code = cat.root OR l.top_code = cat.root OR l.city_code = cat.root)`;

/** A cohort the catalogue's items use that some of its regions lack for a year priced: those lines are missing. */
export interface PopulationGap {
  cohort: string;
  /** How many leaf regions lack it. */
  regions: number;
  /** The first five of them by name, joined with 、. */
  names: string;
}

/**
 * Regions of the catalogue where a cohort its items use has no count for some year priced (none given for
 * any year, or growth beyond tenfold), by cohort.
 */
export async function populationGaps(db: Reader, catalogueId: string, fromYear: number, toYear: number): Promise<PopulationGap[]> {
  const rows = await db.all(
    `WITH ${CATALOGUE_LEAVES},
     cohorts AS (
       SELECT DISTINCT d.cohort FROM item_drivers d JOIN items i ON i.id = d.item_id JOIN ${UNITS_SQL} ON u.unit = d.unit
       WHERE i.catalogue_id = $1 AND d.cohort IS NOT NULL AND NOT u.per_region
         -- A cohort no region has at all is said once, item by item (pricingProblems).
         AND d.cohort IN (SELECT DISTINCT cohort FROM population_resolved)),
     have AS (
       SELECT region, cohort, count(*) AS years FROM population_resolved
       WHERE year BETWEEN $2 AND $3 AND cohort IN (SELECT cohort FROM cohorts) GROUP BY ALL),
     gaps AS (
       SELECT k.cohort, l.name, l.code
       FROM leaves l CROSS JOIN cohorts k LEFT JOIN have h ON h.region = l.region AND h.cohort = k.cohort
       WHERE coalesce(h.years, 0) < $3 - $2 + 1)
     SELECT cohort, count(*) AS regions, array_to_string(list(name ORDER BY code)[1:5], '、') AS names FROM gaps GROUP BY cohort ORDER BY cohort`,
    [catalogueId, fromYear, toYear],
  );
  // Named in the order of their codes, as the statistics list them. Counted in SQL: a region's own name may
  // hold 、 (保定市(不含定州、雄安)).
  return rows.map((r) => ({ cohort: String(r.cohort), regions: Number(r.regions), names: String(r.names) }));
}

async function missingPopulation(db: Reader, catalogueId: string, fromYear: number, toYear: number): Promise<string[]> {
  return (await populationGaps(db, catalogueId, fromYear, toYear)).map((g) => {
    const shown = g.names + (g.regions > 5 ? ` 等 ${g.regions} 个地区` : '');
    return `“${g.cohort}”在 ${shown} 缺少测算年度的人数（没有统计，也没有可用的比例），缺的年份未计入测算：请导入人数或设置该人群占常住人口的比例。`;
  });
}

/**
 * Regions of the catalogue where a rule its items use has no row: a rule saved before every rule needed a row
 * for any class and grade (ruleProblems) leaves them out of the items that use it, and the totals with them.
 */
async function uncoveredRegions(db: Reader, catalogueId: string): Promise<string[]> {
  const rows = await db.all(
    `WITH ${CATALOGUE_LEAVES},
     used AS (
       SELECT d.split_rule_id AS rule_id, count(*) AS items FROM item_drivers d JOIN items i ON i.id = d.item_id
       -- Items priced somewhere: one priced nowhere is said by pricingProblems.
       WHERE i.catalogue_id = $1 AND d.split_rule_id IS NOT NULL AND EXISTS (SELECT 1 FROM cost_lines c WHERE c.item_key = d.key) GROUP BY 1),
     gaps AS (
       SELECT u.rule_id, u.items, l.name, l.code FROM used u CROSS JOIN leaves l
       WHERE NOT EXISTS (SELECT 1 FROM rule_leaf_terms t WHERE t.rule_id = u.rule_id AND t.region = l.region))
     SELECT s.name AS rule, g.items, count(*) AS regions, array_to_string(list(g.name ORDER BY g.code)[1:5], '、') AS names
     FROM gaps g JOIN split_rules s ON s.id = g.rule_id GROUP BY ALL ORDER BY s.name`,
    [catalogueId],
  );
  return rows.map(
    (r) =>
      `分担规则“${String(r.rule)}”没有适用于 ${String(r.names)}${Number(r.regions) > 5 ? ` 等 ${String(r.regions)} 个地区` : ''}的行（类别或档次不在所列之中），用它的 ${String(r.items)} 个服务项目在这些地区没有计入测算：请在规则中加一行类别、等级都留空的“其他地区”行。`,
  );
}

/**
 * A city whose counties were imported is priced through them alone: when their residents fall well short
 * of (or exceed) the city's own count, some counties are probably missing, and the totals with them.
 */
async function partialCities(db: Reader, catalogueId: string): Promise<string[]> {
  const rows = await db.all(
    `WITH cat AS (SELECT region_code AS root FROM catalogues WHERE id = $1),
     latest AS (SELECT region_code, arg_max(value, year) AS value, max(year) AS year, arg_max(source, year) AS source FROM population WHERE cohort = '常住人口' GROUP BY 1),
     -- Each county's count of the city's own year, else of the year nearest it (the later on a tie): counts of
     -- different years are not added up as one year's.
     nearest AS (
       SELECT p.region_code, arg_min(p.value, abs(p.year - own.year) * 10000 - p.year) AS value,
              arg_min(p.year, abs(p.year - own.year) * 10000 - p.year) AS year, any_value(own.year) AS city_year
       FROM population p JOIN regions r ON r.code = p.region_code JOIN latest own ON own.region_code = r.parent_code
       WHERE p.cohort = '常住人口' GROUP BY 1),
     kids AS (
       SELECT r.parent_code AS city, count(*) AS counties, sum(n.value) AS people, count(*) FILTER (WHERE n.year <> n.city_year) AS other_years
       FROM regions r LEFT JOIN nearest n ON n.region_code = r.code, cat
       WHERE r.level = 'county' AND (cat.root IS NULL OR r.parent_code = cat.root OR substr(r.parent_code, 1, 2) = substr(cat.root, 1, 2))
       GROUP BY 1)
     -- What the city's own count leaves out (the census's 石家庄市 不含辛集, census-names.ts), said beside it.
     SELECT c.name, k.counties, k.other_years, CAST(k.people AS VARCHAR) AS people, CAST(own.value AS VARCHAR) AS own, own.year,
            ${leavesOutSql('own.source')} AS leaves_out
     FROM kids k JOIN regions c ON c.code = k.city JOIN latest own ON own.region_code = k.city
     WHERE abs(coalesce(k.people, 0) - own.value) * 10 > own.value
     ORDER BY c.code`,
    [catalogueId],
  );
  return rows.map(
    (r) =>
      `${String(r.name)}已导入 ${String(r.counties)} 个县区，${String(r.year)} 年常住人口合计 ${formatCount(String(r.people ?? 0))} 人${Number(r.other_years) > 0 ? `（其中 ${String(r.other_years)} 个县区没有 ${String(r.year)} 年的人数，取最接近年份的）` : ''}，与全市 ${String(r.year)} 年的 ${formatCount(String(r.own))} 人${r.leaves_out === null ? '' : `（${String(r.leaves_out)}）`}相差一成以上：测算只计入已导入的县区，请核对是否缺了县区或人数。`,
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
    if (Number(r.default_rows) === 0) return `${name}：分担规则没有适用于部分地区（类别或档次未设置）的行，请在规则中加一行类别、等级都留空的“其他地区”行，或为这些地区设置类别和档次。`;
    return `${name}：参数齐全但没有算出金额，请检查标准年份和每年增减是否使某年的补助标准低于 0。`;
  });
}
