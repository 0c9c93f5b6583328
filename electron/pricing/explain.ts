// Any figure, explained: the lines behind it, each with the chain population × coverage × amount ×
// periods, the rule row that applied and its shares, and the source and quality of every input.
import { plainDecimal } from '../../shared/domain/pricing/decimal';
import { DRIVER_FIELD_LABELS, amountFenInYear, coveragePercent, driverUnit } from '../../shared/domain/pricing/drivers';
import type { ItemDriver } from '../../shared/domain/pricing/drivers';
import { fenToYuan } from '../../shared/domain/pricing/money';
import type { ExplainLine, Explanation, PopulationInput } from '../../shared/domain/pricing/results';
import { ruleRowScope } from '../../shared/domain/pricing/split-rules';
import type { SplitRule } from '../../shared/domain/pricing/split-rules';
import type { Database } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import { getCatalogue } from '../services/catalogue-queries';
import { getDriver } from './drivers-store';
import { getRule } from './rules';
import { SHARE_SUMS, qualityName, toShares } from './summary';
import { populationMethodSql } from './population';

/**
 * Lines an explanation lists (the largest first; the panel shows them as a table by region and year): a
 * province's cities over a plan period fit (24 × 5), a county-level model shows its largest lines.
 */
const SHOWN_LINES = 120;

export interface ExplainRequest {
  catalogueId: string;
  itemId: string | null;
  regionCode: string | null;
  year: number | null;
}

export async function explainFigure(db: Database, request: ExplainRequest): Promise<Explanation> {
  const detail = await getCatalogue(db, request.catalogueId);
  const filters = ['c.catalogue_id = $1'];
  const params: (string | number)[] = [request.catalogueId];
  if (request.itemId) filters.push(`c.item_id = $${params.push(request.itemId)}`);
  if (request.regionCode) {
    const n = params.push(request.regionCode);
    filters.push(`(l.code = $${n} OR l.city_code = $${n} OR l.province_code = $${n})`);
  }
  if (request.year !== null) filters.push(`c.year = $${params.push(request.year)}`);
  const from = `FROM item_cost_lines c JOIN leaf_regions l ON l.region = c.region WHERE ${filters.join(' AND ')}`;
  const [total] = await db.all(`SELECT ${SHARE_SUMS}, CAST(sum(c.beneficiaries) AS VARCHAR) AS beneficiaries, count(*) AS n ${from}`, params);
  const count = Number(total?.n ?? 0);

  const item = request.itemId ? detail.items.find((i) => i.id === request.itemId) : undefined;
  const [region] = request.regionCode ? await db.all('SELECT name FROM regions WHERE code = $1', [request.regionCode]) : [];
  const title = [
    item ? `第${item.itemNo}项 ${item.name}` : `${detail.summary.name} 全部已测算项目`,
    region ? String(region.name) : detail.summary.regionName,
    request.year !== null ? `${request.year}年` : '测算各年合计',
  ].join(' · ');

  const items = request.itemId
    ? []
    : (await db.all(`SELECT c.item_id, ${SHARE_SUMS} ${from} GROUP BY c.item_id ORDER BY sum(c.cost_fen) DESC`, params)).map((r) => {
        const it = detail.items.find((i) => i.id === r.item_id);
        return { itemId: String(r.item_id), itemNo: it?.itemNo ?? 0, name: it?.name ?? String(r.item_id), shares: toShares(r) };
      });

  let lines: ExplainLine[] = [];
  let formula: string[] = [];
  if (item) {
    const driver = await getDriver(db, item.id);
    const rule = driver.splitRuleId ? await getRule(db, driver.splitRuleId) : null;
    const perRegion = driverUnit(driver.unit)?.basis === 'per_region';
    formula = driver.unitAmount === null ? [] : [
      perRegion
        ? `每个地区每年金额 = ${DRIVER_FIELD_LABELS.unitAmount}（${driver.unitAmount} ${driver.unit}）× 每年期数`
        : `受益人数 = ${driver.cohort}人数 × ${DRIVER_FIELD_LABELS.coverage} ${coveragePercent(driver.coverage ?? '1')}（四舍五入到人）`,
      `当年补助标准 = ${driver.unitAmount} 元${driver.yearlyChange ? ` + ${driver.yearlyChange} 元 ×（年度 − ${driver.baseYear ?? '标准年份'}）` : ''}`,
      perRegion ? '金额 = 当年标准 × 每年期数' : `金额 = 受益人数 × 当年补助标准 × 每年期数（${driver.periodsPerYear ?? driverUnit(driver.unit)?.periods ?? '1'}），四舍五入到分`,
      `中央 = 金额 × 中央分担比例；其余由省、市、县按规则“${rule?.name ?? driver.splitRuleId ?? ''}”的权重依次分摊，县级取余数，四项之和等于金额`,
    ];
    const rows = await db.all(
      `SELECT c.*, l.code, l.name AS region_name, l.county_class, l.grade, l.province_code, l.growth_pct, l.growth_from,
              p.value AS pop, ${populationMethodSql('p')} AS method, p.from_year, p.share_from, p.quality AS pop_quality,
              src.source AS pop_source, CAST(src.value AS VARCHAR) AS counted_value, sh.share_pct, sh.base_cohort, sh.source AS share_source, sf.name AS share_from_name,
              CAST(b.value AS VARCHAR) AS base_value, b.from_year AS base_year, CASE WHEN b.share_from IS NOT NULL THEN '按人群比例推算' ELSE bs.source END AS base_source,
              t.tier, t.source AS tier_source,
              r.county_class AS row_class, r.grade AS row_grade, r.central_by_tier, r.provincial, r.city, r.county, rt.rule_quality, rt.own_quality,
              CAST(CAST(rt.central_u AS DECIMAL(18,0)) * CAST(0.0001 AS DECIMAL(5,4)) AS DECIMAL(9,4)) AS rule_central_pct,
              ${['cost', 'central', 'provincial', 'city', 'county'].map((k) => `CAST(c.${k}_fen AS VARCHAR) AS ${k}_f`).join(', ')}
       ${from.replace('WHERE', `
       LEFT JOIN population_resolved p ON p.region = c.region AND p.cohort = $${params.length + 1} AND p.year = c.year
       LEFT JOIN population src ON src.region_code = l.code AND src.cohort = $${params.length + 1} AND src.year = p.from_year
       LEFT JOIN cohort_shares sh ON sh.region_code = p.share_from AND sh.cohort = $${params.length + 1}
       LEFT JOIN regions sf ON sf.code = p.share_from
       LEFT JOIN population_resolved b ON b.region = c.region AND b.cohort = sh.base_cohort AND b.year = c.year
       LEFT JOIN population bs ON bs.region_code = l.code AND bs.cohort = sh.base_cohort AND bs.year = b.from_year
       LEFT JOIN ref_fiscal_tiers t ON t.province_code = l.province_code
       LEFT JOIN rule_leaf_terms rt ON rt.rule_id = $${params.length + 2} AND rt.region = c.region
       LEFT JOIN split_rule_rows r ON r.rule_id = $${params.length + 2} AND r.seq = rt.seq
       WHERE`)}
       ORDER BY c.cost_fen DESC, c.region, c.year LIMIT ${SHOWN_LINES}`,
      [...params, driver.cohort ?? '', driver.splitRuleId ?? ''],
    );
    lines = rows.map((r) => toLine(r, driver, driver.periodsPerYear ?? driverUnit(driver.unit)?.periods ?? '1', rule));
  }
  return {
    title,
    total: toShares(total),
    // People reached add up within one item only (students and the elderly of two items are no one count).
    beneficiaries: !item || total?.beneficiaries === null || total?.beneficiaries === undefined ? null : String(total.beneficiaries),
    formula,
    lines,
    more: item ? Math.max(0, count - lines.length) : 0,
    items,
  };
}

function toLine(r: PlainRow, driver: ItemDriver, periods: string, rule: Pick<SplitRule, 'id' | 'name' | 'source' | 'note' | 'rows'> | null): ExplainLine {
  const { cohort, coverage } = driver;
  const manual = driver.centralPct !== null;
  const fen = (k: string) => fenToYuan(BigInt(String(r[`${k}_f`])));
  const grown = r.method === 'grown' || (r.method === 'share' && r.base_year !== null && Number(r.base_year) !== Number(r.year));
  const population: PopulationInput | null =
    r.pop === null || cohort === null
      ? null
      : {
          cohort,
          value: String(r.pop),
          method: String(r.method) as PopulationInput['method'],
          fromYear: r.from_year === null ? null : Number(r.from_year),
          // Grown, or a share of a base grown in this leaf (its count of another year): the leaf's rate either way.
          growthPct: grown ? plainDecimal(String(r.growth_pct)) : null,
          growthFrom: grown && r.growth_from !== null ? String(r.growth_from) : null,
          shareOf: r.base_cohort === null ? null : String(r.base_cohort),
          sharePct: r.share_pct === null ? null : plainDecimal(String(r.share_pct)),
          shareFrom: r.share_from === null || r.share_from === r.code ? null : String(r.share_from_name ?? r.share_from),
          quality: qualityName(r.pop_quality),
          source: r.method === 'share' ? `按人群比例推算${r.share_source ? `（比例出处：${String(r.share_source)}）` : ''}` : String(r.pop_source ?? ''),
          base:
            r.method === 'grown' && r.counted_value !== null
              ? { value: String(r.counted_value), year: r.from_year === null ? null : Number(r.from_year), source: String(r.pop_source ?? '') }
              : r.method === 'share' && r.base_value !== null
                ? { value: String(r.base_value), year: r.base_year === null ? null : Number(r.base_year), source: String(r.base_source ?? '') }
                : null,
        };
  const rowLabel = ruleRowScope(r.row_class === null ? null : String(r.row_class), r.row_grade === null ? null : Number(r.row_grade), rule?.rows.length === 1);
  return {
    regionCode: String(r.code),
    region: String(r.region_name),
    countyClass: r.county_class === null ? null : (String(r.county_class) as ExplainLine['countyClass']),
    grade: r.grade === null ? null : Number(r.grade),
    year: Number(r.year),
    population,
    coverage,
    beneficiaries: r.beneficiaries === null ? null : String(r.beneficiaries),
    amount: fenToYuan(amountFenInYear(driver, Number(r.year))),
    periods,
    cost: fen('cost'),
    central: fen('central'),
    provincial: fen('provincial'),
    city: fen('city'),
    county: fen('county'),
    rule: {
      id: rule?.id ?? '',
      name: rule?.name ?? '',
      row: rowLabel,
      centralPct: manual ? plainDecimal(driver.centralPct!) : plainDecimal(String(r.rule_central_pct)),
      centralFrom: manual ? 'manual' : r.central_by_tier ? 'tier' : 'rule',
      tier: r.tier === null ? null : Number(r.tier),
      tierSource: r.central_by_tier && !manual ? String(r.tier_source ?? '') : null,
      weights: {
        provincial: plainDecimal(String(r.provincial ?? '0')),
        city: r.county_class === '省直管县' ? '0' : plainDecimal(String(r.city ?? '0')),
        county: plainDecimal(String(r.county ?? '0')),
      },
      source: rule?.source ?? '',
      note: rule?.note ?? null,
      // As the line's own quality counts it: a central share by hand leaves only the rule's own status.
      quality: qualityName(manual ? r.own_quality : r.rule_quality),
    },
  };
}

