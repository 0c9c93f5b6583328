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
import { convertToPdf, hasLibreOffice, hasOpenpyxl, hasPoppler, pdfPages, pdfWords, printedCells, readWithOpenpyxl, rowEdgeCrossings } from './system-tools';
import type { PrintedSheet } from './system-tools';

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
    // The Hebei catalogue printed on 21 pages in 11 pt with widths chosen from the text; in 五号 (10.5 pt) on 19.
    expect(seen.sheets[0]!.rowBreaks.length + 1).toBeLessThanOrEqual(19);
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
