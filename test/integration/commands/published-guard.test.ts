// A published catalogue is read-only at the write path. Two tables make a forgotten guard fail here: every
// command kind (typed over the whole Command union, so a new kind does not compile until it is listed) and
// every channel of the contract (typed over Channel) is tried against the published Hebei catalogue; each
// content write must be refused with the one message and leave the file as it was. Then task and page-text
// edits as undo steps, and the stage rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Request } from '../../../shared/contract';
import type { Command } from '../../../shared/domain/commands';
import { Database } from '../../../electron/db/database';
import { COMMAND_SCOPES, PUBLISHED_REFUSAL } from '../../../electron/services/catalogue-guard';
import { getCatalogue } from '../../../electron/services/catalogue-queries';
import { applyCommand, executeCommand } from '../../../electron/services/commands';
import { dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { historyState, redo, undo } from '../../../electron/services/history';
import { getPageText } from '../../../electron/services/page-text';
import { getTask } from '../../../electron/services/task-queries';
import { makeDraft } from '../../support/draft';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir('published-');
let path: string;
let db: Database;
const P = 'hebei-13th';

beforeAll(async () => {
  path = await seededDatabaseFile(temp.dir);
  db = await Database.open(path);
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

/** Everything of the published catalogue a write could touch, and the log. */
async function fingerprint(catalogueId = P): Promise<string> {
  return JSON.stringify(await Promise.all([
    db.all('SELECT * EXCLUDE (created_at, updated_at) FROM items WHERE catalogue_id = $1 ORDER BY id', [catalogueId]),
    db.all('SELECT * FROM domains WHERE catalogue_id = $1 ORDER BY seq', [catalogueId]),
    db.all('SELECT * FROM tasks WHERE catalogue_id = $1 ORDER BY id', [catalogueId]),
    db.all('SELECT d.* FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $1', [catalogueId]),
    db.all('SELECT * FROM annex_page_text WHERE catalogue_id = $1', [catalogueId]),
    db.all('SELECT * EXCLUDE (created_at, updated_at) FROM catalogues WHERE id = $1', [catalogueId]),
    db.all('SELECT count(*) AS n FROM change_log'),
    db.all('SELECT count(*) AS n FROM history_groups'),
  ]));
}

const item = `${P}:003`;
const restoredItem = { id: `${P}:999`, catalogue_id: P, domain_seq: 1, source_item_no: null, name: '新项目', target_group: null, standard: null, funding_responsibility: null, lead_department: null, lineage_id: null };

/**
 * One command of every kind aimed at the published catalogue, or why the kind is not a content write. The
 * type is the whole union: a new command kind is a compile error here until someone decides.
 */
const SAMPLES: { [K in Command['kind']]: Extract<Command, { kind: K }> | string } = {
  'item.setField': { kind: 'item.setField', itemId: item, field: 'standard', value: '改', expected: '小学生每生每年 1000 元，初中生每生每年 1250 元。' },
  'item.insert': { kind: 'item.insert', itemId: `${P}:new`, catalogueId: P, domainSeq: 1, index: 0, name: '新项目' },
  'item.delete': { kind: 'item.delete', itemId: item },
  'item.restore': { kind: 'item.restore', index: 0, item: restoredItem, driver: null },
  'item.move': { kind: 'item.move', itemId: item, domainSeq: 2, index: 0 },
  'domain.insert': { kind: 'domain.insert', catalogueId: P, index: 0, name: '新领域' },
  'domain.rename': { kind: 'domain.rename', catalogueId: P, domainSeq: 1, name: '改名', expected: '基本公共教育' },
  'domain.move': { kind: 'domain.move', catalogueId: P, domainSeq: 1, index: 3, expected: '基本公共教育' },
  'domain.delete': { kind: 'domain.delete', catalogueId: P, domainSeq: 1, expected: '基本公共教育' },
  'domain.restore': { kind: 'domain.restore', catalogueId: P, index: 0, name: '新领域', statedItemCount: null, items: [] },
  'task.setField': { kind: 'task.setField', taskId: `${P}:task-03`, field: 'task', value: '改', expected: '' },
  'task.insert': { kind: 'task.insert', catalogueId: P, taskId: `${P}:task-new`, taskNo: 1, task: '新任务', responsibleUnits: '省发展改革委' },
  'task.delete': { kind: 'task.delete', taskId: `${P}:task-03` },
  'catalogue.setPageText': { kind: 'catalogue.setPageText', catalogueId: P, header: '征求意见稿', footer: null },
  'catalogue.rename': { kind: 'catalogue.rename', catalogueId: P, name: '改名的清单', expected: '河北省“十三五”基本公共服务清单' },
  'catalogue.createDraft': 'lifecycle: a draft is made from it, the source untouched (drafts.test.ts)',
  'catalogue.deleteDraft': 'lifecycle: refused for anything not a draft (drafts.test.ts)',
  'catalogue.setStage': 'lifecycle: 已发布 is final (below)',
  'catalogue.import': 'lifecycle: an import makes a new draft (catalogue-import tests)',
  'version.save': 'lifecycle: a snapshot beside the catalogue, which stays untouched (versions.test.ts)',
  'version.delete': 'lifecycle: hides a snapshot',
  'indicatorPlan.create': 'an indicator plan, not a catalogue',
  'indicatorPlan.delete': 'an indicator plan, not a catalogue',
  'indicator.setField': 'an indicator plan, not a catalogue',
};

describe('every content command is refused on a published catalogue', () => {
  for (const [kind, sample] of Object.entries(SAMPLES)) {
    it(`${kind}${typeof sample === 'string' ? `: ${sample}` : ''}`, async () => {
      expect(COMMAND_SCOPES[kind as Command['kind']] === 'content').toBe(typeof sample !== 'string');
      if (typeof sample === 'string') return;
      const before = await fingerprint();
      await expect(executeCommand(db, sample, 'test')).rejects.toThrow(`“河北省“十三五”基本公共服务清单”已发布。${PUBLISHED_REFUSAL}`);
      // Inside someone else's transaction too (a batch, an undo): the guard is in applyCommand itself.
      await expect(db.transaction((tx) => applyCommand(tx, sample, 'test'))).rejects.toThrow(PUBLISHED_REFUSAL);
      expect(await fingerprint()).toBe(before);
    });
  }
});

/**
 * Every channel of the contract: a request that would change the published catalogue, or why the channel
 * cannot. Typed over Channel, so a new channel does not compile until it is listed.
 */
const CHANNEL_SAMPLES: { [C in Channel]: Request<C> | string } = {
  'app.info': 'reads',
  'catalogues.list': 'reads',
  'catalogues.get': 'reads',
  'catalogues.createDraft': 'makes a new catalogue; the source is untouched',
  'catalogues.setStage': { catalogueId: P, stage: 'draft', expected: 'published' },
  'catalogues.rename': { catalogueId: P, name: '改名的清单', expected: '河北省“十三五”基本公共服务清单' },
  'items.update': { itemId: item, field: 'name', value: '改名', expected: '寄宿生生活补助' },
  'items.get': 'reads',
  'items.insert': { anchorItemId: item, where: 'below' },
  'items.delete': { itemIds: [item] },
  'items.move': { itemId: item, direction: 'down' },
  'items.paste': { catalogueId: P, action: 'clear', cells: [{ itemId: item, field: 'standard', value: null, expected: '小学生每生每年 1000 元，初中生每生每年 1250 元。' }], newRows: null },
  'domains.insert': { catalogueId: P, index: 0, name: '新领域' },
  'domains.rename': { catalogueId: P, domainSeq: 1, name: '改名', expected: '基本公共教育' },
  'domains.move': { catalogueId: P, domainSeq: 1, index: 2, expected: '基本公共教育' },
  'domains.delete': { catalogueId: P, domainSeq: 1, expected: '基本公共教育', withItems: true },
  'history.state': 'reads',
  'history.undo': 'nothing to undo on a catalogue never edited; an undo after publication is tested below',
  'history.redo': 'as undo',
  'annex.export': 'reads (a header for one export is not stored)',
  'annex.pageText.get': 'reads',
  'annex.pageText.set': { catalogueId: P, header: '征求意见稿', footer: null },
  'indicators.plans': 'reads',
  'indicators.plan.get': 'reads',
  'indicators.plan.create': 'an indicator plan, not a catalogue',
  'indicators.plan.delete': 'an indicator plan, not a catalogue',
  'indicators.plan.update': 'an indicator plan, not a catalogue',
  'tasks.list': 'reads',
  'tasks.insert': { anchorTaskId: `${P}:task-03`, where: 'below' },
  'tasks.delete': { taskId: `${P}:task-03` },
  'tasks.update': { taskId: `${P}:task-03`, field: 'responsibleUnits', value: '改', expected: '' },
  'reference.get': 'reads',
  'indicators.list': 'reads',
  'pricing.items': 'reads',
  'pricing.summary': 'reads',
  'pricing.explain': 'reads',
  'pricing.setYears': 'the years an analysis runs over, not the catalogue’s content: allowed on a published catalogue',
  'drivers.update': 'costing: a published catalogue is what a finance bureau prices (tested below)',
  'drivers.applySuggestions': 'costing, as drivers.update',
  'drivers.paste': 'costing, as drivers.update',
  'drivers.workbook': 'reads',
  'rules.save': 'split rules are shared reference data, not a catalogue',
  'regions.list': 'reads',
  'regions.update': 'regions are shared reference data, not a catalogue',
  'shares.list': 'reads',
  'population.list': 'reads',
  'shares.set': 'cohort shares are shared population data, not a catalogue',
  'shares.delete': 'as shares.set',
  'data.import': 'regions, population and rules are shared data; drivers are costing (tested below)',
  'catalogues.importPreview': 'reads a file; writes nothing',
  'catalogues.import': 'makes a new draft from a file',
  'versions.list': 'reads',
  'versions.save': 'a named snapshot beside the catalogue: allowed on a published one',
  'versions.get': 'reads',
  'versions.delete': 'hides a snapshot, not the catalogue',
  'versions.export': 'reads',
  'history.item': 'reads',
  'compare.run': 'reads',
  'compare.export': 'reads',
};

describe('every writing channel of the contract is refused on a published catalogue', () => {
  for (const [channel, sample] of Object.entries(CHANNEL_SAMPLES)) {
    if (typeof sample === 'string') continue;
    it(channel, async () => {
      const before = await fingerprint();
      const envelope = await dispatch(createHandlers(db, 'cli', 'test'), channel, sample);
      expect(envelope.ok, JSON.stringify(envelope)).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.code).toBe('refused');
        expect(envelope.error.message).toMatch(channel === 'catalogues.setStage' ? /已发布，不能再改动/u : new RegExp(PUBLISHED_REFUSAL, 'u'));
      }
      expect(await fingerprint()).toBe(before);
    });
  }
});

describe('a published catalogue is costed: its drivers are the finance bureau\'s, its text stays as published', () => {
  it('takes a driver edit, suggestions and a drivers import on hebei-13th, leaving items, domains and tasks untouched', async () => {
    const text = () =>
      Promise.all([
        db.all('SELECT * EXCLUDE (created_at, updated_at) FROM items WHERE catalogue_id = $1 ORDER BY id', [P]),
        db.all('SELECT * FROM domains WHERE catalogue_id = $1 ORDER BY seq', [P]),
        db.all('SELECT * FROM tasks WHERE catalogue_id = $1 ORDER BY id', [P]),
      ]).then((rows) => JSON.stringify(rows));
    const before = await text();
    const handlers = createHandlers(db, 'cli', 'test');
    const edit = await dispatch(handlers, 'drivers.update', { itemId: item, field: 'unitAmount', value: '1000', expected: null });
    expect(edit.ok, JSON.stringify(edit)).toBe(true);
    const suggestions = await dispatch(handlers, 'drivers.applySuggestions', { catalogueId: P, itemIds: [`${P}:005`] });
    expect(suggestions.ok, JSON.stringify(suggestions)).toBe(true);
    const imported = await dispatch(handlers, 'data.import', {
      kind: 'drivers', catalogueId: P, fileName: '参数.csv', apply: true,
      base64: Buffer.from('item_no,cohort,coverage,unit_amount,unit,periods_per_year,base_year,yearly_change,split_rule\n26,常住人口,1,89,元/人/年,,,,central-100\n').toString('base64'),
    });
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    const [priced] = await db.all(`SELECT count(*) AS n FROM item_cost_lines WHERE item_id = '${P}:026'`);
    expect(Number(priced?.n)).toBeGreaterThan(0);
    expect(await text()).toBe(before);
  });
});

describe('a draft, once published, is read-only; its stage is final', () => {
  it('refuses the undo of a step taken before publication, and 已发布 → 草稿', async () => {
    const draft = await makeDraft(db, P, 'to-publish');
    const before = (await getCatalogue(db, draft)).items[2]!;
    await executeCommand(db, { kind: 'item.setField', itemId: before.id, field: 'standard', value: '征求意见后的标准', expected: before.standard }, 'test');
    for (const [stage, expected] of [['consultation', 'draft'], ['review', 'consultation'], ['published', 'review']] as const) {
      await executeCommand(db, { kind: 'catalogue.setStage', catalogueId: draft, stage, expected }, 'test');
    }
    const published = await fingerprint(draft);
    await expect(undo(db, draft, 'test')).rejects.toThrow(PUBLISHED_REFUSAL);
    await expect(executeCommand(db, { kind: 'catalogue.setStage', catalogueId: draft, stage: 'draft', expected: 'published' }, 'test')).rejects.toThrow(
      '已发布，不能再改动；如需修改，请基于它新建草案。',
    );
    expect(await fingerprint(draft)).toBe(published);
  });
});

describe('重点任务 and page-text edits are undo steps of their catalogue', () => {
  it('undoes and redoes a task edit, also after reopening the file, beside item edits in one history', async () => {
    const draft = await makeDraft(db, P, 'tasks-draft');
    const taskId = `${draft}:task-03`;
    const task = await getTask(db, taskId);
    await executeCommand(db, { kind: 'task.setField', taskId, field: 'responsibleUnits', value: '省人社厅牵头', expected: task.responsibleUnits }, 'test');
    expect((await historyState(db, draft)).undo).toBe('撤销修改第3项重点任务的“责任单位”');
    const item = (await getCatalogue(db, draft)).items[0]!;
    await executeCommand(db, { kind: 'item.setField', itemId: item.id, field: 'targetGroup', value: '全体学生', expected: item.targetGroup }, 'test');
    await executeCommand(db, { kind: 'catalogue.setPageText', catalogueId: draft, header: '征求意见稿', footer: '河北省发展改革委' }, 'test');
    expect((await historyState(db, draft)).undo).toBe('撤销修改页眉页脚');
    await db.close();
    db = await Database.open(path);
    await undo(db, draft, 'test');
    expect((await getPageText(db, draft)).storedHeader).toBeNull();
    await undo(db, draft, 'test');
    await undo(db, draft, 'test');
    expect((await getTask(db, taskId)).responsibleUnits).toBe(task.responsibleUnits);
    expect((await getCatalogue(db, draft)).items[0]!.targetGroup).toBe(item.targetGroup);
    await db.close();
    db = await Database.open(path);
    await redo(db, draft, 'test');
    expect((await getTask(db, taskId)).responsibleUnits).toBe('省人社厅牵头');
    await redo(db, draft, 'test');
    await redo(db, draft, 'test');
    expect((await getPageText(db, draft)).storedFooter).toBe('河北省发展改革委');
  });
});
