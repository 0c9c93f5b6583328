// A second, independent reader: openpyxl must find in our file what exceljs wrote, so the file does
// not merely round-trip through the library that made it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCatalogueAnnex } from '../../../electron/annex/catalogue-annex';
import { domainHeading } from '../../../shared/domain/numerals';
import { buildCatalogueDetail } from '../../fixtures/catalogue-detail';
import { freshTempDir, hasOpenpyxl, readWithOpenpyxl, skipWithout } from './system-tools';

interface CellSeen {
  value: string | number;
  name: string | null;
  size: number | null;
}

interface AnnexSeen {
  sheetNames: string[];
  title: string;
  creator: string;
  docTitle: string;
  mergedRanges: string[];
  printTitleRows: string | null;
  printArea: string[] | string | null;
  orientation: string;
  paperSize: number | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean;
  firstPageNumber: number | null;
  useFirstPageNumber: boolean;
  horizontalCentered: boolean;
  margins: Record<'top' | 'bottom' | 'left' | 'right' | 'header' | 'footer', number>;
  differentOddEven: boolean;
  oddFooterRight: { text: string | null; font: string | null; size: number | null };
  evenFooterLeft: { text: string | null; font: string | null; size: number | null };
  freezePanes: string | null;
  maxRow: number;
  maxColumn: number;
  cells: Record<string, CellSeen>;
}

describe.skipIf(skipWithout(hasOpenpyxl))('catalogue annex read by openpyxl', () => {
  const detail = buildCatalogueDetail();
  let seen: AnnexSeen;
  let seenWithStart: AnnexSeen;

  beforeAll(async () => {
    const dir = freshTempDir('annex-openpyxl-');
    const plain = join(dir, 'annex.xlsx');
    const continued = join(dir, 'annex-continued.xlsx');
    writeFileSync(plain, await writeCatalogueAnnex(detail));
    writeFileSync(continued, await writeCatalogueAnnex(detail, { firstPageNumber: 9 }));
    [seen, seenWithStart] = await Promise.all([readWithOpenpyxl<AnnexSeen>(plain), readWithOpenpyxl<AnnexSeen>(continued)]);
  });

  it('finds one sheet, named for the annex, and the workbook properties', () => {
    expect(seen.sheetNames).toEqual(['附件1 清单']);
    expect(seen.title).toBe('附件1 清单');
    expect(seen.creator).toBe('清单工作台');
    expect(seen.docTitle).toBe(detail.annexTitle);
  });

  it('finds the title and every domain row merged across the six columns', () => {
    // Rows: 1 label, 3 title, 5 header; then domains and items as the fixture orders them.
    const expected = ['A3:F3'];
    let row = 6;
    for (const domain of detail.domains) {
      expected.push(`A${row}:F${row}`);
      row += 1 + detail.items.filter((item) => item.domainSeq === domain.seq).length;
    }
    expect(seen.mergedRanges).toEqual([...expected].sort());
    expect(seen.maxRow).toBe(row - 1);
    expect(seen.maxColumn).toBe(6);
  });

  it('finds the print titles, print area, landscape A4 and fit to one page wide', () => {
    expect(seen.printTitleRows?.replaceAll('$', '')).toBe('5:5');
    const area = Array.isArray(seen.printArea) ? seen.printArea.join(',') : seen.printArea;
    expect(area?.replaceAll('$', '')).toBe(`A1:F${seen.maxRow}`);
    expect(seen.orientation).toBe('landscape');
    expect(seen.paperSize).toBe(9);
    expect(seen.fitToPage).toBe(false);
    expect(seen.horizontalCentered).toBe(true);
    expect(seen.margins.top * 25.4).toBeCloseTo(28, 1);
    expect(seen.margins.left * 25.4).toBeCloseTo(37, 1);
    expect(seen.margins.bottom * 25.4).toBeCloseTo(26, 1);
    expect(seen.margins.right * 25.4).toBeCloseTo(35, 1);
    expect(seen.freezePanes).toBe('A6');
  });

  it('finds the page numbers in the footer, and the first page number only when given', () => {
    expect(seen.differentOddEven).toBe(true);
    expect(seen.oddFooterRight).toEqual({ text: '— &P —\u3000', font: '宋体,Regular', size: 14 });
    expect(seen.evenFooterLeft).toEqual({ text: '\u3000— &P —', font: '宋体,Regular', size: 14 });
    expect(seen.useFirstPageNumber).toBe(false);
    expect(seenWithStart.useFirstPageNumber).toBe(true);
    expect(seenWithStart.firstPageNumber).toBe(9);
  });

  it('finds the fonts by name and size', () => {
    const font = (address: string): [string | null, number | null] => [seen.cells[address]?.name ?? null, seen.cells[address]?.size ?? null];
    expect(font('A1')).toEqual(['黑体', 16]);
    expect(font('A3')).toEqual(['方正小标宋简体', 22]);
    for (const column of 'ABCDEF') expect(font(`${column}5`)).toEqual(['黑体', 12]);
    expect(font('A6')).toEqual(['黑体', 12]);
    expect(font('A7')).toEqual(['仿宋_GB2312', 10.5]);
    expect(font('D7')).toEqual(['仿宋_GB2312', 10.5]);
  });

  it('finds the texts, with nothing where a field is not yet filled', () => {
    expect(seen.cells['A6']?.value).toBe(domainHeading(1, '基本公共教育'));
    expect(seen.cells['A7']?.value).toBe(1);
    // Item 3 (row 9) has only its name.
    // The writer breaks the lines itself (Chinese line breaking): the text is there, with line feeds added.
    expect(String(seen.cells['B9']?.value).replaceAll('\n', '')).toBe('普惠性学前教育资助');
    for (const column of 'CDEF') expect(seen.cells[`${column}9`]).toBeUndefined();
    const values = Object.values(seen.cells).map((cell) => String(cell.value));
    expect(values).not.toContain('null');
    expect(values).not.toContain('None');
  });
});
