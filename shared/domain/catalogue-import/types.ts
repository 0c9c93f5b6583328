// What a catalogue import reads out of a file before anything is written: the preview the planner confirms.
import type { ColumnLabels } from '../catalogue';
import type { ImportedItemFields } from '../commands';

/** The fields a source column can fill; content, category and note are kept beside the six official ones. */
export const IMPORT_FIELDS = [
  'itemNo',
  'domain',
  'category',
  'name',
  'targetGroup',
  'content',
  'standard',
  'fundingResponsibility',
  'leadDepartment',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The extra columns an imported catalogue keeps (migration 008), with their names in the `dump` CSV. */
export const EXTRA_FIELDS = ['content', 'category', 'note'] as const;
export type ExtraField = (typeof EXTRA_FIELDS)[number];

/** An item as read, with the row (xlsx) or line (CSV, text) where it starts; sourceItemNo is the 序号 the file prints. */
export interface ImportedItem extends ImportedItemFields {
  row: number;
}

export interface ImportedDomain {
  name: string;
  row: number;
  items: ImportedItem[];
}

export interface ImportProblem {
  /** An error blocks the import; a warning is shown and the import may go ahead. */
  severity: 'error' | 'warning';
  row: number | null;
  /** The column as the file names it (and its letter in a spreadsheet), where one is concerned. */
  column: string | null;
  /** One Chinese sentence: where, what is wrong, what to do. */
  message: string;
}

export type ImportSourceKind = 'xlsx' | 'csv' | 'plan-text' | 'model-text';
export const IMPORT_SOURCE_LABELS: Record<ImportSourceKind, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  csv: 'CSV 表格',
  'plan-text': '规划文本中的清单表格',
  'model-text': '分段标注的文本（服务对象：…）',
};

export interface CatalogueImportPreview {
  fileName: string;
  source: ImportSourceKind;
  /** The sheet read, for a workbook. */
  sheet: string | null;
  headerRow: number | null;
  /** Each recognised column: the field it fills and its heading as the file prints it. */
  columns: { field: ImportField; label: string }[];
  /** Headings of the extra columns kept (服务内容, 类别, 备注 …). */
  extraColumns: string[];
  /** Columns present in the file that are not imported. */
  ignoredColumns: string[];
  columnLabels: ColumnLabels;
  /** The title the file carries above its table (suggests the catalogue's name). */
  title: string | null;
  suggestedName: string;
  suggestedPeriod: string | null;
  suggestedRegion: string | null;
  domains: ImportedDomain[];
  itemCount: number;
  /** 注：… rows under or inside the table, kept for the planner to read. */
  notes: string[];
  problems: ImportProblem[];
}
