// The annex set's writes through the command path, on a real seeded DuckDB file: task cells, the page
// header and footer, and indicator tables drafted for a new plan. Each is one transaction, recorded in
// change_log with an inverse that, applied, puts back what was there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Command } from '../../../shared/domain/commands';
import { AppError } from '../../../electron/db/app-error';
import { Database } from '../../../electron/db/database';
import { exportAnnexes } from '../../../electron/services/annex-export';
import { executeCommand } from '../../../electron/services/commands';
import { createHandlers } from '../../../electron/services/handlers';
import { dispatch } from '../../../electron/services/dispatch';
import { getPageText } from '../../../electron/services/page-text';
import { getTask, listTasks } from '../../../electron/services/task-queries';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';
import { makeDraft } from '../../support/draft';
import { insertBeside } from '../../../electron/services/structure-requests';

const temp = tempDir('annex-commands-');
let db: Database;

beforeAll(async () => {
  db = await Database.open(await seededDatabaseFile(temp.dir));
  // hebei-13th is published (read-only); its tasks are edited in a draft of it.
  await makeDraft(db, 'hebei-13th', 'hebei-draft');
}, 60_000);

afterAll(async () => {
  await db.close();
  temp.cleanup();
});

async function lastLogged(): Promise<{ command: string; payload: Command; inverse: Command }> {
  const [row] = await db.all('SELECT command, payload, inverse FROM change_log ORDER BY id DESC LIMIT 1');
  return { command: String(row?.command), payload: JSON.parse(String(row?.payload)) as Command, inverse: JSON.parse(String(row?.inverse)) as Command };
}

async function failure(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('task cells', () => {
  const taskId = 'hebei-draft:task-03';
  it('saves an edit, logs it with its inverse, and the inverse puts it back', async () => {
    const before = await getTask(db, taskId);
    const value = '省人力资源社会保障厅牵头，省财政厅等有关部门按职责分工负责';
    const { task, changeId } = await executeCommand(db, { kind: 'task.setField', taskId, field: 'responsibleUnits', value, expected: before.responsibleUnits }, 'test');
    expect(task.responsibleUnits).toBe(value);
    expect(changeId).toBeGreaterThan(0);
    const logged = await lastLogged();
    expect(logged.command).toBe('task.setField');
    await executeCommand(db, logged.inverse, 'test');
    expect((await getTask(db, taskId)).responsibleUnits).toBe(before.responsibleUnits);
  });

  it('refuses a stale edit and an empty task, changing nothing', async () => {
    const before = await getTask(db, taskId);
    const stale = await failure(executeCommand(db, { kind: 'task.setField', taskId, field: 'task', value: '新', expected: '旧的内容' }, 'test'));
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/^第3项重点任务的“重点任务”已被改动/u);
    const empty = await failure(executeCommand(db, { kind: 'task.setField', taskId, field: 'task', value: '  \n', expected: before.task }, 'test'));
    expect(empty.code).toBe('refused');
    expect(await getTask(db, taskId)).toEqual(before);
  });

  it('is exported as edited', async () => {
    const before = await getTask(db, taskId);
    await executeCommand(db, { kind: 'task.setField', taskId, field: 'task', value: `${before.task}（已修改）`, expected: before.task }, 'test');
    const [file] = await exportAnnexes(db, 'hebei-draft', { annex: 'tasks', layout: 'workbook' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.bytes as unknown as ArrayBuffer);
    // The annex writer breaks Chinese lines itself (line feeds where a printed line ends): read without them.
    const values = book.worksheets[0]!.getSheetValues().flat().map((value) => (typeof value === 'string' ? value.replaceAll('\n', '') : value));
    expect(values).toContain(`${before.task}（已修改）`);
  });
});

describe('tasks inserted and deleted', () => {
  it('renumber the ones after them; each is one undo step, and an undone delete puts the task back with its words', async () => {
    await makeDraft(db, 'hebei-13th', 'hebei-tasks');
    const handlers = createHandlers(db, 'cli', 'test');
    const list = async () => (await listTasks(db, 'hebei-tasks')).map((t) => `${t.taskNo} ${t.task.slice(0, 12)}`);
    const before = await list();
    const third = (await listTasks(db, 'hebei-tasks'))[2]!;
    const added = await handlers['tasks.insert']({ anchorTaskId: third.id, where: 'below' });
    expect(added).toMatchObject({ taskNo: 4, task: '（新重点任务）', responsibleUnits: '（待填写）' });
    const afterInsert = await list();
    expect(afterInsert).toHaveLength(before.length + 1);
    expect(afterInsert[3]).toBe('4 （新重点任务）');
    expect(afterInsert.slice(4).map((t) => t.replace(/^\d+ /u, ''))).toEqual(before.slice(3).map((t) => t.replace(/^\d+ /u, '')));
    expect((await handlers['history.state']({ catalogueId: 'hebei-tasks' })).undo).toBe('撤销插入第4项重点任务');
    await handlers['history.undo']({ catalogueId: 'hebei-tasks' });
    expect(await list()).toEqual(before);
    await handlers['history.redo']({ catalogueId: 'hebei-tasks' });
    expect(await list()).toEqual(afterInsert);
    await handlers['history.undo']({ catalogueId: 'hebei-tasks' });

    const second = (await listTasks(db, 'hebei-tasks'))[1]!;
    await handlers['tasks.delete']({ taskId: second.id });
    expect(await list()).toEqual([before[0], ...before.slice(2).map((t) => t.replace(/^(\d+)/u, (n) => String(Number(n) - 1)))]);
    await handlers['history.undo']({ catalogueId: 'hebei-tasks' });
    expect(await list()).toEqual(before);
    expect(await getTask(db, second.id)).toEqual(second);
    // The first task of a catalogue without any.
    for (const t of await listTasks(db, 'hebei-tasks')) await handlers['tasks.delete']({ taskId: t.id });
    expect(await handlers['tasks.insert']({ catalogueId: 'hebei-tasks' })).toMatchObject({ taskNo: 1 });
    const unknown = await dispatch(handlers, 'tasks.insert', { catalogueId: 'no-such-catalogue' });
    expect(!unknown.ok && unknown.error.message).toContain('没有编号为“no-such-catalogue”的清单');
    // Exported as it is, the placeholder is said.
    const [file] = await exportAnnexes(db, 'hebei-tasks', { annex: 'tasks', layout: 'workbook' });
    expect(file!.warning).toContain('第1项重点任务还没有填写');
  });
});

describe('a catalogue renamed', () => {
  it('drops a draft’s （草案） before publication: the annex prints the new title, one undo step puts the old back', async () => {
    await makeDraft(db, 'hebei-13th', 'hebei-rename');
    const handlers = createHandlers(db, 'cli', 'test');
    const title = async () => {
      const [file] = await exportAnnexes(db, 'hebei-rename', { annex: 'catalogue', layout: 'workbook' });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file!.bytes as unknown as ArrayBuffer);
      return { fileName: file!.fileName, cells: book.worksheets[0]!.getSheetValues().flat().filter((v): v is string => typeof v === 'string').map((v) => v.replaceAll('\n', '')) };
    };
    const before = (await handlers['catalogues.get']({ catalogueId: 'hebei-rename' })).summary.name;
    expect((await title()).cells).toContain(before);
    const renamed = await handlers['catalogues.rename']({ catalogueId: 'hebei-rename', name: '  河北省“十五五”基本公共服务清单 ', expected: before });
    expect(renamed.name).toBe('河北省“十五五”基本公共服务清单');
    const after = await title();
    expect(after.cells).toContain('河北省“十五五”基本公共服务清单');
    expect(after.cells).not.toContain(before);
    expect(after.fileName).toContain('河北省“十五五”基本公共服务清单');
    const logged = await lastLogged();
    expect(logged.inverse).toEqual({ kind: 'catalogue.rename', catalogueId: 'hebei-rename', name: before, expected: '河北省“十五五”基本公共服务清单', annexTitle: before });
    // A step of the catalogue's own history: 撤销 puts the old name back, 重做 the new.
    expect((await handlers['history.state']({ catalogueId: 'hebei-rename' })).undo).toBe('撤销清单改名为“河北省“十五五”基本公共服务清单”');
    await handlers['history.undo']({ catalogueId: 'hebei-rename' });
    expect((await title()).cells).toContain(before);
    await handlers['history.redo']({ catalogueId: 'hebei-rename' });
    expect((await handlers['catalogues.get']({ catalogueId: 'hebei-rename' })).summary.name).toBe('河北省“十五五”基本公共服务清单');
    await handlers['history.undo']({ catalogueId: 'hebei-rename' });
    // Refused, in Chinese, with nothing changed: empty, changed elsewhere, too long.
    for (const [name, expected, reason] of [['  ', before, '不能为空'], ['\u200b', before, '不能为空'], ['新名', '别的名字', '已被改为'], ['长'.repeat(101), before, '最多 100 个字']] as const) {
      const answer = await dispatch(handlers, 'catalogues.rename', { catalogueId: 'hebei-rename', name, expected });
      expect(!answer.ok && answer.error.message).toContain(reason);
    }
    expect((await handlers['catalogues.get']({ catalogueId: 'hebei-rename' })).summary.name).toBe(before);
  });

  it('keeps an annex title set apart from the name, and an undo gives back the title it had, even renamed to it', async () => {
    await makeDraft(db, 'hebei-13th', 'hebei-titled');
    const handlers = createHandlers(db, 'cli', 'test');
    await db.transaction((tx) => tx.run(`UPDATE catalogues SET annex_title = '河北省基本公共服务实施标准' WHERE id = 'hebei-titled'`));
    const state = async () => (await db.all(`SELECT name, annex_title FROM catalogues WHERE id = 'hebei-titled'`))[0];
    const before = await state();
    await handlers['catalogues.rename']({ catalogueId: 'hebei-titled', name: '河北省基本公共服务实施标准', expected: String(before!.name) });
    expect(await state()).toEqual({ name: '河北省基本公共服务实施标准', annex_title: '河北省基本公共服务实施标准' });
    await handlers['history.undo']({ catalogueId: 'hebei-titled' });
    expect(await state()).toEqual(before);
    await handlers['history.redo']({ catalogueId: 'hebei-titled' });
    expect(await state()).toEqual({ name: '河北省基本公共服务实施标准', annex_title: '河北省基本公共服务实施标准' });
  });
});

describe('export warnings', () => {
  it('name a row inserted and not yet written, its placeholder name too', async () => {
    await makeDraft(db, 'hebei-13th', 'hebei-inserted');
    const { item } = await insertBeside(db, 'hebei-inserted:003', 'below', 'test');
    const [file] = await exportAnnexes(db, 'hebei-inserted', { annex: 'catalogue', layout: 'workbook' });
    expect(file!.warning).toContain(`1 个服务项目尚有未填写的栏目（第${item!.itemNo}项）`);
    expect(file!.warning).toContain(`第${item!.itemNo}项的服务项目名称还是插入时的“（新服务项目）”`);
  });
});

describe('page header and footer', () => {
  it('defaults to the draft mark and date for a draft, and stores what the user sets', async () => {
    const initial = await getPageText(db, 'henan-13th');
    expect(initial.storedHeader).toBeNull();
    expect(initial.header).toMatch(/^草稿\u3000\d{4}年\d{1,2}月\d{1,2}日$/u);
    expect((await getPageText(db, 'hebei-13th')).header).toBe('');

    const handlers = createHandlers(db, 'cli', 'test');
    const set = await handlers['annex.pageText.set']({ catalogueId: 'henan-13th', header: '征求意见稿\u30002026年12月1日', footer: '河南省发展和改革委员会' });
    expect(set.header).toBe('征求意见稿\u30002026年12月1日');
    const [file] = await exportAnnexes(db, 'henan-13th', { annex: 'catalogue', layout: 'workbook' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.bytes as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.headerFooter.oddHeader).toContain('征求意见稿\u30002026年12月1日');
    expect(book.worksheets[0]!.headerFooter.evenFooter).toContain('河南省发展和改革委员会');

    const logged = await lastLogged();
    expect(logged.inverse).toEqual({ kind: 'catalogue.setPageText', catalogueId: 'henan-13th', header: null, footer: null });
    await executeCommand(db, logged.inverse, 'test');
    expect((await getPageText(db, 'henan-13th')).storedHeader).toBeNull();
  });

  it('follows the draft’s stage: 草稿, 征求意见稿, 送审稿, each with the date', async () => {
    const handlers = createHandlers(db, 'cli', 'test');
    const stageOf = async () => (await getPageText(db, 'hebei-draft')).header;
    expect(await stageOf()).toMatch(/^草稿\u3000\d{4}年\d{1,2}月\d{1,2}日$/u);
    await handlers['catalogues.setStage']({ catalogueId: 'hebei-draft', stage: 'consultation', expected: 'draft' });
    expect(await stageOf()).toMatch(/^征求意见稿\u3000\d{4}年\d{1,2}月\d{1,2}日$/u);
    await handlers['catalogues.setStage']({ catalogueId: 'hebei-draft', stage: 'review', expected: 'consultation' });
    expect(await stageOf()).toMatch(/^送审稿\u3000/u);
    await handlers['catalogues.setStage']({ catalogueId: 'hebei-draft', stage: 'draft', expected: 'review' });
    expect(await stageOf()).toMatch(/^草稿\u3000/u);
  });

  it('on publication drops a header the planner wrote naming a stage, and keeps one that does not', async () => {
    const handlers = createHandlers(db, 'cli', 'test');
    await makeDraft(db, 'hebei-13th', 'hebei-publish-a');
    await makeDraft(db, 'hebei-13th', 'hebei-publish-b');
    await handlers['annex.pageText.set']({ catalogueId: 'hebei-publish-a', header: '送审稿\u30002026年12月', footer: '河北省发展和改革委员会' });
    await handlers['annex.pageText.set']({ catalogueId: 'hebei-publish-b', header: '河北省发展和改革委员会印发', footer: null });
    for (const id of ['hebei-publish-a', 'hebei-publish-b']) await handlers['catalogues.setStage']({ catalogueId: id, stage: 'published', expected: 'draft' });
    expect(await getPageText(db, 'hebei-publish-a')).toMatchObject({ header: '', footer: '河北省发展和改革委员会' });
    expect((await getPageText(db, 'hebei-publish-b')).header).toBe('河北省发展和改革委员会印发');
  });

  it('refuses a header longer than a line, saying so in Chinese', async () => {
    const handlers = createHandlers(db, 'cli', 'test');
    const answer = await dispatch(handlers, 'annex.pageText.set', { catalogueId: 'henan-13th', header: '长'.repeat(201), footer: null });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/页眉/u);
  });
});

describe('indicator tables for a new plan', () => {
  it('starts one from 十四五 专栏1: baseline 2025 (the old targets), target 2030 left to fill', async () => {
    const handlers = createHandlers(db, 'cli', 'test');
    const { plan, rows, notes } = await handlers['indicators.plan.create']({ basedOnDocument: 'national-14th-plan' });
    expect(plan).toMatchObject({ id: 'national-14th-plan-next', period: '十五五', baselineYear: 2025, targetYear: 2030, source: 'draft' });
    expect(plan.title).toBe('“十五五”社会发展与公共服务主要指标');
    expect(rows).toHaveLength(22);
    expect(rows[0]).toMatchObject({ category: '幼有所育', name: '每千人口拥有3岁以下婴幼儿托位数(个)', baseline: '4.5', target: null, attribute: '预期性' });
    expect(notes.length).toBe(6);

    const edit = await handlers['indicators.plan.update']({ planId: plan.id, seq: 1, field: 'target', value: '6', expected: null });
    expect(edit.row.target).toBe('6');
    const [file] = await exportAnnexes(db, plan.id, { annex: 'indicators', layout: 'workbook' });
    expect(file!.warning).toMatch(/21 项未填目标值/u);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect([1, 2, 3, 4, 5].map((c) => sheet.getRow(5).getCell(c).value)).toEqual(['类别', '指标', '2025年', '2030年', '属性']);
    expect(sheet.getRow(6).getCell(4).value).toBe('6');
    expect(sheet.getCell('B3').value ?? sheet.getCell('A3').value).toBe('“十五五”社会发展与公共服务主要指标');
  });

  it('keeps the published table read-only and logs a draft’s deletion with the way back', async () => {
    const handlers = createHandlers(db, 'cli', 'test');
    const refused = await dispatch(handlers, 'indicators.plan.update', { planId: 'national-14th-plan', seq: 1, field: 'target', value: '9', expected: '4.5' });
    expect(!refused.ok && refused.error.message).toMatch(/已发布文件中的指标表，不能修改/u);
    const again = await handlers['indicators.plan.create']({ basedOnDocument: 'national-14th-plan' });
    expect(again.plan.id).toBe('national-14th-plan-next-2');
    const removed = await dispatch(handlers, 'indicators.plan.delete', { planId: 'national-14th-plan-next-2' });
    expect(removed.ok).toBe(true);
    const logged = await lastLogged();
    expect(logged.inverse).toEqual({ kind: 'indicatorPlan.create', planId: 'national-14th-plan-next-2', basedOnDocument: 'national-14th-plan' });
    const plans = await handlers['indicators.plans']({});
    expect(plans.map((p) => p.id)).toEqual(['national-14th-plan', 'national-14th-plan-next']);
  });
});
