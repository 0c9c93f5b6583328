// `npm run -s cli -- import <file> [--name <名称>]`: the new catalogue's id alone on the last line of stdout,
// the preview's warnings on stderr; `dump` (with the extra columns) and `export` then work on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { runCli } from '../../support/run-cli';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const temp = tempDir('import-cli-');
let db = '';

beforeAll(async () => {
  db = await seededDatabaseFile(temp.dir);
});
afterAll(() => temp.cleanup());

describe('npm run cli -- import', () => {
  let id = '';
  it('prints the id alone on its last line, the warnings on stderr', () => {
    const result = runCli(['import', join(root, 'test/fixtures/catalogue-import/wps-annex.xlsx'), '--name', '某省基本公共服务标准（导入）', '--db', db]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    id = lines.at(-1)!;
    expect(id).toMatch(/^draft-[0-9a-f]{8}$/u);
    expect(result.stderr).toContain('注意：第16行“义务教育免费提供教科书”：服务对象为空，导入后可在表格中补上。');
    expect(result.stderr).toContain('已导入“某省基本公共服务标准（导入）”（十五五，2 个领域，5 项）');
    const list = runCli(['list', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(list).toContainEqual({ id, name: '某省基本公共服务标准（导入）', region: '全国', period: '十五五', items: 5 });
  }, 60_000);

  it('dump prints it with the extra columns after the seven', () => {
    const result = runCli(['dump', id, '--db', db]);
    expect(result.status, result.stderr).toBe(0);
    const [header, first] = parse(result.stdout) as string[][];
    expect(header!.slice(0, 10)).toEqual(['item_no', 'domain', 'item', 'target_group', 'standard', 'funding_responsibility', 'lead_department', 'content', 'category', 'note']);
    expect(first!.slice(0, 9)).toEqual([
      '1', '幼有所育', '农村妇女孕前和孕早期增补叶酸', '农村计划怀孕妇女', '孕前3个月至孕早期3个月每日服用叶酸0.4毫克', '中央财政和地方财政按比例分担', '省卫生健康委', '为农村计划怀孕妇女免费提供叶酸', '优孕优生服务',
    ]);
  }, 60_000);

  it('export writes its annex, which imports back to the same items', async () => {
    const out = join(temp.dir, '导入的附件1.xlsx');
    const result = runCli(['export', id, '--annex', 'catalogue', '--out', out, '--db', db]);
    expect(result.status, result.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => texts.push(String(row.getCell(2).text)));
    expect(texts).toContain('预防接种');
    const again = runCli(['import', out, '--db', db]);
    expect(again.status, again.stderr).toBe(0);
    const newId = again.stdout.trim().split('\n').at(-1)!;
    const seven = (catalogue: string) => (parse(runCli(['dump', catalogue, '--db', db]).stdout) as string[][]).map((r) => r.slice(0, 7));
    expect(seven(newId)).toEqual(seven(id));
  }, 90_000);

  it('refuses a missing file in one Chinese line, exit 1', () => {
    const result = runCli(['import', join(temp.dir, '没有这个文件.xlsx'), '--db', db]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`错误：无法读取文件 ${join(temp.dir, '没有这个文件.xlsx')}：文件不存在或没有读取权限。\n`);
  }, 60_000);
});
