// 领域 on a real seeded DuckDB file, in a draft of the Hebei catalogue: insert, rename, move and delete,
// each undone and redone (also after closing and reopening the file), 序号 running straight through; rows
// dragged across domains as one step; refusals that leave the file as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { getCatalogue, getItem } from '../../../electron/services/catalogue-queries';
import { executeCommand } from '../../../electron/services/commands';
import { historyState, redo, undo } from '../../../electron/services/history';
import { setDriverField } from '../../../electron/services/pricing-commands';
import { deleteDomainRequest, insertBeside, moveItemsTo } from '../../../electron/services/structure-requests';
import { getDriver } from '../../../electron/pricing/drivers-store';
import { domainHeading } from '../../../shared/domain/numerals';
import { makeDraft } from '../../support/draft';
import { exportAnnexes } from '../../../electron/services/annex-export';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir('domains-');
let path: string;
let db: Database;
let C = '';

beforeAll(async () => {
  path = await seededDatabaseFile(temp.dir);
  db = await Database.open(path);
  C = await makeDraft(db, 'hebei-13th');
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

/** The catalogue as printed: domain headings and, under each, 序号 and item id. */
async function outline(): Promise<string[]> {
  const detail = await getCatalogue(db, C);
  return detail.domains.flatMap((d) => [
    domainHeading(d.seq, d.name),
    ...detail.items.filter((i) => i.domainSeq === d.seq).map((i) => `${i.itemNo} ${i.id}`),
  ]);
}

/** Every row a domain change could touch, to compare the file before and after a refusal. */
async function fingerprint(): Promise<string> {
  return JSON.stringify(await Promise.all([
    db.all('SELECT * FROM domains WHERE catalogue_id = $1 ORDER BY seq', [C]),
    db.all('SELECT id, domain_seq, position, name FROM items WHERE catalogue_id = $1 ORDER BY id', [C]),
    db.all('SELECT count(*) AS n FROM change_log'),
    db.all('SELECT count(*) AS n FROM history_groups'),
  ]));
}

const domains = async () => (await getCatalogue(db, C)).domains.map((d) => `${d.seq} ${d.name}`);
const itemNumbers = async () => (await getCatalogue(db, C)).items.map((i) => i.itemNo);

describe('领域', () => {
  it('inserts an empty domain above, below and at the end; the domains after it are renumbered; undo and redo', async () => {
    const start = await outline();
    const first = await getCatalogue(db, C);
    const eight = first.domains.length;
    await executeCommand(db, { kind: 'domain.insert', catalogueId: C, index: 1, name: '基本公共文化体育（新）' }, 'test');
    expect((await domains()).slice(0, 3)).toEqual(['1 基本公共教育', '2 基本公共文化体育（新）', `3 ${first.domains[1]!.name}`]);
    expect((await historyState(db, C)).undo).toBe('撤销插入领域“基本公共文化体育（新）”');
    // The items of the domains after it moved with them; 序号 runs on 1…81 unbroken.
    expect(await itemNumbers()).toEqual(first.items.map((_, i) => i + 1));
    expect((await getItem(db, `${C}:010`)).domainSeq).toBe(first.items.find((i) => i.id === `${C}:010`)!.domainSeq + 1);
    await executeCommand(db, { kind: 'domain.insert', catalogueId: C, index: 99, name: '其他' }, 'test');
    expect((await domains()).at(-1)).toBe(`${eight + 2} 其他`);
    await undo(db, C, 'test');
    await undo(db, C, 'test');
    expect(await outline()).toEqual(start);
    await redo(db, C, 'test');
    expect((await domains())[1]).toBe('2 基本公共文化体育（新）');
    await undo(db, C, 'test');
    expect(await outline()).toEqual(start);
  });

  it('renames a domain; undo puts the old name back', async () => {
    await executeCommand(db, { kind: 'domain.rename', catalogueId: C, domainSeq: 2, name: '基本劳动就业创业服务', expected: (await getCatalogue(db, C)).domains[1]!.name }, 'test');
    expect((await domains())[1]).toBe('2 基本劳动就业创业服务');
    expect((await historyState(db, C)).undo).toMatch(/^撤销将领域“.+”改名为“基本劳动就业创业服务”$/u);
    await undo(db, C, 'test');
    expect((await domains())[1]).not.toBe('2 基本劳动就业创业服务');
  });

  it('moves a domain with its items; 序号 follows the new order; undo restores it', async () => {
    const start = await outline();
    const before = await getCatalogue(db, C);
    const education = before.items.filter((i) => i.domainSeq === 1);
    await executeCommand(db, { kind: 'domain.move', catalogueId: C, domainSeq: 1, index: 2, expected: '基本公共教育' }, 'test');
    expect((await domains())[2]).toBe('3 基本公共教育');
    const after = await getCatalogue(db, C);
    const moved = after.items.filter((i) => i.domainSeq === 3);
    expect(moved.map((i) => i.id)).toEqual(education.map((i) => i.id));
    // Education now follows the two domains that were after it: its first item is numbered after theirs.
    const ahead = before.items.filter((i) => i.domainSeq === 2 || i.domainSeq === 3).length;
    expect(moved[0]!.itemNo).toBe(ahead + 1);
    expect(await itemNumbers()).toEqual(after.items.map((_, i) => i + 1));
    expect((await historyState(db, C)).undo).toBe('撤销下移领域“基本公共教育”');
    await executeCommand(db, { kind: 'domain.move', catalogueId: C, domainSeq: 3, index: 1, expected: '基本公共教育' }, 'test');
    expect((await historyState(db, C)).undo).toBe('撤销上移领域“基本公共教育”');
    await undo(db, C, 'test');
    await undo(db, C, 'test');
    expect(await outline()).toEqual(start);
  });

  it('deletes a domain with its items, drivers and cost lines; undo brings every one back at its place', async () => {
    const start = await outline();
    const itemId = `${C}:026`;
    const seq = (await getItem(db, itemId)).domainSeq;
    for (const [field, value] of Object.entries({ cohort: '常住人口', coverage: '1', unitAmount: '89', unit: '元/人/年', splitRuleId: 'central-100' })) {
      await setDriverField(db, { itemId, field: field as never, value, expected: null }, 'test');
    }
    const driver = await getDriver(db, itemId);
    const lines = async () => Number((await db.all('SELECT count(*) AS n FROM item_cost_lines WHERE item_id = $1', [itemId]))[0]?.n);
    const costLines = await lines();
    expect(costLines).toBeGreaterThan(0);
    const withDriver = await outline();
    const domain = (await getCatalogue(db, C)).domains.find((d) => d.seq === seq)!;
    const count = (await getCatalogue(db, C)).items.filter((i) => i.domainSeq === seq).length;

    // Not without the user's word that its items go too.
    const before = await fingerprint();
    await expect(deleteDomainRequest(db, { catalogueId: C, domainSeq: seq, expected: domain.name, withItems: false }, 'test')).rejects.toThrow(
      `领域“${domain.name}”还有 ${count} 项服务项目；确认一并删除后才能删除这个领域（删除后可撤销），没有做任何改动。`,
    );
    expect(await fingerprint()).toBe(before);

    await deleteDomainRequest(db, { catalogueId: C, domainSeq: seq, expected: domain.name, withItems: true }, 'test');
    expect((await historyState(db, C)).undo).toBe(`撤销删除领域“${domain.name}”及其 ${count} 项`);
    expect(await outline()).toHaveLength(withDriver.length - count - 1);
    expect(await itemNumbers()).toEqual((await getCatalogue(db, C)).items.map((_, i) => i + 1));
    await expect(getItem(db, itemId)).rejects.toThrow('它可能已被删除');
    expect(await lines()).toBe(0);
    await undo(db, C, 'test');
    expect(await outline()).toEqual(withDriver);
    expect(await getDriver(db, itemId)).toEqual(driver);
    expect(await lines()).toBe(costLines);
    await redo(db, C, 'test');
    await undo(db, C, 'test');
    expect(await outline()).toEqual(withDriver);
    // The driver steps are undone too, back to the draft as made.
    for (let n = 0; n < 5; n += 1) await undo(db, C, 'test');
    expect(await outline()).toEqual(start);
  });

  it('deletes an empty domain at once', async () => {
    await executeCommand(db, { kind: 'domain.insert', catalogueId: C, index: 0, name: '空领域' }, 'test');
    await deleteDomainRequest(db, { catalogueId: C, domainSeq: 1, expected: '空领域', withItems: false }, 'test');
    expect((await domains())[0]).toBe('1 基本公共教育');
    expect((await historyState(db, C)).undo).toBe('撤销删除领域“空领域”');
    await undo(db, C, 'test');
    expect((await domains())[0]).toBe('1 空领域');
    await undo(db, C, 'test');
    expect((await domains())[0]).toBe('1 基本公共教育');
  });

  it('refuses an empty name, a name another domain has, an over-long name and a stale domain, changing nothing', async () => {
    const before = await fingerprint();
    const refusal = async (run: Promise<unknown>) => (await run.then(() => null, (e: unknown) => e)) as Error;
    expect((await refusal(executeCommand(db, { kind: 'domain.insert', catalogueId: C, index: 0, name: ' \u200B ' }, 'test'))).message).toBe(
      '领域名称不能为空，没有插入。请填写名称后再试。',
    );
    expect((await refusal(executeCommand(db, { kind: 'domain.insert', catalogueId: C, index: 0, name: '基本公共教育' }, 'test'))).message).toBe(
      '已有领域“一、基本公共教育”，同一份清单不能有两个同名的领域，没有插入。',
    );
    expect((await refusal(executeCommand(db, { kind: 'domain.rename', catalogueId: C, domainSeq: 2, name: ' 基本公共教育 ', expected: (await getCatalogue(db, C)).domains[1]!.name }, 'test'))).message).toContain(
      '同一份清单不能有两个同名的领域，没有改名',
    );
    expect((await refusal(executeCommand(db, { kind: 'domain.insert', catalogueId: C, index: 0, name: '长'.repeat(51) }, 'test'))).message).toBe(
      '领域名称最多 50 个字，“长长长长长长长长长长长长…”有 51 个字，没有插入。',
    );
    expect((await refusal(executeCommand(db, { kind: 'domain.move', catalogueId: C, domainSeq: 1, index: 3, expected: '别的名称' }, 'test'))).message).toBe(
      '第 1 个领域已是“基本公共教育”，不再是“别的名称”（可能是在另一个窗口改的），没有做任何改动。请刷新后再试。',
    );
    expect(await fingerprint()).toBe(before);
  });

  it('keeps every domain step across closing and reopening the file', async () => {
    const start = await outline();
    await executeCommand(db, { kind: 'domain.insert', catalogueId: C, index: 2, name: '甲' }, 'test');
    await executeCommand(db, { kind: 'domain.rename', catalogueId: C, domainSeq: 3, name: '乙', expected: '甲' }, 'test');
    await executeCommand(db, { kind: 'domain.move', catalogueId: C, domainSeq: 1, index: 5, expected: '基本公共教育' }, 'test');
    const seq = (await getItem(db, `${C}:040`)).domainSeq;
    const name = (await getCatalogue(db, C)).domains.find((d) => d.seq === seq)!.name;
    await deleteDomainRequest(db, { catalogueId: C, domainSeq: seq, expected: name, withItems: true }, 'test');
    const done = await outline();
    await db.close();
    db = await Database.open(path);
    for (let n = 0; n < 4; n += 1) await undo(db, C, 'test');
    expect(await outline()).toEqual(start);
    await db.close();
    db = await Database.open(path);
    for (let n = 0; n < 4; n += 1) await redo(db, C, 'test');
    expect(await outline()).toEqual(done);
    for (let n = 0; n < 4; n += 1) await undo(db, C, 'test');
    expect(await outline()).toEqual(start);
  });
});

describe('an empty 领域 at export', () => {
  it('is exported as a heading and warned about, not refused', async () => {
    await executeCommand(db, { kind: 'domain.insert', catalogueId: C, index: 99, name: '待补充领域' }, 'test');
    const seq = (await getCatalogue(db, C)).domains.length;
    const [file] = await exportAnnexes(db, C, { annex: 'catalogue', layout: 'workbook' });
    expect(file!.warning).toContain(`领域“${domainHeading(seq, '待补充领域')}”没有服务项目`);
    expect(file!.bytes.length).toBeGreaterThan(0);
    await undo(db, C, 'test');
    const [after] = await exportAnnexes(db, C, { annex: 'catalogue', layout: 'workbook' });
    expect(after!.warning ?? '').not.toContain('没有服务项目');
  });
});

describe('rows moved to a place (a drag)', () => {
  it('moves several rows across domains as one step, in their order, 序号 renumbered; undo puts them back', async () => {
    const start = await outline();
    const before = await getCatalogue(db, C);
    const ids = [`${C}:002`, `${C}:005`];
    const target = before.items.filter((i) => i.domainSeq === 3);
    await moveItemsTo(db, ids, 3, 1, 'test');
    const after = await getCatalogue(db, C);
    const inTarget = after.items.filter((i) => i.domainSeq === 3).map((i) => i.id);
    expect(inTarget).toEqual([target[0]!.id, ...ids, ...target.slice(1).map((i) => i.id)]);
    expect(after.items.map((i) => i.itemNo)).toEqual(after.items.map((_, i) => i + 1));
    expect((await historyState(db, C)).undo).toBe(`撤销移动第2、5项（共 2 项）到“${domainHeading(3, before.domains[2]!.name)}”`);
    const steps = (await historyState(db, C)).undoSteps;
    await undo(db, C, 'test');
    expect((await historyState(db, C)).undoSteps).toBe(steps - 1);
    expect(await outline()).toEqual(start);
    await redo(db, C, 'test');
    expect((await getCatalogue(db, C)).items.filter((i) => i.domainSeq === 3).map((i) => i.id)).toEqual(inTarget);
    await undo(db, C, 'test');
    expect(await outline()).toEqual(start);
  });

  it('moves a row within its domain, to the end, and to the start of the next', async () => {
    const start = await outline();
    const domain1 = (await getCatalogue(db, C)).items.filter((i) => i.domainSeq === 1).map((i) => i.id);
    await moveItemsTo(db, [domain1[0]!], 1, 99, 'test');
    expect((await getCatalogue(db, C)).items.filter((i) => i.domainSeq === 1).map((i) => i.id)).toEqual([...domain1.slice(1), domain1[0]]);
    await moveItemsTo(db, [domain1[0]!], 2, 0, 'test');
    expect((await getItem(db, domain1[0]!)).itemNo).toBe(domain1.length);
    expect((await getItem(db, domain1[0]!)).domainSeq).toBe(2);
    await undo(db, C, 'test');
    await undo(db, C, 'test');
    expect(await outline()).toEqual(start);
  });
});

describe('validation of items', () => {
  it('refuses the same name twice in one domain (edit, insert, move), naming the row; allows it in another domain', async () => {
    const before = await fingerprint();
    const detail = await getCatalogue(db, C);
    const [a, b] = detail.items.filter((i) => i.domainSeq === 1);
    await expect(executeCommand(db, { kind: 'item.setField', itemId: b!.id, field: 'name', value: ` ${a!.name}\r\n`, expected: b!.name }, 'test')).rejects.toThrow(
      `第${b!.itemNo}项“${b!.name}”的“服务项目”与第${a!.itemNo}项同名：“一、基本公共教育”里已有“${a!.name}”，同一领域不能有两个同名的服务项目，本次修改没有保存。请改用别的名称。`,
    );
    await expect(executeCommand(db, { kind: 'item.insert', itemId: `${C}:dup`, catalogueId: C, domainSeq: 1, index: 0, name: a!.name }, 'test')).rejects.toThrow(
      `新服务项目“${a!.name}”与第${a!.itemNo}项同名`,
    );
    expect(await fingerprint()).toBe(before);
    // In another domain the name is free; moving that item into the first domain is then refused.
    const other = detail.items.find((i) => i.domainSeq === 2)!;
    await executeCommand(db, { kind: 'item.setField', itemId: other.id, field: 'name', value: a!.name, expected: other.name }, 'test');
    const renamed = await fingerprint();
    await expect(moveItemsTo(db, [other.id], 1, 0, 'test')).rejects.toThrow('同一领域不能有两个同名的服务项目，没有移动');
    expect(await fingerprint()).toBe(renamed);
    await undo(db, C, 'test');
  });

  it('refuses text over its column’s limit, naming row, column and both lengths, and saves nothing', async () => {
    const before = await fingerprint();
    const item = await getItem(db, `${C}:003`);
    await expect(executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'name', value: '名'.repeat(201), expected: item.name }, 'test')).rejects.toThrow(
      '第3项“寄宿生生活补助”的“服务项目”最多 200 个字，这次有 201 个字，本次修改没有保存。请精简后再保存。',
    );
    await expect(executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'standard', value: '标'.repeat(2001), expected: item.standard }, 'test')).rejects.toThrow(
      '最多 2000 个字，这次有 2001 个字',
    );
    // A character outside the BMP is one character, as a person counts it.
    await expect(executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'leadDepartment', value: '𠀀'.repeat(501), expected: item.leadDepartment }, 'test')).rejects.toThrow(
      '最多 500 个字，这次有 501 个字',
    );
    expect(await fingerprint()).toBe(before);
    const { item: saved } = await executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'standard', value: '标'.repeat(2000), expected: item.standard }, 'test');
    expect(saved.standard).toHaveLength(2000);
    await undo(db, C, 'test');
  });

  it('a second new row in a domain gets a name of its own', async () => {
    const first = (await insertBeside(db, `${C}:001`, 'below', 'test')).item!;
    const second = (await insertBeside(db, `${C}:001`, 'below', 'test')).item!;
    expect([first.name, second.name]).toEqual(['（新服务项目）', '（新服务项目2）']);
    await undo(db, C, 'test');
    await undo(db, C, 'test');
  });
});
