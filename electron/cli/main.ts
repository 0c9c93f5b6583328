// `npm run cli -- <command>`: list | dump <id> [--format csv|json] | export <id> --annex catalogue --out <file>
// | init [--force]; every command takes --db <file> (default: the app's database).
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { ANNEX_KINDS } from '../../shared/contract';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, toErrorPayload } from '../db/app-error';
import { Database } from '../db/database';
import { fileStamp, unusedPath } from '../db/stamp';
import { defaultDatabasePath } from '../paths/locations';
import { getCatalogue, listCatalogues } from '../services/catalogue-queries';
import { exportAnnexes } from '../services/annex-export';
import { openAppDatabase } from '../seeds/open-database';
import { itemRecords, itemsCsv } from './item-records';

const USAGE = '用法：npm run -s cli -- <list | dump <清单编号> [--format csv|json] [--out <文件>] [--bom] | export <清单编号> --annex catalogue|tasks|indicators|all --out <文件.xlsx> [--separate] [--header <页眉>] [--footer <页脚>] | init [--force]> [--db <数据库文件>]';

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        annex: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        bom: { type: 'boolean', default: false },
        separate: { type: 'boolean', default: false },
        header: { type: 'string' },
        footer: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new AppError('bad_request', `参数有误：${(error as Error).message}。${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!command) throw new AppError('bad_request', `缺少命令。${USAGE}`);
  const dbPath = resolve(values.db ?? defaultDatabasePath());

  if (command === 'init') {
    if (existsSync(dbPath)) {
      if (!values.force) throw new AppError('conflict', `数据库文件 ${dbPath} 已存在，未做任何改动；如需重建请加 --force（旧文件会改名保留）。`);
      // A file some window still has open must not be swapped from under it: opening it tells.
      await (await Database.open(dbPath)).close();
      const kept = unusedPath(`${dbPath}.replaced-${fileStamp()}.bak`, existsSync);
      renameSync(dbPath, kept);
      if (existsSync(`${dbPath}.wal`)) renameSync(`${dbPath}.wal`, `${kept}.wal`);
      console.error(`旧数据库已改名保留为 ${kept}`);
    }
    const db = await openAppDatabase(dbPath);
    const catalogues = await listCatalogues(db);
    await db.close();
    console.log(`已从种子文档建立数据库 ${dbPath}：${catalogues.length} 份清单，${catalogues.reduce((n, c) => n + c.itemCount, 0)} 个服务项目。`);
    return;
  }

  // Only the app's own default database is created on first use; a named file must already exist.
  if (values.db && !existsSync(dbPath)) {
    throw new AppError('not_found', `数据库文件不存在：${dbPath}（可先运行 init --db ${values.db}）。`);
  }
  const db = await openAppDatabase(dbPath);
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
  values: { format?: string; annex?: string; out?: string; bom?: boolean; separate?: boolean; header?: string; footer?: string },
): Promise<void> {
  const needId = () => {
    const id = args[0];
    if (!id) throw new AppError('bad_request', `命令 ${command} 需要清单编号，例如 hebei-13th。可用 list 查看全部编号。`);
    return id;
  };
  switch (command) {
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
      const records = itemRecords(await getCatalogue(db, needId()));
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
    default:
      throw new AppError('bad_request', `不认识的命令“${command}”。${USAGE}`);
  }
}

/** Written to a temporary name beside the target and renamed: a failed write never leaves half a file. */
function writeOutput(path: string, content: string | Buffer): string {
  const out = resolve(path);
  const temporary = `${out}.${process.pid}.part`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new AppError('bad_file', `无法写入 ${out}：${(error as Error).message}`);
  }
  return out;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`错误：${toErrorPayload(error).message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
});
