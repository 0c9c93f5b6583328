// 下载参数表: the catalogue's drivers as a workbook that Excel, WPS, LibreOffice and openpyxl open, that
// comes back through 导入测算参数 unchanged as "nothing to write", and whose rows are checked against their
// items when they come back changed.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { writeDriversWorkbook } from '../../../electron/exchange/drivers-workbook';
import { importTable } from '../../../electron/exchange/pricing-imports';
import { getDriver } from '../../../electron/pricing/drivers-store';
import { setDriverField } from '../../../electron/services/pricing-commands';
import { getCatalogue } from '../../../electron/services/catalogue-queries';
import { tempDir } from '../../support/temp-db';
import { seededDraftFile } from '../../support/draft';
import { SYSTEM_PYTHON, hasLibreOffice, hasOpenpyxl, skipWithout } from '../annex/system-tools';

const run = promisify(execFile);
const temp = tempDir('qingdan-drivers-sheet-');
const DRAFT = 'hebei-draft';
let db: Database;
let sheetBytes: Buffer;
let item5: string;

const check = (bytes: Buffer, fileName = '测算参数.xlsx', apply = false) =>
  importTable(db, { kind: 'drivers', catalogueId: DRAFT, fileName, bytes, apply }, 'test');

beforeAll(async () => {
  db = await Database.open(await seededDraftFile(temp.dir));
  item5 = (await getCatalogue(db, DRAFT)).items.find((i) => i.itemNo === 5)!.id;
  const values: [string, string][] = [['cohort', '常住人口'], ['coverage', '0.015'], ['unitAmount', '2000.5'], ['unit', '元/人/年'], ['baseYear', '2025'], ['yearlyChange', '-3'], ['splitRuleId', 'tier-shared']];
  for (const [field, value] of values) {
    const shown = (await getDriver(db, item5))[field as 'cohort'];
    await setDriverField(db, { itemId: item5, field: field as 'cohort', value, expected: shown === null ? null : String(shown) }, 'test');
  }
  const written = await writeDriversWorkbook(db, DRAFT);
  expect(written.fileName).toBe('测算参数_hebei-13th 的草案.xlsx');
  sheetBytes = written.bytes;
});
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

describe('下载参数表', () => {
  it('lists every item by 序号 and name, with its drivers as stored, the rule by its name', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheetBytes as unknown as ArrayBuffer);
    const [sheet, lists] = book.worksheets;
    expect(sheet!.name).toBe('测算参数');
    expect(lists!.state).toBe('hidden');
    expect(sheet!.actualRowCount).toBe(82);
    const rule = (await db.all(`SELECT name FROM split_rules WHERE id = 'tier-shared'`))[0]!.name;
    expect((sheet!.getRow(6).values as unknown[]).slice(1)).toEqual([5, '中等职业教育国家助学金', '常住人口', 0.015, 2000.5, '元/人/年', 1, 2025, -3, rule]);
  });

  it('comes back unchanged as nothing to write, and writes nothing when applied', async () => {
    const { report } = await check(sheetBytes, '测算参数.xlsx', true);
    expect(report.problems).toEqual([]);
    expect(report.changesNothing).toBe(true);
    expect(report.applied).toBe(false);
    expect(report.summary).toBe('不改变任何测算参数（文件中的参数与现有的相同）');
  });

  it('reads the cohort column as the grid names it (服务人群) or as the population file does (人群), and names it as the file does', async () => {
    const csv = (cohort: string, value: string) =>
      Buffer.from(`序号,${cohort},覆盖率,补助标准,单位,每年期数,标准年份,每年增减,分担规则\n5,${value},0.015,2000.5,元/人/年,1,2025,-3,中央按档分担，省市县按比例\n`);
    for (const header of ['服务人群', '人群']) {
      const { report } = await check(csv(header, '常住人口'), '参数.csv');
      expect(report.problems).toEqual([]);
      expect(report.changesNothing).toBe(true);
    }
    const { report } = await check(csv('服务人群', 'x'.repeat(41)), '参数.csv');
    expect(report.problems).toEqual([expect.stringContaining('参数.csv 第2行“服务人群”列')]);
    await expect(check(Buffer.from('序号,覆盖率\n5,1\n'), '参数.csv')).rejects.toThrow(
      '参数.csv 的表头不对：缺少列 服务人群、补助标准、单位、每年期数、标准年份、每年增减、分担规则。表头应为：序号,服务人群,覆盖率,补助标准,单位,每年期数,标准年份,每年增减,分担规则（可另加一列：服务项目）。没有导入任何内容。',
    );
  });

  it('writes only the rows changed, and refuses a row whose 服务项目 is not its 序号’s item', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheetBytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    sheet.getRow(6).getCell(5).value = 2100;
    const changed = Buffer.from(await book.xlsx.writeBuffer());
    const { report } = await check(changed);
    expect(report.problems).toEqual([]);
    expect(report.summary).toBe('为 1 个服务项目写入测算参数（其余 80 项与现有的相同，不改动）');
    expect(report.preview.rows.map((r) => r.line)).toEqual([6]);
    expect(report.preview.only).toBe('只列出将改动的 1 行（文件共 81 行）');

    // Rows 7 and 8 swapped while sorting by hand: their names no longer match their 序号.
    const [a, b] = [sheet.getRow(7).getCell(2).value, sheet.getRow(8).getCell(2).value];
    sheet.getRow(7).getCell(2).value = b;
    sheet.getRow(8).getCell(2).value = a;
    const before = await getDriver(db, item5);
    const slid = await check(Buffer.from(await book.xlsx.writeBuffer()), '测算参数.xlsx', true);
    expect(slid.report.applied).toBe(false);
    expect(slid.report.problems).toEqual([
      `测算参数.xlsx 第7行“服务项目”列：第6项在“hebei-13th 的草案”中是“${String(a)}”，文件写的是“${String(b)}”。请核对这一行是否错位；序号无误时可清空这一格`,
      `测算参数.xlsx 第8行“服务项目”列：第7项在“hebei-13th 的草案”中是“${String(b)}”，文件写的是“${String(a)}”。请核对这一行是否错位；序号无误时可清空这一格`,
    ]);
    expect(slid.report.preview.rows.map((r) => r.line)).toEqual([7, 8]);
    expect(await getDriver(db, item5)).toEqual(before);

    // A slid row with a wrong value too: both are told at once, not the value only after the name is fixed.
    const coverage = sheet.getRow(7).getCell(4).value;
    sheet.getRow(7).getCell(4).value = '全部';
    const both = await check(Buffer.from(await book.xlsx.writeBuffer()), '测算参数.xlsx', true);
    expect(both.report.problems).toHaveLength(3);
    expect(both.report.problems[0]).toContain('测算参数.xlsx 第7行“服务项目”列：第6项在');
    expect(both.report.problems[1]).toMatch(/^测算参数\.xlsx 第7行“覆盖率”列：.+/u);
    sheet.getRow(7).getCell(4).value = coverage;

    const applied = await check(changed, '测算参数.xlsx', true);
    expect(applied.report.applied).toBe(true);
    expect((await getDriver(db, item5)).unitAmount).toBe('2100');
  });
});

describe.skipIf(skipWithout(hasOpenpyxl))('下载参数表 read by openpyxl', () => {
  it('finds the sheet, the hidden lists and the lists offered in 单位 and 分担规则', async () => {
    const path = join(temp.dir, 'openpyxl.xlsx');
    writeFileSync(path, sheetBytes);
    const script = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.worksheets[0]
print(json.dumps({
  "sheets": [[s.title, s.sheet_state] for s in book.worksheets],
  "header": [c.value for c in sheet[1]],
  "row6": [c.value for c in sheet[6]],
  "frozen": sheet.freeze_panes,
  "validations": sorted({(v.type, v.formula1) for v in sheet.data_validations.dataValidation}),
}, ensure_ascii=False))`;
    const { stdout } = await run(SYSTEM_PYTHON, ['-c', script, path]);
    const seen = JSON.parse(stdout) as { sheets: string[][]; header: string[]; row6: unknown[]; frozen: string; validations: [string, string][] };
    expect(seen.sheets).toEqual([['测算参数', 'visible'], ['选项', 'hidden']]);
    expect(seen.header).toEqual(['序号', '服务项目', '服务人群', '覆盖率', '补助标准', '单位', '每年期数', '标准年份', '每年增减', '分担规则']);
    expect(seen.row6.slice(0, 5)).toEqual([5, '中等职业教育国家助学金', '常住人口', 0.015, 2000.5]);
    expect(seen.frozen).toBe('C2');
    expect(seen.validations.map(([type, formula]) => `${type} ${formula}`)).toEqual(expect.arrayContaining(['list 选项!$A$1:$A$9', 'decimal 0', 'whole 2000']));
  });
});

describe.skipIf(skipWithout(hasLibreOffice))('下载参数表 saved again by LibreOffice', () => {
  it('comes back through the import as nothing to write', async () => {
    const { fileName, bytes } = await writeDriversWorkbook(db, DRAFT);
    const source = join(temp.dir, 'lo-in', 'sheet.xlsx');
    mkdirSync(join(temp.dir, 'lo-in'), { recursive: true });
    writeFileSync(source, bytes);
    const out = join(temp.dir, 'lo-out');
    const profile = join(temp.dir, 'lo-profile');
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, source], { timeout: 90_000 });
    const { report } = await check(readFileSync(join(out, 'sheet.xlsx')), fileName);
    expect(report.problems).toEqual([]);
    expect(report.changesNothing).toBe(true);
  });
});
