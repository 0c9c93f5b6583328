// Named versions, the history panel and comparison on a real seeded DuckDB file, through the contract's
// handlers (the same the app calls): versions stay as saved whatever is edited later, 恢复 is a new
// undoable change that refuses a cell changed meanwhile, and a comparison finds exactly the edits made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { getCatalogue } from '../../../electron/services/catalogue-queries';
import { executeCommand } from '../../../electron/services/commands';
import { draftCommand } from '../../../electron/services/drafts';
import { dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import type { Handlers } from '../../../electron/services/handlers';
import type { Channel, Request, Response } from '../../../shared/contract';
import { normaliseName } from '../../../shared/domain/compare';
import { domainHeading } from '../../../shared/domain/numerals';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir('versions-');
let path: string;
let db: Database;
let handlers: Handlers;
const HEBEI = 'hebei-13th';
let draft = '';

/** A channel called as the renderer calls it, through the boundary's validation; an error is thrown with its message. */
async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  const envelope = await dispatch(handlers, channel, request);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.data as Response<C>;
}

async function snapshotRows(versionId: string): Promise<string> {
  const rows = await db.all('SELECT * FROM version_items WHERE version_id = $1 ORDER BY item_id', [versionId]);
  const domains = await db.all('SELECT * FROM version_domains WHERE version_id = $1 ORDER BY seq', [versionId]);
  return JSON.stringify([rows, domains]);
}

const item = (n: string) => `${draft}:${n}`;

beforeAll(async () => {
  path = await seededDatabaseFile(temp.dir);
  db = await Database.open(path);
  handlers = createHandlers(db, 'cli', 'test');
  draft = (await executeCommand(db, await draftCommand(db, { sourceId: HEBEI, name: '河北省“十五五”基本公共服务清单（草案）' }), 'test')).summary.id;
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

describe('named versions', () => {
  let first = '';
  let savedDetail = '';
  let savedRows = '';

  it('saves the draft as it stands, named after its stage and today, logged as a command', async () => {
    await call('catalogues.setStage', { catalogueId: draft, stage: 'consultation', expected: 'draft' });
    const version = await call('versions.save', { catalogueId: draft });
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(version).toMatchObject({ id: `${draft}@1`, number: 1, name: `征求意见稿 ${day}`, stage: 'consultation', itemCount: 81 });
    first = version.id;
    const opened = await call('versions.get', { versionId: first });
    const live = await getCatalogue(db, draft);
    expect(opened.detail.items).toEqual(live.items);
    expect(opened.detail.domains).toEqual(live.domains);
    savedDetail = JSON.stringify(opened.detail);
    savedRows = await snapshotRows(first);
    const [logged] = await db.all(`SELECT payload, inverse FROM change_log WHERE command = 'version.save' AND catalogue_id = $1`, [draft]);
    expect(JSON.parse(String(logged?.payload))).toMatchObject({ versionId: first, name: version.name });
    expect(JSON.parse(String(logged?.inverse))).toEqual({ kind: 'version.delete', versionId: first });
  });

  it('stays exactly as saved after cell edits, an insert, a delete, a move, an undo and a reopen', async () => {
    const before = await call('items.get', { itemId: item('003') });
    await call('items.update', { itemId: item('003'), field: 'standard', value: '每生每年补助 1500 元', expected: before.standard });
    await call('items.update', { itemId: item('001'), field: 'name', value: '免费义务教育（含课后服务）', expected: '免费义务教育' });
    await call('items.insert', { anchorItemId: item('002'), where: 'below' });
    await call('items.delete', { itemIds: [item('020')] });
    await call('items.move', { itemId: item('010'), direction: 'up' });
    await call('history.undo', { catalogueId: draft });
    await db.close();
    db = await Database.open(path);
    handlers = createHandlers(db, 'cli', 'test');
    expect(await snapshotRows(first)).toBe(savedRows);
    expect(JSON.stringify((await call('versions.get', { versionId: first })).detail)).toBe(savedDetail);
    expect((await getCatalogue(db, draft)).items.find((i) => i.id === item('003'))?.standard).toBe('每生每年补助 1500 元');
  });

  it('lists versions newest first; the same name again gets a number; a bad name is refused and changes nothing', async () => {
    const again = await call('versions.save', { catalogueId: draft, name: '征求意见稿 第二轮' });
    const twice = await call('versions.save', { catalogueId: draft, name: '征求意见稿 第二轮' });
    expect(twice.name).toBe('征求意见稿 第二轮（2）');
    expect((await call('versions.list', { catalogueId: draft })).map((v) => v.number)).toEqual([3, 2, 1]);
    const count = async () => (await db.all('SELECT count(*) AS n FROM catalogue_versions'))[0]?.n;
    const n = await count();
    await expect(call('versions.save', { catalogueId: draft, name: 'a@b' })).rejects.toThrow('版本名称里不能有“@”');
    await expect(call('versions.save', { catalogueId: draft, name: '   ' })).resolves.toMatchObject({ name: expect.stringMatching(/^征求意见稿 /u) });
    expect(await count()).toBe(Number(n) + 1);
    // Opened by name too, as the CLI allows.
    expect((await call('versions.get', { versionId: `${draft}@征求意见稿 第二轮` })).version.id).toBe(again.id);
    await call('versions.delete', { versionId: twice.id });
    expect((await call('versions.list', { catalogueId: draft })).map((v) => v.id)).not.toContain(twice.id);
    await expect(call('versions.get', { versionId: twice.id })).rejects.toThrow('没有名为');
    expect((await db.all(`SELECT count(*) AS n FROM change_log WHERE command = 'version.delete'`))[0]?.n).toBe(1);
  });

  it('exports a version’s annex as it was saved, its name in the page header', async () => {
    const file = await call('versions.export', { versionId: first });
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = book.worksheets[0]!;
    const texts: string[] = [];
    // The annex writer breaks Chinese lines itself (line feeds where a printed line ends): read without them.
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value).replaceAll('\n', ''))));
    expect(texts).toContain('免费义务教育');
    expect(texts).not.toContain('免费义务教育（含课后服务）');
    expect(sheet.headerFooter.oddHeader).toContain('征求意见稿');
    expect(file.fileName).toMatch(/征求意见稿/u);
  });
});

describe('the history panel', () => {
  const cell = { itemId: '', field: 'targetGroup' as const };

  it('lists a cell’s changes newest first with old and new values, undone ones marked, and the item’s structure', async () => {
    cell.itemId = item('005');
    const start = (await call('items.get', { itemId: cell.itemId })).targetGroup;
    await call('items.update', { ...cell, value: '第一稿', expected: start });
    await call('items.update', { ...cell, value: '第二稿', expected: '第一稿' });
    const row = (await call('items.get', { itemId: cell.itemId })).itemNo;
    await call('items.move', { itemId: cell.itemId, direction: 'down' });
    await call('history.undo', { catalogueId: draft });
    const history = await call('history.item', { itemId: cell.itemId });
    const fields = history.entries.filter((e) => e.kind === 'field' && e.field === 'targetGroup');
    expect(fields.map((e) => [e.before, e.after, e.state])).toEqual([
      ['第一稿', '第二稿', 'done'],
      [start, '第一稿', 'done'],
    ]);
    const move = history.entries.find((e) => e.kind === 'move')!;
    expect(move).toMatchObject({ state: 'undone', description: `在“一、基本公共教育”内由第${row}行移至第${row + 1}行` });
    expect(history.entries.at(-1)).toMatchObject({ kind: 'copied' });
    expect(history.entries.at(-1)!.description).toContain('河北省“十三五”基本公共服务清单');
    expect(history.current?.targetGroup).toBe('第二稿');
    const ids = history.entries.map((e) => e.changeId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('describes inserts and deletes in Chinese', async () => {
    const anchor = await call('items.get', { itemId: item('007') });
    const inserted = await call('items.insert', { anchorItemId: anchor.id, where: 'above' });
    const history = await call('history.item', { itemId: inserted.id });
    expect(history.entries[0]).toMatchObject({ kind: 'insert', description: `插入到“一、基本公共教育”第${anchor.itemNo}行`, state: 'done' });
    await call('items.delete', { itemIds: [inserted.id] });
    const gone = await call('history.item', { itemId: inserted.id });
    expect(gone.current).toBeNull();
    expect(gone.entries[0]).toMatchObject({ kind: 'delete', description: '从“一、基本公共教育”删除' });
  });

  it('恢复 writes the old value as a new change, which undo takes back', async () => {
    const history = await call('history.item', { itemId: cell.itemId });
    const oldest = history.entries.filter((e) => e.field === 'targetGroup').at(-1)!;
    const restored = await call('items.update', { ...cell, value: oldest.before, expected: history.current!.targetGroup });
    expect(restored.item.targetGroup).toBe(oldest.before);
    const after = await call('history.item', { itemId: cell.itemId });
    expect(after.entries[0]).toMatchObject({ kind: 'field', before: '第二稿', after: oldest.before, state: 'done' });
    expect((await call('history.state', { catalogueId: draft })).undo).toBe(`撤销修改第${restored.item.itemNo}项的“服务对象”`);
    await call('history.undo', { catalogueId: draft });
    expect((await call('items.get', { itemId: cell.itemId })).targetGroup).toBe('第二稿');
  });

  it('恢复 refuses when the cell was changed meanwhile, and changes nothing', async () => {
    const shown = await call('history.item', { itemId: cell.itemId });
    // Someone else edits the cell after the panel was read.
    await call('items.update', { ...cell, value: '另一处的修改', expected: shown.current!.targetGroup });
    const logged = (await db.all('SELECT count(*) AS n FROM change_log'))[0]?.n;
    const old = shown.entries.find((e) => e.field === 'targetGroup')!.before;
    await expect(call('items.update', { ...cell, value: old, expected: shown.current!.targetGroup })).rejects.toThrow('已被改动');
    expect((await call('items.get', { itemId: cell.itemId })).targetGroup).toBe('另一处的修改');
    expect((await db.all('SELECT count(*) AS n FROM change_log'))[0]?.n).toBe(logged);
  });
});

describe('comparison', () => {
  it('finds exactly the edits made in a draft of Hebei, every item paired by lineage', async () => {
    const fresh = (await executeCommand(db, await draftCommand(db, { sourceId: HEBEI, name: '对照用草案' }), 'test')).summary.id;
    const id = (n: string) => `${fresh}:${n}`;
    const get = (n: string) => call('items.get', { itemId: id(n) });
    await call('items.update', { itemId: id('012'), field: 'standard', value: `${(await get('012')).standard}，并逐年提高`, expected: (await get('012')).standard });
    await call('items.update', { itemId: id('030'), field: 'name', value: '城乡居民养老保险（新名）', expected: (await get('030')).name });
    const movedFrom = await get('015');
    const nextDomain = (await getCatalogue(db, fresh)).domains.find((d) => d.seq === movedFrom.domainSeq + 1)!;
    await executeCommand(db, { kind: 'item.move', itemId: id('015'), domainSeq: nextDomain.seq, index: 0 }, 'test');
    const inserted = await call('items.insert', { anchorItemId: id('040'), where: 'below' });
    await call('items.delete', { itemIds: [id('060')] });

    const result = await call('compare.run', { before: HEBEI, after: fresh });
    expect(result.counts).toMatchObject({ added: 1, removed: 1, changed: 3, unchanged: 77, renamed: 1, moved: 1, byLineage: 80, byName: 0 });
    const changed = result.domains.flatMap((d) => d.rows).filter((r) => r.kind !== 'unchanged');
    expect(changed.map((r) => [r.kind, (r.after ?? r.before)!.id]).sort()).toEqual(
      [['added', inserted.id], ['changed', id('012')], ['changed', id('015')], ['changed', id('030')], ['removed', `${HEBEI}:060`]].sort(),
    );
    const standard = changed.find((r) => r.after?.id === id('012'))!;
    expect(standard.changes[0]!.parts.filter((p) => p.kind !== 'same')).toEqual([{ text: '，并逐年提高', kind: 'added' }]);
    expect(changed.find((r) => r.after?.id === id('015'))!.note).toBe(`移至“${domainHeading(nextDomain.seq, nextDomain.name)}”领域`);
  });

  it('compares two versions, and a version with the live draft', async () => {
    const v1 = await call('versions.save', { catalogueId: draft, name: '比较前' });
    await call('items.update', { itemId: item('050'), field: 'leadDepartment', value: '省民政厅、省财政厅', expected: (await call('items.get', { itemId: item('050') })).leadDepartment });
    const v2 = await call('versions.save', { catalogueId: draft, name: '比较后' });
    const live = (await getCatalogue(db, draft)).items.length;
    for (const [before, after] of [[v1.id, v2.id], [v1.id, draft]]) {
      const result = await call('compare.run', { before: before!, after: after! });
      expect(result.counts).toMatchObject({ changed: 1, added: 0, removed: 0, byLineage: live });
      expect(result.domains.flatMap((d) => d.rows).find((r) => r.kind === 'changed')!.changes.map((c) => c.field)).toEqual(['leadDepartment']);
    }
    expect((await call('compare.run', { before: v2.id, after: draft })).counts.changed).toBe(0);
  });

  it('pairs two unrelated catalogues (河北, 河南) by name: as many pairs as the names they share', async () => {
    const [hebei, henan] = await Promise.all([getCatalogue(db, HEBEI), getCatalogue(db, 'henan-13th')]);
    const counts = (names: string[]) => names.reduce((m, n) => m.set(normaliseName(n), (m.get(normaliseName(n)) ?? 0) + 1), new Map<string, number>());
    const a = counts(hebei.items.map((i) => i.name));
    const b = counts(henan.items.map((i) => i.name));
    const shared = [...a].reduce((sum, [name, n]) => sum + Math.min(n, b.get(name) ?? 0), 0);
    expect(shared).toBeGreaterThan(40);
    const result = await call('compare.run', { before: HEBEI, after: 'henan-13th' });
    expect(result.counts.byLineage).toBe(0);
    expect(result.counts.byName).toBe(shared);
    expect(result.counts.removed).toBe(hebei.items.length - shared);
    expect(result.counts.added).toBe(henan.items.length - shared);
  });

  it('refuses an unknown side with a Chinese sentence', async () => {
    await expect(call('compare.run', { before: HEBEI, after: `${draft}@99` })).rejects.toThrow(`没有名为“${draft}@99”的版本`);
    await expect(call('compare.run', { before: 'no-such', after: HEBEI })).rejects.toThrow('没有编号为“no-such”的清单');
  });
});
