// `compare <a> <b> --out <对照表.xlsx>` and `version <catalogue> [--name <名称>]`: the comparison and named
// versions from the command line; an id may name a saved version as "<catalogue id>@<number or name>".
import { defaultVersionName } from '../../shared/domain/versions';
import { AppError } from '../db/app-error';
import type { Database } from '../db/database';
import { getCatalogue } from '../services/catalogue-queries';
import { executeCommand } from '../services/commands';
import { exportComparison } from '../services/comparison';

export const COMPARE_USAGE = ' | compare <清单编号或清单编号@版本> <清单编号或清单编号@版本> --out <对照表.xlsx> | version <清单编号> [--name <版本名称>]';

export async function compareCommand(db: Database, args: string[], out: string | undefined, write: (path: string, bytes: Buffer) => string): Promise<void> {
  const [before, after] = args;
  if (!before || !after) throw new AppError('bad_request', '命令 compare 需要两份清单（或版本）：compare <原文一方> <修改后一方> --out <对照表.xlsx>。');
  if (!out) throw new AppError('bad_request', '请用 --out <文件.xlsx> 指定对照表的路径。');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new AppError('bad_request', `对照表文件名必须以 .xlsx 结尾：${out}`);
  const { bytes, comparison } = await exportComparison(db, before, after);
  const written = write(out, bytes);
  const c = comparison.counts;
  console.error(`新增 ${c.added} 项，删除 ${c.removed} 项，修改 ${c.changed} 项（其中改名 ${c.renamed}、移动 ${c.moved}），未改动 ${c.unchanged} 项；按来源项对应 ${c.byLineage}，按名称对应 ${c.byName}。`);
  console.log(`已导出 ${written}（${bytes.length} 字节）`);
}

export async function versionCommand(db: Database, args: string[], name: string | undefined): Promise<void> {
  const [catalogueId] = args;
  if (!catalogueId) throw new AppError('bad_request', '命令 version 需要清单编号：version <清单编号> [--name <版本名称>]。');
  const stage = (await getCatalogue(db, catalogueId)).summary.stage ?? null;
  const { version } = await executeCommand(db, { kind: 'version.save', catalogueId, name: name?.trim() ? name : defaultVersionName(stage, new Date()) }, 'cli');
  console.error(`已保存版本“${version.name}”（${version.itemCount} 项）：`);
  // The id alone on the last line, for scripts.
  console.log(version.id);
}
