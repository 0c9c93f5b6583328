// Writes the catalogue (清单) as the annex of a plan document, in the format planners hand in:
// GB/T 9704 typography, landscape A4, the header row repeated on every printed page.
// The format is in seeds/reference/annex_format.md; the exceljs traps it works around are in DESIGN.md.
import type { Workbook, Worksheet } from 'exceljs';
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { CatalogueDetail, CatalogueItem, ColumnLabels, Domain } from '../../shared/domain/catalogue';
import { domainHeading } from '../../shared/domain/numerals';
import { AppError } from '../db/app-error';
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
  sheetName,
  writeHeaderRow,
  writePageBreaks,
  writeTitleRows,
} from './page-format';
import type { PageText } from './page-format';
import { PAGE_BODY_HEIGHT_PT, PAGE_SLACK_PT } from './page-format';
import { pageBreaks, pageCount } from './pagination';
import type { PrintedRow } from './pagination';
import { displayWidth, estimateRowHeight, layoutCellText, widestPieceColumn } from './row-height';
import type { RowHeightOptions } from './row-height';

export interface CatalogueAnnexOptions {
  /** Page number of the annex's first page, when numbering continues from the plan's body. */
  firstPageNumber?: number;
  /** The page header (the draft mark) and footer; none when omitted. */
  pageText?: PageText;
}

export { ANNEX_FONTS, ANNEX_FONT_SIZES, ANNEX_MARGINS_MM, ANNEX_ROWS } from './page-format';

type ColumnKey = keyof ColumnLabels;
const COLUMN_KEYS: readonly ColumnKey[] = ['itemNo', ...ITEM_FIELDS];
const COLUMN_COUNT = COLUMN_KEYS.length;

/** 序号 holds at most four digits and its two-glyph heading. */
const ITEM_NO_WIDTH = 6;
/** No text column narrower than four glyphs of body text beside its margin and indent. */
const MIN_TEXT_WIDTH = 11;
/** A column is never made narrower than its widest number or quoted name, up to this width. */
const MAX_PIECE_WIDTH = 24;
const ITEM_ROW: RowHeightOptions = { minHeightPt: 22 };
/** The header row's height at most: its labels fit their columns on one line. */
const HEADER_HEIGHT_BOUND = 24;
/** Above this many items the widths are chosen for the shortest table only, not the fewest pages. */
const PAGE_SEARCH_MAX_ITEMS = 1000;

/** A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, at most 31 characters. */
export function annexSheetName(annexLabel: string): string {
  const label = annexLabel.trim();
  return sheetName(label === '' ? '清单' : `${label} 清单`);
}

function itemsByDomain(domains: readonly Domain[], items: readonly CatalogueItem[]): Map<number, CatalogueItem[]> {
  const groups = new Map<number, CatalogueItem[]>(domains.map((domain) => [domain.seq, []]));
  for (const item of items) {
    const group = groups.get(item.domainSeq);
    if (group === undefined) {
      throw new AppError('internal', `服务项目“${item.name}”（序号 ${item.itemNo}）所属的领域 ${item.domainSeq} 不在清单中，无法导出附件。`);
    }
    group.push(item);
  }
  return groups;
}

function cellText(item: CatalogueItem, key: ColumnKey): string | number | null {
  return key === 'itemNo' ? item.itemNo : item[key];
}

/** The narrowest a column may be: four glyphs, and its heading on one line, as published annexes have it. */
function minimumWidth(label: string): number {
  return Math.max(MIN_TEXT_WIDTH, Math.ceil((displayWidth(label) * ANNEX_FONT_SIZES.header) / 10.5));
}

/**
 * Column widths for this catalogue, chosen from its text so the table prints shortest, and the
 * height of each item row at those widths (items in catalogue order).
 */
export function catalogueLayout(
  detail: Pick<CatalogueDetail, 'columnLabels' | 'items'>,
  pagesOf?: (rowHeights: readonly number[]) => number,
): { widths: number[]; rowHeights: number[] } {
  const solution = chooseColumnWidths({
    ...(pagesOf === undefined ? {} : { pagesOf }),
    columns: ITEM_FIELDS.map((field) => {
      const texts = detail.items.map((item) => item[field] ?? '');
      return {
        texts,
        minWidth: Math.max(minimumWidth(detail.columnLabels[field]), widestPieceColumn(texts, ANNEX_FONT_SIZES.body, TEXT_INDENT, MAX_PIECE_WIDTH)),
        weight: Math.sqrt(texts.reduce((sum, text) => sum + displayWidth(text), 0) + 1),
      };
    }),
    totalWidth: ANNEX_TABLE_WIDTH - ITEM_NO_WIDTH,
    fontSizePt: ANNEX_FONT_SIZES.body,
    indent: TEXT_INDENT,
    rowHeight: ITEM_ROW,
  });
  return { widths: [ITEM_NO_WIDTH, ...solution.widths], rowHeights: solution.rowHeights };
}

function writeDomainRow(sheet: Worksheet, rowNumber: number, domain: Domain): void {
  sheet.mergeCells(rowNumber, 1, rowNumber, COLUMN_COUNT);
  const heading = domainHeading(domain.seq, domain.name);
  sheet.getCell(rowNumber, 1).value = heading;
  // exceljs writes a merge's border only from the cells that carry it: style every cell, each its own object.
  for (let column = 1; column <= COLUMN_COUNT; column += 1) {
    const cell = sheet.getCell(rowNumber, column);
    cell.font = font(ANNEX_FONTS.heading, ANNEX_FONT_SIZES.domain);
    cell.alignment = BODY_TEXT;
    cell.border = allBorders();
  }
  sheet.getRow(rowNumber).height = domainRowHeight(heading);
}

function domainRowHeight(heading: string): number {
  return estimateRowHeight(
    [{ text: heading, columnWidth: ANNEX_TABLE_WIDTH, fontSizePt: ANNEX_FONT_SIZES.domain, indent: TEXT_INDENT }],
    { minHeightPt: 22 },
  );
}

function writeItemRow(sheet: Worksheet, rowNumber: number, item: CatalogueItem, height: number, widths: readonly number[]): void {
  const row = sheet.getRow(rowNumber);
  COLUMN_KEYS.forEach((key, index) => {
    const cell = row.getCell(index + 1);
    // null is "not yet filled": an empty (but bordered) cell, never the word.
    const value = cellText(item, key);
    cell.value = typeof value === 'string' ? layoutCellText(value, widths[index]!, ANNEX_FONT_SIZES.body, TEXT_INDENT) : value;
    cell.font = font(ANNEX_FONTS.body, ANNEX_FONT_SIZES.body);
    cell.alignment = key === 'itemNo' ? CENTRED : BODY_TEXT;
    cell.border = allBorders();
  });
  row.height = height;
}

function titleRowHeight(width: number) {
  return (text: string, size: number) => estimateRowHeight([{ text, columnWidth: width, fontSizePt: size }]);
}

/** Adds the catalogue annex as a sheet of `workbook`; returns the sheet and how many pages it prints on. */
export function addCatalogueSheet(
  workbook: Workbook,
  detail: CatalogueDetail,
  options: CatalogueAnnexOptions & { name?: string } = {},
): { sheet: Worksheet; pages: number } {
  const { firstPageNumber } = options;
  if (firstPageNumber !== undefined && !(Number.isInteger(firstPageNumber) && firstPageNumber >= 1)) {
    throw new AppError('bad_request', `起始页码应为正整数，收到的是 ${firstPageNumber}。`);
  }
  const domains = [...detail.domains].sort((a, b) => a.seq - b.seq);
  const groups = itemsByDomain(domains, detail.items);
  const ordered = domains.flatMap((domain) => groups.get(domain.seq) ?? []);
  const domainHeights = domains.map((domain) => domainRowHeight(domainHeading(domain.seq, domain.name)));
  const titleHeight = titleRowHeight(ANNEX_TABLE_WIDTH);
  const topRows = [
    titleHeight(detail.annexLabel, ANNEX_FONT_SIZES.label),
    20,
    titleHeight(detail.annexTitle, ANNEX_FONT_SIZES.title),
    12,
    HEADER_HEIGHT_BOUND,
  ];
  // The page count a choice of widths gives, for the width search: the sheet's rows in print order.
  const pagesOf = (itemHeights: readonly number[]) => {
    const rows: PrintedRow[] = topRows.map((height) => ({ height, keepWithNext: true }));
    let index = 0;
    domains.forEach((domain, d) => {
      rows.push({ height: domainHeights[d]!, keepWithNext: true });
      const count = groups.get(domain.seq)?.length ?? 0;
      for (let n = 0; n < count; n += 1) rows.push({ height: itemHeights[index++]!, keepWithNext: false });
    });
    return pageCount(rows, pageBreaks(rows, { pageHeight: PAGE_BODY_HEIGHT_PT, repeatedHeight: HEADER_HEIGHT_BOUND, slack: PAGE_SLACK_PT }));
  };
  const { widths, rowHeights } = catalogueLayout(
    { columnLabels: detail.columnLabels, items: ordered },
    ordered.length <= PAGE_SEARCH_MAX_ITEMS ? pagesOf : undefined,
  );

  const sheet = addAnnexSheet(workbook, {
    name: options.name ?? annexSheetName(detail.annexLabel),
    columnWidths: widths,
    pageText: options.pageText ?? { header: '', footer: '' },
    ...(firstPageNumber === undefined ? {} : { firstPageNumber }),
  });
  writeTitleRows(sheet, COLUMN_COUNT, detail.annexLabel, detail.annexTitle, titleRowHeight(ANNEX_TABLE_WIDTH));
  const labels = COLUMN_KEYS.map((key) => detail.columnLabels[key]);
  writeHeaderRow(
    sheet,
    labels,
    Math.min(
      HEADER_HEIGHT_BOUND,
      estimateRowHeight(
        labels.map((text, index) => ({ text, columnWidth: widths[index]!, fontSizePt: ANNEX_FONT_SIZES.header })),
        { minHeightPt: 24 },
      ),
    ),
  );
  const domainRows = new Set<number>();
  let rowNumber = ANNEX_ROWS.firstBody;
  let itemIndex = 0;
  for (const domain of domains) {
    writeDomainRow(sheet, rowNumber, domain);
    domainRows.add(rowNumber);
    rowNumber += 1;
    for (const item of groups.get(domain.seq) ?? []) {
      writeItemRow(sheet, rowNumber, item, rowHeights[itemIndex]!, widths);
      itemIndex += 1;
      rowNumber += 1;
    }
  }
  const lastRow = rowNumber - 1;
  setPrintArea(sheet, COLUMN_COUNT, lastRow);
  const pages = writePageBreaks(sheet, lastRow, (row) => domainRows.has(row));
  return { sheet, pages };
}

/** The author every annex names: 导入清单 knows the app's own files by it (their cells carry laid-out lines). */
export const ANNEX_CREATOR = '清单工作台';

/** A workbook as exceljs makes it, with the document properties the annexes carry. */
export async function newAnnexWorkbook(title: string): Promise<Workbook> {
  // exceljs takes a sixth of the app's start-up to load: load it on the first export instead.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = ANNEX_CREATOR;
  workbook.lastModifiedBy = ANNEX_CREATOR;
  workbook.title = title;
  return workbook;
}

/** The catalogue annex as an .xlsx file. */
export async function writeCatalogueAnnex(detail: CatalogueDetail, options: CatalogueAnnexOptions = {}): Promise<Buffer> {
  const workbook = await newAnnexWorkbook(detail.annexTitle);
  addCatalogueSheet(workbook, detail, options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
