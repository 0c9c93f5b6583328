// `npm run cli -- <command>`: list | dump <id> [--format csv|json] | export <id> --annex catalogue --out <file>
// | init [--force]; every command takes --db <file> (default: the app's database).
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { ANNEX_KINDS } from '../../shared/contract';
import { basename, dirname, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { importTable } from '../exchange/pricing-imports';
import { listDrivers } from '../pricing/drivers-store';
import { listRules } from '../pricing/rules';
import { DRIVER_FIELD_LABELS } from '../../shared/domain/pricing/drivers';
import { PRICE_COLUMNS, PRICE_LEVELS, lineQualities, priceTable } from '../pricing/price-table';
import { pricingYears } from '../pricing/reprice';
import { pricingSummary } from '../pricing/summary';
import { setPricingYears } from '../services/pricing-commands';
import { parseArgs } from 'node:util';
import { AppError, toErrorPayload } from '../db/app-error';
import type { Database } from '../db/database';
import { FileRefusedError, checkDatabaseFile } from '../db/file-check';
import type { Refusal } from '../db/file-check';
import { fileStamp, unusedPath } from '../db/stamp';
import { defaultDatabasePath } from '../paths/locations';
import { getCatalogue, listCatalogues } from '../services/catalogue-queries';
import { exportAnnexes } from '../services/annex-export';
import { executeCommand } from '../services/commands';
import { draftCommand } from '../services/drafts';
import { openAppDatabase } from '../seeds/open-database';
import { itemRecords, itemsCsv, neutraliseCsvCell } from './item-records';
import { importCatalogueFile } from '../services/catalogue-import';
import { COMPARE_USAGE, compareCommand, versionCommand } from './compare-commands';
import { openWaiting, waitSeconds } from './open-waiting';
import { commandHelp } from './help';
import { IMPORT_COLUMNS } from '../../shared/domain/pricing/import-columns';

const USAGE =
  '用法：npm run -s cli -- <list | dump <清单编号> [--format csv|json] [--out <文件>] [--bom] | export <清单编号> --annex catalogue|tasks|indicators|all --out <文件.xlsx> [--separate] [--header <页眉>] [--footer <页脚>]' +
  ' | regions import <文件> | population import <文件> | shares import <文件> | rules import <文件> | drivers import <清单编号> <文件>' +
  ' | price <清单编号> [--from 2026] [--to 2030] [--level county|city|province] [--format csv|json] [--out <文件>] [--bom] | draft <清单编号> --name <名称> [--period 十五五] [--region <行政区>] | import <清单文件> [--name <名称>] [--period 十五五] [--region <行政区>] | init [--force]' + COMPARE_USAGE + '> [--db <数据库文件>] [--wait <秒数>]';

/** What init --force may move aside: files whose contents are lost anyway. */
const REPLACEABLE = new Set<Refusal>(['damaged', 'not_duckdb']);

/**
 * The options each command reads (--db and --help go with any): one given to a command that does not read it
 * is refused, not ignored, so a script that relies on it learns at once.
 */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  list: [],
  dump: ['format', 'out', 'bom'],
  export: ['annex', 'out', 'separate', 'header', 'footer'],
  init: ['force'],
  draft: ['name', 'period', 'region'],
  import: ['name', 'period', 'region'],
  regions: [],
  population: [],
  shares: [],
  rules: [],
  drivers: [],
  price: ['from', 'to', 'level', 'format', 'out', 'bom'],
  compare: ['out'],
  version: ['name'],
};

const ANY_COMMAND = new Set(['db', 'wait', 'help']);

/** The most arguments each command takes after its name: more are refused, not ignored. */
const COMMAND_ARGUMENTS: Record<string, number> = {
  list: 0, dump: 1, export: 1, init: 0, draft: 1, import: 1,
  regions: 2, population: 2, shares: 2, rules: 2, drivers: 3,
  price: 1, compare: 2, version: 1,
};

function refuseExtraArguments(command: string, args: readonly string[]): void {
  const most = COMMAND_ARGUMENTS[command];
  if (most === undefined || args.length <= most) return;
  const extra = args.slice(most).join(' ');
  const hint = command === 'price' ? '；年度请用 --from 和 --to 给出' : command in IMPORT_COLUMNS ? '；一次导入一个文件' : '';
  throw new AppError('bad_request', `命令 ${command} 多出参数“${extra}”，没有执行${hint}。`);
}

function refuseForeignOptions(command: string, given: readonly string[]): void {
  const reads = COMMAND_OPTIONS[command];
  if (!reads) return;
  const foreign = [...new Set(given)].filter((option) => !ANY_COMMAND.has(option) && !reads.includes(option));
  if (foreign.length === 0) return;
  const allowed = reads.length ? `它可用的选项：${reads.map((o) => `--${o}`).join(' ')}（以及 --db、--wait）` : '它只用 --db 和 --wait';
  throw new AppError('bad_request', `命令 ${command} 不使用选项 ${foreign.map((o) => `--${o}`).join('、')}，没有执行；${allowed}。`);
}

/** node:util's parseArgs explains itself in English; say the same in Chinese. */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const option = /'(-{1,2}[^']*)'/.exec(message)?.[1];
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不认识的选项 ${option ?? ''}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${option ?? ''} 的值缺失或不正确`;
  return '参数有误';
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      options: {
        db: { type: 'string' },
        wait: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        annex: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        bom: { type: 'boolean', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
        level: { type: 'string', default: 'county' },
        separate: { type: 'boolean', default: false },
        header: { type: 'string' },
        footer: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        name: { type: 'string' },
        period: { type: 'string' },
        region: { type: 'string' },
      },
    });
  } catch (error) {
    throw new AppError('bad_request', `${argumentProblem(error)}。${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  // `price --help` and `help price` tell of one command; --help alone, or help, of them all.
  const helpOf = command === 'help' ? rest[0] : values.help ? command : undefined;
  if (values.help || command === 'help') {
    console.log((helpOf && commandHelp(helpOf)) || `${USAGE}\n用 <命令> --help 查看一个命令的说明（如 price --help）。`);
    return;
  }
  if (!command) throw new AppError('bad_request', `缺少命令。${USAGE}`);
  refuseForeignOptions(command, parsed.tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
  refuseExtraArguments(command, rest);
  // A byte-order mark is for Excel reading a CSV; in JSON it breaks most readers (Python's json.load).
  if (values.bom && values.format === 'json') throw new AppError('bad_request', '--bom 只用于 CSV（让 Excel 按 UTF-8 打开），JSON 不加字节顺序标记，没有执行。');
  const dbPath = values.db ? typedPath(values.db) : defaultDatabasePath();
  const wait = waitSeconds(values.wait);
  // Opened once the file is free, waiting for another holder as --wait allows (said on stderr).
  const whenFree = <T>(open: () => Promise<T>) => openWaiting(open, wait, (line) => console.error(line));
  const open = () => whenFree(() => openAppDatabase(dbPath));

  if (command === 'init') {
    if (existsSync(dbPath)) {
      if (!values.force) throw new AppError('conflict', `数据库文件 ${dbPath} 已存在，未做任何改动；如需重建请加 --force（旧文件会改名保留）。`);
      // A file some window still has open must not be swapped from under it, nor another program's file
      // moved aside; a damaged, empty or unreadable-as-database file is what --force is for.
      try {
        await whenFree(() => checkDatabaseFile(dbPath));
      } catch (error) {
        if (!(error instanceof FileRefusedError) || !REPLACEABLE.has(error.refusal)) throw error;
      }
      const kept = unusedPath(`${dbPath}.replaced-${fileStamp()}.bak`, existsSync);
      try {
        renameSync(dbPath, kept);
        if (existsSync(`${dbPath}.wal`)) renameSync(`${dbPath}.wal`, `${kept}.wal`);
      } catch {
        throw new AppError('bad_file', `无法把旧数据库 ${dbPath} 改名保留（所在文件夹可能只读），没有做任何改动。请检查文件夹的权限后再试。`);
      }
      console.error(`旧数据库已改名保留为 ${kept}`);
    }
    const db = await open();
    const catalogues = await listCatalogues(db);
    await db.close();
    console.log(`已从种子文档建立数据库 ${dbPath}：${catalogues.length} 份清单，${catalogues.reduce((n, c) => n + c.itemCount, 0)} 个服务项目。`);
    return;
  }

  // Only the app's own default database is created on first use; a named file must already exist.
  if (values.db && !existsSync(dbPath)) {
    throw new AppError('not_found', `数据库文件不存在：${dbPath}（可先运行 init --db ${values.db}）。`);
  }
  const db = await open();
  try {
    await run(db, command, rest, values);
  } finally {
    await db.close();
  }
}

async function run(
  db: Database,
  command: string,
  args: string[],
  values: {
    format?: string;
    annex?: string;
    out?: string;
    bom?: boolean;
    from?: string;
    to?: string;
    level?: string;
    separate?: boolean;
    header?: string;
    footer?: string;
    name?: string;
    period?: string;
    region?: string;
  },
): Promise<void> {
  const needId = () => {
    const id = args[0];
    if (!id) throw new AppError('bad_request', `命令 ${command} 需要清单编号，例如 hebei-13th。可用 list 查看全部编号。`);
    return id;
  };
  switch (command) {
    case 'draft': {
      const sourceId = needId();
      if (!values.name?.trim()) throw new AppError('bad_request', '请用 --name <名称> 给新草案起名，例如 --name 河北省“十五五”基本公共服务清单。');
      const command = await draftCommand(db, { sourceId, name: values.name, period: values.period, regionName: values.region });
      const { summary } = await executeCommand(db, command, 'cli');
      console.error(`已基于“${sourceId}”新建草案“${summary.name}”（${summary.period}，${summary.itemCount} 项）：`);
      // The id alone on the last line, for scripts.
      console.log(summary.id);
      return;
    }
    case 'import': {
      // A catalogue file of any kind (annex .xlsx, dump CSV, plan text) as a new draft; warnings on stderr.
      const file = args[0];
      if (!file) throw new AppError('bad_request', '请给出要导入的清单文件：npm run -s cli -- import <清单文件> [--name <名称>]（.xlsx 工作簿、.csv 表格或文本文件）。');
      const { path, bytes } = readInputFile(file);
      const { summary, preview } = await importCatalogueFile(db, { fileName: basename(path), bytes, name: values.name, period: values.period, regionName: values.region }, 'cli');
      for (const p of preview.problems) console.error(`注意：${p.message}`);
      console.error(`已导入“${summary.name}”（${summary.period}，${preview.domains.length} 个领域，${summary.itemCount} 项）：`);
      console.log(summary.id);
      return;
    }
    case 'list': {
      for (const c of await listCatalogues(db)) {
        console.log(JSON.stringify({ id: c.id, name: c.name, region: c.regionName, period: c.period, items: c.itemCount }));
      }
      return;
    }
    case 'dump': {
      if (values.format !== 'csv' && values.format !== 'json') {
        throw new AppError('bad_request', `不支持的格式“${values.format}”：--format 只能是 csv 或 json。`);
      }
      const id = needId();
      const records = itemRecords(await getCatalogue(db, id), await listDrivers(db, id), new Map((await listRules(db)).map((r) => [r.id, r.name])));
      const text = values.format === 'json' ? `${JSON.stringify(records, null, 2)}\n` : itemsCsv(records);
      // Excel on a Chinese Windows PC reads a CSV without a byte-order mark as GBK: --bom is for that.
      const output = values.bom ? `\uFEFF${text}` : text;
      if (values.out) writeOutput(values.out, output);
      else process.stdout.write(output);
      return;
    }
    case 'export': {
      const id = needId();
      const annex = ANNEX_KINDS.find((kind) => kind === values.annex);
      const problems = [
        annex === undefined
          ? `请用 --annex 指定附件种类（catalogue 清单、tasks 重点任务分工方案、indicators 主要指标表、all 全部），收到的是“${values.annex ?? '（未指定）'}”`
          : null,
        values.out ? null : '请用 --out <文件.xlsx> 指定导出文件的路径',
      ].filter((p): p is string => p !== null);
      if (problems.length || annex === undefined || !values.out) throw new AppError('bad_request', `${problems.join('；')}。`);
      if (!values.out.toLowerCase().endsWith('.xlsx')) throw new AppError('bad_request', `导出文件名必须以 .xlsx 结尾：${values.out}`);
      const pageText = { ...(values.header === undefined ? {} : { header: values.header }), ...(values.footer === undefined ? {} : { footer: values.footer }) };
      const files = await exportAnnexes(db, id, { annex, layout: values.separate ? 'separate' : 'workbook', pageText });
      // With --separate each part goes beside --out, named after the part: "<out>-附件2_….xlsx".
      for (const file of files) {
        const target = values.separate ? values.out.replace(/\.xlsx$/i, `-${file.fileName}`) : values.out;
        const out = writeOutput(target, file.bytes);
        console.log(`已导出 ${out}（${file.bytes.length} 字节）`);
        if (file.warning) console.error(`注意：${file.warning}`);
      }
      return;
    }
    case 'regions':
    case 'population':
    case 'shares':
    case 'rules':
    case 'drivers': {
      const [verb, ...rest] = args;
      if (verb !== 'import') throw new AppError('bad_request', `命令 ${command} 只有 import：${command} import ${command === 'drivers' ? '<清单编号> ' : ''}<文件>。`);
      const catalogueId = command === 'drivers' ? (rest.shift() ?? null) : null;
      const file = rest[0];
      if (!file || (command === 'drivers' && !catalogueId)) {
        throw new AppError('bad_request', `请给出要导入的文件：npm run -s cli -- ${command} import ${command === 'drivers' ? '<清单编号> ' : ''}<文件.csv 或 .xlsx>。`);
      }
      const { path, bytes } = readInputFile(file);
      const { report } = await importTable(db, { kind: command, catalogueId, fileName: basename(path), bytes, apply: true }, 'cli');
      if (report.problems.length) {
        throw new AppError('refused', `${report.kind}没有导入，文件中有 ${report.problems.length} 处问题：${report.problems.slice(0, 20).join('；')}${report.problems.length > 20 ? '……' : ''}`);
      }
      console.log(report.changesNothing ? `${report.kind}没有改变：${report.summary}（${report.rows} 行）。` : `已导入${report.kind}：${report.summary}（${report.rows} 行）。`);
      for (const warning of report.warnings) console.error(`注意：${warning}`);
      return;
    }
    case 'price': {
      const id = needId();
      if (values.format !== 'csv' && values.format !== 'json') throw new AppError('bad_request', `不支持的格式“${values.format}”：--format 只能是 csv 或 json。`);
      const level = PRICE_LEVELS.find((l) => l === values.level);
      if (!level) throw new AppError('bad_request', `--level 只能是 ${PRICE_LEVELS.join('、')}，收到“${values.level}”。`);
      const current = await pricingYears(db, id);
      const year = (text: string | undefined, fallback: number, flag: string) => {
        if (text === undefined) return fallback;
        if (!/^\d{4}$/u.test(text)) throw new AppError('bad_request', `${flag} 应是四位年份，收到“${text}”。`);
        return Number(text);
      };
      const fromYear = year(values.from, current.fromYear, '--from');
      const toYear = year(values.to, current.toYear, '--to');
      if (fromYear !== current.fromYear || toYear !== current.toYear) {
        await setPricingYears(db, id, fromYear, toYear, 'cli');
        // The years are the catalogue's own, shared with the 测算 view: a script changing them says so.
        console.error(`注意：这份清单的测算年度已由 ${current.fromYear}—${current.toYear} 年改为 ${fromYear}—${toYear} 年并保存，界面中的测算年度同样改变。`);
      }
      const rows = await priceTable(db, id, level);
      const summary = await pricingSummary(db, id);
      if (summary.unpriced.length) {
        // Why each is left out, as the 测算 view's list says it: some drivers missing, none set, or all set and
        // still no figure (said below).
        const named = (u: (typeof summary.unpriced)[number]) => `${u.itemNo} ${u.name}`;
        const groups = [
          ['缺少部分参数', summary.unpriced.filter((u) => u.missing.length).map((u) => `${named(u)}（缺${u.missing.map((f) => DRIVER_FIELD_LABELS[f]).join('、')}）`)],
          ['未设测算参数', summary.unpriced.filter((u) => !u.missing.length && !u.set).map(named)],
          ['参数齐全但没有算出结果（原因见下方“注意”）', summary.unpriced.filter((u) => !u.missing.length && u.set).map(named)],
        ] as const;
        const said = groups.filter(([, items]) => items.length).map(([why, items]) => `${why} ${items.length} 个：${items.join('、')}`);
        console.error(`未测算的服务项目 ${summary.unpriced.length} 个（未列入结果）。${said.join('；')}`);
      }
      for (const p of summary.problems) console.error(`注意：${p}`);
      const quality = await lineQualities(db, id);
      if (quality.estimated || quality.unverified) {
        const parts = [
          quality.estimated ? `${quality.estimated} 行含推算的人数（缺少的年份按人口年增长率推算，或沿用上级的人群比例）` : '',
          quality.unverified ? `${quality.unverified} 行含待核实的数据（参数、规则或人数的出处待核实）` : '',
        ].filter(Boolean);
        console.error(`注意：县级测算结果共 ${quality.lines} 行，其中 ${parts.join('，')}；可在界面中点击数字查看每一项的来源。`);
      }
      if (rows.length === 0) console.error('注意：没有任何测算结果（这份清单没有已设测算参数的服务项目，或没有导入县级行政区和人口）。');
      // In JSON a count is a number, as the year is; money stays a string of exact 元 with two decimals.
      const text = values.format === 'json'
        ? `${JSON.stringify(rows.map((r) => ({ ...r, beneficiaries: r.beneficiaries === null ? null : Number(r.beneficiaries) })), null, 2)}\n`
        : stringify(rows.map((r) => PRICE_COLUMNS.map((c) => neutraliseCsvCell(r[c] ?? null))), { header: true, columns: [...PRICE_COLUMNS], record_delimiter: 'windows' });
      const output = values.bom ? `\uFEFF${text}` : text;
      if (values.out) console.error(`已写入 ${writeOutput(values.out, output)}（${rows.length} 行）`);
      else process.stdout.write(output);
      return;
    }
    // Versions and comparison (compare-commands.ts).
    case 'compare':
      return compareCommand(db, args, values.out, writeOutput);
    case 'version':
      return versionCommand(db, args, values.name);
    default:
      throw new AppError('bad_request', `不认识的命令“${command}”。${USAGE}`);
  }
}

/**
 * A path as typed on the command line, from the folder it was typed in: `npm run cli` runs in the project's
 * folder, and a relative path read from there would find (or make) a database or file in the program's folder.
 */
function typedPath(path: string): string {
  const typedIn = process.env.npm_lifecycle_event === 'cli' ? process.env.INIT_CWD : undefined;
  return resolve(typedIn ?? process.cwd(), path);
}

/** Written to a temporary name beside the target and renamed: a failed write never leaves half a file. */
function writeOutput(path: string, content: string | Buffer): string {
  const out = typedPath(path);
  const temporary = `${out}.${process.pid}.part`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `文件夹 ${dirname(out)} 不存在，请先建立它或换一个路径`
        : code === 'EISDIR'
          ? '这是一个文件夹，请写出文件名'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? '没有写入权限，请换一个文件夹'
            : code === 'ENOSPC'
              ? '磁盘已满'
              : '请检查路径和磁盘';
    throw new AppError('bad_file', `无法写入 ${out}：${why}。`);
  }
  return out;
}

/** A file named on the command line, read whole; one that cannot be read is named in the message. */
function readInputFile(file: string): { path: string; bytes: Buffer } {
  const path = typedPath(file);
  try {
    return { path, bytes: readFileSync(path) };
  } catch {
    throw new AppError('not_found', `无法读取文件 ${path}：文件不存在或没有读取权限。`);
  }
}

// A reader that stops early (`| head -1`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`错误：${toErrorPayload(error).message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
});

