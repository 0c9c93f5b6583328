// The annex set of a plan in one workbook or as separate files: 附件1 the catalogue, 附件2 the tasks,
// and the plan's indicator table. Each part is a sheet laid out by its own writer on the same page.
import type { Workbook } from 'exceljs';
import type { CatalogueDetail } from '../../shared/domain/catalogue';
import type { IndicatorPlanRow } from '../../shared/domain/indicator-plan';
import type { CatalogueTask } from '../../shared/domain/task';
import { addCatalogueSheet, newAnnexWorkbook } from './catalogue-annex';
import { sheetName } from './page-format';
import type { PageText } from './page-format';
import { addTableSheet } from './table-annex';
import type { TableAnnex } from './table-annex';

export const TASK_ANNEX_TITLE = '重点任务分工方案';

export interface IndicatorAnnexSource {
  title: string;
  baselineYear: number;
  targetYear: number;
  rows: readonly IndicatorPlanRow[];
  notes: readonly string[];
}

export type AnnexPart =
  | { kind: 'catalogue'; detail: CatalogueDetail }
  | { kind: 'tasks'; label: string; title: string; tasks: readonly CatalogueTask[] }
  | { kind: 'indicators'; label: string; source: IndicatorAnnexSource };

export function taskTable(label: string, title: string, tasks: readonly CatalogueTask[], pageText: PageText): Omit<TableAnnex, 'sheetName'> {
  return {
    label,
    title,
    columns: [
      { label: '序号', kind: 'number' },
      { label: '重点任务', kind: 'text' },
      { label: '责任单位', kind: 'text' },
    ],
    rows: tasks.map((task) => [task.taskNo, task.task, task.responsibleUnits]),
    pageText,
  };
}

export function indicatorTable(label: string, source: IndicatorAnnexSource, pageText: PageText): Omit<TableAnnex, 'sheetName'> {
  const { baselineYear, targetYear } = source;
  return {
    label,
    title: source.title,
    columns: [
      { label: '类别', kind: 'short' },
      { label: '指标', kind: 'text' },
      { label: `${baselineYear}年`, kind: 'short' },
      { label: `${targetYear}年`, kind: 'short' },
      { label: '属性', kind: 'short' },
    ],
    rows: source.rows.map((row) => [row.category, row.name, row.baseline, row.target, row.attribute]),
    notes: source.notes.map((note, index) => `${index === 0 ? '注：' : '\u3000\u3000'}${note}`),
    pageText,
  };
}

function partName(part: AnnexPart): string {
  switch (part.kind) {
    case 'catalogue':
      return `${part.detail.annexLabel} 清单`;
    case 'tasks':
      return `${part.label} 重点任务分工`;
    case 'indicators':
      return `${part.label} 主要指标`;
  }
}

/** Adds one part as a sheet; returns how many pages it prints on. */
export function addPart(workbook: Workbook, part: AnnexPart, pageText: PageText, taken: Set<string>): number {
  const name = sheetName(partName(part), taken);
  taken.add(name);
  switch (part.kind) {
    case 'catalogue':
      return addCatalogueSheet(workbook, part.detail, { pageText, name }).pages;
    case 'tasks':
      return addTableSheet(workbook, { sheetName: name, ...taskTable(part.label, part.title, part.tasks, pageText) }).pages;
    case 'indicators':
      return addTableSheet(workbook, { sheetName: name, ...indicatorTable(part.label, part.source, pageText) }).pages;
  }
}

/** The parts as one workbook, a sheet each, in the order given. */
export async function writeAnnexWorkbook(title: string, parts: readonly AnnexPart[], pageText: PageText): Promise<Buffer> {
  const workbook = await newAnnexWorkbook(title);
  const taken = new Set<string>();
  for (const part of parts) addPart(workbook, part, pageText, taken);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
