// Rewrites the golden descriptions of the seeded annexes (test/fixtures/golden/) from a fresh seeded
// database: `npx tsx test/support/update-golden.ts`. Run it only when a layout change is meant, and
// read the diff in review: it is the change a printed annex will show.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../electron/db/database';
import { exportAnnexes } from '../../electron/services/annex-export';
import { describeWorkbook } from './describe-workbook';
import { seededDatabaseFile, tempDir } from './temp-db';

const temp = tempDir('golden-');
const db = await Database.open(await seededDatabaseFile(temp.dir));
const [set] = await exportAnnexes(db, 'hebei-13th', { annex: 'all', layout: 'workbook' });
const [indicators] = await exportAnnexes(db, 'national-14th-plan', { annex: 'indicators', layout: 'workbook' });
await db.close();
const reader = new URL('../integration/annex/read_annex.py', import.meta.url).pathname;
for (const [name, bytes] of [['hebei-13th-set', set!.bytes], ['national-14th-indicators', indicators!.bytes]] as const) {
  const file = join(temp.dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  // exceljs does not read page breaks back: openpyxl does.
  const seen = JSON.parse(execFileSync('/usr/bin/python3', [reader, file], { encoding: 'utf8' })) as { sheets: Array<{ rowBreaks: number[] }> };
  const described = (await describeWorkbook(bytes)).map((sheet, index) => ({ ...sheet, rowBreaks: seen.sheets[index]?.rowBreaks }));
  writeFileSync(new URL(`../fixtures/golden/${name}.json`, import.meta.url), `${JSON.stringify(described, null, 1)}\n`);
}
temp.cleanup();
console.log('golden descriptions rewritten');
