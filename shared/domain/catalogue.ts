// The catalogue (清单) as the documents define it: domains (领域) holding service items (服务项目),
// each item described by the five official columns.

/** The editable text fields of an item, in the column order of the official annex. */
export const ITEM_FIELDS = [
  'name',
  'targetGroup',
  'standard',
  'fundingResponsibility',
  'leadDepartment',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** Longest text one cell may hold; longer input is refused rather than truncated. */
export const MAX_CELL_CHARS = 4000;

/** Column headings of one catalogue; documents name the same column differently (see annex_format.md). */
export interface ColumnLabels {
  itemNo: string;
  name: string;
  targetGroup: string;
  standard: string;
  fundingResponsibility: string;
  leadDepartment: string;
}

export const DEFAULT_COLUMN_LABELS: ColumnLabels = {
  itemNo: '序号',
  name: '服务项目',
  targetGroup: '服务对象',
  standard: '服务指导标准',
  fundingResponsibility: '支出责任',
  leadDepartment: '牵头负责单位',
};

export const CATALOGUE_STATUSES = ['published', 'draft', 'incomplete'] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

export const CATALOGUE_STATUS_LABELS: Record<CatalogueStatus, string> = {
  published: '已发布',
  draft: '草稿',
  incomplete: '内容不全',
};

/** A catalogue's way to publication, set by the planner; a published one is read-only in the grid. */
export const DRAFT_STAGES = ['draft', 'consultation', 'review', 'published'] as const;
export type DraftStage = (typeof DRAFT_STAGES)[number];
export const DRAFT_STAGE_LABELS: Record<DraftStage, string> = {
  draft: '草稿',
  consultation: '征求意见稿',
  review: '送审稿',
  published: '已发布',
};

/** The five-year plan periods and their years. */
export const PERIOD_YEARS: Record<string, { startYear: number; endYear: number }> = {
  十三五: { startYear: 2016, endYear: 2020 },
  十四五: { startYear: 2021, endYear: 2025 },
  十五五: { startYear: 2026, endYear: 2030 },
  十六五: { startYear: 2031, endYear: 2035 },
};
export function periodYears(period: string): { startYear: number; endYear: number } | null {
  return Object.hasOwn(PERIOD_YEARS, period) ? PERIOD_YEARS[period]! : null;
}

/** The period a new draft is for unless the planner says otherwise. */
export const DEFAULT_DRAFT_PERIOD = { period: '十五五', startYear: 2026, endYear: 2030 } as const;

export interface Domain {
  seq: number;
  name: string;
  /** How many items the source document says the domain has, where it says so. */
  statedItemCount: number | null;
}

/** One service item. A null field means "not yet filled": the source did not give it, or it was cleared. */
export interface CatalogueItem {
  /** Stable across edits and, later, across versions of the catalogue. */
  id: string;
  catalogueId: string;
  domainSeq: number;
  /** Numbered 1..N straight through the domains, as printed in the annex. */
  itemNo: number;
  /** The number the source document printed, for provenance. */
  sourceItemNo: number | null;
  name: string;
  targetGroup: string | null;
  standard: string | null;
  fundingResponsibility: string | null;
  leadDepartment: string | null;
  updatedAt: string | null;
  /** In a draft: the id of the item this one was copied from (it follows the item across catalogues). */
  lineageId?: string | null;
  /** Kept from an imported file beside the official columns: 服务内容 (its own column), 类别, 备注. */
  content?: string | null;
  category?: string | null;
  note?: string | null;
}

export interface CatalogueSummary {
  id: string;
  name: string;
  regionCode: string | null;
  regionName: string;
  period: string;
  startYear: number | null;
  endYear: number | null;
  itemCount: number;
  statedItemCount: number | null;
  status: CatalogueStatus;
  statusNote: string | null;
  documentTitle: string | null;
  documentNumber: string | null;
  /** Where the catalogue stands on its way to publication; null for a seeded catalogue not yet complete. */
  stage?: DraftStage | null;
  /** The catalogue a draft was copied from. */
  basedOn?: string | null;
}

export interface CatalogueDetail {
  summary: CatalogueSummary;
  columnLabels: ColumnLabels;
  annexLabel: string;
  annexTitle: string;
  domains: Domain[];
  items: CatalogueItem[];
}
