// `npm run bench -- import`: importing a catalogue annex (read, checked, previewed, then written as a draft in
// one transaction through the command path) beside exceljs merely loading the same file — for the app's own
// 81-item Hebei annex and a 5,000-item annex of 50 merged domain rows.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Database } from '../../electron/db/database';
import { exportCatalogueAnnex } from '../../electron/services/handlers';
import { importCatalogueFile } from '../../electron/services/catalogue-import';
import { openAppDatabase } from '../../electron/seeds/open-database';
import { chineseNumeral } from '../../shared/domain/numerals';
import { compare, report } from './measure';

async function largeAnnex(items: number, domains: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('附件1 清单');
  sheet.addRow(['附件1']);
  sheet.addRow(['某省基本公共服务清单']);
  sheet.addRow(['序号', '服务项目', '服务对象', '服务指导标准', '支出责任', '牵头负责单位']);
  let n = 0;
  for (let d = 1; d <= domains; d += 1) {
    const row = sheet.addRow([`${chineseNumeral(d)}、领域${d}`]);
    sheet.mergeCells(row.number, 1, row.number, 6);
    for (let i = 0; i < items / domains; i += 1) {
      n += 1;
      sheet.addRow([n, `服务项目${n}`, '城乡居民', `按规定提供服务，每人每年${n}元，由县级统筹安排。`, '中央和地方按比例分担', '省民政厅']);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function importBench(dir: string): Promise<string> {
  const db: Database = await openAppDatabase(join(dir, 'import.duckdb'));
  const hebei = (await exportCatalogueAnnex(db, 'hebei-13th')).bytes;
  const large = await largeAnnex(5000, 50);
  const load = (bytes: Buffer) => () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  let n = 0;
  const importing = (bytes: Buffer) => () => importCatalogueFile(db, { fileName: 'annex.xlsx', bytes, name: `导入${n++}` }, 'test');
  const results = [
    await compare('20. importing the 81-item Hebei annex (read, check, one transaction)', { subject: '导入清单', baseline: 'exceljs loading the same file' }, importing(hebei), load(hebei), 10),
    await compare('21. importing a 5,000-item annex', { subject: '导入清单', baseline: 'exceljs loading the same file' }, importing(large), load(large), 3),
  ];
  await db.close();
  return `${report(results)}\n  peak memory of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`;
}
