// A catalogue file of any kind the planner may hold, read into the preview they confirm: an annex .xlsx of
// any province, a CSV (the `dump` format or an annex saved as CSV), a plan text with its table, or a text of
// labelled paragraphs. Nothing here writes.
import { parse } from 'csv-parse/sync';
import { readCatalogueTable } from '../../../shared/domain/catalogue-import/table-rows';
import type { SourceRow, TableImport } from '../../../shared/domain/catalogue-import/table-rows';
import { looksLikeModelText, readModelText } from '../../../shared/domain/catalogue-import/model-text';
import { buildPreview } from '../../../shared/domain/catalogue-import/preview';
import type { ReadCatalogue } from '../../../shared/domain/catalogue-import/preview';
import type { CatalogueImportPreview, ImportField, ImportSourceKind } from '../../../shared/domain/catalogue-import/types';
import { AppError } from '../../db/app-error';
import { decodeText, readWorkbookRows } from '../table-file';
import { planTextRows, simplifiedText } from './plan-text';
import { sniffCatalogueFile } from './sniff';

const HEADER_HINT = '表头应有“服务项目”列，以及服务对象、服务标准（或服务指导标准、服务内容和保障标准）、支出责任、牵头负责单位（或责任单位）中的至少两列';

function fromTable(table: TableImport, source: ImportSourceKind, sheet: string | null, rows: readonly SourceRow[]): ReadCatalogue {
  return {
    source,
    sheet,
    headerRow: rows[table.header.index]!.row,
    columns: table.header.fields.flatMap((field, i) => (field ? [{ field, label: table.header.labels[i]! }] : [])),
    extraColumns: table.extraColumns,
    ignoredColumns: table.ignoredColumns,
    domains: table.domains,
    notes: table.notes,
    problems: table.problems,
    above: table.above,
  };
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<ReadCatalogue> {
  const sheets = await readWorkbookRows(fileName, bytes);
  if (sheets.length === 0) throw new AppError('bad_file', `“${fileName}”中没有工作表，没有导入任何内容。`);
  for (const sheet of sheets) {
    const rows = sheet.rows.map((cells, i) => ({ row: i + 1, cells }));
    const table = readCatalogueTable(rows, { letters: true });
    if (table) return fromTable(table, 'xlsx', sheet.name, rows);
  }
  const named = sheets.map((s) => `“${s.name}”`).join('、');
  const empty = sheets.every((s) => s.rows.every((r) => r.every((c) => c === '')));
  throw new AppError(
    'bad_file',
    empty
      ? `“${fileName}”的工作表${named}都是空的，没有导入任何内容。`
      : `“${fileName}”不是清单：工作表${named}的前 15 行中都找不到清单的表头（${HEADER_HINT}），没有导入任何内容。`,
  );
}

function readCsv(fileName: string, bytes: Buffer): ReadCatalogue {
  let records: string[][];
  try {
    records = parse(decodeText(fileName, bytes), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (error instanceof AppError) throw error;
    const lines = (error as { lines?: number }).lines;
    throw new AppError('bad_file', `“${fileName}”${lines ? `第${lines}行` : ''}不是有效的 CSV（引号不成对或格式错误），没有导入任何内容。`, { cause: error });
  }
  if (records.every((r) => r.every((c) => c.trim() === ''))) throw new AppError('bad_file', `“${fileName}”是空的，没有表头也没有数据，没有导入任何内容。`);
  const rows = records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) }));
  const table = readCatalogueTable(rows, { letters: false, unquote: true });
  if (!table) {
    const first = rows.find((r) => r.cells.some((c) => c !== ''))!;
    throw new AppError('bad_file', `“${fileName}”不是清单：第${first.row}行的表头“${first.cells.join(',').slice(0, 80)}”不是清单的栏目（${HEADER_HINT}），没有导入任何内容。`);
  }
  return fromTable(table, 'csv', null, rows);
}

function readText(fileName: string, bytes: Buffer): ReadCatalogue {
  const text = decodeText(fileName, bytes);
  if (text.trim() === '') throw new AppError('bad_file', `“${fileName}”是空的，没有导入任何内容。`);
  const lines = simplifiedText(text.replace(/\r\n?/gu, '\n')).split('\n');
  if (looksLikeModelText(lines)) {
    const model = readModelText(lines);
    const columns = [...model.labels].map(([field, label]) => ({ field: field as ImportField, label }));
    return { source: 'model-text', sheet: null, headerRow: null, columns, extraColumns: model.extraColumns, ignoredColumns: [], domains: model.domains, notes: model.notes, problems: model.problems, above: model.above };
  }
  const rows = planTextRows(text);
  const table = rows.length ? readCatalogueTable(rows, { letters: false }) : null;
  if (!table) {
    throw new AppError('bad_file', `“${fileName}”中找不到清单：文本里既没有清单表格的表头（${HEADER_HINT}），也没有“服务对象：…”“支出责任：…”这样分段标注的服务项目，没有导入任何内容。`);
  }
  return fromTable(table, 'plan-text', null, rows);
}

export async function readCatalogueFile(fileName: string, bytes: Buffer): Promise<CatalogueImportPreview> {
  const kind = sniffCatalogueFile(fileName, bytes);
  const read = kind === 'xlsx' ? await readXlsx(fileName, bytes) : kind === 'csv' ? readCsv(fileName, bytes) : readText(fileName, bytes);
  return buildPreview(fileName, read);
}
