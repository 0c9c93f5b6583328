// The pricing command line as a finance bureau scripts it: imports in GBK CSV, .xlsx and UTF-8 with a BOM,
// then the price table; a bad row names file, row and column and leaves the database file as it was.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir();
let db: string;
beforeAll(async () => {
  db = await seededDatabaseFile(temp.dir);
});
afterAll(() => temp.cleanup());

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const GBK = {
  长安区: [0xb3, 0xa4, 0xb0, 0xb2, 0xc7, 0xf8],
  市辖区: [0xca, 0xd0, 0xcf, 0xbd, 0xc7, 0xf8],
  井陉县: [0xbe, 0xae, 0xda, 0xea, 0xcf, 0xd8],
  市管县: [0xca, 0xd0, 0xb9, 0xdc, 0xcf, 0xd8],
};

describe('pricing from the command line', () => {
  it('imports regions from a GBK CSV, population from .xlsx, drivers from UTF-8 with a BOM, and prints the price table', async () => {
    const ascii = (text: string) => [...Buffer.from(text, 'ascii')];
    const gbk = Buffer.from([
      ...ascii('region_code,region,parent_code,level,class,grade\r\n130102,'), ...GBK.长安区, ...ascii(',130100,county,'), ...GBK.市辖区, ...ascii(',\r\n'),
      ...ascii('130121,'), ...GBK.井陉县, ...ascii(',130100,county,'), ...GBK.市管县, ...ascii(',2\r\n'),
    ]);
    expect(new TextDecoder('gbk').decode(gbk)).toContain('130121,井陉县,130100,county,市管县,2');
    writeFileSync(join(temp.dir, '县区.csv'), gbk);
    let run = runCli(['regions', 'import', join(temp.dir, '县区.csv'), '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('已导入行政区：新增 2 个行政区，更新 0 个（2 行）。');

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('人口');
    sheet.addRows([['region_code', 'cohort', 'year', 'value'], ['130102', '常住人口', 2026, 500000], ['130121', '常住人口', 2026, 300000]]);
    await book.xlsx.writeFile(join(temp.dir, '人口.xlsx'));
    run = runCli(['population', 'import', join(temp.dir, '人口.xlsx'), '--db', db]);
    expect(run.status, run.stderr).toBe(0);

    writeFileSync(
      join(temp.dir, '参数.csv'),
      `\uFEFFitem_no,cohort,coverage,unit_amount,unit,periods_per_year,base_year,yearly_change,split_rule\r\n26,常住人口,1,89,元/人/年,,2026,5,中央按档分担，省市县按比例\r\n`,
    );
    // A published catalogue's text is read-only, but a finance bureau prices it: its drivers are taken.
    run = runCli(['drivers', 'import', 'hebei-13th', join(temp.dir, '参数.csv'), '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    run = runCli(['draft', 'hebei-13th', '--name', '河北省测算用草案', '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    const draft = run.stdout.trim().split('\n').at(-1)!;
    run = runCli(['drivers', 'import', draft, join(temp.dir, '参数.csv'), '--db', db]);
    expect(run.status, run.stderr).toBe(0);

    // Years given as arguments are refused, not ignored: the stored years would be priced instead.
    run = runCli(['price', draft, '2026', '2027', '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('命令 price 多出参数“2026 2027”，没有执行；年度请用 --from 和 --to 给出。');
    run = runCli(['price', draft, '--from', '2026', '--to', '2027', '--level', 'county', '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('注意：这份清单的测算年度已由 2026—2030 年改为 2026—2027 年并保存，界面中的测算年度同样改变。');
    expect(run.stderr).toContain('未测算的服务项目 80 个（未列入结果）。未设测算参数 80 个：');
    const [header, ...rows] = run.stdout.split('\r\n').filter(Boolean);
    expect(header).toBe('item_no,item,region_code,region,year,beneficiaries,cost,central,provincial,city,county');
    const records = parse(rows.join('\n')) as string[][];
    // 长安区 in 2027: 500000 residents × (89 + 5) 元; tier 2: 60 % central, the rest 1:1:1.
    expect(records.find((r) => r[2] === '130102' && r[4] === '2027')).toEqual([
      '26', '居民健康档案', '130102', '长安区', '2027', '500000', '47000000.00', '28200000.00', '6266666.67', '6266666.67', '6266666.66',
    ]);
    expect(new Set(records.map((r) => r[4]))).toEqual(new Set(['2026', '2027']));
    // In JSON a count is a number and money a string of exact 元; a byte-order mark is for CSV alone.
    run = runCli(['price', draft, '--format', 'json', '--db', db]);
    expect(run.stderr).not.toContain('测算年度已由');
    const json = (JSON.parse(run.stdout) as Record<string, unknown>[]).find((r) => r.region_code === '130102' && r.year === 2027);
    expect(json).toMatchObject({ item_no: 26, beneficiaries: 500000, cost: '47000000.00' });
    run = runCli(['price', draft, '--format', 'json', '--bom', '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--bom 只用于 CSV');
    // The dump names the rule as the file did, so a dump edited and imported again says the same.
    run = runCli(['dump', draft, '--db', db]);
    const dumped = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(dumped.find((r) => r.item_no === '26')?.split_rule).toBe('中央按档分担，省市县按比例');
  });

  it('refuses a file with a bad row, naming the file, row and column, and leaves the database as it was', () => {
    writeFileSync(join(temp.dir, '坏人口.csv'), 'region_code,cohort,year,value\n130102,常住人口,2026,五十万\n130121,常住人口,20x6,1\n130123,常住人口,2026,\n');
    const before = hash(db);
    const run = runCli(['population', 'import', join(temp.dir, '坏人口.csv'), '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('坏人口.csv 第2行“value（人数）”列：“五十万”应为 0 到 20 亿之间的整数人数');
    expect(run.stderr).toContain('坏人口.csv 第3行“year（年度）”列：“20x6”应是 2000 到 2100 之间的年份');
    // An empty cell is said to be empty, not quoted as “”.
    expect(run.stderr).toContain('坏人口.csv 第4行“value（人数）”列：是空的，应为 0 到 20 亿之间的整数人数');
    expect(hash(db)).toBe(before);
    // Run as `npm run -s cli` from the folder the file is in: its bare name is found there, not in the program's.
    const typedThere = runCli(['population', 'import', '坏人口.csv', '--db', db], { npm_lifecycle_event: 'cli', INIT_CWD: temp.dir });
    expect(typedThere.stderr).toContain('坏人口.csv 第2行“value（人数）”列');
    // An option the command does not use is refused, not ignored.
    const foreign = runCli(['population', 'import', join(temp.dir, '坏人口.csv'), '--bom', '--db', db]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain('命令 population 不使用选项 --bom，没有执行');
    expect(hash(db)).toBe(before);
  });

  it('tells of one command with --help or help: its options, and for an import the header, in both names', () => {
    const price = runCli(['price', '--help']);
    expect(price.status).toBe(0);
    expect(price.stdout).toContain('[--out <文件>] [--bom]');
    expect(price.stdout).toContain('表头 item_no,item,region_code,region,year,beneficiaries,cost,central,provincial,city,county');
    const rules = runCli(['help', 'rules']);
    expect(rules.stdout).toContain('表头（第一行，任意顺序）：rule,class,grade,central_pct,provincial,city,county（可另加：province）');
    expect(rules.stdout).toContain('或中文：规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重（可另加：适用省份）');
    expect(runCli(['--help']).stdout).toContain('用 <命令> --help 查看一个命令的说明');
  });

  it('refuses a header that is not the one the import reads, saying what is missing', () => {
    writeFileSync(join(temp.dir, '错表头.csv'), 'code,cohort,year,value\n130102,常住人口,2026,1\n');
    const run = runCli(['population', 'import', join(temp.dir, '错表头.csv'), '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('缺少列 region_code（区划代码）；多出列 code');
  });
});
