// The page every annex sheet shares: GB/T 9704 typography on landscape A4, the header row repeated,
// page numbers "— N —" on the outer side, the draft mark in the page header, and page breaks laid out
// here from the rows' heights. The format is in seeds/reference/annex_format.md.
import type { Alignment, Borders, Font, PaperSize, Worksheet } from 'exceljs';
import { pageBreaks } from './pagination';
import type { PrintedRow } from './pagination';
import { layoutCellText } from './row-height';

/** Font names as the planners' Windows machines know them; a near miss silently falls back to 宋体. */
export const ANNEX_FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;

/**
 * Sizes in points: 3号 16, 2号 22, 小四 12, 4号 14, and the body 五号 10.5, the size of Chinese tables (the
 * annex format allows 10.5–12): against 11 pt it prints the 河北 annex on 19 pages instead of 21. exceljs
 * reads a size back as a whole number (10); Excel, WPS, LibreOffice and openpyxl read 10.5.
 */
export const ANNEX_FONT_SIZES = {
  label: 16,
  title: 22,
  header: 12,
  domain: 12,
  body: 10.5,
  pageNumber: 14,
  pageText: 12,
} as const;

const MM_PER_INCH = 25.4;
const PT_PER_MM = 72 / MM_PER_INCH;

/**
 * GB/T 9704's type area (156 × 225 mm, top 37, binding edge 28) turned onto a landscape A4 sheet. The
 * footer sits so the page number's line starts 7 mm below the type area, where the standard puts it.
 */
export const ANNEX_MARGINS_MM = { top: 28, bottom: 26, left: 37, right: 35, header: 12, footer: 14 } as const;

/**
 * Width of every annex table in Excel units (one digit of Calibri 11). The type area is 225 mm: about
 * 121 units in Excel (7 px a digit) but 116 in LibreOffice (Carlito, 7.4 px), so 112 fills it in both
 * at 100 % — the annex is never scaled to fit, so that the page breaks computed here hold.
 */
export const ANNEX_TABLE_WIDTH = 112;

/** The printable height of a page in points: what the page breaks are computed against. */
export const PAGE_BODY_HEIGHT_PT = (210 - ANNEX_MARGINS_MM.top - ANNEX_MARGINS_MM.bottom) * PT_PER_MM;

/** Room left at each page's foot for renderers that draw rows a little taller than the file says. */
export const PAGE_SLACK_PT = 12;

/** Rows of a sheet above its table: label, blank, title, spacer; then the header row. */
export const ANNEX_ROWS = { label: 1, title: 3, header: 5, firstBody: 6 } as const;

/** An inner margin between text and the cell's left border (Excel has no padding; indent is what it has). */
export const TEXT_INDENT = 1;

/** Text of the page header and footer, besides the page number. */
export interface PageText {
  /** Top right of every page, e.g. "征求意见稿　2026年11月23日"; '' for none (a published annex). */
  header: string;
  /** Bottom centre of every page; '' for none. */
  footer: string;
}

const THIN = { style: 'thin' } as const;
export function allBorders(): Partial<Borders> {
  return { top: { ...THIN }, left: { ...THIN }, bottom: { ...THIN }, right: { ...THIN } };
}

export function font(name: string, size: number): Partial<Font> {
  // charset 134 (GB2312) lets Excel pick the Chinese face even where the name is missing.
  return { name, size, charset: 134 };
}

export const BODY_TEXT: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: TEXT_INDENT };
export const CENTRED: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

/** Header and footer text with Excel's codes made literal: "&" is written "&&". */
function literal(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&&');
}

/** "— 1 —" in 4号宋体, 一字 (a full-width space) in from the outer edge, as GB/T 9704 places it. */
function footer(side: 'left' | 'right', text: string): string {
  const number = `&"${ANNEX_FONTS.pageNumber},Regular"&${ANNEX_FONT_SIZES.pageNumber}— &P —`;
  const centre = text === '' ? '' : `&C&"${ANNEX_FONTS.body},Regular"&${ANNEX_FONT_SIZES.pageText}${literal(text)}`;
  return side === 'right' ? `${centre}&R${number}\u3000` : `&L\u3000${number}${centre}`;
}

function header(text: string): string {
  return text === '' ? '' : `&R&"${ANNEX_FONTS.heading},Regular"&${ANNEX_FONT_SIZES.pageText}${literal(text)}`;
}

function mmToInches(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * 10_000) / 10_000;
}

/** A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, at most 31 characters, unique. */
export function sheetName(wanted: string, taken: ReadonlySet<string> = new Set()): string {
  const clean = (name: string) => [...name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ')].slice(0, 31).join('').replace(/^'+|'+$/g, '').trim();
  const base = clean(wanted) || '附件';
  let name = base;
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); n += 1) {
    const suffix = `（${n}）`;
    name = clean([...base].slice(0, 31 - suffix.length).join('') + suffix);
  }
  return name;
}

export interface SheetFormat {
  name: string;
  columnWidths: readonly number[];
  pageText: PageText;
  firstPageNumber?: number;
}

/** Adds a sheet laid out as an annex page: landscape A4, the type area, the header row repeated. */
export function addAnnexSheet(
  workbook: { addWorksheet: (name: string, options: object) => Worksheet },
  format: SheetFormat,
): Worksheet {
  const { firstPageNumber } = format;
  const sheet = workbook.addWorksheet(format.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: ANNEX_ROWS.header, topLeftCell: `A${ANNEX_ROWS.firstBody}` }],
    pageSetup: {
      paperSize: 9 as PaperSize, // A4
      orientation: 'landscape',
      // Never scaled: the page breaks below are computed for 100 %, and fitting to width would undo them.
      fitToPage: false,
      scale: 100,
      horizontalCentered: true,
      margins: {
        top: mmToInches(ANNEX_MARGINS_MM.top),
        bottom: mmToInches(ANNEX_MARGINS_MM.bottom),
        left: mmToInches(ANNEX_MARGINS_MM.left),
        right: mmToInches(ANNEX_MARGINS_MM.right),
        header: mmToInches(ANNEX_MARGINS_MM.header),
        footer: mmToInches(ANNEX_MARGINS_MM.footer),
      },
      printTitlesRow: `${ANNEX_ROWS.header}:${ANNEX_ROWS.header}`,
      ...(firstPageNumber === undefined ? {} : { firstPageNumber }),
    },
    headerFooter: {
      differentOddEven: true,
      oddHeader: header(format.pageText.header),
      evenHeader: header(format.pageText.header),
      oddFooter: footer('right', format.pageText.footer),
      evenFooter: footer('left', format.pageText.footer),
    },
  });
  sheet.columns = format.columnWidths.map((width) => ({ width }));
  return sheet;
}

/** Writes the label ("附件1"), the blank line and the centred title above a table of `columns` columns. */
export function writeTitleRows(sheet: Worksheet, columns: number, label: string, title: string, rowHeight: (text: string, size: number) => number): void {
  const labelCell = sheet.getCell(ANNEX_ROWS.label, 1);
  labelCell.value = label;
  labelCell.font = font(ANNEX_FONTS.heading, ANNEX_FONT_SIZES.label);
  labelCell.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getRow(ANNEX_ROWS.label).height = rowHeight(label, ANNEX_FONT_SIZES.label);
  // The blank second line of GB/T 9704's annex page, one 3号 line high.
  sheet.getRow(ANNEX_ROWS.label + 1).height = 20;
  sheet.mergeCells(ANNEX_ROWS.title, 1, ANNEX_ROWS.title, columns);
  const titleCell = sheet.getCell(ANNEX_ROWS.title, 1);
  titleCell.value = layoutCellText(title, ANNEX_TABLE_WIDTH, ANNEX_FONT_SIZES.title);
  titleCell.font = font(ANNEX_FONTS.title, ANNEX_FONT_SIZES.title);
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(ANNEX_ROWS.title).height = rowHeight(title, ANNEX_FONT_SIZES.title);
  sheet.getRow(ANNEX_ROWS.title + 1).height = 12;
}

/** Writes the header row: 黑体, centred, boxed. */
export function writeHeaderRow(sheet: Worksheet, labels: readonly string[], height: number): void {
  const row = sheet.getRow(ANNEX_ROWS.header);
  labels.forEach((label, index) => {
    const cell = row.getCell(index + 1);
    cell.value = label;
    cell.font = font(ANNEX_FONTS.heading, ANNEX_FONT_SIZES.header);
    cell.alignment = CENTRED;
    cell.border = allBorders();
  });
  row.height = height;
}

/**
 * Lays the printed pages out from the rows' heights and writes the breaks into the sheet. `keep`
 * says which rows (by sheet row number) must stay with the row after them. Returns the page count.
 */
export function writePageBreaks(sheet: Worksheet, lastRow: number, keep: (rowNumber: number) => boolean): number {
  const rows: PrintedRow[] = [];
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber += 1) {
    rows.push({ height: sheet.getRow(rowNumber).height ?? 15, keepWithNext: rowNumber <= ANNEX_ROWS.header || keep(rowNumber) });
  }
  const breaks = pageBreaks(rows, {
    pageHeight: PAGE_BODY_HEIGHT_PT,
    repeatedHeight: sheet.getRow(ANNEX_ROWS.header).height ?? 15,
    slack: PAGE_SLACK_PT,
  });
  for (const index of breaks) sheet.getRow(index + 1).addPageBreak();
  return breaks.length + 1;
}

/** The printed area: the whole table, from the label to the last row. */
export function setPrintArea(sheet: Worksheet, columns: number, lastRow: number): void {
  sheet.pageSetup.printArea = `A1:${String.fromCharCode(64 + columns)}${lastRow}`;
}
