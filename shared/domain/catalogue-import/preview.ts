// The preview the planner confirms: what was read, with the name, period and region it suggests.
import { DEFAULT_COLUMN_LABELS, PERIOD_YEARS } from '../catalogue';
import type { ColumnLabels } from '../catalogue';
import type { CatalogueImportPreview, ImportField, ImportProblem } from './types';

/** What a reader found in the file: the preview's own fields, and the text above the table. */
export type ReadCatalogue = Pick<
  CatalogueImportPreview,
  'source' | 'sheet' | 'headerRow' | 'columns' | 'extraColumns' | 'ignoredColumns' | 'domains' | 'notes' | 'problems'
> & {
  /** Text above the table: 附件1, the title. */
  above: string[];
};

const ANNEX_LABEL = /^附件\s*\d*\s*[:：]?$/u;
const ASCII_HEADING = /^[a-z_]+$/u;

export function titleOf(above: readonly string[]): string | null {
  const lines = above.map((l) => l.replace(/^#+\s*/u, '').trim()).filter((l) => l !== '' && !ANNEX_LABEL.test(l));
  return lines.find((l) => /清单|标准|目录/u.test(l)) ?? null;
}

export function periodOf(text: string): string | null {
  return Object.keys(PERIOD_YEARS).find((p) => text.includes(p)) ?? null;
}

export function regionOf(text: string): string | null {
  const m = /^(?:[“"《]?)([\u4e00-\u9fff]{2,7}?(?:省|自治区|市))/u.exec(text.replace(/^[“"《]+/u, ''));
  return m ? m[1]! : null;
}

/** The six official columns' headings as the file prints them; a dump CSV's English names keep the defaults. */
export function labelsOf(columns: readonly { field: ImportField; label: string }[]): ColumnLabels {
  const label = (field: ImportField): string | null => {
    const found = columns.find((c) => c.field === field)?.label.replace(/[\s\u3000]+/gu, '');
    return found && !ASCII_HEADING.test(found) ? found : null;
  };
  return {
    itemNo: label('itemNo') ?? DEFAULT_COLUMN_LABELS.itemNo,
    name: label('name') ?? DEFAULT_COLUMN_LABELS.name,
    targetGroup: label('targetGroup') ?? DEFAULT_COLUMN_LABELS.targetGroup,
    standard: label('standard') ?? DEFAULT_COLUMN_LABELS.standard,
    fundingResponsibility: label('fundingResponsibility') ?? DEFAULT_COLUMN_LABELS.fundingResponsibility,
    leadDepartment: label('leadDepartment') ?? DEFAULT_COLUMN_LABELS.leadDepartment,
  };
}

export function buildPreview(fileName: string, read: ReadCatalogue): CatalogueImportPreview {
  const title = titleOf(read.above);
  const baseName = fileName.replace(/\.[^.]+$/u, '');
  const named = title ?? baseName;
  return {
    fileName,
    source: read.source,
    sheet: read.sheet,
    headerRow: read.headerRow,
    columns: read.columns,
    extraColumns: read.extraColumns,
    ignoredColumns: read.ignoredColumns,
    columnLabels: labelsOf(read.columns),
    title,
    suggestedName: named,
    suggestedPeriod: periodOf(named),
    suggestedRegion: regionOf(named),
    domains: read.domains,
    itemCount: read.domains.reduce((n, d) => n + d.items.length, 0),
    notes: read.notes,
    // Errors first, each group in file order, so the first thing read is what blocks the import.
    problems: [...read.problems].sort(
      (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.row ?? 0) - (b.row ?? 0),
    ),
  };
}

export function errorsOf(preview: CatalogueImportPreview): ImportProblem[] {
  return preview.problems.filter((p) => p.severity === 'error');
}
