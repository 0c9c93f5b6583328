import type { FiscalTier, NationalStandard, PopulationRow, ReferenceData } from '../../shared/domain/reference';
import type { PlanIndicator } from '../../shared/domain/indicator';
import type { Comparator } from '../../shared/domain/indicator';
import type { ProvenanceStatus } from '../../shared/domain/provenance';
import type { IndicatorTable } from '../../shared/contract';
import type { Database } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import { text, textOrNull } from '../db/row-values';


/** The national standards by year (the 参考数据 page; the pricing's suggestions and 对标). */
export async function listNationalStandards(db: Pick<Database, 'all'>): Promise<NationalStandard[]> {
  const standards = await db.all('SELECT * FROM ref_national_standards ORDER BY standard, year');
  return standards.map(
    (r): NationalStandard => ({
      standard: text(r.standard),
      unit: text(r.unit),
      year: Number(r.year),
      amountText: text(r.amount_text),
      amount: textOrNull(r.amount),
      source: text(r.source),
      status: text(r.status) as ProvenanceStatus,
    }),
  );
}

export async function getReferenceData(db: Pick<Database, 'all'>): Promise<ReferenceData> {
  const tiers = await db.all('SELECT * FROM ref_fiscal_tiers ORDER BY province_code');
  const population = await db.all(
    `SELECT * FROM ref_population ORDER BY coalesce(parent_code, region_code), parent_code NULLS FIRST, region_code`,
  );
  return {
    fiscalTiers: tiers.map(
      (r): FiscalTier => ({
        provinceCode: text(r.province_code),
        province: text(r.province),
        tier: Number(r.tier),
        centralSharePct: text(r.central_share_pct),
        source: text(r.source),
        status: text(r.status) as ProvenanceStatus,
      }),
    ),
    population: population.map(
      (r): PopulationRow => ({
        regionCode: text(r.region_code),
        region: text(r.region),
        parentCode: textOrNull(r.parent_code),
        level: text(r.level) as PopulationRow['level'],
        population: Number(r.population),
        share0to14Pct: textOrNull(r.share_0_14_pct),
        share15to59Pct: textOrNull(r.share_15_59_pct),
        share60PlusPct: textOrNull(r.share_60_plus_pct),
        share65PlusPct: textOrNull(r.share_65_plus_pct),
        source: text(r.source),
        status: text(r.status) as ProvenanceStatus,
      }),
    ),
    nationalStandards: await listNationalStandards(db),
  };
}

function value(r: PlainRow, prefix: 'baseline' | 'target') {
  return {
    raw: text(r[`${prefix}_raw`]),
    value: textOrNull(r[`${prefix}_value`]),
    comparator: textOrNull(r[`${prefix}_comparator`]) as Comparator | null,
    percent: Boolean(r[`${prefix}_percent`]),
    marks: text(r[`${prefix}_marks`]),
  };
}

export async function listIndicators(db: Pick<Database, 'all'>, documentId: string): Promise<IndicatorTable> {
  const rows = await db.all('SELECT * FROM plan_indicators WHERE document_id = $1 ORDER BY seq', [documentId]);
  const notes = await db.all('SELECT text FROM plan_indicator_notes WHERE document_id = $1 ORDER BY seq', [documentId]);
  const indicators = rows.map((r): PlanIndicator => ({
    documentId: text(r.document_id),
    seq: Number(r.seq),
    category: text(r.category),
    name: text(r.name),
    nameMarks: text(r.name_marks),
    baselineYear: Number(r.baseline_year),
    baseline: value(r, 'baseline'),
    targetYear: Number(r.target_year),
    target: value(r, 'target'),
    attribute: textOrNull(r.attribute),
  }));
  return { indicators, notes: notes.map((n) => text(n.text)) };
}
