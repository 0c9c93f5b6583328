// The annexes that are one plain table: the task annex (重点任务分工方案: 序号, 重点任务, 责任单位) and a
// plan's indicator table (类别, 指标, baseline, target, 属性, with its notes under the table). Same page
// as the catalogue annex: label, title, header row repeated, boxed cells, widths chosen from the text.
import type { Workbook, Worksheet } from 'exceljs';
import { chooseColumnWidths } from './column-widths';
import {
  ANNEX_FONTS,
  ANNEX_FONT_SIZES,
  ANNEX_ROWS,
  ANNEX_TABLE_WIDTH,
  BODY_TEXT,
  CENTRED,
  TEXT_INDENT,
  addAnnexSheet,
  allBorders,
  font,
  setPrintArea,
  writeHeaderRow,
  writePageBreaks,
  writeTitleRows,
} from './page-format';
import type { PageText } from './page-format';
import { displayWidth, estimateRowHeight, layoutCellText, widestPieceColumn } from './row-height';

export interface TableColumn {
  label: string;
  /** 'number' columns are narrow, centred and fixed; 'short' ones (属性, years) centred at their widest text. */
  kind: 'number' | 'short' | 'text';
}

export interface TableAnnex {
  sheetName: string;
  label: string;
  title: string;
  columns: readonly TableColumn[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
  /** Printed under the table, one paragraph each, in the body font. */
  notes?: readonly string[];
  pageText: PageText;
  firstPageNumber?: number;
}

const MIN_TEXT_WIDTH = 11;
const ROW = { minHeightPt: 22 };

function text(value: string | number | null): string {
  return value === null ? '' : String(value);
}

function headingWidth(label: string): number {
  return Math.ceil((displayWidth(label) * ANNEX_FONT_SIZES.header) / 10.5) + 1;
}

/** Widths: fixed for numbers and short columns, the rest shared for the shortest table. */
export function tableWidths(annex: Pick<TableAnnex, 'columns' | 'rows'>): { widths: number[]; rowHeights: number[] } {
  const fixed = annex.columns.map((column, index) => {
    if (column.kind === 'text') return null;
    const widest = Math.max(0, ...annex.rows.map((row) => displayWidth(text(row[index] ?? null))));
    const body = Math.ceil((widest * ANNEX_FONT_SIZES.body) / 10.5 * 1.2) + 2;
    return Math.max(6, headingWidth(column.label), column.kind === 'number' ? 0 : Math.min(body, 16));
  });
  const textIndexes = annex.columns.flatMap((column, index) => (column.kind === 'text' ? [index] : []));
  const spare = ANNEX_TABLE_WIDTH - fixed.reduce<number>((sum, width) => sum + (width ?? 0), 0);
  const solution = chooseColumnWidths({
    columns: textIndexes.map((index) => {
      const texts = annex.rows.map((row) => text(row[index] ?? null));
      return {
        texts,
        minWidth: Math.max(MIN_TEXT_WIDTH, headingWidth(annex.columns[index]!.label), widestPieceColumn(texts, ANNEX_FONT_SIZES.body, TEXT_INDENT, 24)),
        weight: Math.sqrt(texts.reduce((sum, t) => sum + displayWidth(t), 0) + 1),
      };
    }),
    totalWidth: spare,
    fontSizePt: ANNEX_FONT_SIZES.body,
    indent: TEXT_INDENT,
    rowHeight: ROW,
  });
  const widths = fixed.map((width) => width ?? 0);
  textIndexes.forEach((index, n) => {
    widths[index] = solution.widths[n]!;
  });
  // Short columns are written centred without indent: their rows may be taller than the text columns say.
  const rowHeights = annex.rows.map((row, r) =>
    Math.max(
      solution.rowHeights[r] ?? ROW.minHeightPt,
      estimateRowHeight(
        annex.columns.map((column, index) => ({
          text: column.kind === 'text' ? '' : text(row[index] ?? null),
          columnWidth: widths[index]!,
          fontSizePt: ANNEX_FONT_SIZES.body,
        })),
        ROW,
      ),
    ),
  );
  return { widths, rowHeights };
}

/** Adds a one-table annex as a sheet of `workbook`; returns the sheet and how many pages it prints on. */
export function addTableSheet(workbook: Workbook, annex: TableAnnex): { sheet: Worksheet; pages: number } {
  const { widths, rowHeights } = tableWidths(annex);
  const count = annex.columns.length;
  const sheet = addAnnexSheet(workbook, {
    name: annex.sheetName,
    columnWidths: widths,
    pageText: annex.pageText,
    ...(annex.firstPageNumber === undefined ? {} : { firstPageNumber: annex.firstPageNumber }),
  });
  writeTitleRows(sheet, count, annex.label, annex.title, (t, size) =>
    estimateRowHeight([{ text: t, columnWidth: ANNEX_TABLE_WIDTH, fontSizePt: size }]),
  );
  const labels = annex.columns.map((column) => column.label);
  writeHeaderRow(
    sheet,
    labels,
    estimateRowHeight(labels.map((label, index) => ({ text: label, columnWidth: widths[index]!, fontSizePt: ANNEX_FONT_SIZES.header })), {
      minHeightPt: 24,
    }),
  );
  let rowNumber = ANNEX_ROWS.firstBody;
  annex.rows.forEach((values, r) => {
    const row = sheet.getRow(rowNumber);
    annex.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      const value = values[index] ?? null;
      cell.value =
        value === '' ? null : typeof value === 'string' ? layoutCellText(value, widths[index]!, ANNEX_FONT_SIZES.body, column.kind === 'text' ? TEXT_INDENT : 0) : value;
      cell.font = font(ANNEX_FONTS.body, ANNEX_FONT_SIZES.body);
      cell.alignment = column.kind === 'text' ? BODY_TEXT : CENTRED;
      cell.border = allBorders();
    });
    row.height = rowHeights[r]!;
    rowNumber += 1;
  });
  const lastTableRow = rowNumber - 1;
  for (const note of annex.notes ?? []) {
    sheet.mergeCells(rowNumber, 1, rowNumber, count);
    const cell = sheet.getCell(rowNumber, 1);
    cell.value = layoutCellText(note, ANNEX_TABLE_WIDTH, ANNEX_FONT_SIZES.body);
    cell.font = font(ANNEX_FONTS.body, ANNEX_FONT_SIZES.body);
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    sheet.getRow(rowNumber).height = estimateRowHeight([{ text: note, columnWidth: ANNEX_TABLE_WIDTH, fontSizePt: ANNEX_FONT_SIZES.body }], {
      minHeightPt: 18,
      paddingPt: 3,
    });
    rowNumber += 1;
  }
  const lastRow = rowNumber - 1;
  setPrintArea(sheet, count, lastRow);
  // The first note stays on the page of the table's last row: a note alone overleaf reads as a stray.
  const pages = writePageBreaks(sheet, lastRow, (row) => row === lastTableRow && lastRow > lastTableRow);
  return { sheet, pages };
}
