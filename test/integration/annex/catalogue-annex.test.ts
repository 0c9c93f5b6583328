// Writes annexes and reads them back with exceljs: what a planner's Excel would find in the file.
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCatalogueAnnex } from '../../../electron/annex/catalogue-annex';
import { AppError } from '../../../electron/db/app-error';
import { domainHeading } from '../../../shared/domain/numerals';
import type { CatalogueDetail } from '../../../shared/domain/catalogue';
import { buildCatalogueDetail, buildLargeCatalogueDetail } from '../../fixtures/catalogue-detail';

const HEADER_ROW = 5;

async function readBack(buffer: Buffer): Promise<{ workbook: ExcelJS.Workbook; sheet: Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no worksheet');
  return { workbook, sheet };
}

/** Row numbers of the table's body, by what column A holds: an item number or a domain heading. */
function bodyRows(sheet: Worksheet): { items: Map<number, number>; domains: Map<string, number>; last: number } {
  const items = new Map<number, number>();
  const domains = new Map<string, number>();
  let last = HEADER_ROW;
  for (let row = HEADER_ROW + 1; row <= sheet.rowCount; row += 1) {
    const value = sheet.getCell(row, 1).value;
    if (typeof value === 'number') items.set(value, row);
    else if (typeof value === 'string') domains.set(value, row);
    else continue;
    last = row;
  }
  return { items, domains, last };
}

function expectFont(cell: Cell, name: string, size: number): void {
  expect(cell.font?.name, cell.address).toBe(name);
  // exceljs reads a size as a whole number: 五号 (10.5) comes back as 10; openpyxl-reader.test.ts reads 10.5.
  expect(cell.font?.size, cell.address).toBe(Math.floor(size));
}

/** A cell's text without the line feeds the writer adds where a printed line ends. */
function unbroken(value: unknown): unknown {
  return typeof value === 'string' ? value.replaceAll('\n', '') : value;
}

function expectThinBox(cell: Cell): void {
  for (const side of ['top', 'left', 'bottom', 'right'] as const) {
    expect(cell.border?.[side]?.style, `${cell.address} ${side}`).toBe('thin');
  }
}

const inches = (mm: number): number => mm / 25.4;

describe('writeCatalogueAnnex (read back with exceljs)', () => {
  let detail: CatalogueDetail;
  let workbook: ExcelJS.Workbook;
  let sheet: Worksheet;
  let rows: ReturnType<typeof bodyRows>;

  beforeAll(async () => {
    detail = buildCatalogueDetail();
    ({ workbook, sheet } = await readBack(await writeCatalogueAnnex(detail)));
    rows = bodyRows(sheet);
  });

  it('names the sheet and the workbook', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['附件1 清单']);
    expect(workbook.creator).toBe('清单工作台');
    expect(workbook.title).toBe(detail.annexTitle);
  });

  it('puts the annex label flush left on the first line and the title centred on the third', () => {
    const label = sheet.getCell('A1');
    expect(label.value).toBe('附件1');
    expectFont(label, '黑体', 16);
    expect(label.alignment?.horizontal).toBe('left');
    expect(sheet.getCell('A2').value).toBeNull();

    const title = sheet.getCell('A3');
    expect(title.value).toBe(detail.annexTitle);
    expectFont(title, '方正小标宋简体', 22);
    expect(title.alignment?.horizontal).toBe('center');
    expect(sheet.model.merges).toContain('A3:F3');
  });

  it('writes the header row in the catalogue’s own wording, 黑体 12 pt, centred and boxed', () => {
    const header = sheet.getRow(HEADER_ROW);
    expect([1, 2, 3, 4, 5, 6].map((column) => header.getCell(column).value)).toEqual([
      '序号',
      '服务项目',
      '服务对象',
      '服务标准',
      '支出责任',
      '牵头负责部门',
    ]);
    header.eachCell((cell) => {
      expectFont(cell, '黑体', 12);
      expect(cell.alignment?.horizontal).toBe('center');
      expectThinBox(cell);
    });
  });

  it('repeats the header row on every printed page and freezes it on screen', () => {
    expect(sheet.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
    const view = sheet.views[0];
    expect(view?.state).toBe('frozen');
    expect(view && 'ySplit' in view ? view.ySplit : undefined).toBe(HEADER_ROW);
  });

  it('writes every domain, in order, as a merged 黑体 row boxed on every cell', () => {
    const headings = detail.domains.map((domain) => domainHeading(domain.seq, domain.name));
    expect([...rows.domains.keys()]).toEqual(headings);
    const domainRowNumbers = [...rows.domains.values()];
    expect(domainRowNumbers).toEqual([...domainRowNumbers].sort((a, b) => a - b));
    for (const [heading, row] of rows.domains) {
      expect(sheet.model.merges, heading).toContain(`A${row}:F${row}`);
      const first = sheet.getCell(row, 1);
      expectFont(first, '黑体', 12);
      expect(first.alignment?.horizontal).toBe('left');
      for (let column = 1; column <= 6; column += 1) expectThinBox(sheet.getCell(row, column));
    }
  });

  it('keeps the row of a domain that has no items yet', () => {
    const empty = rows.domains.get('四、基本住房保障');
    const next = rows.domains.get('五、基本公共文化体育');
    expect(empty).toBeDefined();
    expect(next).toBe((empty ?? 0) + 1);
  });

  it('numbers the items 1..N straight through the domains, under their own domain', () => {
    expect([...rows.items.keys()]).toEqual(detail.items.map((_, index) => index + 1));
    for (const item of detail.items) {
      const row = rows.items.get(item.itemNo) ?? 0;
      expect(unbroken(sheet.getCell(row, 2).value)).toBe(item.name);
      const domain = detail.domains.find((d) => d.seq === item.domainSeq);
      const headingRow = rows.domains.get(domainHeading(item.domainSeq, domain?.name ?? '')) ?? Infinity;
      expect(headingRow).toBeLessThan(row);
    }
  });

  it('writes item cells in 仿宋_GB2312 五号 (10.5 pt), wrapped, vertically centred and boxed', () => {
    for (const row of rows.items.values()) {
      const number = sheet.getCell(row, 1);
      expect(number.alignment?.horizontal).toBe('center');
      for (let column = 1; column <= 6; column += 1) {
        const cell = sheet.getCell(row, column);
        expectFont(cell, '仿宋_GB2312', 10.5);
        expect(cell.alignment?.vertical).toBe('middle');
        if (column > 1) expect(cell.alignment?.wrapText).toBe(true);
        expectThinBox(cell);
      }
    }
  });

  it('leaves a field that is not yet filled empty, never "null"', () => {
    const row = rows.items.get(3) ?? 0; // 普惠性学前教育资助: every field but the name is null
    expect(unbroken(sheet.getCell(row, 2).value)).toBe('普惠性学前教育资助');
    for (let column = 3; column <= 6; column += 1) {
      const cell = sheet.getCell(row, column);
      expect(cell.value ?? null).toBeNull();
      expectThinBox(cell);
    }
    sheet.eachRow((r) => r.eachCell((cell) => expect(String(cell.value)).not.toMatch(/^(null|undefined)$/)));
  });

  it('sets each row’s height from its text', () => {
    const height = (itemNo: number): number => sheet.getRow(rows.items.get(itemNo) ?? 0).height;
    // 免费义务教育 (short texts) against 医疗救助 (the long standard).
    expect(height(6)).toBeGreaterThan(height(1) * 2);
    for (const row of rows.items.values()) expect(sheet.getRow(row).height).toBeGreaterThanOrEqual(22);
    expect(sheet.getRow(3).height).toBeGreaterThan(22 * 1.3);
  });

  it('sets column widths that fit the type area', () => {
    const widths = sheet.columns.map((column) => column.width ?? 0);
    // Chosen from the text each column holds (shortest printed table), written out so a change shows here.
    expect(widths).toEqual([6, 13, 18, 38, 23, 14]);
    const sum = widths.reduce((a, b) => a + b, 0);
    // 225 mm of type area is ~121 Excel units at 7 px a digit, ~116 with LibreOffice's Carlito.
    expect(sum).toBe(112);
    // No text column below four glyphs; the long standards get the widest.
    for (const width of widths.slice(1)) expect(width).toBeGreaterThanOrEqual(11);
    expect(Math.max(...widths)).toBe(widths[3]);
  });

  it('prints on landscape A4 with the GB/T 9704 type area, at 100 % (never fitted, so its page breaks hold), centred', () => {
    const setup = sheet.pageSetup;
    expect(setup.paperSize).toBe(9);
    expect(setup.orientation).toBe('landscape');
    expect(setup.fitToPage).toBeFalsy();
    expect(setup.scale).toBe(100);
    expect(setup.horizontalCentered).toBe(true);
    const margins = setup.margins;
    expect(margins?.top).toBeCloseTo(inches(28), 3);
    expect(margins?.bottom).toBeCloseTo(inches(26), 3);
    expect(margins?.left).toBeCloseTo(inches(37), 3);
    expect(margins?.right).toBeCloseTo(inches(35), 3);
    // (GB/T 9704's type area, 225 × 156 mm, is the landscape page less these margins.)
    expect(margins?.footer).toBeLessThan(margins?.bottom ?? 0);
    expect(setup.printArea).toBe(`A1:F${rows.last}`);
    expect(rows.last).toBe(sheet.rowCount);
  });

  it('numbers pages "— n —" in 宋体 14 pt, odd pages right and even pages left', () => {
    const { headerFooter } = sheet;
    expect(headerFooter.differentOddEven).toBe(true);
    expect(headerFooter.oddFooter).toBe('&R&"宋体,Regular"&14— &P —\u3000');
    expect(headerFooter.evenFooter).toBe('&L\u3000&"宋体,Regular"&14— &P —');
    expect(sheet.pageSetup.firstPageNumber ?? 1).toBe(1);
  });
});

describe('writeCatalogueAnnex options and edge cases', () => {
  it('starts the page numbers where the plan left off', async () => {
    const { sheet } = await readBack(await writeCatalogueAnnex(buildCatalogueDetail(), { firstPageNumber: 17 }));
    expect(sheet.pageSetup.firstPageNumber).toBe(17);
  });

  it('refuses a page number that is not a positive integer', async () => {
    await expect(writeCatalogueAnnex(buildCatalogueDetail(), { firstPageNumber: 0 })).rejects.toThrow(AppError);
    await expect(writeCatalogueAnnex(buildCatalogueDetail(), { firstPageNumber: 2.5 })).rejects.toThrow(AppError);
  });

  it('refuses an item whose domain is not in the catalogue rather than dropping it', async () => {
    const detail = buildCatalogueDetail();
    const [first, ...rest] = detail.items;
    if (first === undefined) throw new Error('fixture has no items');
    const broken = { ...detail, items: [{ ...first, domainSeq: 42 }, ...rest] };
    await expect(writeCatalogueAnnex(broken)).rejects.toThrow(/免费义务教育/);
  });

  it('writes domains in seq order whatever order they arrive in', async () => {
    const detail = buildCatalogueDetail();
    const { sheet } = await readBack(await writeCatalogueAnnex({ ...detail, domains: [...detail.domains].reverse() }));
    expect([...bodyRows(sheet).domains.keys()][0]).toBe('一、基本公共教育');
  });

  it('writes the 81-item Hebei annex with its own column names, each item once', async () => {
    const detail = buildLargeCatalogueDetail();
    const buffer = await writeCatalogueAnnex(detail);
    const { sheet } = await readBack(buffer);
    const rows = bodyRows(sheet);
    expect(rows.items.size).toBe(81);
    expect([...rows.items.keys()]).toEqual(Array.from({ length: 81 }, (_, index) => index + 1));
    expect(rows.domains.size).toBe(8);
    expect(sheet.getCell(HEADER_ROW, 4).value).toBe('服务指导标准');
    expect(sheet.getCell(HEADER_ROW, 6).value).toBe('牵头负责部门');
    expect(sheet.model.merges).toHaveLength(1 + 8);
  });
});
