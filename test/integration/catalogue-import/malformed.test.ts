// The malformed catalogue files (test/fixtures/malformed/catalogue-import/, built by
// test/fixtures/catalogue-import/build-fixtures.ts): each is refused with its one Chinese message naming what
// and where, and the database is unchanged — every table's row count and content hash the same after the
// preview and after the attempted import (in process), and the file byte-identical after the command line.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { AppError } from '../../../electron/db/app-error';
import { createHandlers } from '../../../electron/services/handlers';
import type { Handlers } from '../../../electron/services/handlers';
import { runCli } from '../../support/run-cli';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const folder = join(root, 'test/fixtures/malformed/catalogue-import');
const temp = tempDir('catalogue-import-malformed-');
let path = '';
let db: Database;
let api: Handlers;

/** Each file and the one message it must get, word for word. */
const CORPUS: [string, string][] = [
  ["blank-sheets.xlsx", "“blank-sheets.xlsx”的工作表“空白”都是空的，没有导入任何内容。"],
  ["blank.csv", "“blank.csv”是空的，没有表头也没有数据，没有导入任何内容。"],
  ["broken-gbk.csv", "broken-gbk.csv 第3行有无法识别的字节：文件既不是 UTF-8 也不是 GBK 编码（可能已损坏），没有导入任何内容。请在 Excel 或 WPS 中重新另存为 CSV（UTF-8）后再导入。"],
  ["catalogue.docx", "无法识别“catalogue.docx”的格式：清单可从 .xlsx（Excel、WPS 工作簿）、.csv（表格另存的或本程序导出的）或 .txt（规划文本）导入，没有导入任何内容。"],
  ["control-character.csv", "“control-character.csv”有 1 处问题，没有导入任何内容：第2行“服务标准”的第 5 个字符是不可见的控制字符或非法字符（字符编码 0007），附件（Excel）无法保存它，请删去这个字符后再导入。"],
  ["domain-apart.csv", "“domain-apart.csv”有 1 处问题，没有导入任何内容：第4行：领域“基本公共教育”在第2行已经出现过，同一领域的服务项目应连在一起，请合并后再导入。"],
  ["duplicate-item.xlsx", "“duplicate-item.xlsx”有 1 处问题，没有导入任何内容：第5行B列“服务项目”：服务项目“最低生活保障”在领域“基本社会服务”中与第3行重名，同一领域内服务项目不能重复；请改名或删去一行后再导入。"],
  ["empty.xlsx", "“empty.xlsx”是空文件（0 字节），没有导入任何内容。"],
  ["field-before-item.txt", "“field-before-item.txt”有 1 处问题，没有导入任何内容：第2行：“服务对象”之前没有服务项目名称（如“1. 学前教育幼儿资助”或“服务项目：…”），请补上后再导入。"],
  ["header-only.xlsx", "“header-only.xlsx”有 1 处问题，没有导入任何内容：没有找到任何服务项目：表头之下没有一行是服务项目；请确认选择的是清单文件。"],
  ["item-before-domain.xlsx", "“item-before-domain.xlsx”有 1 处问题，没有导入任何内容：第2行：服务项目“最低生活保障”之前没有领域行（如“一、基本公共教育”），无法确定它属于哪个领域；请在它上面加上领域行后再导入。"],
  ["nameless-item.xlsx", "“nameless-item.xlsx”有 1 处问题，没有导入任何内容：第5行B列“服务项目”：服务项目名称为空，每个服务项目都要有名称；请补上名称，或删去这一行后再导入。"],
  ["old-format.xlsx", "“old-format.xlsx”是旧版 Excel（.xls）或 Word（.doc）格式，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入，没有导入任何内容。"],
  ["over-long.csv", "“over-long.csv”有 1 处问题，没有导入任何内容：第2行“服务标准”的内容有 4001 个字，超过这一栏最多 2000 个字的限度，请拆分或删减后再导入。"],
  ["pdf-renamed.xlsx", "“pdf-renamed.xlsx”其实是 PDF 文件，不是 .xlsx 工作簿（只是改了扩展名）；请用 Excel 或 WPS 打开原表格另存为 .xlsx 后再导入，没有导入任何内容。"],
  ["prose.txt", "“prose.txt”中找不到清单：文本里既没有清单表格的表头（表头应有“服务项目”列，以及服务对象、服务标准（或服务指导标准、服务内容和保障标准）、支出责任、牵头负责单位（或责任单位）中的至少两列），也没有“服务对象：…”“支出责任：…”这样分段标注的服务项目，没有导入任何内容。"],
  ["sales-report.xlsx", "“sales-report.xlsx”不是清单：工作表“Sheet1”的前 15 行中都找不到清单的表头（表头应有“服务项目”列，以及服务对象、服务标准（或服务指导标准、服务内容和保障标准）、支出责任、牵头负责单位（或责任单位）中的至少两列），没有导入任何内容。"],
  ["scan.pdf", "“scan.pdf”是 PDF 文件，无法从中可靠地读出表格；请使用清单的 .xlsx 原表格（或另存的 .csv、.txt）导入，没有导入任何内容。"],
  ["truncated.xlsx", "“truncated.xlsx”不完整：工作簿在 3000 字节处被截断（下载或复制没有完成）；请重新获取完整的文件后再导入，没有导入任何内容。"],
  ["unclosed-quote.csv", "“unclosed-quote.csv”第3行不是有效的 CSV（引号不成对或格式错误），没有导入任何内容。"],
  ["wrong-header.csv", "“wrong-header.csv”不是清单：第1行的表头“order_id,customer,amount,date”不是清单的栏目（表头应有“服务项目”列，以及服务对象、服务标准（或服务指导标准、服务内容和保障标准）、支出责任、牵头负责单位（或责任单位）中的至少两列），没有导入任何内容。"],
];

/** Every table's rows, counted and hashed: what "nothing written" means, checked table by table. */
async function tableChecksums(): Promise<Record<string, string>> {
  const tables = await db.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY table_name`);
  const out: Record<string, string> = {};
  for (const { table_name: name } of tables) {
    const [row] = await db.all(`SELECT count(*) AS n, CAST(coalesce(sum(hash(t)), 0) AS VARCHAR) AS h FROM "${String(name)}" t`);
    out[String(name)] = `${String(row!.n)}:${String(row!.h)}`;
  }
  return out;
}

/** One readable Chinese sentence: beyond the file's own name and the headings it quotes, no English. */
function expectChinese(message: string, fileName: string): void {
  const rest = message.replaceAll(fileName, '').replace(/“[^”]*”/gu, '').replace(/\.(xlsx|xls|csv|txt|doc)\b/gu, '').replace(/\b(Excel|Word|WPS|CSV|PDF|UTF-8|GBK|dump)\b/gu, '').replace(/item_no,domain,item,target_group,…/u, '');
  expect(rest.match(/[A-Za-z]{2,}/gu) ?? [], message).toEqual([]);
  expect(message).toMatch(/[\u4e00-\u9fff]/u);
  expect(message).not.toContain('\n');
}

beforeAll(async () => {
  path = await seededDatabaseFile(temp.dir);
  db = await Database.open(path);
  api = createHandlers(db, 'browser', 'test');
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

describe('malformed catalogue files', () => {
  it('are at least 15, and every file in the folder has its expected message', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
    expect(CORPUS.map(([name]) => name).sort()).toEqual(readdirSync(folder).sort());
  });

  it.each(CORPUS)('%s is refused with its message and nothing is written', async (fileName, message) => {
    const before = await tableChecksums();
    const file = { fileName, base64: readFileSync(join(folder, fileName)).toString('base64') };
    // The preview names the problem too: refused outright, or listed with its row and column.
    const preview = await api['catalogues.importPreview'](file).then(
      (p) => p.problems.filter((x) => x.severity === 'error').map((x) => x.message),
      (error: unknown) => (error as Error).message,
    );
    if (typeof preview === 'string') expect(preview).toBe(message);
    else expect(message).toContain(preview[0]!.replace(/。$/u, ''));
    const refusal = await api['catalogues.import']({ ...file, name: '不应出现的清单' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('bad_file');
    expect((refusal as AppError).message).toBe(message);
    expectChinese(message, fileName);
    expect(await tableChecksums()).toEqual(before);
  });
});

describe('from the command line', () => {
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  it.each(['truncated.xlsx', 'broken-gbk.csv', 'duplicate-item.xlsx'])('%s: exit 1, the message on stderr, the database file byte for byte the same', async (fileName) => {
    await db.close();
    try {
      const before = sha(path);
      const result = runCli(['import', join(folder, fileName), '--db', path]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`错误：${CORPUS.find(([name]) => name === fileName)![1]}\n`);
      expect(sha(path)).toBe(before);
    } finally {
      db = await Database.open(path);
      api = createHandlers(db, 'browser', 'test');
    }
  }, 60_000);
});
