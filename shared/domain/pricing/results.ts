// What the pricing model answers, as the renderer and the CLI receive it. Money is 元 as a decimal string
// with two places; only aggregates cross the boundary, never the cost lines themselves.
import type { DriverField, ItemDriver } from './drivers';
import type { CountyClass, RegionLevel } from './regions';
import type { SplitRule } from './split-rules';
import type { DriverSuggestion, RuleSuggestion } from './suggest';

export const LEVELS = ['central', 'provincial', 'city', 'county'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { central: '中央', provincial: '省级', city: '市级', county: '县级' };

export interface Shares {
  cost: string;
  central: string;
  provincial: string;
  city: string;
  county: string;
}

/** Whether the inputs behind a figure are all published, or some are estimated or unverified. */
export type InputQuality = 'sourced' | 'estimated' | 'unverified';
/** From best to worst: a figure is as good as the worst of its inputs (cost lines carry the index). */
export const INPUT_QUALITIES: readonly InputQuality[] = ['sourced', 'estimated', 'unverified'];
export function worseQuality(a: InputQuality | null, b: InputQuality | null): InputQuality | null {
  if (a === null || b === null) return a ?? b;
  return INPUT_QUALITIES.indexOf(a) >= INPUT_QUALITIES.indexOf(b) ? a : b;
}
export const INPUT_QUALITY_LABELS: Record<InputQuality, string> = { sourced: '有出处', estimated: '含估算', unverified: '含待核实' };
/** What the mark means, shown when the planner points at it. */
export const INPUT_QUALITY_HINTS: Record<InputQuality, string> = {
  sourced: '所用的人口、比例和分担规则都注明了出处',
  estimated: '部分人数是推算的（缺少的年份按人口年增长率推算，或沿用上级的人群比例）：点击数字可查看是哪一项',
  unverified: '部分输入（人数、人群比例或分担规则）尚未与正式文件核对：点击数字可查看标为待核实的是哪一项，发布前请核实',
};

export type PricingStatus = 'priced' | 'incomplete' | 'not_set';

export interface PricingItemRow {
  itemId: string;
  itemNo: number;
  domainSeq: number;
  name: string;
  targetGroup: string | null;
  standard: string | null;
  fundingResponsibility: string | null;
  driver: ItemDriver;
  status: PricingStatus;
  missing: DriverField[];
  suggestion: DriverSuggestion | null;
  ruleSuggestion: RuleSuggestion | null;
  /** Beneficiaries in the first year priced (persons), null when not priced per person. */
  beneficiaries: string | null;
  /** Sums over the years priced; null when not priced. */
  totals: Shares | null;
  quality: InputQuality | null;
  /**
   * Regions under the catalogue lacking the item's cohort for some year priced: priced, its figure leaves
   * them out (0 when none).
   */
  gapRegions: number;
}

export interface PricingItems {
  catalogueId: string;
  fromYear: number;
  toYear: number;
  items: PricingItemRow[];
  rules: SplitRule[];
  /** The 6-digit code of the catalogue's province (null: national): its rules and the shared ones are offered. */
  provinceCode: string | null;
  /** Cohorts known for the catalogue's regions, for the 服务人群 picker. */
  cohorts: string[];
  /** Cohorts some region has a count or a share of: one suggested outside them would price nothing yet. */
  countedCohorts: string[];
  /** Province names by code (the fiscal tiers' table): a rule says whose it is by name. */
  provinces: Record<string, string>;
}

export interface YearTotals extends Shares {
  year: number;
}
export interface DomainTotals extends Shares {
  domainSeq: number;
  name: string;
}
export interface RegionTotals extends Shares {
  code: string;
  name: string;
  /** Residents summed over the years priced (person-years), for cost per resident. */
  residentYears: string | null;
  /** 元 per resident per year, two places; null when the residents are unknown. */
  perResident: string | null;
  quality: InputQuality;
}

export interface PricingSummary {
  catalogueId: string;
  regionName: string;
  fromYear: number;
  toYear: number;
  itemCount: number;
  pricedCount: number;
  /** Items that cannot be priced yet and what each lacks: listed, never counted as zero. */
  /** `set`: some driver of the item is set (driverIsSet); `missing` is empty for an item without a drivers row. */
  unpriced: { itemId: string; itemNo: number; name: string; missing: DriverField[]; set: boolean }[];
  /** Regions or rules that kept some lines from being priced, in Chinese. */
  problems: string[];
  total: Shares;
  byYear: YearTotals[];
  byDomain: DomainTotals[];
  byCity: RegionTotals[];
  perResident: string | null;
  quality: InputQuality;
}

export interface PopulationInput {
  cohort: string;
  value: string;
  /** counted: given for that year; grown: from the nearest year at the growth rate; share: a share of another cohort. */
  method: 'counted' | 'grown' | 'share';
  fromYear: number | null;
  growthPct: string | null;
  /** The region whose growth rate was used, when the region has none of its own (a county taking its city's). */
  growthFrom: string | null;
  shareOf: string | null;
  sharePct: string | null;
  /** The region whose share was used, when it is not the region itself (a city inheriting its province's). */
  shareFrom: string | null;
  quality: InputQuality;
  source: string;
  /**
   * The figure this one was found from, so it can be checked by hand: grown, the count of `fromYear`; a share,
   * the base cohort's figure that year (itself counted in `year`, or grown from it), with its source.
   */
  base: { value: string; year: number | null; source: string } | null;
}

export interface ExplainLine extends Shares {
  regionCode: string;
  region: string;
  countyClass: CountyClass | null;
  grade: number | null;
  year: number;
  population: PopulationInput | null;
  coverage: string | null;
  beneficiaries: string | null;
  amount: string;
  periods: string;
  rule: {
    id: string;
    name: string;
    /** The row that applied, as the planner reads it: "市管县 · 2档" or "其他地区" (the row for any class and grade). */
    row: string;
    centralPct: string;
    /** Where the central percent came from. */
    centralFrom: 'rule' | 'tier' | 'manual';
    tier: number | null;
    tierSource: string | null;
    weights: { provincial: string; city: string; county: string };
    source: string;
    /** The rule's own note (what it assumes: "市辖区暂按市管县比例（待核实）"), null when it has none. */
    note: string | null;
    /** The rule's status (and its tier's, when the central share is by tier), as a line's quality counts it. */
    quality: InputQuality;
  };
}

export interface Explanation {
  title: string;
  total: Shares;
  /** People reached (summed over the years): for one item's figure only, null for a figure over several items. */
  beneficiaries: string | null;
  /** The arithmetic in words, one step a line, e.g. "受益人数 = 常住人口 × 覆盖率". */
  formula: string[];
  lines: ExplainLine[];
  /** Lines not shown (the total still includes them). */
  more: number;
  /** For a figure summing several items: each item's part, largest first. */
  items: { itemId: string; itemNo: number; name: string; shares: Shares }[];
}

export interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: RegionLevel;
  countyClass: CountyClass | null;
  grade: number | null;
  growthPct: string | null;
  /** 常住人口 in its latest counted year. */
  residents: string | null;
  residentsYear: number | null;
  /** Where that count comes from and its status (有出处 / 推算 / 待核实), when it differs from the region's own. */
  residentsSource?: string | null;
  residentsStatus?: string | null;
  source: string;
  status: string;
  isLeaf: boolean;
}

export interface ImportReport {
  kind: string;
  /** Rows read from the file (data rows, header excluded). */
  rows: number;
  /** Every problem found: row, column, what; nothing is written while there is one. */
  problems: string[];
  applied: boolean;
  /** What the import did, in Chinese ("新增 12 个县，更新 1 个"). */
  summary: string;
  /** What is taken but worth a second look (a cohort with no counts yet: misspelt?), in Chinese. */
  warnings: string[];
  /** The file's first rows as read (CSV or .xlsx alike), for the planner to see before confirming. */
  preview: ImportPreview;
  /** Nothing would change (a drivers file equal to what is stored): there is nothing to confirm. */
  changesNothing: boolean;
  /** Once applied: the number its change was told under (ChangeEvent.seq), so a view reads it once. */
  changeSeq?: number;
}

/** A file's first rows, in the import's columns (the names of IMPORT_COLUMNS), each with its line or row number. */
export interface ImportPreview {
  columns: string[];
  rows: { line: number; cells: string[]; note?: string }[];
  /** What a row's note says (a drivers file: 服务项目, the item its 序号 names); absent when rows have none. */
  noteLabel?: string;
  /** Data rows the preview leaves out. */
  more: number;
  /** When the preview lists only some rows (those that change, or have a problem): which, in Chinese. */
  only?: string;
}

/** A cohort given as a share of another in a region, as the 行政区与人口 page lists it. */
export interface CohortShareRow {
  regionCode: string;
  regionName: string;
  cohort: string;
  baseCohort: string;
  /** A plain percent (18.6). */
  sharePct: string;
  source: string;
  status: string;
}

/** A count imported for a region, cohort and year (a statistic; years without one are estimated when priced). */
export interface CohortCountRow {
  regionCode: string;
  regionName: string;
  level: 'province' | 'city' | 'county';
  cohort: string;
  year: number;
  /** Persons, a whole number. */
  value: string;
  source: string;
  status: string;
}

/** What 采用建议 gave: the items taken, those priced now, and why the others are not priced yet. */
export interface SuggestionOutcome {
  applied: number;
  priced: number;
  /** Items priced per person whose suggestion left the coverage to the planner (the group is part of a cohort). */
  needCoverage: number;
  /** Cohorts the suggestions named that no region has a count or share of yet. */
  uncountedCohorts: string[];
  /**
   * The 序号 of items given an amount whose standard names more than one (by school stage, by grade): one was
   * taken, and the planner is to check it.
   */
  severalAmounts: number[];
  /** The 序号 of items given the national standard's amount where their own words state another. */
  nationalOverOwn: number[];
}
