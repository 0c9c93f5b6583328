// A table the planner hands in: CSV (UTF-8 with or without BOM, or GBK as Excel saves it on a Chinese PC)
// or .xlsx (the first sheet). Rows keep the line (CSV) or row number (xlsx) a person would look for.
import { parse } from 'csv-parse/sync';
import { forbiddenCharacterReason } from '../../shared/domain/cell-text';
import { columnName } from '../../shared/domain/pricing/import-columns';
import { AppError } from '../db/app-error';

export interface TableRow {
  /** Line or row number as the planner's spreadsheet shows it. */
  line: number;
  cells: Map<string, string>;
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Excel on a Chinese Windows PC saves "CSV" in GBK (code page 936).
    return new TextDecoder('gbk').decode(bytes);
  }
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('bad_file', `${fileName} 不是可读取的 .xlsx 文件（可能已损坏，或是 .xls 等其他格式，请在 Excel 或 WPS 中另存为 .xlsx）。`, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('bad_file', `${fileName} 中没有工作表。`);
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) values.push(row.getCell(c).text.trim());
    out[number - 1] = values;
  });
  return Array.from(out, (r) => r ?? []);
}

export async function readTable(fileName: string, bytes: Buffer): Promise<Table> {
  let records: string[][];
  if (/\.xlsx$/iu.test(fileName)) records = await readXlsx(fileName, bytes);
  else if (/\.(csv|txt)$/iu.test(fileName)) {
    try {
      records = parse(decodeCsv(bytes), { relax_column_count: true, trim: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      const lines = (error as { lines?: number }).lines;
      throw new AppError('bad_file', `${fileName}${lines ? ` 第${lines}行` : ''}不是有效的 CSV（引号不成对或格式错误），没有导入任何内容。`, { cause: error });
    }
  } else {
    throw new AppError('bad_file', `无法识别文件“${fileName}”的格式：请使用 .csv 或 .xlsx 文件。`);
  }
  const headerIndex = records.findIndex((r) => r.some((c) => c !== ''));
  if (headerIndex < 0) throw new AppError('bad_file', `${fileName} 是空的，没有表头也没有数据。`);
  const header = records[headerIndex]!.map((c) => c.trim());
  const rows: TableRow[] = [];
  records.slice(headerIndex + 1).forEach((record, i) => {
    if (record.every((c) => c.trim() === '')) return;
    const cells = new Map<string, string>();
    header.forEach((name, k) => {
      const value = (record[k] ?? '').trim();
      // Imports obey the same cell-text rule as edits: what the annex cannot hold is refused, file and all.
      const reason = forbiddenCharacterReason(value);
      if (reason) throw new AppError('bad_file', `${fileName} 第${headerIndex + i + 2}行“${name}”列的${reason}，没有导入任何内容。请删去这个字符后再导入。`);
      cells.set(name, value);
    });
    rows.push({ line: headerIndex + i + 2, cells });
  });
  return { header, rows };
}

/** Refuses a header that is not exactly the expected columns (in any order), saying which are missing or extra. */
export function checkHeader(fileName: string, table: Table, columns: readonly string[]): void {
  const missing = columns.filter((c) => !table.header.includes(c));
  const extra = table.header.filter((c) => c !== '' && !columns.includes(c));
  if (missing.length || extra.length) {
    throw new AppError(
      'bad_file',
      `${fileName} 的表头不对：${[missing.length ? `缺少列 ${missing.map(columnName).join('、')}` : '', extra.length ? `多出列 ${extra.join('、')}` : ''].filter(Boolean).join('；')}。表头应为：${columns.join(',')}。没有导入任何内容。`,
    );
  }
}
