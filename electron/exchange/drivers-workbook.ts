// The drivers of a catalogue as a workbook to fill in Excel or WPS and import again (导入测算参数): a row per
// item in the order printed, its 序号 and 服务项目 first (the import checks the two agree, so a row that slid
// while sorting or pasting is refused, not written to the wrong item), then its drivers as stored. 单位 and
// 分担规则 offer their lists in the cell, as the grid does; 服务人群 offers the known cohorts and takes any other.
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { DRIVER_UNITS } from '../../shared/domain/pricing/drivers';
import type { ItemDriver } from '../../shared/domain/pricing/drivers';
import { IMPORT_COLUMNS, columnLabel } from '../../shared/domain/pricing/import-columns';
import { catalogueProvince } from '../../shared/domain/pricing/regions';
import { rulesOfProvince } from '../../shared/domain/pricing/split-rules';
import type { Database } from '../db/database';
import { ANNEX_CREATOR } from '../annex/catalogue-annex';
import { annexFileName } from '../annex/file-name';
import { getCatalogue } from '../services/catalogue-queries';
import { driverFieldOfColumn, listDrivers } from '../pricing/drivers-store';
import { listRules } from '../pricing/rules';
import { knownCohorts } from '../pricing/population';

/** The columns of the sheet: the import's, with the item's name after its 序号. */
export const DRIVERS_SHEET_COLUMNS = ['item_no', 'item', ...IMPORT_COLUMNS.drivers.slice(1)] as const;

const WIDTHS: Record<string, number> = { item_no: 6, item: 40, cohort: 14, coverage: 9, unit_amount: 11, unit: 12, periods_per_year: 10, base_year: 10, yearly_change: 10, split_rule: 34 };
/** Numbers stay numbers in the sheet (Excel sums and checks them); they are read back as the text shown. */
const NUMERIC = new Set(['coverage', 'unit_amount', 'periods_per_year', 'base_year', 'yearly_change']);
const LIST_SHEET = '选项';
/** Rows offered lists and checks below the items, for items a planner adds while filling the sheet. */
const SPARE_ROWS = 50;

export async function writeDriversWorkbook(db: Database, catalogueId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const detail = await getCatalogue(db, catalogueId);
  const drivers = await listDrivers(db, catalogueId);
  const rules = await listRules(db);
  const cohorts = (await knownCohorts(db)).map((k) => k.cohort);
  const ruleName = new Map(rules.map((r) => [r.id, r.name]));

  const book = new ExcelJS.Workbook();
  book.creator = ANNEX_CREATOR;
  book.title = `${detail.summary.name} 测算参数`;
  // A working sheet, but one that prints whole if printed: A4 across, as wide as the page, the header on each page.
  const sheet = book.addWorksheet('测算参数', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', horizontalCentered: true },
  });
  sheet.columns = DRIVERS_SHEET_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] ?? 10 }));
  const header = sheet.addRow(DRIVERS_SHEET_COLUMNS.map((c) => columnLabel(c, 'drivers')));
  header.font = { bold: true };
  header.eachCell((cell) => fill(cell, 'FFE8ECF1'));

  for (const item of detail.items) {
    const driver = drivers.get(item.id);
    const row = sheet.addRow(DRIVERS_SHEET_COLUMNS.map((c) => (c === 'item_no' ? item.itemNo : c === 'item' ? item.name : valueOf(driver, c, ruleName))));
    // The item's own columns are the key of the row, not a value to fill: shaded as the grid shades them.
    for (const c of [1, 2]) fill(row.getCell(c), 'FFF3F4F6');
  }
  const thin = { style: 'thin' as const, color: { argb: 'FFB0B7C3' } };
  sheet.eachRow((row) => {
    for (let c = 1; c <= DRIVERS_SHEET_COLUMNS.length; c += 1) row.getCell(c).border = { top: thin, left: thin, bottom: thin, right: thin };
  });

  const last = detail.items.length + 1 + SPARE_ROWS;
  const lists = book.addWorksheet(LIST_SHEET, { state: 'hidden' });
  const listRange = (column: number, values: readonly string[]) => {
    values.forEach((v, i) => (lists.getCell(i + 1, column).value = v));
    return `${LIST_SHEET}!$${String.fromCharCode(64 + column)}$1:$${String.fromCharCode(64 + column)}$${Math.max(values.length, 1)}`;
  };
  const units = listRange(1, DRIVER_UNITS.map((u) => u.unit));
  // The catalogue's province's rules and the shared ones (a 河北 sheet does not offer 河南's).
  const ruleNames = listRange(2, rulesOfProvince(rules, catalogueProvince(detail.summary.regionCode)).map((r) => r.name));
  const cohortNames = listRange(3, cohorts);
  validate(sheet, 'unit', last, { type: 'list', allowBlank: true, formulae: [units], showErrorMessage: true, errorTitle: '单位', error: '请从列表中选择单位。' });
  validate(sheet, 'split_rule', last, { type: 'list', allowBlank: true, formulae: [ruleNames], showErrorMessage: true, errorTitle: '分担规则', error: '请从列表中选择分担规则。' });
  // A new cohort may be named here (its population is imported later): the list only offers.
  validate(sheet, 'cohort', last, { type: 'list', allowBlank: true, formulae: [cohortNames], showErrorMessage: false });
  validate(sheet, 'coverage', last, { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 1], showErrorMessage: true, errorTitle: '覆盖率', error: '覆盖率是 0% 到 100% 之间的百分数（或 0 到 1 之间的小数），如 50% 表示一半。' });
  // Shown as the 测算 grid shows it (1.5%), held as the fraction the import reads (0.015).
  const coverageColumn = DRIVERS_SHEET_COLUMNS.indexOf('coverage') + 1;
  for (let r = 2; r <= last; r += 1) sheet.getCell(r, coverageColumn).numFmt = '0.0###%';
  validate(sheet, 'base_year', last, { type: 'whole', operator: 'between', allowBlank: true, formulae: [2000, 2100], showErrorMessage: true, errorTitle: '标准年份', error: '标准年份是四位年份，如 2025。' });

  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: annexFileName({ annexLabel: '测算参数', annexTitle: detail.summary.name }), bytes };
}

function valueOf(driver: ItemDriver | undefined, column: string, ruleName: Map<string, string>): string | number | null {
  const field = driverFieldOfColumn(column);
  const value = field && driver ? driver[field] : null;
  if (value === null || value === undefined) return null;
  if (column === 'split_rule') return ruleName.get(String(value)) ?? String(value);
  // A decimal as stored (at most six places) is a double that prints back as the same digits.
  return NUMERIC.has(column) ? Number(value) : String(value);
}

function fill(cell: Cell, argb: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function validate(sheet: Worksheet, column: string, lastRow: number, rule: ExcelJS.DataValidation): void {
  const index = DRIVERS_SHEET_COLUMNS.indexOf(column as (typeof DRIVERS_SHEET_COLUMNS)[number]) + 1;
  for (let r = 2; r <= lastRow; r += 1) sheet.getCell(r, index).dataValidation = rule;
}
