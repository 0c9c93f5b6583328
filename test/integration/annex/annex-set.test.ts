// The Hebei annex set (附件1 the catalogue, 附件2 the tasks) and the 十四五 indicator table, exported
// through the service from a seeded database, then judged by independent readers: exceljs and openpyxl
// read the files, LibreOffice prints them and pdftotext reads the print.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainHeading } from '../../../shared/domain/numerals';
import { lineBreakFaults } from '../../../shared/domain/line-breaking';
import type { CatalogueDetail } from '../../../shared/domain/catalogue';
import { Database } from '../../../electron/db/database';
import { exportAnnexes } from '../../../electron/services/annex-export';
import { getCatalogue } from '../../../electron/services/catalogue-queries';
import { describeWorkbook } from '../../support/describe-workbook';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';
import { convertToPdf, hasLibreOffice, hasOpenpyxl, hasPoppler, pdfPages, pdfWords, readWithOpenpyxl } from './system-tools';
import type { PdfWord } from './system-tools';

interface PrintedSheet {
  rowBreaks: number[];
  rowHeights: Array<number | null>;
  topMargin: number;
}

const HEADER_ROW = 5;

/**
 * Where each printed page's rows begin and end (points from the top), from the file's own row heights
 * and breaks: printed at 100 %, a page's table starts at the top margin, after the first page with the
 * repeated header row. Pages are numbered on through the sheets, as the PDF numbers them.
 */
function pageRowEdges(sheets: readonly PrintedSheet[]): number[][] {
  const pages: number[][] = [];
  for (const sheet of sheets) {
    const height = (row: number) => sheet.rowHeights[row - 1] ?? 15;
    const starts = [1, ...sheet.rowBreaks.map((b) => b + 1)];
    const ends = [...sheet.rowBreaks, sheet.rowHeights.length];
    starts.forEach((start, index) => {
      const rows = [...(index === 0 ? [] : [HEADER_ROW]), ...Array.from({ length: ends[index]! - start + 1 }, (_, k) => start + k)];
      let y = sheet.topMargin * 72;
      const edges = [y];
      for (const row of rows) edges.push((y += height(row)));
      pages.push(edges);
    });
  }
  return pages;
}

/** A line of text that crosses one of its page's row edges is text its row cannot hold. */
function rowEdgeCrossings(sheets: readonly PrintedSheet[], words: readonly PdfWord[]): string[] {
  const crossings: string[] = [];
  pageRowEdges(sheets).forEach((edges, index) => {
    const onPage = words.filter((w) => w.page === index + 1 && w.yMin > edges[0]! - 1 && w.yMin < edges.at(-1)!);
    for (const word of onPage) {
      const crossed = edges.find((edge) => word.yMin < edge - 1 && word.yMax > edge + 1);
      if (crossed !== undefined) crossings.push(`page ${index + 1}: “${word.text}” crosses y=${crossed.toFixed(1)}`);
    }
  });
  return crossings;
}

/**
 * The printed lines of every cell, read from the PDF alone: words on one baseline and close together
 * (less than a glyph apart) are one line of one cell; the lines of a cell share its left edge (the text
 * is set flush left) and its row (between two row edges of the page).
 */
function printedCells(sheets: readonly PrintedSheet[], words: readonly PdfWord[]): string[][] {
  const cells = new Map<string, Array<{ y: number; text: string }>>();
  pageRowEdges(sheets).forEach((edges, index) => {
    const onPage = words.filter((w) => w.page === index + 1).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    const lines: PdfWord[][] = [];
    for (const word of onPage) {
      const line = lines.find((l) => Math.abs(l[0]!.yMin - word.yMin) < 1 && word.xMin - l.at(-1)!.xMax < 6 && word.xMin >= l.at(-1)!.xMax - 1);
      if (line) line.push(word);
      else lines.push([word]);
    }
    for (const line of lines) {
      const row = edges.findIndex((edge) => edge > line[0]!.yMin);
      const key = `${index}:${row}:${Math.round(line[0]!.xMin)}`;
      const text = line.map((w, k) => (k > 0 && w.xMin - line[k - 1]!.xMax > 1.5 ? ' ' : '') + w.text).join('');
      cells.set(key, [...(cells.get(key) ?? []), { y: line[0]!.yMin, text }]);
    }
  });
  return [...cells.values()].map((lines) => lines.sort((a, b) => a.y - b.y).map((line) => line.text));
}

const GOLDEN = new URL('../../fixtures/golden/', import.meta.url).pathname;
const temp = tempDir('annex-set-');
let db: Database;
let hebei: CatalogueDetail;
let setFile: string;
let indicatorFile: string;
let setBytes: Buffer;
let indicatorBytes: Buffer;

beforeAll(async () => {
  db = await Database.open(await seededDatabaseFile(temp.dir));
  hebei = await getCatalogue(db, 'hebei-13th');
  const [set] = await exportAnnexes(db, 'hebei-13th', { annex: 'all', layout: 'workbook' });
  const [indicators] = await exportAnnexes(db, 'national-14th-plan', { annex: 'indicators', layout: 'workbook' });
  setBytes = set!.bytes;
  indicatorBytes = indicators!.bytes;
  setFile = join(temp.dir, 'hebei-set.xlsx');
  indicatorFile = join(temp.dir, 'indicators.xlsx');
  writeFileSync(setFile, setBytes);
  writeFileSync(indicatorFile, indicatorBytes);
}, 120_000);

afterAll(async () => {
  await db.close();
  temp.cleanup();
});

describe('the annex set as files', () => {
  it('has a sheet per part, named within Excel’s rules', async () => {
    const described = await describeWorkbook(setBytes);
    expect(described.map((sheet) => sheet.name)).toEqual(['附件1 清单', '附件2 重点任务分工']);
    for (const sheet of described) {
      expect([...sheet.name].length).toBeLessThanOrEqual(31);
      expect(sheet.name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('refuses the parts a catalogue does not have, in one Chinese sentence', async () => {
    await expect(exportAnnexes(db, 'hebei-13th', { annex: 'indicators', layout: 'workbook' })).rejects.toThrow(/没有主要指标表/);
    await expect(exportAnnexes(db, 'gansu-13th', { annex: 'catalogue', layout: 'workbook' })).rejects.toThrow(/还没有服务项目/);
    const gansu = await exportAnnexes(db, 'gansu-13th', { annex: 'all', layout: 'separate' });
    expect(gansu.map((file) => file.fileName)).toEqual(['附件2_甘肃省“十三五”基本公共服务重点任务分工方案.xlsx']);
  });

  it('puts the draft mark and the date in the header of a draft, and nothing in a published one', async () => {
    const [henan] = await exportAnnexes(db, 'henan-13th', { annex: 'catalogue', layout: 'workbook' });
    const [draft] = await describeWorkbook(henan!.bytes);
    expect(String(draft!.headerFooter.oddHeader)).toMatch(/草稿\u3000\d{4}年\d{1,2}月\d{1,2}日$/u);
    const [published] = await describeWorkbook(setBytes);
    expect(published!.headerFooter.oddHeader ?? '').toBe('');
    const [edited] = await exportAnnexes(db, 'henan-13th', { annex: 'catalogue', layout: 'workbook', pageText: { header: '征求意见稿 R&D', footer: '河南省发展改革委' } });
    const [withText] = await describeWorkbook(edited!.bytes);
    expect(String(withText!.headerFooter.oddHeader)).toMatch(/征求意见稿 R&&D$/u);
    expect(String(withText!.headerFooter.oddFooter)).toContain('河南省发展改革委');
  });

  // exceljs does not read page breaks back; openpyxl, the second reader, does.
  it.skipIf(!hasOpenpyxl)('matches the golden descriptions of the seeded annexes, page breaks included', async () => {
    for (const [name, file, bytes] of [['hebei-13th-set', setFile, setBytes], ['national-14th-indicators', indicatorFile, indicatorBytes]] as const) {
      const golden = JSON.parse(readFileSync(join(GOLDEN, `${name}.json`), 'utf8')) as unknown;
      const seen = await readWithOpenpyxl<{ sheets: Array<{ rowBreaks: number[] }> }>(file);
      const described = (await describeWorkbook(bytes)).map((sheet, index) => ({ ...sheet, rowBreaks: seen.sheets[index]?.rowBreaks }));
      expect(JSON.parse(JSON.stringify(described)), name).toEqual(golden);
    }
  });

  it.skipIf(!hasOpenpyxl)('reads the same in openpyxl: unscaled sheets, the header row as print titles, a break before each page', async () => {
    const seen = await readWithOpenpyxl<{
      sheetNames: string[];
      cells: Record<string, { value: unknown }>;
      sheets: Array<{ title: string; rowBreaks: number[]; printTitleRows: string; fitToPage: boolean; scale: number | null }>;
    }>(setFile);
    expect(seen.sheetNames).toEqual(['附件1 清单', '附件2 重点任务分工']);
    expect(seen.cells.A1?.value).toBe('附件1');
    for (const sheet of seen.sheets) {
      expect(sheet.fitToPage, sheet.title).toBe(false);
      expect(sheet.scale, sheet.title).toBe(100);
      expect(sheet.printTitleRows, sheet.title).toBe('$5:$5');
    }
    expect(seen.sheets[0]!.rowBreaks.length).toBeGreaterThan(10);
    expect(seen.sheets[1]!.rowBreaks.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasLibreOffice || !hasPoppler)('the annex set printed by LibreOffice', () => {
  let pages: string[];
  let indicatorPages: string[];
  let setPdf: string;
  let indicatorPdf: string;
  beforeAll(async () => {
    [setPdf, indicatorPdf] = (await convertToPdf([setFile, indicatorFile], temp.dir)) as [string, string];
    pages = await pdfPages(setPdf);
    indicatorPages = await pdfPages(indicatorPdf);
  }, 120_000);

  it.skipIf(!hasOpenpyxl)('prints on the pages the writer laid out: the breaks it wrote are the only ones', async () => {
    const seen = await readWithOpenpyxl<{ sheets: Array<{ rowBreaks: number[] }> }>(setFile);
    expect(pages.length).toBe(seen.sheets.reduce((sum, sheet) => sum + sheet.rowBreaks.length + 1, 0));
    // The Hebei catalogue printed on 21 pages before its widths were chosen from the text (with a 领域 row alone at a page foot).
    expect(seen.sheets[0]!.rowBreaks.length + 1).toBeLessThanOrEqual(21);
  });

  it('repeats the header row at the top of every page', () => {
    const catalogue = pages.filter((page) => !page.includes('重点任务'));
    for (const [index, page] of catalogue.entries()) expect(page, `page ${index + 1}`).toMatch(/序号\s+服务项目\s+服务对象\s+服务指导标准\s+支出责任\s+牵头负责部门/u);
    const tasks = pages.filter((page) => page.includes('重点任务'));
    expect(tasks.length).toBeGreaterThan(1);
    for (const page of tasks) expect(page).toMatch(/序号\s+重点任务\s+责任单位/u);
    for (const page of indicatorPages) expect(page).toMatch(/类别\s+指标\s+2020年\s+2025年\s+属性/u);
  });

  it('never ends a page with a 领域 row', () => {
    const headings = hebei.domains.map((domain) => domainHeading(domain.seq, domain.name));
    for (const [index, page] of pages.entries()) {
      const lines = page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^—\s*\d+\s*—$/u.test(line));
      expect(headings, `page ${index + 1} ends with “${lines.at(-1)}”`).not.toContain(lines.at(-1));
    }
  });

  it.skipIf(!hasOpenpyxl)('cuts no text: no printed line crosses the edge of its row', async () => {
    for (const [file, pdf] of [[setFile, setPdf], [indicatorFile, indicatorPdf]] as const) {
      const seen = await readWithOpenpyxl<{ sheets: PrintedSheet[] }>(file);
      const { words } = await pdfWords(pdf);
      const crossings = rowEdgeCrossings(seen.sheets, words);
      expect(crossings, `${crossings.length} lines cross a row edge in ${file}`).toEqual([]);
    }
  });

  // LibreOffice breaks Chinese lines anywhere in an .xlsx (README): the writer lays the lines out itself.
  it.skipIf(!hasOpenpyxl)('breaks lines as Chinese typesetting does: no line starts with ，。、 or ends with （“, no amount split from its unit', async () => {
    for (const [file, pdf] of [[setFile, setPdf], [indicatorFile, indicatorPdf]] as const) {
      const seen = await readWithOpenpyxl<{ sheets: PrintedSheet[] }>(file);
      const { words } = await pdfWords(pdf);
      const cells = printedCells(seen.sheets, words);
      // The reading is checked too: it finds the many wrapped cells the annexes have.
      expect(cells.filter((lines) => lines.length > 1).length, file).toBeGreaterThan(file === setFile ? 150 : 0);
      const faults = cells.flatMap((lines) => lineBreakFaults(lines));
      expect(faults, `${faults.length} faults in ${file}`).toEqual([]);
    }
    // The amounts of item 1 as printed, each whole on its line.
    expect(pages[0]).toMatch(/685 元、/u);
    expect(pages[0]).toMatch(/885 元。/u);
  });

  it('prints every domain heading and every task, and the indicator notes under the table', () => {
    const all = pages.join('\n');
    for (const domain of hebei.domains) expect(all).toContain(domainHeading(domain.seq, domain.name));
    expect(all).toContain('建立健全科学有效的基本公共服务实施机制。');
    expect(indicatorPages.join('\n')).toMatch(/注：带\*指标数据/u);
  });
});
