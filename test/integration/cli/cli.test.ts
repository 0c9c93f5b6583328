import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from '../../../electron/host/electron-binary';
import { fileURLToPath } from 'node:url';
import { Database } from '../../../electron/db/database';
import { createHandlers } from '../../../electron/services/handlers';
import { makeDraft } from '../../support/draft';
import { runCli } from '../../support/run-cli';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const temp = tempDir();
let db: string;

beforeAll(async () => {
  db = await seededDatabaseFile(temp.dir);
});
afterAll(() => temp.cleanup());

describe('npm run cli', () => {
  it('list prints one JSON object a line per catalogue', () => {
    const { status, stdout } = runCli(['list', '--db', db]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toContainEqual({ id: 'hebei-13th', name: '河北省“十三五”基本公共服务清单', region: '河北省', period: '十三五', items: 81 });
    expect(lines.map((l) => l.id).sort()).toEqual(['gansu-13th', 'hebei-13th', 'henan-13th', 'national-13th']);
  });

  it('works as the README says, through npm run -s cli', () => {
    const result = spawnSync('npm', ['run', '-s', 'cli', '--', 'list', '--db', db], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toHaveLength(4);
  });

  it('dump writes RFC 4180 CSV with the fixed header, quoting what needs it', () => {
    const { status, stdout } = runCli(['dump', 'hebei-13th', '--db', db]);
    expect(status).toBe(0);
    expect(stdout.split('\r\n')[0]).toBe(
      'item_no,domain,item,target_group,standard,funding_responsibility,lead_department,cohort,coverage,unit_amount,unit,periods_per_year,base_year,yearly_change,split_rule,central_pct',
    );
    const records = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(81);
    expect(records[2]).toMatchObject({ item_no: '3', domain: '基本公共教育', item: '寄宿生生活补助', funding_responsibility: '中央和省、市、县财政按比例共同分担。' });
    // Items 28–33 carry half-width commas: they must come back intact through the quoting.
    expect(records[27]?.funding_responsibility).toBe('市、县政府负责,中央和省财政适当补助。');
    expect(records[80]?.item_no).toBe('81');
  });

  it('dump keeps a cell with line breaks in one quoted field', async () => {
    const copy = await seededDatabaseFile(temp.dir, 'multiline.duckdb');
    const handle = await Database.open(copy);
    // hebei-13th is published (read-only): the edit goes to a draft of it.
    const draft = await makeDraft(handle, 'hebei-13th');
    await createHandlers(handle, 'cli', 'test')['items.update']({ itemId: `${draft}:003`, field: 'leadDepartment', value: '省教育厅\n省财政厅', expected: '省教育厅、省政府' });
    await handle.close();
    const { stdout } = runCli(['dump', draft, '--db', copy]);
    const records = parse(stdout, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(records).toHaveLength(81);
    expect(records[2]?.lead_department).toBe('省教育厅\n省财政厅');
    expect(stdout).toContain('"省教育厅\n省财政厅"');
  });

  it('dump --format json gives the same records', () => {
    const { status, stdout } = runCli(['dump', 'henan-13th', '--format', 'json', '--db', db]);
    expect(status).toBe(0);
    const records = JSON.parse(stdout);
    expect(records).toHaveLength(82);
    expect(records[0]).toMatchObject({ item_no: 1, id: 'henan-13th:001', item: '免费义务教育', standard: null });
  });

  it('dump --out --bom writes a file Excel on a Chinese PC reads right', () => {
    const out = join(temp.dir, 'hebei.csv');
    const { status, stdout } = runCli(['dump', 'hebei-13th', '--out', out, '--bom', '--db', db]);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe('item_no,domain,item,target_group,standard,funding_responsibility,lead_department,cohort,coverage,unit_amount,unit,periods_per_year,base_year,yearly_change,split_rule,central_pct');
  });

  it('export warns about what an incomplete catalogue lacks, and refuses an empty one', () => {
    const henan = runCli(['export', 'henan-13th', '--annex', 'catalogue', '--out', join(temp.dir, 'henan.xlsx'), '--db', db]);
    expect(henan.status).toBe(0);
    expect(henan.stderr).toBe('注意：清单内容不全：附件清单正文缺失，仅有正文列出的项目名称；82 个服务项目尚有未填写的栏目。发布前请补全。\n');
    const gansu = runCli(['export', 'gansu-13th', '--annex', 'catalogue', '--out', join(temp.dir, 'gansu.xlsx'), '--db', db]);
    expect(gansu.status).toBe(1);
    expect(gansu.stderr).toMatch(/^错误：“甘肃省“十三五”基本公共服务清单”还没有服务项目，无法导出附件/);
    expect(existsSync(join(temp.dir, 'gansu.xlsx'))).toBe(false);
  });

  it('export --annex all --separate writes each part beside --out, through a temporary name', async () => {
    const out = join(temp.dir, 'set.xlsx');
    const { status, stdout } = runCli(['export', 'hebei-13th', '--annex', 'all', '--separate', '--out', out, '--header', '送审稿', '--db', db]);
    expect(status).toBe(0);
    const written = readdirSync(temp.dir).filter((f) => f.startsWith('set-'));
    expect(written.sort()).toEqual(['set-附件1_河北省“十三五”基本公共服务清单.xlsx', 'set-附件2_河北省“十三五”基本公共服务重点任务分工方案.xlsx']);
    expect(stdout.split('\n').filter((l) => l.startsWith('已导出'))).toHaveLength(2);
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(temp.dir, written.sort()[1]!));
    expect(book.worksheets[0]!.getCell('A1').value).toBe('附件2');
    expect(book.worksheets[0]!.headerFooter.oddHeader).toContain('送审稿');
  });

  it('export writes the annex the app exports', async () => {
    const out = join(temp.dir, 'hebei.xlsx');
    const { status, stdout } = runCli(['export', 'hebei-13th', '--annex', 'catalogue', '--out', out, '--db', db]);
    expect(status).toBe(0);
    expect(stdout).toContain('已导出');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    // The annex writer breaks Chinese lines itself (line feeds where a printed line ends): read without them.
    const values = book.worksheets[0]!.getSheetValues().flat().map((value) => String(value).replaceAll('\n', ''));
    expect(values).toContain('河北省“十三五”基本公共服务清单');
    expect(values).toContain('无障碍环境支持');
  });

  it('init builds a fresh database from the seeds and will not overwrite one without --force', () => {
    const fresh = join(temp.dir, 'fresh.duckdb');
    const first = runCli(['init', '--db', fresh]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('4 份清单，244 个服务项目');
    const again = runCli(['init', '--db', fresh]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/^错误：数据库文件 .* 已存在，未做任何改动/);
    const forced = runCli(['init', '--db', fresh, '--force']);
    expect(forced.status).toBe(0);
    expect(readdirSync(temp.dir).some((f) => f.startsWith('fresh.duckdb.replaced-'))).toBe(true);
  });

  it('says what is wrong in one line on stderr and exits non-zero', () => {
    const cases: [string[], RegExp][] = [
      [['dump', 'shanxi-13th', '--db', db], /^错误：没有编号为“shanxi-13th”的清单。\n$/],
      [['dump', 'hebei-13th', '--format', 'xml', '--db', db], /^错误：不支持的格式“xml”/],
      [['export', 'hebei-13th', '--annex', 'minutes', '--out', join(temp.dir, 'x.xlsx'), '--db', db], /^错误：请用 --annex 指定附件种类（catalogue 清单、tasks 重点任务分工方案、indicators 主要指标表、all 全部），收到的是“minutes”/],
      [['export', 'hebei-13th', '--annex', 'indicators', '--out', join(temp.dir, 'x.xlsx'), '--db', db], /^错误：“河北省“十三五”基本公共服务清单”所属规划没有主要指标表/],
      [['export', 'hebei-13th', '--db', db], /^错误：请用 --annex 指定附件种类.*；请用 --out/],
      [['export', 'hebei-13th', '--annex', 'catalogue', '--db', db], /^错误：请用 --out/],
      [['list', '--db', join(temp.dir, 'missing.duckdb')], /^错误：数据库文件不存在/],
      [['frobnicate', '--db', db], /^错误：不认识的命令“frobnicate”/],
    ];
    for (const [args, message] of cases) {
      const { status, stderr, stdout } = runCli(args);
      expect(status, args.join(' ')).toBe(1);
      expect(stderr, args.join(' ')).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stdout).toBe('');
    }
    expect(existsSync(join(temp.dir, 'x.xlsx'))).toBe(false);
    expect(existsSync(join(temp.dir, 'missing.duckdb'))).toBe(false);
  });

  it('a closed pipe ends it quietly, as Unix tools do (`| head -1`)', () => {
    // `true` closes the pipe before the CLI has started: every write meets a closed pipe (EPIPE).
    for (const reader of ['true', 'head -c 0']) {
      const result = spawnSync('bash', ['-o', 'pipefail', '-c', `node --import tsx electron/cli/main.ts list --db '${db}' | ${reader}`], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.stderr, reader).toBe('');
      expect(result.status, reader).toBe(0);
    }
  });

  it('refuses in Chinese while the app holds the file, and changes nothing', async () => {
    const host = spawn(process.execPath, ['--import', 'tsx', 'electron/host/browser-entry.ts', '--db', db], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        host.stdout.on('data', (c: Buffer) => c.toString().includes('http://127.0.0.1:') && resolve());
        host.once('exit', (code) => reject(new Error(`host exited ${code}`)));
      });
      const refusal = `错误：数据库文件 .* 正被另一个程序（进程 ${host.pid}）占用，无法打开。请先关闭正在使用它的清单工作台窗口或命令，再试一次。\n$`;
      for (const args of [['list'], ['init', '--force']]) {
        const run = runCli([...args, '--db', db, '--wait', '0']);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(new RegExp(`^${refusal}`));
      }
      // Waiting for a window that stays open ends in the same refusal, the wait said first.
      const started = Date.now();
      const waited = runCli(['list', '--db', db, '--wait', '1']);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(waited.status).toBe(1);
      expect(waited.stderr).toMatch(new RegExp(`^数据库文件正被另一个程序占用，等待它结束（最多 1 秒，可用 --wait <秒数> 调整）…\n${refusal}`));
      expect(readdirSync(temp.dir).filter((f) => f.includes('.replaced-') && f.startsWith('qingdan.duckdb'))).toEqual([]);
    } finally {
      const exited = new Promise((resolve) => host.once('exit', resolve));
      host.kill('SIGTERM');
      await exited;
    }
  });

  it('waits for another command that holds the file, as a script running two at once needs', async () => {
    const copy = await seededDatabaseFile(temp.dir, 'held.duckdb');
    // Another process holds the file until the command says it waits, then lets it go.
    const holder = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import { DuckDBInstance } from '@duckdb/node-api'; const i = await DuckDBInstance.create(process.argv[1]); console.log('held'); process.stdin.once('data', () => { i.closeSync(); process.exit(0); });`, copy],
      { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (c: Buffer) => c.toString().includes('held') && resolve());
      holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
    });
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const cli = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'list', '--db', copy], { cwd: root });
      let stdout = '';
      let stderr = '';
      cli.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      cli.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (stderr.includes('等待它结束')) holder.stdin.end('go\n');
      });
      cli.once('exit', (status) => resolve({ status, stdout, stderr }));
    }).finally(() => holder.kill());
    expect(run.stderr).toBe('数据库文件正被另一个程序占用，等待它结束（最多 30 秒，可用 --wait <秒数> 调整）…\n');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(4);
    const bad = runCli(['list', '--db', copy, '--wait', '半分钟']);
    expect(bad.stderr).toBe('错误：--wait 的值“半分钟”不正确，没有执行：应为 0 到 3600 之间的整数秒数（0 表示不等待）。\n');
  });

  it('says in Chinese that --db names a folder, and that an option is unknown', () => {
    const folder = runCli(['list', '--db', temp.dir]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toBe(`错误：${temp.dir} 是一个文件夹，不是数据库文件，没有做任何改动。请用 --db 指定一个文件（例如 ${join(temp.dir, 'qingdan.duckdb')}）。\n`);
    const option = runCli(['list', '--verbose', '--db', db]);
    expect(option.stderr).toMatch(/^错误：不认识的选项 --verbose。用法：/);
  });
});

describe('npm start without an Electron binary', () => {
  it('says so in one line and serves the browser host with the --db and --port it was given', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const file = join(temp.dir, 'started.duckdb');
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.QINGDAN_BROWSER;
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/start.ts', '--db', file, '--port', String(port)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          output += c.toString();
          if (output.includes('数据库：')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`start exited ${code}: ${output}`)));
      });
      const lines = output.trim().split('\n');
      if (!electronBinary({ download: false })) {
        expect(lines[0]).toBe('未找到 Electron 程序（本机无法下载），改为浏览器模式：用浏览器打开下面的地址即可使用同一个应用。');
      }
      expect(lines.at(-2)).toMatch(new RegExp(`^清单工作台已在浏览器模式启动：http://127\\.0\\.0\\.1:${port}/\\?token=[\\w-]{20,}$`));
      expect(lines.at(-1)).toBe(`数据库：${file}（按 Ctrl+C 退出）`);
      expect(existsSync(file)).toBe(true);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
