// A block pasted into a draft on a real DuckDB file: cells and added rows in one undo step, all or nothing,
// undone and redone across closing and reopening the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { getCatalogue, getItem } from '../../../electron/services/catalogue-queries';
import { executeCommand } from '../../../electron/services/commands';
import { draftCommand } from '../../../electron/services/drafts';
import { historyState, redo, undo } from '../../../electron/services/history';
import { pasteCells } from '../../../electron/services/paste-cells';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir('paste-');
let path: string;
let db: Database;
let draft: string;

beforeAll(async () => {
  path = await seededDatabaseFile(temp.dir);
  db = await Database.open(path);
  draft = (await executeCommand(db, await draftCommand(db, { sourceId: 'hebei-13th', name: '粘贴测试草案' }), 'test')).summary.id;
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

async function snapshot(): Promise<string> {
  const detail = await getCatalogue(db, draft);
  return JSON.stringify(detail.items.map((i) => [i.id, i.itemNo, i.domainSeq, i.name, i.targetGroup, i.standard, i.fundingResponsibility, i.leadDepartment]));
}

describe('items.paste', () => {
  it('writes the cells and adds rows at the end of the domain, as one step undone and redone across a reopen', async () => {
    const before = await snapshot();
    const detail = await getCatalogue(db, draft);
    const firstDomain = detail.items.filter((i) => i.domainSeq === detail.domains[0]!.seq);
    const last = firstDomain.at(-1)!;
    const second = firstDomain.at(-2)!;
    const steps = (await historyState(db, draft)).undoSteps;
    const outcome = await pasteCells(
      db,
      {
        catalogueId: draft,
        action: 'paste',
        cells: [
          { itemId: second.id, field: 'targetGroup', value: '第一行\n第二行', expected: second.targetGroup },
          { itemId: last.id, field: 'targetGroup', value: '他说"免费"', expected: last.targetGroup },
        ],
        newRows: { afterItemId: last.id, rows: [{ name: '新增甲', targetGroup: '甲对象' }, { name: '新增乙', targetGroup: '' }] },
      },
      'test',
    );
    expect(outcome.label).toBe('粘贴 6 个单元格（新增 2 行）');
    expect(outcome.added).toHaveLength(2);
    const added = await Promise.all(outcome.added.map((id) => getItem(db, id)));
    expect(added.map((i) => [i.itemNo, i.domainSeq, i.name, i.targetGroup])).toEqual([
      [last.itemNo + 1, last.domainSeq, '新增甲', '甲对象'],
      [last.itemNo + 2, last.domainSeq, '新增乙', null],
    ]);
    expect((await getItem(db, second.id)).targetGroup).toBe('第一行\n第二行');
    const state = await historyState(db, draft);
    expect(state.undoSteps).toBe(steps + 1);
    expect(state.undo).toBe('撤销粘贴 6 个单元格（新增 2 行）');
    const pasted = await snapshot();

    await db.close();
    db = await Database.open(path);
    await undo(db, draft, 'test');
    expect(await snapshot()).toBe(before);
    await redo(db, draft, 'test');
    expect(await snapshot()).toBe(pasted);
    await undo(db, draft, 'test');
    expect(await snapshot()).toBe(before);
  });

  it('changes nothing when one cell is refused, and names it', async () => {
    const before = await snapshot();
    const steps = (await historyState(db, draft)).undoSteps;
    const [a, b] = (await getCatalogue(db, draft)).items;
    await expect(
      pasteCells(
        db,
        {
          catalogueId: draft,
          action: 'paste',
          cells: [
            { itemId: a!.id, field: 'standard', value: '改了', expected: a!.standard },
            { itemId: b!.id, field: 'name', value: '  ', expected: b!.name },
          ],
          newRows: null,
        },
        'test',
      ),
    ).rejects.toThrow(`粘贴没有执行，没有改动任何单元格：第2项“${b!.name}”的“服务项目”不能为空`);
    await expect(
      pasteCells(db, { catalogueId: draft, action: 'paste', cells: [], newRows: { afterItemId: a!.id, rows: [{ targetGroup: '无名' }] } }, 'test'),
    ).rejects.toThrow('新增的第 1 行（将成为第2项）“服务项目”是空的');
    await expect(
      pasteCells(db, { catalogueId: draft, action: 'paste', cells: [{ itemId: 'hebei-13th:001', field: 'standard', value: 'x', expected: null }], newRows: null }, 'test'),
    ).rejects.toThrow('不在这份清单里');
    expect(await snapshot()).toBe(before);
    expect((await historyState(db, draft)).undoSteps).toBe(steps);
  });

  it('a cell changed since it was read is a conflict, and nothing is written', async () => {
    const [a, b] = (await getCatalogue(db, draft)).items;
    const before = await snapshot();
    await expect(
      pasteCells(
        db,
        {
          catalogueId: draft,
          action: 'clear',
          cells: [
            { itemId: a!.id, field: 'standard', value: null, expected: a!.standard },
            { itemId: b!.id, field: 'standard', value: null, expected: '别人看到的旧内容' },
          ],
          newRows: null,
        },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshot()).toBe(before);
  });
});
