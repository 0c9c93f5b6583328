// Writes the catalogue (清单) as the annex of a plan document, in the format planners hand in:
// GB/T 9704 typography, landscape A4, the header row repeated on every printed page.
// The format is in seeds/reference/annex_format.md; the exceljs traps it works around are in DESIGN.md.
import type { Alignment, Borders, Font, PaperSize, Worksheet } from 'exceljs';
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { CatalogueDetail, CatalogueItem, ColumnLabels, Domain } from '../../shared/domain/catalogue';
import { domainHeading } from '../../shared/domain/numerals';
import { AppError } from '../db/app-error';
import { estimateRowHeight } from './row-height';

export interface CatalogueAnnexOptions {
  /** Page number of the annex's first page, when numbering continues from the plan's body. */
  firstPageNumber?: number;
}

/** Font names as the planners' Windows machines know them; a near miss silently falls back to 宋体. */
export const ANNEX_FONTS = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;

/** Sizes in points: 3号 16, 2号 22, 小四 12, 4号 14. Body 11, not 五号 10.5, which exceljs reads back as 10. */
export const ANNEX_FONT_SIZES = {
  label: 16,
  title: 22,
  header: 12,
  domain: 12,
  body: 11,
  pageNumber: 14,
} as const;

const MM_PER_INCH = 25.4;

/**
 * GB/T 9704's type area (156 × 225 mm, top 37, binding edge 28) turned onto a landscape A4 sheet. The
 * footer sits so the page number's line starts 7 mm below the type area, where the standard puts it.
 */
export const ANNEX_MARGINS_MM = { top: 28, bottom: 26, left: 37, right: 35, header: 12, footer: 14 } as const;

type ColumnKey = keyof ColumnLabels;
const COLUMN_KEYS: readonly ColumnKey[] = ['itemNo', ...ITEM_FIELDS];

/**
 * Column widths in Excel units, one digit of the default font (Calibri 11). The type area is 225 mm:
 * about 121 units in Excel (7 px a digit) but 116 in LibreOffice (Carlito, 7.4 px), so 112 fills it
 * in both without fitToWidth shrinking the text. Balanced on the Hebei annex so that the columns of
 * a typical item wrap to about the same number of lines; the standard column holds the long texts.
 */
export const ANNEX_COLUMN_WIDTHS: Readonly<Record<ColumnKey, number>> = {
  itemNo: 6,
  name: 13,
  targetGroup: 21,
  standard: 41,
  fundingResponsibility: 16,
  // Wide enough for "牵头负责部门" on one line at 12 pt.
  leadDepartment: 15,
};

const COLUMN_COUNT = COLUMN_KEYS.length;
const LAST_COLUMN = String.fromCharCode('A'.charCodeAt(0) + COLUMN_COUNT - 1);
const TABLE_WIDTH = COLUMN_KEYS.reduce((sum, key) => sum + ANNEX_COLUMN_WIDTHS[key], 0);

/** Rows of the sheet above the table: label, blank, title, spacer; then the header row. */
export const ANNEX_ROWS = { label: 1, title: 3, header: 5, firstBody: 6 } as const;

const THIN = { style: 'thin' } as const;
function allBorders(): Partial<Borders> {
  return { top: { ...THIN }, left: { ...THIN }, bottom: { ...THIN }, right: { ...THIN } };
}

function font(name: string, size: number): Partial<Font> {
  // charset 134 (GB2312) lets Excel pick the Chinese face even where the name is missing.
  return { name, size, charset: 134 };
}

/** "— 1 —" in 4号宋体, 一字 (a full-width space) in from the outer edge, as GB/T 9704 places it. */
function pageNumberFooter(side: 'left' | 'right'): string {
  const number = `&"${ANNEX_FONTS.pageNumber},Regular"&${ANNEX_FONT_SIZES.pageNumber}— &P —`;
  return side === 'right' ? `&R${number}\u3000` : `&L\u3000${number}`;
}

/** A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, at most 31 characters. */
export function annexSheetName(annexLabel: string): string {
  const label = annexLabel.replace(/[[\]:*?/\\]/g, ' ').trim();
  const name = label === '' ? '清单' : `${label} 清单`;
  return [...name].slice(0, 31).join('').replace(/^'+|'+$/g, '').trim() || '清单';
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

function writeTitleRows(sheet: Worksheet, detail: CatalogueDetail): void {
  const label = sheet.getCell(ANNEX_ROWS.label, 1);
  label.value = detail.annexLabel;
  label.font = font(ANNEX_FONTS.heading, ANNEX_FONT_SIZES.label);
  label.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getRow(ANNEX_ROWS.label).height = estimateRowHeight([
    { text: detail.annexLabel, columnWidth: TABLE_WIDTH, fontSizePt: ANNEX_FONT_SIZES.label },
  ]);
  // The blank second line of GB/T 9704's annex page, one 3号 line high.
  sheet.getRow(ANNEX_ROWS.label + 1).height = 20;

  sheet.mergeCells(ANNEX_ROWS.title, 1, ANNEX_ROWS.title, COLUMN_COUNT);
  const title = sheet.getCell(ANNEX_ROWS.title, 1);
  title.value = detail.annexTitle;
  title.font = font(ANNEX_FONTS.title, ANNEX_FONT_SIZES.title);
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(ANNEX_ROWS.title).height = estimateRowHeight([
    { text: detail.annexTitle, columnWidth: TABLE_WIDTH, fontSizePt: ANNEX_FONT_SIZES.title },
  ]);
  sheet.getRow(ANNEX_ROWS.title + 1).height = 12;
}

function writeHeaderRow(sheet: Worksheet, labels: ColumnLabels): void {
  const row = sheet.getRow(ANNEX_ROWS.header);
  COLUMN_KEYS.forEach((key, index) => {
    const cell = row.getCell(index + 1);
    cell.value = labels[key];
    cell.font = font(ANNEX_FONTS.heading, ANNEX_FONT_SIZES.header);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = allBorders();
  });
  row.height = estimateRowHeight(
    COLUMN_KEYS.map((key) => ({ text: labels[key], columnWidth: ANNEX_COLUMN_WIDTHS[key], fontSizePt: ANNEX_FONT_SIZES.header })),
    { minHeightPt: 24 },
  );
}

function writeDomainRow(sheet: Worksheet, rowNumber: number, domain: Domain): void {
  sheet.mergeCells(rowNumber, 1, rowNumber, COLUMN_COUNT);
  const heading = domainHeading(domain.seq, domain.name);
  sheet.getCell(rowNumber, 1).value = heading;
  // exceljs writes a merge's border only from the cells that carry it: style every cell, each its own object.
  for (let column = 1; column <= COLUMN_COUNT; column += 1) {
    const cell = sheet.getCell(rowNumber, column);
    cell.font = font(ANNEX_FONTS.heading, ANNEX_FONT_SIZES.domain);
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 };
    cell.border = allBorders();
  }
  sheet.getRow(rowNumber).height = estimateRowHeight(
    [{ text: heading, columnWidth: TABLE_WIDTH, fontSizePt: ANNEX_FONT_SIZES.domain }],
    { minHeightPt: 22 },
  );
}

function writeItemRow(sheet: Worksheet, rowNumber: number, item: CatalogueItem): void {
  const row = sheet.getRow(rowNumber);
  COLUMN_KEYS.forEach((key, index) => {
    const cell = row.getCell(index + 1);
    // null is "not yet filled": an empty (but bordered) cell, never the word.
    cell.value = cellText(item, key);
    cell.font = font(ANNEX_FONTS.body, ANNEX_FONT_SIZES.body);
    const alignment: Partial<Alignment> =
      key === 'itemNo'
        ? { horizontal: 'center', vertical: 'middle' }
        : { horizontal: 'left', vertical: 'middle', wrapText: true };
    cell.alignment = alignment;
    cell.border = allBorders();
  });
  row.height = estimateRowHeight(
    COLUMN_KEYS.map((key) => ({
      text: String(cellText(item, key) ?? ''),
      columnWidth: ANNEX_COLUMN_WIDTHS[key],
      fontSizePt: ANNEX_FONT_SIZES.body,
    })),
    { minHeightPt: 22 },
  );
}

function mmToInches(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * 10_000) / 10_000;
}

/** The catalogue annex as an .xlsx file. */
export async function writeCatalogueAnnex(
  detail: CatalogueDetail,
  options: CatalogueAnnexOptions = {},
): Promise<Buffer> {
  const { firstPageNumber } = options;
  if (firstPageNumber !== undefined && !(Number.isInteger(firstPageNumber) && firstPageNumber >= 1)) {
    throw new AppError('bad_request', `起始页码应为正整数，收到的是 ${firstPageNumber}。`);
  }
  const domains = [...detail.domains].sort((a, b) => a.seq - b.seq);
  const groups = itemsByDomain(domains, detail.items);

  // exceljs takes a sixth of the app's start-up to load: load it on the first export instead.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '清单工作台';
  workbook.lastModifiedBy = '清单工作台';
  workbook.title = detail.annexTitle;

  const sheet = workbook.addWorksheet(annexSheetName(detail.annexLabel), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: ANNEX_ROWS.header, topLeftCell: `A${ANNEX_ROWS.firstBody}` }],
    pageSetup: {
      paperSize: 9 as PaperSize, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      // 0: as many pages tall as the table needs.
      fitToHeight: 0,
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
      oddFooter: pageNumberFooter('right'),
      evenFooter: pageNumberFooter('left'),
    },
  });
  sheet.columns = COLUMN_KEYS.map((key) => ({ key, width: ANNEX_COLUMN_WIDTHS[key] }));

  writeTitleRows(sheet, detail);
  writeHeaderRow(sheet, detail.columnLabels);
  let rowNumber = ANNEX_ROWS.firstBody;
  for (const domain of domains) {
    writeDomainRow(sheet, rowNumber, domain);
    rowNumber += 1;
    for (const item of groups.get(domain.seq) ?? []) {
      writeItemRow(sheet, rowNumber, item);
      rowNumber += 1;
    }
  }
  sheet.pageSetup.printArea = `A1:${LAST_COLUMN}${rowNumber - 1}`;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
