// Undo and redo on a real seeded DuckDB file: every command of the catalogue's structure and cells, with
// its inverse, one step per group, kept across closing and reopening the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { getCatalogue, getItem } from '../../../electron/services/catalogue-queries';
import { executeBatch, executeCommand } from '../../../electron/services/commands';
import { historyState, redo, undo } from '../../../electron/services/history';
import { itemHistory } from '../../../electron/services/item-history';
import { applySuggestions, pasteDriverCells, setDriverField } from '../../../electron/services/pricing-commands';
import { deleteItems, insertBeside, moveStep } from '../../../electron/services/structure-requests';
import { getDriver } from '../../../electron/pricing/drivers-store';
import { importTable } from '../../../electron/exchange/pricing-imports';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';
import { makeDraft } from '../../support/draft';

const temp = tempDir('history-');
let path: string;
let db: Database;
let HEBEI = 'hebei-13th';

beforeAll(async () => {
  path = await seededDatabaseFile(temp.dir);
  db = await Database.open(path);
  // The seeded catalogue is published, so read-only: the steps are taken on a draft of it.
  HEBEI = await makeDraft(db, 'hebei-13th');
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

/** The catalogue as a planner reads it: 序号, domain and name of every item, in order. */
async function outline(catalogueId = HEBEI): Promise<string[]> {
  const detail = await getCatalogue(db, catalogueId);
  return detail.items.map((i) => `${i.itemNo}|${i.domainSeq}|${i.id}|${i.name}`);
}

async function costTotal(itemId: string): Promise<{ lines: number; fen: string }> {
  const [row] = await db.all(
    'SELECT count(*) AS lines, CAST(coalesce(sum(cost_fen), 0) AS VARCHAR) AS fen FROM cost_lines c JOIN item_drivers d ON d.key = c.item_key WHERE d.item_id = $1',
    [itemId],
  );
  return { lines: Number(row?.lines), fen: String(row?.fen) };
}

describe('cell edits', () => {
  it('undoes and redoes an edit, and says what the next undo and redo will do', async () => {
    const before = await getItem(db, `${HEBEI}:003`);
    await executeCommand(db, { kind: 'item.setField', itemId: before.id, field: 'targetGroup', value: '全体学生', expected: before.targetGroup }, 'test');
    expect((await historyState(db, HEBEI)).undo).toBe('撤销修改第3项的“服务对象”');
    const undone = await undo(db, HEBEI, 'test');
    expect((await getItem(db, before.id)).targetGroup).toBe(before.targetGroup);
    // The view goes to the cell put back, as Excel's Ctrl+Z does.
    expect(undone.state.focus).toEqual({ itemId: before.id, field: 'targetGroup' });
    expect(undone.state.undo).not.toBe('撤销修改第3项的“服务对象”');
    expect(undone.state.redo).toBe('重做修改第3项的“服务对象”');
    await redo(db, HEBEI, 'test');
    expect((await getItem(db, before.id)).targetGroup).toBe('全体学生');
    expect((await historyState(db, HEBEI)).redo).toBeNull();
  });

  it('a new edit after an undo ends the redo path; other catalogues keep their own history', async () => {
    const item = await getItem(db, `${HEBEI}:004`);
    await executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'standard', value: '甲', expected: item.standard }, 'test');
    await undo(db, HEBEI, 'test');
    expect((await historyState(db, HEBEI)).redoSteps).toBe(1);
    await executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'standard', value: '乙', expected: item.standard }, 'test');
    expect((await historyState(db, HEBEI)).redo).toBeNull();
    await expect(redo(db, HEBEI, 'test')).rejects.toThrow('没有可以重做的操作');
    expect((await historyState(db, 'henan-13th')).undo).toBeNull();
    await expect(undo(db, 'henan-13th', 'test')).rejects.toThrow('没有可以撤销的操作');
    const states = async () => (await itemHistory(db, item.id)).entries.filter((e) => e.field === 'standard').map((e) => `${e.after}:${e.state}`);
    expect(await states()).toEqual(['乙:done', '甲:dropped']);
    // Undoing 乙 gives it alone to redo: 甲's step stays behind for good.
    await undo(db, HEBEI, 'test');
    expect((await getItem(db, item.id)).standard).toBe(item.standard);
    expect(await historyState(db, HEBEI)).toMatchObject({ redo: "重做修改第4项的“服务指导标准”", redoSteps: 1 });
    expect(await states()).toEqual(['乙:undone', '甲:dropped']);
    await redo(db, HEBEI, 'test');
    expect((await getItem(db, item.id)).standard).toBe('乙');
    await expect(redo(db, HEBEI, 'test')).rejects.toThrow('没有可以重做的操作');
    await undo(db, HEBEI, 'test');
    expect((await getItem(db, item.id)).standard).toBe(item.standard);
  });

  it('the history panel names what a draft item was copied from, and a split rule by its name, never by an id', async () => {
    const itemId = `${HEBEI}:012`;
    const before = (await getDriver(db, itemId)).splitRuleId;
    await setDriverField(db, { itemId, field: 'splitRuleId', value: 'central-100', expected: before }, 'test');
    const source = await getItem(db, 'hebei-13th:012');
    const entries = (await itemHistory(db, itemId)).entries;
    expect(entries.find((e) => e.kind === 'driver')).toMatchObject({ description: '修改测算参数“分担规则”', after: '中央全额承担' });
    expect(entries.find((e) => e.kind === 'copied')?.description).toBe(`新建草案时从“河北省“十三五”基本公共服务清单”的第${source.itemNo}项“${source.name}”复制`);
    expect(JSON.stringify(entries)).not.toMatch(/hebei-13th|central-100/u);
    await undo(db, HEBEI, 'test');
  });

  it('a drivers file imported is one step: Ctrl+Z puts back every driver it wrote, with their cost lines', async () => {
    const [a, b] = [`${HEBEI}:020`, `${HEBEI}:021`];
    const before = { a: await getDriver(db, a), b: await getDriver(db, b), costA: await costTotal(a) };
    const csv = '序号,人群,覆盖率,补助标准,单位,每年期数,标准年份,每年增减,分担规则\n20,常住人口,1,12.5,元/人/年,,2025,,中央全额承担\n21,常住人口,0.5,3,元/人/月,12,2025,1,中央全额\n';
    const { report, itemIds } = await importTable(db, { kind: 'drivers', catalogueId: HEBEI, fileName: '参数.csv', bytes: Buffer.from(csv), apply: true }, 'test');
    expect(report.applied).toBe(true);
    expect(itemIds).toEqual([a, b]);
    expect(await getDriver(db, a)).toMatchObject({ unitAmount: '12.5', splitRuleId: 'central-100' });
    expect((await costTotal(a)).lines).toBeGreaterThan(0);
    expect((await historyState(db, HEBEI)).undo).toBe('撤销导入测算参数（参数.csv）');
    await undo(db, HEBEI, 'test');
    expect(await getDriver(db, a)).toEqual(before.a);
    expect(await getDriver(db, b)).toEqual(before.b);
    expect(await costTotal(a)).toEqual(before.costA);
    await redo(db, HEBEI, 'test');
    // 中央全额, a part of one rule's name only, is read as that rule, as the grid reads it.
    expect(await getDriver(db, b)).toMatchObject({ unitAmount: '3', periodsPerYear: '12', yearlyChange: '1', splitRuleId: 'central-100' });
    await undo(db, HEBEI, 'test');
  });

  it('a batch of edits is one step, undone newest first', async () => {
    const a = await getItem(db, `${HEBEI}:005`);
    const steps = (await historyState(db, HEBEI)).undoSteps;
    await executeBatch(
      db,
      [
        { kind: 'item.setField', itemId: a.id, field: 'leadDepartment', value: '一', expected: a.leadDepartment },
        { kind: 'item.setField', itemId: a.id, field: 'leadDepartment', value: '二', expected: '一' },
        { kind: 'item.setField', itemId: `${HEBEI}:006`, field: 'leadDepartment', value: '三', expected: (await getItem(db, `${HEBEI}:006`)).leadDepartment },
      ],
      '粘贴 3 个单元格',
      'test',
    );
    expect((await historyState(db, HEBEI)).undoSteps).toBe(steps + 1);
    expect((await historyState(db, HEBEI)).undo).toBe('撤销粘贴 3 个单元格');
    // Undone newest first, but the view goes to the top of the block, as Excel selects it, in its one column.
    expect((await undo(db, HEBEI, 'test')).state.focus).toEqual({ itemId: a.id, field: 'leadDepartment' });
    expect((await getItem(db, a.id)).leadDepartment).toBe(a.leadDepartment);
    expect((await redo(db, HEBEI, 'test')).state.focus).toEqual({ itemId: a.id, field: 'leadDepartment' });
    expect((await getItem(db, a.id)).leadDepartment).toBe('二');
    await undo(db, HEBEI, 'test');
  });

  it('refuses an undo whose cell was changed since, naming it, and changes nothing', async () => {
    const item = await getItem(db, `${HEBEI}:007`);
    await executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'standard', value: '丙', expected: item.standard }, 'test');
    // A write outside the history (as an older build or another tool would make).
    await db.transaction((tx) => tx.run(`UPDATE items SET standard = '丁' WHERE id = $1`, [item.id]));
    await expect(undo(db, HEBEI, 'test')).rejects.toThrow(/^无法撤销“修改第7项的“服务指导标准””：第7项.*已被改动/u);
    expect((await getItem(db, item.id)).standard).toBe('丁');
    expect((await historyState(db, HEBEI)).undo).toBe('撤销修改第7项的“服务指导标准”');
    await db.transaction((tx) => tx.run(`UPDATE items SET standard = '丙' WHERE id = $1`, [item.id]));
    await undo(db, HEBEI, 'test');
    expect((await getItem(db, item.id)).standard).toBe(item.standard);
  });
});

describe('rows', () => {
  it('inserts above and below; 序号 runs straight through; undo and redo', async () => {
    const start = await outline();
    const above = (await insertBeside(db, `${HEBEI}:010`, 'above', 'test')).item!;
    expect(above.itemNo).toBe(10);
    expect(above.domainSeq).toBe((await getItem(db, `${HEBEI}:010`)).domainSeq);
    expect((await getItem(db, `${HEBEI}:010`)).itemNo).toBe(11);
    const below = (await insertBeside(db, `${HEBEI}:010`, 'below', 'test')).item!;
    expect(below.itemNo).toBe(12);
    const now = await outline();
    expect(now).toHaveLength(start.length + 2);
    expect(now.map((l) => Number(l.split('|')[0]))).toEqual(now.map((_, i) => i + 1));
    expect((await historyState(db, HEBEI)).undo).toBe('撤销插入第12项');
    // An insert undone leaves no row to go to; redone, the view goes to the row put back, in no one column.
    expect((await undo(db, HEBEI, 'test')).state.focus).toBeUndefined();
    await undo(db, HEBEI, 'test');
    expect(await outline()).toEqual(start);
    expect((await redo(db, HEBEI, 'test')).state.focus).toEqual({ itemId: above.id, field: null });
    expect((await getItem(db, above.id)).itemNo).toBe(10);
    await undo(db, HEBEI, 'test');
    expect(await outline()).toEqual(start);
  });

  it('moves up and down within a domain and across its edges; undo puts it back', async () => {
    const start = await outline();
    const first = await getCatalogue(db, HEBEI);
    const domain2 = first.items.filter((i) => i.domainSeq === 2);
    const head = domain2[0]!;
    // Up from the first item of domain 2: the last item of domain 1, numbered as before.
    const moved = (await moveStep(db, head.id, 'up', 'test')).item!;
    expect(moved.domainSeq).toBe(1);
    expect(moved.itemNo).toBe(head.itemNo);
    expect((await historyState(db, HEBEI)).undo).toBe(`撤销上移第${head.itemNo}项“${head.name}”`);
    // Up again: swaps with the item above it.
    const again = (await moveStep(db, head.id, 'up', 'test')).item!;
    expect(again.itemNo).toBe(head.itemNo - 1);
    await moveStep(db, head.id, 'down', 'test');
    await moveStep(db, head.id, 'down', 'test');
    expect(await outline()).toEqual(start);
    await undo(db, HEBEI, 'test');
    await undo(db, HEBEI, 'test');
    expect((await getItem(db, head.id)).itemNo).toBe(head.itemNo - 1);
    await undo(db, HEBEI, 'test');
    await undo(db, HEBEI, 'test');
    expect(await outline()).toEqual(start);
    await expect(moveStep(db, `${HEBEI}:001`, 'up', 'test')).rejects.toThrow('第1项已是清单的第一项，不能再上移。');
    await redo(db, HEBEI, 'test');
    expect((await getItem(db, head.id)).domainSeq).toBe(1);
    await undo(db, HEBEI, 'test');
  });

  it('deletes rows with their drivers and cost lines, and undo brings all of them back', async () => {
    const start = await outline();
    const itemId = `${HEBEI}:026`;
    for (const [field, value] of Object.entries({ cohort: '常住人口', coverage: '1', unitAmount: '89', unit: '元/人/年', splitRuleId: 'central-100' })) {
      await setDriverField(db, { itemId, field: field as never, value, expected: null }, 'test');
    }
    const driver = await getDriver(db, itemId);
    const costs = await costTotal(itemId);
    expect(costs.lines).toBeGreaterThan(0);
    const withDriver = await outline();
    await deleteItems(db, [itemId, `${HEBEI}:030`, `${HEBEI}:002`], 'test');
    expect((await historyState(db, HEBEI)).undo).toBe('撤销删除第2、26、30项（共 3 项）');
    expect(await outline()).toHaveLength(start.length - 3);
    await expect(getItem(db, itemId)).rejects.toThrow('它可能已被删除');
    expect((await db.all('SELECT * FROM item_drivers WHERE item_id = $1', [itemId]))).toHaveLength(0);
    const [orphans] = await db.all('SELECT count(*) AS n FROM cost_lines WHERE item_key NOT IN (SELECT key FROM item_drivers)');
    expect(Number(orphans?.n)).toBe(0);
    await undo(db, HEBEI, 'test');
    expect(await outline()).toEqual(withDriver);
    expect(await getDriver(db, itemId)).toEqual(driver);
    expect(await costTotal(itemId)).toEqual(costs);
    await redo(db, HEBEI, 'test');
    expect(await outline()).toHaveLength(start.length - 3);
    await undo(db, HEBEI, 'test');
    expect(await outline()).toEqual(withDriver);
  });

  it('undoes a driver edit with its cost lines rebuilt in the same step', async () => {
    const itemId = `${HEBEI}:026`;
    const before = await costTotal(itemId);
    await setDriverField(db, { itemId, field: 'unitAmount', value: '178', expected: '89' }, 'test');
    const doubled = await costTotal(itemId);
    expect(BigInt(doubled.fen)).toBe(BigInt(before.fen) * 2n);
    expect((await historyState(db, HEBEI)).undo).toBe('撤销修改第26项的“补助标准”');
    await undo(db, HEBEI, 'test');
    expect((await getDriver(db, itemId)).unitAmount).toBe('89');
    expect(await costTotal(itemId)).toEqual(before);
    await redo(db, HEBEI, 'test');
    expect(await costTotal(itemId)).toEqual(doubled);
  });

  it('a unit chosen brings the periods a year it implies in the same step, and one undo takes both back', async () => {
    const itemId = `${HEBEI}:060`;
    expect(await getDriver(db, itemId)).toMatchObject({ unit: null, periodsPerYear: null });
    const saved = await setDriverField(db, { itemId, field: 'unit', value: '元/人/月', expected: null }, 'test');
    expect(saved.value).toMatchObject({ unit: '元/人/月', periodsPerYear: '12' });
    expect((await historyState(db, HEBEI)).undo).toBe('撤销修改第60项的“单位”');
    await undo(db, HEBEI, 'test');
    expect(await getDriver(db, itemId)).toMatchObject({ unit: null, periodsPerYear: null });
    await redo(db, HEBEI, 'test');
    expect(await getDriver(db, itemId)).toMatchObject({ unit: '元/人/月', periodsPerYear: '12' });
    // Periods already set are the planner's: another unit leaves them.
    await setDriverField(db, { itemId, field: 'periodsPerYear', value: '10', expected: '12' }, 'test');
    expect((await setDriverField(db, { itemId, field: 'unit', value: '元/人/年', expected: '元/人/月' }, 'test')).value.periodsPerYear).toBe('10');
  });

  it('pastes a block of driver cells as one step; a bad cell or a stale one refuses the whole block', async () => {
    const [a, b] = [`${HEBEI}:030`, `${HEBEI}:031`];
    const before = await Promise.all([a, b].map((id) => getDriver(db, id)));
    const cells = [
      { itemId: a, field: 'unitAmount' as const, value: '120', expected: before[0]!.unitAmount },
      { itemId: b, field: 'unitAmount' as const, value: '130.5', expected: before[1]!.unitAmount },
      { itemId: a, field: 'coverage' as const, value: '0.5', expected: before[0]!.coverage },
    ];
    // A coverage of 200 (%), and a cell whose stored value is not the one the grid showed: nothing is written.
    await expect(pasteDriverCells(db, { catalogueId: HEBEI, action: 'paste', cells: [...cells.slice(0, 2), { ...cells[2]!, value: '200' }] }, 'test')).rejects.toThrow(/第30项.*覆盖率.*本次修改没有保存/u);
    await expect(pasteDriverCells(db, { catalogueId: HEBEI, action: 'paste', cells: [...cells.slice(0, 2), { ...cells[2]!, expected: '0.9' }] }, 'test')).rejects.toThrow('已被改动');
    expect(await Promise.all([a, b].map((id) => getDriver(db, id)))).toEqual(before);
    const { value } = await pasteDriverCells(db, { catalogueId: HEBEI, action: 'paste', cells }, 'test');
    expect(value.changed).toBe(3);
    expect(await getDriver(db, a)).toMatchObject({ unitAmount: '120', coverage: '0.5' });
    expect((await getDriver(db, b)).unitAmount).toBe('130.5');
    expect((await historyState(db, HEBEI)).undo).toBe('撤销粘贴 3 个测算参数');
    await undo(db, HEBEI, 'test');
    expect(await Promise.all([a, b].map((id) => getDriver(db, id)))).toEqual(before);
    await redo(db, HEBEI, 'test');
    expect((await getDriver(db, b)).unitAmount).toBe('130.5');
    // Cleared again (Delete on the cells), as one step.
    await pasteDriverCells(db, { catalogueId: HEBEI, action: 'clear', cells: cells.map((c) => ({ ...c, value: null, expected: c.value })) }, 'test');
    expect(await Promise.all([a, b].map((id) => getDriver(db, id)))).toEqual(before);
    expect((await historyState(db, HEBEI)).undo).toBe('撤销清除 3 个测算参数');
  });

  it('a unit pasted brings the periods a year it implies, as a unit typed does; one Ctrl+Z takes both back', async () => {
    const item = `${HEBEI}:031`;
    const before = await getDriver(db, item);
    expect(before.periodsPerYear).toBeNull();
    await pasteDriverCells(db, { catalogueId: HEBEI, action: 'paste', cells: [{ itemId: item, field: 'unit', value: '元/人/月', expected: before.unit }] }, 'test');
    expect(await getDriver(db, item)).toMatchObject({ unit: '元/人/月', periodsPerYear: '12' });
    // Put right to a yearly unit: the monthly unit's 12 goes with it, not kept to cost twelve times over.
    await pasteDriverCells(db, { catalogueId: HEBEI, action: 'paste', cells: [{ itemId: item, field: 'unit', value: '元/人/年', expected: '元/人/月' }] }, 'test');
    expect(await getDriver(db, item)).toMatchObject({ unit: '元/人/年', periodsPerYear: '1' });
    await undo(db, HEBEI, 'test');
    expect(await getDriver(db, item)).toMatchObject({ unit: '元/人/月', periodsPerYear: '12' });
    await redo(db, HEBEI, 'test');
    expect(await getDriver(db, item)).toMatchObject({ unit: '元/人/年', periodsPerYear: '1' });
    // Periods set by hand to other than the unit's own stay when the unit changes.
    await setDriverField(db, { itemId: `${HEBEI}:032`, field: 'unit', value: '元/生/天', expected: null }, 'test');
    expect((await getDriver(db, `${HEBEI}:032`)).periodsPerYear).toBe('200');
    await setDriverField(db, { itemId: `${HEBEI}:032`, field: 'periodsPerYear', value: '180', expected: '200' }, 'test');
    await setDriverField(db, { itemId: `${HEBEI}:032`, field: 'unit', value: '元/人/天', expected: '元/生/天' }, 'test');
    expect((await getDriver(db, `${HEBEI}:032`)).periodsPerYear).toBe('180');
    for (let i = 0; i < 5; i += 1) await undo(db, HEBEI, 'test');
    expect(await getDriver(db, item)).toEqual(before);
    expect((await getDriver(db, `${HEBEI}:032`)).unit).toBeNull();
  });

  it('says which items adopted one of several amounts their standard names, for the planner to check', async () => {
    // Item 3 (寄宿生生活补助): 小学 1000 元 taken, 初中 1250 元 only mentioned.
    const { value } = await applySuggestions(db, HEBEI, [`${HEBEI}:003`], 'test');
    expect(value.severalAmounts).toEqual([3]);
    expect((await getDriver(db, `${HEBEI}:003`)).unitAmount).toBe('1000');
    await undo(db, HEBEI, 'test');
    expect((await getDriver(db, `${HEBEI}:003`)).unitAmount).toBeNull();
  });

  it('says which items took the national standard’s amount over the one their own words state, not "several amounts"', async () => {
    // Item 20 (城乡居民基本养老保险): its words state 每人每月90元 alone; the national minimum of the year priced is taken.
    const { value } = await applySuggestions(db, HEBEI, [`${HEBEI}:020`], 'test');
    expect(value.nationalOverOwn).toEqual([20]);
    expect(value.severalAmounts).toEqual([]);
    expect((await getDriver(db, `${HEBEI}:020`)).unitAmount).not.toBe('90');
    await undo(db, HEBEI, 'test');
  });

  it('does not put the suggested amount’s year beside an amount the planner typed', async () => {
    // Item 5: the suggestion is 2000 元/生/年 of 2017. Typed 1800, the amount stays and no year of 2017 is put beside it.
    const item = `${HEBEI}:005`;
    await setDriverField(db, { itemId: item, field: 'unitAmount', value: '1800', expected: null }, 'test');
    await applySuggestions(db, HEBEI, [item], 'test');
    expect(await getDriver(db, item)).toMatchObject({ unitAmount: '1800', baseYear: null, unit: '元/生/年' });
    await undo(db, HEBEI, 'test');
    await undo(db, HEBEI, 'test');
    // Untyped, the amount and its year come together.
    await applySuggestions(db, HEBEI, [item], 'test');
    expect(await getDriver(db, item)).toMatchObject({ unitAmount: '2000', baseYear: 2017 });
    await undo(db, HEBEI, 'test');
  });

  it('undoes 采用建议 for several items as one step, and redoes it', async () => {
    // Items 5 (国家助学金 2000 元/生/年) and 12: suggestions read from their standards and 支出责任.
    const itemIds = [`${HEBEI}:005`, `${HEBEI}:012`];
    const before = await Promise.all(itemIds.map((id) => getDriver(db, id)));
    const { value } = await applySuggestions(db, HEBEI, itemIds, 'test');
    // Only item 5's words give drivers; its group is part of 中职在校生 (coverage left to the planner), a cohort
    // with no population in the seeds: said, so the planner knows why it is not priced yet.
    expect(value).toEqual({ applied: 1, priced: 0, needCoverage: 1, uncountedCohorts: ['中职在校生'], severalAmounts: [], nationalOverOwn: [] });
    const taken = await Promise.all(itemIds.map((id) => getDriver(db, id)));
    expect(taken[0]).toMatchObject({ unitAmount: '2000', unit: '元/生/年' });
    expect((await historyState(db, HEBEI)).undo).toBe(`撤销采用 2 项建议`);
    await undo(db, HEBEI, 'test');
    expect(await Promise.all(itemIds.map((id) => getDriver(db, id)))).toEqual(before);
    expect((await historyState(db, HEBEI)).redo).toBe(`重做采用 2 项建议`);
    await redo(db, HEBEI, 'test');
    expect(await Promise.all(itemIds.map((id) => getDriver(db, id)))).toEqual(taken);
  });
});

describe('across a restart', () => {
  it('keeps more than 200 steps in the file: undone after closing and reopening it', async () => {
    const catalogueId = 'national-13th';
    const start = await outline(catalogueId);
    const item = await getItem(db, `${catalogueId}:001`);
    let expected = item.standard;
    for (let n = 1; n <= 205; n += 1) {
      await executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'standard', value: `第${n}稿`, expected }, 'test');
      expected = `第${n}稿`;
    }
    await moveStep(db, item.id, 'down', 'test');
    await insertBeside(db, item.id, 'above', 'test');
    await db.close();
    db = await Database.open(path);
    expect((await historyState(db, catalogueId)).undoSteps).toBe(207);
    expect((await historyState(db, catalogueId)).undo).toBe('撤销插入第2项');
    await undo(db, catalogueId, 'test');
    await undo(db, catalogueId, 'test');
    await undo(db, catalogueId, 'test');
    expect((await getItem(db, item.id)).standard).toBe('第204稿');
    await db.close();
    db = await Database.open(path);
    for (let n = 0; n < 204; n += 1) await undo(db, catalogueId, 'test');
    expect(await outline(catalogueId)).toEqual(start);
    expect((await getItem(db, item.id)).standard).toBe(item.standard);
    expect((await historyState(db, catalogueId)).undo).toBeNull();
    await db.close();
    db = await Database.open(path);
    expect((await historyState(db, catalogueId)).redoSteps).toBe(207);
    for (let n = 0; n < 207; n += 1) await redo(db, catalogueId, 'test');
    expect((await getItem(db, item.id)).standard).toBe('第205稿');
    expect((await getItem(db, item.id)).itemNo).toBe(3);
  }, 120_000);
});
