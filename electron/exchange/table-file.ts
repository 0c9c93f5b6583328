// A table the planner hands in: CSV (UTF-8 with or without BOM, or GBK as Excel saves it on a Chinese PC)
// or .xlsx (the first sheet). Rows keep the line (CSV) or row number (xlsx) a person would look for.
import { parse } from 'csv-parse/sync';
import { forbiddenCharacterReason } from '../../shared/domain/cell-text';
import { FIGURE_COLUMNS, columnLabel, columnName, fixedColumnName, headerNames } from '../../shared/domain/pricing/import-columns';
import type { HeaderNames, ImportKind } from '../../shared/domain/pricing/import-columns';
import { AppError } from '../db/app-error';
import type { Cell, Worksheet } from 'exceljs';
import { ANNEX_CREATOR } from '../annex/catalogue-annex';
import { unbreakCellText } from '../annex/row-height';
import { columnLetter } from '../../shared/domain/catalogue-import/columns';

export interface TableRow {
  /** Line or row number as the planner's spreadsheet shows it. */
  line: number;
  cells: Map<string, string>;
  /** How its file's header names the columns: messages about the row name them the same way. */
  names: HeaderNames;
  /** The table the file is read as (a drivers file names its cohort 服务人群). */
  kind?: ImportKind;
  /** Text in cells with no heading above them (past the header's last column, or under an empty one): 1-based column, text. */
  stray?: { column: number; text: string }[];
  /**
   * Empty cells past the header's last column in a CSV row (a,b,c,d, — kept, as many files end every row so).
   * A row whose figure was split by an unquoted thousands separator and whose last cell is empty has them too:
   * its problems, cells read one column over, are then told why (widenedRows).
   */
  emptyPast?: number;
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** A title above the header (统计年鉴 sheets carry one: 石家庄市分县区人口（单位：人）), skipped: its line and text. */
  title?: { line: number; text: string };
  header: string[];
  /** The header as the file writes it: a column the import does not take is named so. */
  written: string[];
  names: HeaderNames;
  kind?: ImportKind;
  rows: TableRow[];
}

/**
 * Offset of the first byte that cannot be GBK (GB18030 two- and four-byte forms included), or -1. Node's GBK
 * decoder drops such bytes silently even when asked to be fatal, so they are found here.
 */
function invalidGbkOffset(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const a = bytes[i]!;
    if (a < 0x80) i += 1;
    else if (a === 0x80 || a === 0xff) return i;
    else {
      const b = bytes[i + 1];
      if (b !== undefined && b >= 0x40 && b <= 0xfe && b !== 0x7f) i += 2;
      else if (b !== undefined && b >= 0x30 && b <= 0x39) {
        const c = bytes[i + 2];
        const d = bytes[i + 3];
        if (c === undefined || d === undefined || c < 0x81 || c > 0xfe || d < 0x30 || d > 0x39) return i;
        i += 4;
      } else return i;
    }
  }
  return -1;
}

/**
 * The text of a CSV or text file: UTF-8 (with or without BOM) or, failing that, GBK as Excel saves "CSV" on a
 * Chinese Windows PC (code page 936). Bytes that are neither are refused with the line they are on, instead
 * of being read as replacement characters or dropped.
 */
export function decodeText(fileName: string, bytes: Buffer): string {
  // Excel's "Unicode 文本" (UTF-16, tab-separated), which GBK would read as a scramble.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new AppError('bad_file', `${fileName} 是 UTF-16 编码的文本（Excel 的“Unicode 文本”），不是 CSV，没有导入任何内容。请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入。`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = invalidGbkOffset(bytes);
    if (bad >= 0) {
      const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
      throw new AppError('bad_file', `${fileName} 第${line}行有无法识别的字节：文件既不是 UTF-8 也不是 GBK 编码（可能已损坏），没有导入任何内容。请在 Excel 或 WPS 中重新另存为 CSV（UTF-8）后再导入。`);
    }
    return new TextDecoder('gbk').decode(bytes);
  }
}

export interface SheetRows {
  name: string;
  /** Row r (1-based) is rows[r - 1]; merged cells give every cell of the merge the text of its first cell. */
  rows: string[][];
}

/** A cell's width in Excel units: its column's, or the sum over a merge's columns. */
function cellWidth(sheet: Worksheet): (cell: Cell) => number {
  const merged = new Map<string, number>();
  for (const range of sheet.model.merges ?? []) {
    const [first, last] = range.split(':');
    if (first === undefined || last === undefined) continue;
    const from = sheet.getCell(first).fullAddress.col;
    const to = sheet.getCell(last).fullAddress.col;
    let sum = 0;
    for (let c = from; c <= to; c += 1) sum += sheet.getColumn(c).width ?? 9;
    merged.set(first, sum);
  }
  return (cell) => merged.get(cell.address) ?? sheet.getColumn(cell.fullAddress.col).width ?? 9;
}

function unbrokenText(cell: Cell, width: number): string {
  const size = cell.font?.size ?? 11;
  return unbreakCellText(cell.text, width, [size, size + 0.5], cell.alignment?.indent ?? 0);
}

/**
 * A formula whose result the file does not hold (a workbook written by a program and never opened in Excel)
 * would read as an empty cell, and an empty cell clears what it stands for.
 */
function refuseUncomputed(fileName: string, sheetName: string, cell: Cell): void {
  const value = cell.value as { formula?: string; sharedFormula?: string; result?: unknown } | null;
  if (value && typeof value === 'object' && (value.formula !== undefined || value.sharedFormula !== undefined) && value.result === undefined) {
    throw new AppError('bad_file', `${fileName} 工作表“${sheetName}”的 ${cell.address} 格是公式，但文件中没有它的计算结果（文件未在 Excel 或 WPS 中打开保存过），没有导入任何内容。请在 Excel 或 WPS 中打开并保存后再导入。`);
  }
}

/** Every worksheet of an .xlsx as text, row by row. */
export async function readWorkbookRows(fileName: string, bytes: Buffer): Promise<SheetRows[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('bad_file', `${fileName} 不是可读取的 .xlsx 文件（可能已损坏，或是 .xls 等其他格式，请在 Excel 或 WPS 中另存为 .xlsx）。`, { cause: error });
  }
  // The app's own annexes carry the line feeds their writer added where a printed line ends: read without them.
  const ownAnnex = workbook.creator === ANNEX_CREATOR;
  return workbook.worksheets.map((sheet) => {
    const out: string[][] = [];
    // exceljs computes columnCount over every row each time it is read: once per sheet, not per cell.
    const columns = sheet.columnCount;
    const width = ownAnnex ? cellWidth(sheet) : () => 0;
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values: string[] = [];
      for (let c = 1; c <= columns; c += 1) {
        const cell = row.getCell(c);
        refuseUncomputed(fileName, sheet.name, cell);
        values.push((ownAnnex && cell.text.includes('\n') ? unbrokenText(cell.master, width(cell.master)) : cell.text).trim());
      }
      out[number - 1] = values;
    });
    return { name: sheet.name, rows: Array.from(out, (r) => r ?? []) };
  });
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<string[][]> {
  const [sheet] = await readWorkbookRows(fileName, bytes);
  if (!sheet) throw new AppError('bad_file', `${fileName} 中没有工作表。`);
  return sheet.rows;
}

export async function readTable(fileName: string, bytes: Buffer, kind?: ImportKind): Promise<Table> {
  let records: string[][];
  const format: Table['format'] = /\.xlsx$/iu.test(fileName) ? 'xlsx' : 'csv';
  if (format === 'xlsx') records = await readXlsx(fileName, bytes);
  else if (/\.(csv|txt)$/iu.test(fileName)) {
    const text = decodeText(fileName, bytes);
    try {
      records = parse(text, { relax_column_count: true, trim: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      const lines = (error as { lines?: number }).lines;
      throw new AppError('bad_file', `“${fileName}”${lines ? `第${lines}行` : ''}不是有效的 CSV（引号不成对或格式错误），没有导入任何内容。`, { cause: error });
    }
  } else {
    throw new AppError('bad_file', `无法识别文件“${fileName}”的格式：请使用 .csv 或 .xlsx 文件。`);
  }
  const filled = (r: string[] | undefined) => [...new Set((r ?? []).filter((c) => c !== ''))];
  let headerIndex = records.findIndex((r) => filled(r).length > 0);
  if (headerIndex < 0) throw new AppError('bad_file', `${fileName} 是空的，没有表头也没有数据。`);
  // One text alone on the first row (a title, merged across the columns or not) above a row of several
  // headings: the title is skipped and said so (ImportReport.warnings), the header read below it.
  let title: Table['title'];
  const next = records.findIndex((r, i) => i > headerIndex && filled(r).length > 0);
  if (filled(records[headerIndex]).length === 1 && next > 0 && filled(records[next]).length > 1) {
    title = { line: headerIndex + 1, text: filled(records[headerIndex])[0]! };
    headerIndex = next;
  }
  const header = records[headerIndex]!.map(fixedColumnName);
  const names = headerNames(records[headerIndex]!);
  const rows: TableRow[] = [];
  records.slice(headerIndex + 1).forEach((record, i) => {
    if (record.every((c) => c.trim() === '')) return;
    const cells = new Map<string, string>();
    header.forEach((name, k) => {
      const value = (record[k] ?? '').trim();
      // Imports obey the same cell-text rule as edits: what the annex cannot hold is refused, file and all.
      const reason = forbiddenCharacterReason(value);
      if (reason) throw new AppError('bad_file', `${fileName} 第${headerIndex + i + 2}行“${columnName(name, names, kind)}”列的${reason}，没有导入任何内容。请删去这个字符后再导入。`);
      cells.set(name, kind && FIGURE_COLUMNS.has(name) ? value.normalize('NFKC') : value);
    });
    const stray = record.flatMap((c, k) => ((header[k] ?? '') === '' && c.trim() !== '' ? [{ column: k + 1, text: c.trim() }] : []));
    const emptyPast = format === 'csv' && !stray.length ? Math.max(0, record.length - header.length) : 0;
    rows.push({ line: headerIndex + i + 2, cells, names, kind, ...(stray.length ? { stray } : {}), ...(emptyPast ? { emptyPast } : {}) });
  });
  return { format, ...(title ? { title } : {}), header, written: records[headerIndex]!.map((c) => c.trim()), names, kind, rows };
}

/** Refuses a header that is not exactly the expected columns (in any order), saying which are missing or extra. */
export function checkHeader(fileName: string, table: Table, columns: readonly string[], optional: readonly string[] = []): void {
  const missing = columns.filter((c) => !table.header.includes(c));
  // A title merged across the columns is read once in every cell it spans: named once.
  const extra = [...new Set(table.header.flatMap((c, i) => (c !== '' && !columns.includes(c) && !optional.includes(c) ? [table.written[i] ?? c] : [])))];
  if (missing.length || extra.length) {
    const named = (c: string) => (table.names === 'labels' ? columnLabel(c, table.kind) : c);
    const optionalText = (name: (c: string) => string) => (optional.length ? `（可另加一列：${optional.map(name).join('、')}）` : '');
    const label = (c: string) => columnLabel(c, table.kind);
    // A script's file, headed in the fixed English names, is told them, and the Chinese header too: the planner
    // who reads the message may never have seen the English ones.
    const expected = `表头应为：${columns.map(named).join(',')}${optionalText(named)}${
      table.names === 'labels' ? '' : `；也可用中文表头：${columns.map(label).join(',')}${optionalText(label)}`
    }`;
    // Excel sheets often carry a title above the header (石家庄市分县区人口（单位：人）).
    const written = [...new Set(table.written.filter((c) => c !== ''))];
    // A file Excel saved as 制表符分隔 (or with semicolons) reads as one cell per line.
    if (missing.length === columns.length && written.length === 1 && /[\t;]/u.test(written[0]!)) {
      throw new AppError('bad_file', `${fileName} 的各列不是用逗号分隔的（像是制表符或分号分隔的文本）：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入。没有导入任何内容。`);
    }
    if (missing.length === columns.length && written.length === 1) {
      throw new AppError('bad_file', `${fileName} 的第一行“${written[0]!}”像是标题，不是表头：请删去标题行，让表头成为第一行后再导入。${expected}。没有导入任何内容。`);
    }
    const skipped = table.title ? `（第${table.title.line}行“${table.title.text}”当作标题跳过，表头在其下一行）` : '';
    throw new AppError(
      'bad_file',
      `${fileName} 的表头不对${skipped}：${[missing.length ? `缺少列 ${missing.map((c) => columnName(c, table.names, table.kind)).join('、')}` : '', extra.length ? `多出列 ${extra.join('、')}` : ''].filter(Boolean).join('；')}。${expected}。没有导入任何内容。`,
    );
  }
}

/**
 * Text in cells no heading names, never dropped unsaid. In a CSV it is refused by row: most often a figure
 * written with thousands separators and no quotes (130104,常住人口,2027,1,234,567 read as 1 person and two stray
 * cells), or a row shifted by a comma too many. In a sheet an unheaded column is most often a note or a check
 * beside the table (核对, 备注): not imported, and said once per column as a warning; a row split as above (such a
 * CSV opened in Excel and saved as .xlsx) is refused as in a CSV.
 */
/** Why a CSV row's cells may be read in the wrong columns, most often. */
const THOUSANDS_HINT = '像是数字中的千位分隔逗号把一个数拆成了几格，请给这个数加上英文引号（如 "1,234,567"），或去掉逗号（如 1234567）';

export function strayCells(fileName: string, table: Table): { problems: { line: number; text: string }[]; warnings: string[] } {
  const strays = table.rows.filter((row) => row.stray?.length);
  // Three-digit groups right after the last column: a figure split at its thousands separators (a CSV opened in
  // Excel and saved again keeps the split), in a sheet as in a CSV.
  // A sheet's header row runs as wide as its widest row: the table ends at its last heading.
  const headed = table.header.reduce((last, name, i) => (name !== '' ? i + 1 : last), 0);
  const split = (row: TableRow) => row.stray!.every((c) => c.column > headed && /^\d{3}(?:\.\d+)?$/u.test(c.text));
  const refused = (row: TableRow) => {
    const texts = row.stray!.map((c) => `“${c.text}”`).join('、');
    const past = row.stray!.every((c) => c.column > headed);
    const where = past ? `比表头多出 ${row.stray!.length} 个单元格（${texts}）` : `第${row.stray!.map((c) => c.column).join('、')}个单元格（${texts}）上面没有表头`;
    const hint = split(row)
      ? THOUSANDS_HINT
      : '请删去多出的内容，或检查这一行是否多了逗号';
    return { line: row.line, text: `${fileName} 第${row.line}行${where}，不知道它们属于哪一列。${hint}` };
  };
  if (table.format === 'xlsx') {
    const byColumn = new Map<number, { lines: number[]; text: string }>();
    for (const row of strays.filter((r) => !split(r))) {
      for (const cell of row.stray!) {
        const seen = byColumn.get(cell.column) ?? { lines: [], text: cell.text };
        seen.lines.push(row.line);
        byColumn.set(cell.column, seen);
      }
    }
    const warnings = [...byColumn].sort(([a], [b]) => a - b).map(([column, { lines, text }]) => {
      const rows = lines.length === 1 ? `第${lines[0]}行` : `第${lines[0]}—${lines.at(-1)}行中的 ${lines.length} 行`;
      return `${columnLetter(column - 1)} 列没有表头，${rows}在这一列填有内容（如“${text}”），没有导入；若它本该是某一列的数据，请检查各列是否错位`;
    });
    return { problems: strays.filter(split).map(refused), warnings };
  }
  return { problems: strays.map(refused), warnings: [] };
}

/**
 * For CSV rows the import found faulty that run past the header with empty cells: a hint each, since their
 * cells may be read one column over (1,常住人口,1,1,000,元/人/年,…, ending empty: 1 read as the amount and 000
 * as the unit). Rows with such cells and no problem import as they are.
 */
export function widenedRows(fileName: string, table: Table, problems: readonly string[]): string[] {
  const faulty = new Set(problems.flatMap((p) => [...p.matchAll(/第(\d+)行/gu)].map((m) => Number(m[1]))));
  return table.rows
    .filter((row) => row.emptyPast && faulty.has(row.line))
    .map((row) => `${fileName} 第${row.line}行比表头多出 ${row.emptyPast} 个单元格（空白），这一行的内容可能错了列。${THOUSANDS_HINT}`);
}
