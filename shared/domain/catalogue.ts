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
}

export interface CatalogueDetail {
  summary: CatalogueSummary;
  columnLabels: ColumnLabels;
  annexLabel: string;
  annexTitle: string;
  domains: Domain[];
  items: CatalogueItem[];
}
