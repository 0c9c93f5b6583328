// `<command> --help` (or `help <command>`): what one command does, its arguments and options, and for an
// import the header its file must have, in the fixed names a script writes and the Chinese a planner writes.
import { IMPORT_COLUMNS, OPTIONAL_IMPORT_COLUMNS, columnLabel } from '../../shared/domain/pricing/import-columns';
import type { ImportKind } from '../../shared/domain/pricing/import-columns';
import { PRICE_COLUMNS } from '../pricing/price-table';

const CLI = 'npm run -s cli --';
const COMMON = '每个命令都可加 --db <数据库文件>（默认为应用自己的数据库）和 --wait <秒数>（数据库被占用时最多等多久，0 为不等）。';

/** What an import's file must hold, by kind. */
const IMPORT_WHAT: Record<ImportKind, string> = {
  regions: '行政区（省、市、县及其类别、等级）。已有的区划代码会被更新。',
  population: '各地区、各人群、各年度的人数。同一地区、人群、年度的人数会被替换。',
  shares: '某人群占另一人群的比例（如 60岁及以上 占 常住人口 的 19.85%）。',
  rules: '分担规则：中央比例（百分数或“按档”），以及省、市、县分担其余部分的权重；每条规则须有一行类别、等级都留空（“其他地区”行）。',
  drivers: '一份清单各服务项目的测算参数，按印出的序号对应。',
};

function importHelp(kind: ImportKind): string {
  const columns = IMPORT_COLUMNS[kind];
  const optional = OPTIONAL_IMPORT_COLUMNS[kind];
  const extra = (names: readonly string[]) => (optional.length ? `（可另加：${names.join('、')}）` : '');
  return [
    `${CLI} ${kind} import ${kind === 'drivers' ? '<清单编号> ' : ''}<文件.csv 或 .xlsx>`,
    `导入${IMPORT_WHAT[kind]}`,
    `表头（第一行，任意顺序）：${columns.join(',')}${extra(optional)}`,
    `或中文：${columns.map((c) => columnLabel(c, kind)).join(',')}${extra(optional.map((c) => columnLabel(c, kind)))}`,
    'CSV 可为 UTF-8（带或不带 BOM）或 GBK；.xlsx 读第一个工作表。整个文件先检查，有任何问题都不写入，问题按行、列说明；需要留意的情况以“注意：”写在标准错误输出。',
  ].join('\n');
}

const HELP: Record<string, string> = {
  list: `${CLI} list\n列出全部清单，每行一个 JSON：编号、名称、行政区、时期、项目数。`,
  dump: `${CLI} dump <清单编号> [--format csv|json] [--out <文件>] [--bom]\n输出清单的服务项目和测算参数。--bom 只用于 CSV（让 Excel 按 UTF-8 打开）。`,
  export: `${CLI} export <清单编号> --annex catalogue|tasks|indicators|all --out <文件.xlsx> [--separate] [--header <页眉>] [--footer <页脚>]\n导出正式格式的附件。`,
  init: `${CLI} init [--force]\n从种子文档建立数据库；--force 把已有的文件改名保留后重建。`,
  draft: `${CLI} draft <清单编号> --name <名称> [--period 十五五] [--region <行政区>]\n基于一份清单新建草案，最后一行输出新草案的编号。`,
  import: `${CLI} import <清单文件> [--name <名称>] [--period 十五五] [--region <行政区>]\n从 .xlsx、.csv 或文本文件导入一份清单为新草案，最后一行输出其编号。`,
  price: [
    `${CLI} price <清单编号> [--from 2026] [--to 2030] [--level county|city|province] [--format csv|json] [--out <文件>] [--bom]`,
    `输出测算结果：每个服务项目、地区、年度一行，表头 ${PRICE_COLUMNS.join(',')}（元，两位小数）。`,
    '--from/--to 同时成为这份清单的测算年度（界面中相同）；--level city 把县汇总到市，province 汇总到省。未测算的项目和需要留意的情况写在标准错误输出。',
  ].join('\n'),
  compare: `${CLI} compare <清单编号或编号@版本> <清单编号或编号@版本> --out <对照表.xlsx>\n输出两份清单或两个版本的对照表。`,
  version: `${CLI} version <清单编号> [--name <版本名称>]\n把草案当前的内容存为一个命名版本，最后一行输出版本编号。`,
};

/** The help of one command, or null for a command there is none for. */
export function commandHelp(command: string): string | null {
  const text = command in IMPORT_WHAT ? importHelp(command as ImportKind) : HELP[command];
  return text ? `${text}\n${COMMON}` : null;
}
