// 14–19. Drafting at scale: a synthetic 5,000-item draft (the Hebei items repeated over its eight 领域,
// written straight into a temp DuckDB file) opened, edited, pasted into (a 500 × 6 block from the first
// item: its 服务项目 and five text columns), the paste undone — each through the contract, beside the same
// operation on the 81-item Hebei draft (where the block runs past the 领域's end and adds rows, as a
// paste does). Then in Chromium, on the built browser host: the grid's first paint and a Ctrl+End to the
// last row, 5,000 items beside 81.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Channel, Request, Response } from '../../shared/contract';
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { Database } from '../../electron/db/database';
import { getCatalogue } from '../../electron/services/catalogue-queries';
import { dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { executeCommand } from '../../electron/services/commands';
import { draftCommand } from '../../electron/services/drafts';
import { openAppDatabase } from '../../electron/seeds/open-database';
import { writeRepeatedCatalogue } from './repeated-catalogue';
import { compare, report } from './measure';
import type { Comparison } from './measure';

const LARGE = 'bench-5000';
const LARGE_ITEMS = 5000;
const BLOCK_ROWS = 500;

const writeLargeCatalogue = (db: Database) => writeRepeatedCatalogue(db, LARGE, '五千项合成清单', LARGE_ITEMS);

export async function draftingBench(dir: string, hostScript: string): Promise<string> {
  const path = join(dir, 'drafting.duckdb');
  const db = await openAppDatabase(path);
  await writeLargeCatalogue(db);
  const small = (await executeCommand(db, await draftCommand(db, { sourceId: 'hebei-13th', name: '河北省草案（基准）' }), 'test')).summary.id;
  const handlers = createHandlers(db, 'cli', 'test');
  const call = async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
    const envelope = await dispatch(handlers, channel, request);
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.data as Response<C>;
  };
  const results: Comparison[] = [];
  const sizes = `${LARGE_ITEMS.toLocaleString('en-US')} items`;

  results.push(await compare(`14. open a catalogue (catalogues.get), ${sizes} beside 81`, { subject: `${sizes}`, baseline: '81-item Hebei draft' },
    () => call('catalogues.get', { catalogueId: LARGE }), () => call('catalogues.get', { catalogueId: small }), 10));

  // The grid sends the value it shows as `expected`; the edit timed is the save alone.
  const editor = async (catalogueId: string) => {
    const item = (await getCatalogue(db, catalogueId)).items[40]!;
    let current = item.standard;
    let n = 0;
    return async () => {
      const value = `${item.standard ?? ''}（${n++}）`;
      await call('items.update', { itemId: item.id, field: 'standard', value, expected: current });
      current = value;
    };
  };
  results.push(await compare(`15. one cell edit (items.update), ${sizes} beside 81`, { subject: sizes, baseline: '81-item Hebei draft' }, await editor(LARGE), await editor(small), 20));

  // A 500 × 6 block from the first item down: names made unique, five text columns; then its undo.
  const block = async (catalogueId: string): Promise<Request<'items.paste'>> => {
    const { items, domains } = await getCatalogue(db, catalogueId);
    const first = items.filter((i) => i.domainSeq === domains[0]!.seq);
    const over = items.slice(0, Math.min(BLOCK_ROWS, first.length));
    const stamp = Date.now().toString(36);
    const text = (n: number, field: string) => (field === 'name' ? `粘贴项目${n + 1}·${stamp}` : `粘贴的${field}内容，第 ${n + 1} 行`);
    const cells = over.flatMap((item, n) => ITEM_FIELDS.map((field) => ({ itemId: item.id, field, value: text(n, field), expected: item[field] })));
    const extra = BLOCK_ROWS - over.length;
    const rows = Array.from({ length: extra }, (_, k) => Object.fromEntries(ITEM_FIELDS.map((field) => [field, text(over.length + k, field)])));
    return { catalogueId, action: 'paste', cells, newRows: extra > 0 ? { afterItemId: over.at(-1)!.id, rows } : null };
  };
  const pasteThenUndo = (catalogueId: string) => {
    return {
      paste: async () => call('items.paste', await block(catalogueId)),
      undo: () => call('history.undo', { catalogueId }),
    };
  };
  const large = pasteThenUndo(LARGE);
  const base = pasteThenUndo(small);
  const pasteTimes: Comparison = { name: `16. paste a ${BLOCK_ROWS} × 6 block (items.paste, one undo step), ${sizes} beside 81 (rows added there)`, subject: sizes, baseline: '81-item Hebei draft', subjectMs: [], baselineMs: [] };
  const undoTimes: Comparison = { name: `17. undo that paste (history.undo), ${sizes} beside 81`, subject: sizes, baseline: '81-item Hebei draft', subjectMs: [], baselineMs: [] };
  for (let round = 0; round < 6; round += 1) {
    for (const [side, ops] of [['subject', large], ['baseline', base]] as const) {
      let start = performance.now();
      await ops.paste();
      const pasted = performance.now() - start;
      start = performance.now();
      await ops.undo();
      const undone = performance.now() - start;
      if (round === 0) continue;
      (side === 'subject' ? pasteTimes.subjectMs : pasteTimes.baselineMs).push(pasted);
      (side === 'subject' ? undoTimes.subjectMs : undoTimes.baselineMs).push(undone);
    }
  }
  results.push(pasteTimes, undoTimes);
  const lastOf = async (id: string) => (await getCatalogue(db, id)).items.at(-1)!.id;
  const last = { large: await lastOf(LARGE), small: await lastOf(small) };
  await db.close();

  results.push(...(await inBrowser(path, small, last, hostScript)));
  return report(results);
}

/** 18–19: the grid in Chromium on the built browser host. */
async function inBrowser(path: string, small: string, last: { large: string; small: string }, hostScript: string): Promise<Comparison[]> {
  const host = await startHost(hostScript, path);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const open = (catalogueId: string) => async () => {
      await page.goto('about:blank');
      await page.goto(`${host.url}#/catalogue/${catalogueId}`);
      await page.locator(`.ag-row[row-id="${catalogueId}:${catalogueId === LARGE ? '0001' : '001'}"] .ag-cell[col-id="standard"]`).waitFor();
    };
    const paint = await compare(`18. open the 条目 grid until its first row shows, ${LARGE_ITEMS.toLocaleString('en-US')} items beside 81`, { subject: 'bench-5000', baseline: '81-item Hebei draft' }, open(LARGE), open(small), 5);
    const toEnd = (catalogueId: string, lastId: string) => async () => {
      await open(catalogueId)();
      await page.locator(`.ag-row[row-id="${catalogueId}:001"], .ag-row[row-id="${catalogueId}:0001"]`).first().locator('.ag-cell[col-id="name"]').click();
      const start = performance.now();
      await page.keyboard.press('Control+End');
      await page.locator(`.ag-row[row-id="${lastId}"]`).first().waitFor();
      return performance.now() - start;
    };
    const scroll: Comparison = { name: '19. Ctrl+End to the last row, 5,000 items beside 81', subject: 'bench-5000', baseline: '81-item Hebei draft', subjectMs: [], baselineMs: [] };
    for (let round = 0; round < 5; round += 1) {
      scroll.subjectMs.push(await toEnd(LARGE, last.large)());
      scroll.baselineMs.push(await toEnd(small, last.small)());
    }
    return [paint, scroll];
  } finally {
    await browser.close();
    await host.stop();
  }
}

function startHost(script: string, dbPath: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [script, '--db', dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/u.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
    });
    child.once('exit', (code) => reject(new Error(`browser host exited ${code}: ${out}`)));
  });
}
