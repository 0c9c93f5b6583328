// The 对照表 as the CLI writes it, judged by three readers: exceljs (the marks on the changed characters),
// openpyxl (an independent reading of the page setup, fonts and merges) and LibreOffice's print (the
// header row on every page, the page numbers, landscape A4).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Database } from '../../../electron/db/database';
import { executeCommand } from '../../../electron/services/commands';
import { draftCommand } from '../../../electron/services/drafts';
import { runCli } from '../../support/run-cli';
import { seededDatabaseFile } from '../../support/temp-db';
import { convertToPdf, freshTempDir, hasLibreOffice, hasOpenpyxl, hasPoppler, pdfPages, pdfWords, printedCells, readWithOpenpyxl, rowEdgeCrossings, skipWithout } from './system-tools';
import type { PdfWord, PrintedSheet } from './system-tools';
import { lineBreakFaults } from '../../../shared/domain/line-breaking';

const PT_PER_MM = 72 / 25.4;
const HEADER = ['序号', '服务项目', '原文', '修改后', '说明'];
const dir = freshTempDir('comparison-table-');
let draftFile = '';
let wideFile = '';
let draft = '';

beforeAll(async () => {
  const path = await seededDatabaseFile(dir);
  const db = await Database.open(path);
  draft = (await executeCommand(db, await draftCommand(db, { sourceId: 'hebei-13th', name: '河北省“十五五”基本公共服务清单（草案）' }), 'test')).summary.id;
  const [row] = await db.all(`SELECT standard FROM items WHERE id = $1`, [`${draft}:004`]);
  await executeCommand(db, { kind: 'item.setField', itemId: `${draft}:004`, field: 'standard', value: String(row?.standard).replace('每生每年', '每生每学年'), expected: String(row?.standard) }, 'test');
  await executeCommand(db, { kind: 'item.delete', itemId: `${draft}:010` }, 'test');
  await db.close();
  draftFile = join(dir, 'draft.xlsx');
  wideFile = join(dir, 'wide.xlsx');
  for (const [before, after, out] of [['hebei-13th', draft, draftFile], ['hebei-13th', 'henan-13th', wideFile]] as const) {
    const result = runCli(['compare', before, after, '--out', out, '--db', path]);
    expect(result.stderr).toMatch(/新增 \d+ 项，删除 \d+ 项/u);
    expect(result.status, result.stderr).toBe(0);
  }
}, 120_000);

describe('对照表 written by the CLI, read back by exceljs', () => {
  it('leaves only the finished files (written to a temporary name and renamed)', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('has the header row, the 领域 rows, the changed item with its characters marked, and the deleted one', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(draftFile);
    const sheet = book.getWorksheet('对照表')!;
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '5:5' });
    expect(sheet.getCell('A6').value).toBe('一、基本公共教育');
    expect(sheet.getCell('A6').isMerged).toBe(true);
    const rows: string[][] = [];
    sheet.eachRow((row, n) => {
      // The writer adds line feeds where a printed line ends (Chinese line breaking): read the text without them.
      if (n > 6) rows.push([1, 2, 3, 4, 5].map((c) => String(row.getCell(c).text).replaceAll('\n', '')));
    });
    const changed = rows.find((r) => r[4] === '修改了服务指导标准')!;
    expect(changed[0]).toBe('1');
    const after = sheet.getCell(`D${7 + rows.indexOf(changed)}`).value as { richText: { text: string; font: Partial<ExcelJS.Font> }[] };
    const marked = after.richText.filter((run) => run.font.bold && run.font.underline);
    expect(marked.map((run) => run.text).join('')).toBe('学');
    // exceljs reads 五号 (10.5 pt) back as 10; openpyxl reads 10.5 (below).
    expect(after.richText.every((run) => run.font.name === '仿宋_GB2312' && run.font.size === 10)).toBe(true);
    const removed = rows.find((r) => r[4] === '删除')!;
    expect(removed[3]).toBe('（删除）');
    expect(rows.filter((r) => /^\d+$/u.test(r[0]!))).toHaveLength(2);
  });
});

interface Seen {
  sheetNames: string[];
  printTitleRows: string | null;
  orientation: string;
  paperSize: number | null;
  fitToPage: boolean;
  margins: Record<string, number>;
  oddFooterRight: { text: string | null; font: string | null; size: number | null };
  mergedRanges: string[];
  cells: Record<string, { value: string | number; name: string | null; size: number | null }>;
}

describe.skipIf(skipWithout(hasOpenpyxl))('对照表 read by openpyxl', () => {
  it('finds the annex page: landscape A4, print titles, margins, page numbers and fonts', async () => {
    const seen = await readWithOpenpyxl<Seen>(draftFile);
    expect(seen.sheetNames).toEqual(['对照表']);
    expect(seen.printTitleRows?.replaceAll('$', '')).toBe('5:5');
    expect([seen.orientation, seen.paperSize, seen.fitToPage]).toEqual(['landscape', 9, false]);
    expect(seen.margins.left! * 25.4).toBeCloseTo(37, 1);
    expect(seen.oddFooterRight).toEqual({ text: '— &P —\u3000', font: '宋体,Regular', size: 14 });
    expect(HEADER.map((_, i) => seen.cells[`${'ABCDE'[i]}5`]?.value)).toEqual(HEADER);
    expect(seen.cells['A5']).toMatchObject({ name: '黑体', size: 12 });
    expect(seen.cells['A3']).toMatchObject({ name: '方正小标宋简体', size: 22 });
    expect(seen.cells['A3']?.value).toBe('河北省“十五五”基本公共服务清单（草案）修改对照表');
    expect(seen.cells['A7']).toMatchObject({ value: 1, name: '仿宋_GB2312', size: 10.5 });
    expect(seen.mergedRanges).toContain('A6:E6');
    // A rich-text cell reads as its whole text.
    expect(String(seen.cells['D7']?.value)).toContain('每生每学年');
  });
});

describe.skipIf(skipWithout(hasLibreOffice, hasPoppler))('对照表 printed by LibreOffice', () => {
  let pages: string[] = [];
  let size = { pageWidth: 0, pageHeight: 0 };
  let words: PdfWord[] = [];
  let copy = '';
  beforeAll(async () => {
    const printDir = freshTempDir('comparison-print-');
    copy = join(printDir, 'wide.xlsx');
    writeFileSync(copy, readFileSync(wideFile));
    const [pdf] = await convertToPdf([copy], printDir);
    pages = await pdfPages(pdf!);
    const printed = await pdfWords(pdf!);
    size = printed;
    words = printed.words;
  }, 120_000);

  it.skipIf(skipWithout(hasOpenpyxl))('breaks lines as Chinese typesetting does, in the marked runs too', async () => {
    const seen = await readWithOpenpyxl<{ sheets: PrintedSheet[] }>(copy);
    const cells = printedCells(seen.sheets, words);
    expect(cells.filter((lines) => lines.length > 1).length).toBeGreaterThan(5);
    expect(cells.flatMap((lines) => lineBreakFaults(lines))).toEqual([]);
    expect(rowEdgeCrossings(seen.sheets, words)).toEqual([]);
  });

  it('prints on several pages with the header row at the top of every one, numbered "— n —"', () => {
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toMatch(/序号\s+服务项目\s+原文\s+修改后\s+说明/u);
      expect(page, `page ${index + 1}`).toMatch(new RegExp(`—\\s*${index + 1}\\s*—`, 'u'));
    });
    expect(pages[0]).toContain('修改对照表');
    expect(pages[0]).toContain('原文：河北省“十三五”基本公共服务清单');
  });

  it('prints on landscape A4, with added and removed items said so', () => {
    expect(size.pageWidth).toBeCloseTo(297 * PT_PER_MM, 0);
    expect(size.pageHeight).toBeCloseTo(210 * PT_PER_MM, 0);
    const all = pages.join('\n');
    expect(all).toContain('新增');
    expect(all).toContain('删除');
  });
});
