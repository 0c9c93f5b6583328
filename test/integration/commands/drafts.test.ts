// New drafts on a real seeded DuckDB file, through the CLI and the command path: items copied with a
// lineage id to their source, drivers with keys of their own and cost lines rebuilt, the source untouched;
// stages up to 已发布; refusals that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { getCatalogue, listCatalogues } from '../../../electron/services/catalogue-queries';
import { executeCommand } from '../../../electron/services/commands';
import { draftCommand } from '../../../electron/services/drafts';
import { historyState, undo } from '../../../electron/services/history';
import { setDriverField } from '../../../electron/services/pricing-commands';
import { insertBeside } from '../../../electron/services/structure-requests';
import { runCli } from '../../support/run-cli';
import { writeDriverFields } from '../../../electron/pricing/drivers-store';
import { repriceItems } from '../../../electron/pricing/reprice';
import { pricingSummary } from '../../../electron/pricing/summary';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir('drafts-');
let path: string;
let db: Database;
const HEBEI = 'hebei-13th';

/** Everything of a catalogue a draft must not change: items, drivers, cost lines, tasks. */
async function fingerprint(catalogueId: string): Promise<string> {
  const parts = await Promise.all([
    db.all('SELECT * EXCLUDE (created_at, updated_at) FROM items WHERE catalogue_id = $1 ORDER BY id', [catalogueId]),
    db.all('SELECT d.* EXCLUDE (updated_at) FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $1 ORDER BY d.item_id', [catalogueId]),
    db.all('SELECT count(*) AS n, CAST(sum(cost_fen) AS VARCHAR) AS fen FROM item_cost_lines WHERE catalogue_id = $1', [catalogueId]),
    db.all('SELECT * FROM tasks WHERE catalogue_id = $1 ORDER BY id', [catalogueId]),
    db.all('SELECT * EXCLUDE (created_at, updated_at) FROM catalogues WHERE id = $1', [catalogueId]),
  ]);
  return JSON.stringify(parts);
}

beforeAll(async () => {
  path = await seededDatabaseFile(temp.dir);
  db = await Database.open(path);
  // The published catalogue as if it had shipped with one item's drivers: it is read-only at the write path,
  // so they are written as the seeding writes them, beneath the commands.
  await db.transaction(async (tx) => {
    await writeDriverFields(tx, `${HEBEI}:026`, { cohort: '常住人口', coverage: '1', unitAmount: '89', unit: '元/人/年', splitRuleId: 'central-100' });
    await repriceItems(tx, [`${HEBEI}:026`]);
  });
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

describe('a draft from the command line', () => {
  let draftId = '';
  let sourceBefore = '';

  it('prints the new id alone on its last line; items, drivers and tasks are copied, the source untouched', async () => {
    sourceBefore = await fingerprint(HEBEI);
    await db.close();
    const result = runCli(['draft', HEBEI, '--name', '河北省“十五五”基本公共服务清单', '--db', path]);
    expect(result.stderr).toContain('已基于“hebei-13th”新建草案');
    expect(result.status).toBe(0);
    draftId = result.stdout.trim().split('\n').at(-1)!;
    expect(draftId).toMatch(/^draft-[0-9a-f]{8}$/u);
    db = await Database.open(path);

    const draft = await getCatalogue(db, draftId);
    const source = await getCatalogue(db, HEBEI);
    expect(draft.summary).toMatchObject({
      name: '河北省“十五五”基本公共服务清单', regionName: '河北省', regionCode: source.summary.regionCode,
      period: '十五五', startYear: 2026, endYear: 2030, status: 'draft', stage: 'draft', basedOn: HEBEI, itemCount: 81,
    });
    expect(draft.domains.map((d) => d.name)).toEqual(source.domains.map((d) => d.name));
    expect(draft.columnLabels).toEqual(source.columnLabels);
    const strip = (i: (typeof draft.items)[number]) => [i.itemNo, i.domainSeq, i.name, i.targetGroup, i.standard, i.fundingResponsibility, i.leadDepartment];
    expect(draft.items.map(strip)).toEqual(source.items.map(strip));
    expect(draft.items.map((i) => i.lineageId)).toEqual(source.items.map((i) => i.id));
    expect(draft.items.every((i) => i.id.startsWith(`${draftId}:`))).toBe(true);

    const [copy] = await db.all('SELECT key, CAST(unit_amount AS VARCHAR) AS amount FROM item_drivers WHERE item_id = $1', [`${draftId}:026`]);
    const [original] = await db.all('SELECT key FROM item_drivers WHERE item_id = $1', [`${HEBEI}:026`]);
    expect(copy?.amount).toBe('89.00');
    expect(copy?.key).not.toBe(original?.key);
    const lines = await db.all('SELECT count(*) AS n FROM item_cost_lines WHERE item_id = $1', [`${draftId}:026`]);
    expect(Number(lines[0]?.n)).toBeGreaterThan(0);
    const [settings] = await db.all('SELECT from_year, to_year FROM pricing_settings WHERE catalogue_id = $1', [draftId]);
    expect([settings?.from_year, settings?.to_year]).toEqual([2026, 2030]);
    const tasks = await db.all('SELECT count(*) AS n FROM tasks WHERE catalogue_id = $1', [draftId]);
    expect(Number(tasks[0]?.n)).toBe(26);
    expect(await fingerprint(HEBEI)).toBe(sourceBefore);
  });

  it('edits, drivers and undo in the draft leave the source as it was', async () => {
    await executeCommand(db, { kind: 'item.setField', itemId: `${draftId}:003`, field: 'standard', value: '十五五的标准', expected: (await getCatalogue(db, draftId)).items[2]!.standard }, 'test');
    await setDriverField(db, { itemId: `${draftId}:026`, field: 'unitAmount', value: '120', expected: '89' }, 'test');
    await insertBeside(db, `${draftId}:001`, 'below', 'test');
    expect((await historyState(db, draftId)).undoSteps).toBe(3);
    expect((await historyState(db, HEBEI)).undo).toBeNull(); // the published source has no steps of its own
    expect(await fingerprint(HEBEI)).toBe(sourceBefore);
    await undo(db, draftId, 'test');
    await undo(db, draftId, 'test');
    expect(await fingerprint(HEBEI)).toBe(sourceBefore);
  });

  it('moves through its stages to 已发布, after which its stage is fixed', async () => {
    const stages = ['consultation', 'review', 'published'] as const;
    let expected: 'draft' | (typeof stages)[number] = 'draft';
    for (const stage of stages) {
      const { summary } = await executeCommand(db, { kind: 'catalogue.setStage', catalogueId: draftId, stage, expected }, 'test');
      expect(summary.stage).toBe(stage);
      expected = stage;
    }
    expect((await getCatalogue(db, draftId)).summary.status).toBe('published');
    await expect(executeCommand(db, { kind: 'catalogue.setStage', catalogueId: draftId, stage: 'draft', expected: 'published' }, 'test')).rejects.toThrow(
      '已发布，不能再改动；如需修改，请基于它新建草案。',
    );
    await expect(executeCommand(db, { kind: 'catalogue.setStage', catalogueId: HEBEI, stage: 'draft', expected: 'published' }, 'test')).rejects.toThrow('已发布');
  });

  it('a draft survives closing and reopening the file, and a draft of the draft keeps the lineage one step back', async () => {
    await db.close();
    db = await Database.open(path);
    const second = await executeCommand(db, await draftCommand(db, { sourceId: draftId, name: '第二稿' }), 'test');
    const items = (await getCatalogue(db, second.summary.id)).items;
    expect(items[0]!.lineageId).toBe(`${draftId}:001`);
    expect(items[0]!.id).toBe(`${second.summary.id}:001`);
  });
});

describe('other drafts and refusals', () => {
  it('an empty draft has the national domains and no items', async () => {
    const { summary } = await executeCommand(db, await draftCommand(db, { sourceId: null, name: '某省清单（草案）', regionName: '某省' }), 'test');
    const detail = await getCatalogue(db, summary.id);
    expect(detail.items).toHaveLength(0);
    expect(detail.domains.map((d) => d.name)).toEqual((await getCatalogue(db, 'national-13th')).domains.map((d) => d.name));
    expect(summary).toMatchObject({ period: '十五五', startYear: 2026, endYear: 2030, stage: 'draft', regionName: '某省', regionCode: null });
    // A region the regions table does not know is priced over every region: the 测算 problems say so.
    expect((await pricingSummary(db, summary.id)).problems[0]).toContain('这份清单的行政区“某省”不在行政区表中');
  });

  it('a new draft named for a known province is priced over that province alone, however the name is written', async () => {
    for (const [regionName, code] of [['河南省', '410000'], ['河北', '130000'], ['唐山市', '130200'], ['全国', null]] as const) {
      const { summary } = await executeCommand(db, await draftCommand(db, { sourceId: null, name: `${regionName}清单`, regionName }), 'test');
      expect(summary.regionCode).toBe(code);
    }
    // A draft of a published catalogue for another province takes that province, not the source's.
    const { summary } = await executeCommand(db, await draftCommand(db, { sourceId: HEBEI, name: '河南稿', regionName: '河南省' }), 'test');
    expect(summary.regionCode).toBe('410000');
  });

  it('refuses an empty name, an unknown period and an unknown source, changing nothing', async () => {
    const count = (await listCatalogues(db)).length;
    await expect(executeCommand(db, await draftCommand(db, { sourceId: HEBEI, name: ' \u200B ' }), 'test')).rejects.toThrow('草案名称不能为空');
    await expect(draftCommand(db, { sourceId: HEBEI, name: '甲', period: '十七五' })).rejects.toThrow('不认识的规划期“十七五”');
    await expect(draftCommand(db, { sourceId: 'nowhere', name: '甲' })).rejects.toThrow('没有编号为“nowhere”的清单');
    expect((await listCatalogues(db)).length).toBe(count);
    await db.close();
    const result = runCli(['draft', HEBEI, '--db', path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('请用 --name <名称> 给新草案起名');
    db = await Database.open(path);
    expect((await listCatalogues(db)).length).toBe(count);
  });

  it('the inverse of a draft removes it with its drivers and cost lines', async () => {
    const before = await db.all('SELECT count(*) AS n FROM cost_lines');
    const { summary, changeId } = await executeCommand(db, await draftCommand(db, { sourceId: HEBEI, name: '试算用' }), 'test');
    const [logged] = await db.all('SELECT inverse FROM change_log WHERE id = $1', [changeId]);
    await executeCommand(db, JSON.parse(String(logged?.inverse)) as never, 'test');
    await expect(getCatalogue(db, summary.id)).rejects.toThrow('没有编号为');
    expect(await db.all('SELECT count(*) AS n FROM cost_lines')).toEqual(before);
    expect(await db.all('SELECT * FROM item_drivers WHERE item_id LIKE $1', [`${summary.id}:%`])).toHaveLength(0);
  });
});
