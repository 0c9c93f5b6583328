// The annex exports the bench measures, each run in a process of its own so its peak memory can be read:
//   tsx test/bench/annex-workload.ts <annex|plain> <hebei|set|5000>
// annex: the official-format writer; plain: exceljs writing the same cells with no formatting.
// Prints one JSON line: { ms, maxRssMb, bytes }.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { writeAnnexWorkbook } from '../../electron/annex/annex-set';
import type { AnnexPart } from '../../electron/annex/annex-set';
import { parseHebei } from '../../electron/importers/hebei';
import type { CatalogueDetail, CatalogueItem } from '../../shared/domain/catalogue';
import type { CatalogueTask } from '../../shared/domain/task';
import { buildLargeCatalogueDetail } from '../fixtures/catalogue-detail';

const [mode, size] = process.argv.slice(2);

/** The Hebei items repeated, renumbered and spread over the same eight domains, up to `count`. */
function scaled(detail: CatalogueDetail, count: number): CatalogueDetail {
  const items: CatalogueItem[] = [];
  for (let n = 0; n < count; n += 1) {
    const source = detail.items[n % detail.items.length]!;
    items.push({ ...source, id: `bench-${n + 1}`, itemNo: 0 });
  }
  items.sort((a, b) => a.domainSeq - b.domainSeq);
  items.forEach((item, index) => {
    item.itemNo = index + 1;
  });
  return { ...detail, items };
}

function hebeiTasks(): CatalogueTask[] {
  const seed = parseHebei(readFileSync(new URL('../../seeds/documents/hebei-13th-plan.txt', import.meta.url), 'utf8'));
  return seed.tasks.map((task, index) => ({ id: `task-${index + 1}`, catalogueId: 'bench', ...task }));
}

const hebei = buildLargeCatalogueDetail();
const detail = size === '5000' ? scaled(hebei, 5000) : hebei;
const parts: AnnexPart[] = [{ kind: 'catalogue', detail }];
if (size === 'set') parts.push({ kind: 'tasks', label: '附件2', title: '重点任务分工方案', tasks: hebeiTasks() });

async function plain(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('plain');
  for (const i of detail.items) sheet.addRow([i.itemNo, i.name, i.targetGroup, i.standard, i.fundingResponsibility, i.leadDepartment]);
  for (const part of parts) {
    if (part.kind !== 'tasks') continue;
    const tasks = book.addWorksheet('tasks');
    for (const t of part.tasks) tasks.addRow([t.taskNo, t.task, t.responsibleUnits]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const run = mode === 'plain' ? plain : () => writeAnnexWorkbook(detail.annexTitle, parts, { header: '', footer: '' });
// Warm-ups in process (module loading, JIT), then the median of the measured runs; a 5,000-item export
// is measured once, as a user would meet it.
const [warmUps, runs] = size === '5000' ? [0, 1] : [3, 5];
for (let i = 0; i < warmUps; i += 1) await run();
const times: number[] = [];
let bytes: Buffer = Buffer.alloc(0);
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  bytes = await run();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ ms: times[Math.floor(times.length / 2)], maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: bytes.length }));
