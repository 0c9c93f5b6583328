// The set-based batch (batch-apply.ts) against the ordinary path, command by command: on two copies of
// one database file, the same commands give the same catalogue, the same log (payloads, inverses,
// descriptions) and the same undo; a refused command in a batch writes nothing.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command, SetItemFieldCommand } from '../../../shared/domain/commands';
import { Database } from '../../../electron/db/database';
import { applyCommand, executeBatch } from '../../../electron/services/commands';
import { groupChanges } from '../../../electron/services/change-log';
import { getCatalogue } from '../../../electron/services/catalogue-queries';
import { undo, redo } from '../../../electron/services/history';
import { setDriverField } from '../../../electron/services/pricing-commands';
import { makeDraft } from '../../support/draft';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir('batch-');
let batched: Database;
let single: Database;
let draft: string;

beforeAll(async () => {
  const path = await seededDatabaseFile(temp.dir);
  const setup = await Database.open(path);
  draft = await makeDraft(setup, 'hebei-13th', 'batch-draft');
  // Item 2 priced, so a delete takes (and its undo gives back) a driver with its cost lines.
  const second = (await getCatalogue(setup, draft)).items[1]!.id;
  const driver = { cohort: '常住人口', coverage: '1', unitAmount: '10', unit: '元/人/年', splitRuleId: 'central-100' } as const;
  for (const [field, value] of Object.entries(driver)) await setDriverField(setup, { itemId: second, field: field as keyof typeof driver, value, expected: null }, 'test');
  const [lines] = await setup.all('SELECT count(*) AS n FROM item_cost_lines WHERE item_id = $1', [second]);
  expect(Number(lines?.n)).toBeGreaterThan(0);
  await setup.close();
  copyFileSync(path, join(temp.dir, 'single.duckdb'));
  batched = await Database.open(path);
  single = await Database.open(join(temp.dir, 'single.duckdb'));
}, 90_000);
afterAll(async () => {
  await batched.close();
  await single.close();
  temp.cleanup();
});

/** The ordinary path: each command alone, in one transaction, one undo step. */
function oneByOne(db: Database, commands: Command[], label: string) {
  return db.transaction(async (tx) => {
    groupChanges(tx, label);
    for (const command of commands) await applyCommand(tx, command, 'test');
  });
}

async function state(db: Database): Promise<string> {
  const detail = await getCatalogue(db, draft);
  const log = await db.all(
    `SELECT command, payload, inverse FROM change_log WHERE catalogue_id = $1 ORDER BY id`,
    [draft],
  );
  const groups = await db.all('SELECT label, state FROM history_groups WHERE catalogue_id = $1 ORDER BY id', [draft]);
  const positions = await db.all('SELECT id, domain_seq, position FROM items WHERE catalogue_id = $1 ORDER BY id', [draft]);
  // When a row was written differs between the two files by nature; everything else must not.
  const items = detail.items.map(({ updatedAt: _, ...rest }) => rest);
  return JSON.stringify({ items, positions, log: log.map((r) => [r.command, JSON.parse(String(r.payload)), JSON.parse(String(r.inverse))]), groups });
}

async function both(commands: (ids: string[]) => Command[], label: string): Promise<void> {
  const ids = (await getCatalogue(batched, draft)).items.map((i) => i.id);
  await executeBatch(batched, commands(ids), label, 'test');
  await oneByOne(single, commands(ids), label);
  expect(await state(batched) === await state(single), 'the two files differ').toBe(true);
}

describe('a batch of commands, set-based, equals the same commands one by one', () => {
  it('cell edits (one cell twice, names, an unchanged value), inserts in two 领域, deletes with a driver, and their undo and redo', async () => {
    const detail = await getCatalogue(batched, draft);
    const item = (no: number) => detail.items.find((i) => i.itemNo === no)!;
    await both(
      () => [
        { kind: 'item.setField', itemId: item(3).id, field: 'standard', value: '第一次', expected: item(3).standard },
        { kind: 'item.setField', itemId: item(3).id, field: 'standard', value: '第二次', expected: '第一次' },
        { kind: 'item.setField', itemId: item(4).id, field: 'name', value: '改过的名称', expected: item(4).name },
        { kind: 'item.setField', itemId: item(5).id, field: 'leadDepartment', value: item(5).leadDepartment, expected: item(5).leadDepartment },
        { kind: 'item.setField', itemId: item(20).id, field: 'targetGroup', value: null, expected: item(20).targetGroup },
      ],
      '粘贴 5 个单元格',
    );
    await both(
      () => [
        { kind: 'item.insert', itemId: `${draft}:n1`, catalogueId: draft, domainSeq: 1, index: 8, name: '新甲' },
        { kind: 'item.insert', itemId: `${draft}:n2`, catalogueId: draft, domainSeq: 1, index: 9, name: '新乙' },
        { kind: 'item.insert', itemId: `${draft}:n3`, catalogueId: draft, domainSeq: 1, index: 0, name: '新丙' },
        { kind: 'item.insert', itemId: `${draft}:n4`, catalogueId: draft, domainSeq: 3, index: 2, name: '新丁' },
        { kind: 'item.setField', itemId: `${draft}:n1`, field: 'standard', value: '甲的标准', expected: null },
        { kind: 'item.setField', itemId: `${draft}:n4`, field: 'targetGroup', value: '丁的对象', expected: null },
      ],
      '粘贴 6 个单元格（新增 4 行）',
    );
    await both(
      (ids) => [
        { kind: 'item.delete', itemId: ids[1]! },
        { kind: 'item.delete', itemId: `${draft}:n3` },
        { kind: 'item.delete', itemId: ids[30]! },
        { kind: 'item.delete', itemId: ids[2]! },
      ],
      '删除 4 项',
    );
    for (const step of [undo, undo, redo, undo, undo, redo, redo]) {
      await step(batched, draft, 'test');
      await step(single, draft, 'test');
      expect(await state(batched) === await state(single), 'the two files differ').toBe(true);
    }
  });

  it('refuses the whole batch, naming the cell, when one command in it is refused', async () => {
    const before = await state(batched);
    const detail = await getCatalogue(batched, draft);
    const [a, b] = detail.items.filter((i) => i.domainSeq === 1);
    const first: SetItemFieldCommand = { kind: 'item.setField', itemId: a!.id, field: 'standard', value: '会被撤回', expected: a!.standard };
    const commands: Command[] = [first, { kind: 'item.setField', itemId: b!.id, field: 'name', value: a!.name, expected: b!.name }];
    await expect(executeBatch(batched, commands, '粘贴', 'test')).rejects.toThrow(`第${b!.itemNo}项“${b!.name}”的“服务项目”与第${a!.itemNo}项同名`);
    await expect(executeBatch(batched, [first, { ...first, expected: '不是这个' }], '粘贴', 'test')).rejects.toThrow('已被改动');
    expect(await state(batched)).toBe(before);
  });
});
