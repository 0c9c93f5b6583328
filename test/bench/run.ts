// `npm run bench`: the speed of this paths, each beside a baseline measured in the same run.
//   1. cold start to the grid: the built browser host on a database that does not exist yet (so it is
//      built from the seeds), until Chromium shows the Hebei grid — against a bare Node HTTP server
//      serving a one-line page to the same browser (the floor of starting a process and loading a page);
//   2. warm start to the grid: the same on an existing database;
//   3. exporting the 81-item Hebei annex — against exceljs writing the same cells with no formatting;
//   4. saving one cell edit through the contract — against a bare UPDATE in a DuckDB transaction;
//   5. saving one cell edit while 50 readers keep opening the Hebei catalogue — against the same edit with no
//      reader running;
//   6. the annex exports (the 81-item annex, the whole Hebei set, a 5,000-item catalogue), each in a
//      process of its own for its time and peak memory, against exceljs writing the same cells unformatted;
//   7–9. pricing the national-scale model (test/bench/pricing/pricing-bench.ts);
//   10. the same pricing as a hand-built workbook recalculated by LibreOffice (test/bench/pricing/incumbent.ts);
//   20–21. importing a catalogue annex (test/bench/catalogue-import-bench.ts);
//   11–13. comparing two versions of a 1,000-item catalogue, its 对照表, a version saved (test/bench/compare-bench.ts).
//   14–19. drafting at scale: a 5,000-item draft opened, edited, pasted into, the paste undone, and its grid
//          painted and scrolled in Chromium, beside the 81-item draft (test/bench/drafting-bench.ts).
// `npm run bench -- readers|annex|pricing|import|compare|drafting` runs one part alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeCatalogueAnnex } from '../../electron/annex/catalogue-annex';
import type { Database } from '../../electron/db/database';
import { getCatalogue } from '../../electron/services/catalogue-queries';
import { dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { openAppDatabase } from '../../electron/seeds/open-database';
import { compare, median, report, time } from './measure';
import { INCUMBENT_BENCH_SIZE, incumbentReport, timeIncumbent } from './pricing/incumbent';
import { pricingBench } from './pricing/pricing-bench';
import { makeDraft } from '../support/draft';
import { importBench } from './catalogue-import-bench';
import { compareBench } from './compare-bench';
import { draftingBench } from './drafting-bench';
import type { Comparison } from './measure';

const dir = mkdtempSync(join(tmpdir(), 'qingdan-bench-'));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function startProcess(args: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const BARE_SERVER = `
  const http = require('node:http');
  const s = http.createServer((q, r) => { r.writeHead(200, {'content-type': 'text/html; charset=utf-8'}); r.end('<!doctype html><p id="ready">清单工作台</p>'); });
  s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port + '/'));
  process.on('SIGTERM', () => process.exit(0));`;

const READERS = 50;
/** The seeded Hebei catalogue is published (read-only): the edits timed go to a draft of it. */
const EDITED = 'hebei-draft';

/** Edit latency with READERS concurrent readers, against the same edit alone. */
async function editUnderReaders(db: Database): Promise<Comparison> {
  const handlers = createHandlers(db, 'cli', 'test');
  let n = 0;
  // The grid sends the value it shows as `expected`; the edit timed is the save alone.
  const { base } = await getItemStandard(db);
  let { current } = await getItemStandard(db);
  const edit = async () => {
    const value = `${base}（${n++}）`;
    const envelope = await dispatch(handlers, 'items.update', { itemId: `${EDITED}:040`, field: 'standard', value, expected: current });
    if (!envelope.ok) throw new Error(envelope.error.message);
    current = value;
  };
  let reading = false;
  let reads = 0;
  const readers: Promise<void>[] = [];
  const startReaders = async () => {
    reading = true;
    for (let r = 0; r < READERS; r++) {
      readers.push(
        (async () => {
          while (reading) {
            const envelope = await dispatch(handlers, 'catalogues.get', { catalogueId: EDITED });
            if (!envelope.ok) throw new Error(envelope.error.message);
            reads++;
          }
        })(),
      );
    }
    // Let every reader have a query in flight before the edit is timed.
    await new Promise((resolve) => setTimeout(resolve, 200));
  };
  const stopReaders = async () => {
    reading = false;
    await Promise.all(readers.splice(0));
  };
  const result: Comparison = {
    name: `5. saving one cell edit while ${READERS} readers open the Hebei catalogue`,
    subject: `items.update with ${READERS} concurrent catalogues.get loops`,
    baseline: 'the same edit with no reader running',
    subjectMs: [],
    baselineMs: [],
  };
  await edit();
  for (let round = 0; round < 20; round++) {
    result.baselineMs.push(await time(edit));
    await startReaders();
    result.subjectMs.push(await time(edit));
    await stopReaders();
  }
  console.error(`(${reads} catalogue reads ran beside the timed edits)`);
  return result;
}

/** Runs one annex workload in a child process; returns its time (ms, after a warm-up) and peak memory (MB). */
function workload(mode: 'annex' | 'plain', size: string): Promise<{ ms: number; maxRssMb: number; bytes: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/annex-workload.ts', mode, size], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`workload ${mode} ${size} exited ${code}`))));
  });
}

async function annexBench(): Promise<string> {
  const lines: string[] = ['6. annex exports, each in its own process (median of 5 runs after 3 warm-ups, a 5,000-item export one cold run; peak RSS of the process)'];
  const targets: Record<string, string> = { hebei: 'target < 100 ms', set: '', '5000': 'target < 5000 ms and < 300 MB' };
  for (const [size, rounds] of [['hebei', 5], ['set', 5], ['5000', 3]] as const) {
    const annex = [];
    const plain = [];
    for (let i = 0; i < rounds; i += 1) {
      annex.push(await workload('annex', size));
      plain.push(await workload('plain', size));
    }
    const ms = median(annex.map((r) => r.ms));
    const baseMs = median(plain.map((r) => r.ms));
    const rss = Math.max(...annex.map((r) => r.maxRssMb));
    const baseRss = Math.max(...plain.map((r) => r.maxRssMb));
    const label = { hebei: 'the 81-item Hebei annex', set: 'the whole Hebei set (附件1 + 附件2)', '5000': 'a 5,000-item catalogue annex' }[size];
    lines.push(
      `  ${label}: median ${ms.toFixed(1)} ms, peak ${rss.toFixed(0)} MB (n=${rounds}) ${targets[size]}`,
      `    baseline, exceljs same cells unformatted: median ${baseMs.toFixed(1)} ms, peak ${baseRss.toFixed(0)} MB; ratio ${(ms / baseMs).toFixed(2)}× time, ${(rss / baseRss).toFixed(2)}× memory`,
    );
  }
  return lines.join('\n');
}

/** 7–9, then what finance bureaus use today: the same model as a hand-built workbook in LibreOffice. */
async function pricingSection(): Promise<string> {
  const { results, notes } = await pricingBench(dir);
  const incumbent = await timeIncumbent(INCUMBENT_BENCH_SIZE);
  return [report(results), ...notes, '', `10. ${incumbentReport(incumbent)}`].join('\n');
}

/** 11–13: versions and comparison, 1,000 items beside 81. */
async function compareSection(): Promise<string> {
  const { results, notes } = await compareBench(dir);
  return [report(results), '', ...notes].join('\n');
}

async function main(): Promise<void> {
  const only = ['readers', 'annex', 'pricing', 'import', 'compare'].find((part) => process.argv.includes(part));
  if (only === 'import' || only === 'compare') {
    console.log(only === 'import' ? await importBench(dir) : await compareSection());
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (only === 'annex') {
    console.log(await annexBench());
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (process.argv.includes('drafting')) {
    console.log(await draftingBench(dir, 'dist/electron/browser-host.mjs'));
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (only === 'pricing') {
    console.log(await pricingSection());
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (process.argv.includes('readers')) {
    const db = await openAppDatabase(join(dir, 'readers.duckdb'));
    await makeDraft(db, 'hebei-13th', EDITED);
    const result = await editUnderReaders(db);
    await db.close();
    console.log(report([result]));
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: Comparison[] = [];
  let run = 0;
  const toGrid = async (dbPath: string) => {
    const host = await startProcess(['dist/electron/browser-host.mjs', '--db', dbPath]);
    const page = await browser.newPage();
    await page.goto(`${host.url}#/catalogue/hebei-13th`);
    await page.locator('.ag-row[row-id="hebei-13th:001"] .ag-cell[col-id="standard"]').waitFor();
    await page.close();
    await host.stop();
  };
  const bare = async () => {
    const host = await startProcess(['-e', BARE_SERVER]);
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.locator('#ready').waitFor();
    await page.close();
    await host.stop();
  };
  results.push(
    await compare('1. cold start to the grid (database built from the seeds)', { subject: 'app', baseline: 'bare Node server + same browser' },
      () => toGrid(join(dir, `cold-${run++}.duckdb`)), bare, 5),
  );
  const warm = join(dir, 'warm.duckdb');
  results.push(await compare('2. warm start to the grid (existing database)', { subject: 'app', baseline: 'bare Node server + same browser' }, () => toGrid(warm), bare, 5));
  await browser.close();

  const db = await openAppDatabase(join(dir, 'export.duckdb'));
  const detail = await getCatalogue(db, 'hebei-13th');
  await makeDraft(db, 'hebei-13th', EDITED);
  const plain = async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('plain');
    for (const i of detail.items) sheet.addRow([i.itemNo, i.name, i.targetGroup, i.standard, i.fundingResponsibility, i.leadDepartment]);
    return book.xlsx.writeBuffer();
  };
  results.push(await compare('3. export of the 81-item Hebei catalogue annex', { subject: 'official-format annex', baseline: 'exceljs, same cells, no formatting' }, () => writeCatalogueAnnex(detail), plain, 20));

  const handlers = createHandlers(db, 'cli', 'test');
  let n = 0;
  const viaContract = async () => {
    const item = await getItemStandard(db);
    const envelope = await dispatch(handlers, 'items.update', { itemId: `${EDITED}:040`, field: 'standard', value: `${item.base}（${n++}）`, expected: item.current });
    if (!envelope.ok) throw new Error(envelope.error.message);
  };
  const bareUpdate = () => db.transaction((tx) => tx.run(`UPDATE items SET lead_department = $1 WHERE id = 'hebei-draft:041'`, [`省卫生计生委（${n++}）`]));
  results.push(await compare('4. saving one cell edit', { subject: 'items.update through the contract (validate, check, update, log)', baseline: 'bare UPDATE in a DuckDB transaction' }, viaContract, bareUpdate, 50));
  results.push(await editUnderReaders(db));
  await db.close();

  console.log(`Qingdan bench — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(report(results));
  console.log(`\n${await annexBench()}`);
  console.log(`\n${await pricingSection()}`);
  console.log(`\n${await importBench(dir)}`);
  console.log(`\n${await compareSection()}`);
  console.log(`\n${await draftingBench(dir, 'dist/electron/browser-host.mjs')}`);
  rmSync(dir, { recursive: true, force: true });
}

async function getItemStandard(db: Database): Promise<{ base: string; current: string | null }> {
  const [row] = await db.all(`SELECT standard FROM items WHERE id = $1`, [`${EDITED}:040`]);
  const current = (row?.standard as string | null) ?? null;
  return { base: (current ?? '').replace(/（\d+）$/, ''), current };
}

await main();
