// The catalogue's structure in the 条目 grid, driven in Debian's Chromium against the real browser host: a
// 领域 added, renamed, moved and deleted from its heading's menu, each undone; a row dragged across 领域 by
// its 序号 handle and undone; 序号 running straight through after each; a published catalogue refusing all.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './host-process';
import type { RunningHost } from './host-process';
import { settled } from './grid-support';

const screens = join(process.cwd(), 'test-results', 'screens');
let dir: string;
let host: RunningHost;
let draft = '';

test.beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-structure-'));
  host = await startHost(join(dir, 'qingdan.duckdb'));
  // The seeded catalogue is published: the structure is changed in a draft of it.
  const url = new URL(host.url);
  const res = await fetch(`${url.origin}/api/catalogues.createDraft`, {
    method: 'POST',
    headers: { 'x-qingdan-token': url.searchParams.get('token')!, 'content-type': 'application/json' },
    body: JSON.stringify({ sourceId: 'hebei-13th', name: '河北省结构调整草案' }),
  });
  const body = (await res.json()) as { ok: boolean; data: { id: string } };
  expect(body.ok).toBe(true);
  draft = body.data.id;
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});
test.describe.configure({ mode: 'serial' });

const row = (page: Page, id: string) => page.locator(`.ag-row[row-id="${draft}:${id}"]`);
const itemNo = (page: Page, id: string) => row(page, id).locator('.ag-cell[col-id="itemNo"]').first();
const status = (page: Page) => page.locator('[data-save-state]');
const toolbar = (page: Page) => page.getByRole('toolbar', { name: '条目编辑' });
const EIGHT = ['一、基本公共教育', '二、基本劳动就业创业', '三、基本社会保险', '四、基本医疗卫生', '五、基本社会服务', '六、基本住房保障', '七、基本公共文化体育', '八、残疾人基本公共服务'];

async function open(page: Page) {
  await page.goto(`${host.url}#/catalogue/${draft}`);
  await expect(row(page, '001').first()).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The domain headings as the grid shows them (the grid draws the first screens; the top domains suffice). */
async function shownHeadings(page: Page, n = 2): Promise<string[]> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.grid-wrap *')) if (el.scrollTop > 0) el.scrollTop = 0;
  });
  await expect(page.locator('.ag-row[row-index="0"] .domain-heading')).toBeVisible();
  // In row order: the grid positions rows absolutely and reuses their elements, so the DOM order is not it.
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ag-row')]
      .filter((r) => r.querySelector('.domain-heading'))
      .map((r) => ({ index: Number(r.getAttribute('row-index')), text: r.querySelector<HTMLElement>('.domain-heading')!.innerText.trim() }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.text),
  );
  return [...new Set(shown)].slice(0, n);
}

async function menuOf(page: Page, heading: string) {
  await page.getByRole('button', { name: `领域操作：${heading}` }).click();
  const menu = page.getByRole('menu', { name: '领域操作' });
  await expect(menu).toBeVisible();
  return menu;
}

async function undo(page: Page, what: string) {
  await expect(toolbar(page).getByRole('button', { name: '撤销' })).toHaveAttribute('title', `撤销${what}`);
  await page.keyboard.press('Control+z');
  await expect(status(page)).toContainText(`已撤销${what}`);
}

test('a 领域 inserted above from its heading’s menu, then undone; 序号 runs on through it', async ({ page }) => {
  await open(page);
  expect(await shownHeadings(page)).toEqual(EIGHT.slice(0, 2));
  await expect(itemNo(page, '009')).toHaveText('9');
  await menuOf(page, '二、基本劳动就业创业');
  await page.screenshot({ path: join(screens, 'structure-domain-menu.png') });
  await page.getByRole('menuitem', { name: '在上方插入领域' }).click();
  await page.getByLabel('在上方插入领域：领域名称').fill('基本公共服务数字化');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(status(page)).toContainText('已插入领域“二、基本公共服务数字化”');
  expect(await shownHeadings(page)).toEqual(['一、基本公共教育', '二、基本公共服务数字化']);
  await expect(page.locator('.domain-row[data-domain-seq="3"] .domain-heading')).toHaveText('三、基本劳动就业创业');
  await expect(page.locator('.domain-row[data-domain-seq="2"] .domain-count')).toHaveText('0 项');
  // The items after it keep their numbers: 序号 counts items, straight through the domains.
  await expect(itemNo(page, '009')).toHaveText('9');
  await page.locator('.grid-wrap').click({ position: { x: 5, y: 5 } });
  await undo(page, '插入领域“基本公共服务数字化”');
  expect(await shownHeadings(page)).toEqual(EIGHT.slice(0, 2));
});

test('a 领域 renamed, a duplicate name refused with its reason, and the rename undone with the button', async ({ page }) => {
  await open(page);
  await menuOf(page, '一、基本公共教育');
  await page.getByRole('menuitem', { name: '重命名' }).click();
  const name = page.getByLabel('重命名领域：领域名称');
  await expect(name).toHaveValue('基本公共教育');
  await name.fill('基本社会保险');
  await name.press('Enter');
  await expect(status(page)).toHaveAttribute('data-save-state', 'refused');
  await expect(status(page)).toHaveText('未保存：已有领域“三、基本社会保险”，同一份清单不能有两个同名的领域，没有改名。');
  await page.screenshot({ path: join(screens, 'structure-refused.png') });
  expect(await shownHeadings(page, 1)).toEqual(['一、基本公共教育']);

  await menuOf(page, '一、基本公共教育');
  await page.getByRole('menuitem', { name: '重命名' }).click();
  await page.getByLabel('重命名领域：领域名称').fill('基本公共教育服务');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(status(page)).toContainText('已将领域“基本公共教育”改名为“基本公共教育服务”');
  expect(await shownHeadings(page, 1)).toEqual(['一、基本公共教育服务']);
  await toolbar(page).getByRole('button', { name: '撤销' }).click();
  await expect(status(page)).toContainText('已撤销将领域“基本公共教育”改名为“基本公共教育服务”');
  expect(await shownHeadings(page, 1)).toEqual(['一、基本公共教育']);
});

test('a 领域 moved down with its items; 序号 follows the new order; undone', async ({ page }) => {
  await open(page);
  await menuOf(page, '一、基本公共教育');
  await expect(page.getByRole('menuitem', { name: '上移' })).toBeDisabled();
  await page.getByRole('menuitem', { name: '下移' }).click();
  await expect(status(page)).toContainText('已将领域“基本公共教育”下移为第 2 个领域');
  expect(await shownHeadings(page, 2)).toEqual(['一、基本劳动就业创业', '二、基本公共教育']);
  // 基本劳动就业创业's ten items come first now: its first item is 第1项, education's first is 第11项.
  await expect(itemNo(page, '009')).toHaveText('1');
  await expect(itemNo(page, '001')).toHaveText('11');
  await page.locator('.grid-wrap').click({ position: { x: 5, y: 5 } });
  await undo(page, '下移领域“基本公共教育”');
  expect(await shownHeadings(page, 2)).toEqual(EIGHT.slice(0, 2));
  await expect(itemNo(page, '001')).toHaveText('1');
});

test('a 领域 with items is deleted only after confirming, with its items; undo brings all back', async ({ page }) => {
  await open(page);
  await menuOf(page, '一、基本公共教育');
  await page.getByRole('menuitem', { name: '删除领域' }).click();
  const confirm = page.getByRole('alertdialog', { name: '确认删除领域' });
  await expect(confirm).toContainText('领域“基本公共教育”还有 8 项服务项目，删除领域会一并删除它们。');
  await page.screenshot({ path: join(screens, 'structure-delete-confirm.png') });
  await confirm.getByRole('button', { name: '删除领域及其 8 项' }).click();
  await expect(status(page)).toContainText('已删除领域“基本公共教育”及其 8 项，可用“撤销”恢复');
  expect(await shownHeadings(page, 1)).toEqual(['一、基本劳动就业创业']);
  await expect(row(page, '001')).toHaveCount(0);
  await expect(itemNo(page, '009')).toHaveText('1');
  await expect(page.locator('.catalogue-title')).toContainText('73 项');
  await page.locator('.grid-wrap').click({ position: { x: 5, y: 5 } });
  await undo(page, '删除领域“基本公共教育”及其 8 项');
  expect(await shownHeadings(page, 2)).toEqual(EIGHT.slice(0, 2));
  await expect(itemNo(page, '001')).toHaveText('1');
  await expect(itemNo(page, '009')).toHaveText('9');
  await expect(page.locator('.catalogue-title')).toContainText('81 项');
});

test('a row dragged by its 序号 handle into the next 领域, 序号 renumbered, and undone', async ({ page }) => {
  await open(page);
  // Tall enough that item 10 is drawn, and measured only once the wrapped rows have their height.
  await page.setViewportSize({ width: 1440, height: 1800 });
  await settled(page);
  const handle = row(page, '003').locator('.ag-row-drag');
  await expect(handle).toBeVisible();
  const target = row(page, '010').first();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Past the drag threshold, then over the lower half of item 10 (the second item of 基本劳动就业创业).
  await page.mouse.move(from.x + 20, from.y + 30, { steps: 5 });
  await page.mouse.move(to.x + 200, to.y + to.height * 0.75, { steps: 12 });
  await expect(page.locator('.ag-row.drop-after').first()).toBeVisible();
  await page.screenshot({ path: join(screens, 'structure-drag.png') });
  await page.mouse.up();
  await expect(status(page)).toContainText('已将“寄宿生生活补助”移到“二、基本劳动就业创业”，现为第10项');
  // Items 4–10 moved up one; the dragged row is 第10项, in the second domain, after item 10.
  await expect(itemNo(page, '004')).toHaveText('3');
  await expect(itemNo(page, '010')).toHaveText('9');
  await expect(itemNo(page, '003')).toHaveText('10');
  await expect(page.locator('.domain-row[data-domain-seq="1"] .domain-count')).toHaveText('7 项');
  await undo(page, '移动第3项“寄宿生生活补助”到“二、基本劳动就业创业”');
  await expect(itemNo(page, '003')).toHaveText('3');
  await expect(itemNo(page, '010')).toHaveText('10');
});

test('移到领域… moves the selected rows to the end of a 领域 as one step', async ({ page }) => {
  await open(page);
  await row(page, '002').locator('.ag-cell[col-id="name"]').click();
  await row(page, '004').locator('.ag-cell[col-id="name"]').click({ modifiers: ['Control'] });
  await toolbar(page).getByLabel('移到领域').selectOption({ label: '三、基本社会保险' });
  await expect(status(page)).toContainText('已将2 项移到“三、基本社会保险”');
  // Domain 3 held items 19–25: the two rows are its last two now, 第24、25项.
  await expect(itemNo(page, '002')).toHaveText('24');
  await expect(itemNo(page, '004')).toHaveText('25');
  await expect(page.locator('.domain-row[data-domain-seq="3"] .domain-count')).toHaveText('9 项');
  await page.locator('.grid-wrap').click({ position: { x: 5, y: 5 } });
  await undo(page, '移动第2、4项（共 2 项）到“三、基本社会保险”');
  // As in Excel, the cursor goes to what was put back: the grid, scrolled down to 第24项, comes back up.
  await expect(row(page, '002').locator('.ag-cell-focus[col-id="name"]')).toBeVisible();
  await expect(itemNo(page, '002')).toHaveText('2');
  await expect(itemNo(page, '004')).toHaveText('4');
});

test('leaving the 条目 tab keeps every edit; Tab runs along the rows past 序号; typing on 序号 or a 重点任务 cell does what Excel would', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/${draft}`);
  const cell = (id: string, col: string) => row(page, id).locator(`.ag-cell[col-id="${col}"]`);
  const status = page.locator('[data-save-state]');
  // Saved with Enter, the tab left and come back to: the grid shows what was saved, not what it first read.
  await cell('005', 'targetGroup').click();
  await page.keyboard.insertText('切换前保存的对象');
  await page.keyboard.press('Enter');
  await expect(status).toContainText('已保存 第5项的“服务对象”');
  await page.getByRole('tab', { name: '测算' }).click();
  await expect(page.getByRole('region', { name: '测算汇总' })).toBeVisible();
  await page.getByRole('tab', { name: '条目' }).click();
  await expect(cell('005', 'targetGroup')).toHaveText('切换前保存的对象');
  // Typed, no Enter, and a tab clicked: saved by the click, as a click on another cell saves it.
  await cell('006', 'targetGroup').click();
  await page.keyboard.insertText('未按回车就切换');
  await expect(page.locator('.ag-large-text textarea')).toHaveValue('未按回车就切换');
  await page.getByRole('tab', { name: /重点任务/ }).click();
  await page.getByRole('tab', { name: '条目' }).click();
  await expect(cell('006', 'targetGroup')).toHaveText('未按回车就切换');
  await page.reload();
  await expect(cell('006', 'targetGroup')).toHaveText('未按回车就切换');

  // Tab past the last column goes on to the next item's 服务项目 (never 序号), and takes typing there.
  const no = Number(await itemNo(page, '006').innerText());
  await cell('006', 'leadDepartment').click();
  await page.keyboard.press('Tab');
  await expect(page.locator('.ag-cell-focus')).toHaveAttribute('col-id', 'name');
  const rowId = await page.locator('.ag-cell-focus').evaluate((el) => el.closest('.ag-row')!.getAttribute('row-id'));
  await expect(page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="itemNo"]`)).toHaveText(String(no + 1));
  await page.keyboard.type('x');
  await expect(page.locator('.ag-large-text textarea')).toHaveValue('x');
  await page.keyboard.press('Escape');
  // Shift+Tab from 服务项目 goes back to the item above's last column.
  await page.keyboard.press('Shift+Tab');
  await expect(cell('006', 'leadDepartment')).toHaveClass(/ag-cell-focus/u);
  // Typing on 序号 is said, not dropped without a word.
  await itemNo(page, '006').click();
  await page.keyboard.type('12');
  await expect(status).toHaveAttribute('data-save-state', 'refused');
  await expect(status).toContainText('“序号”由系统按顺序编排，不能输入');
  await expect(itemNo(page, '006')).toHaveText(String(no));

  // 重点任务: typed straight onto a picked cell, as in the 条目 grid.
  await page.getByRole('tab', { name: /重点任务/ }).click();
  const task = page.locator(`.ag-row[row-id="${draft}:task-03"] .ag-cell[col-id="responsibleUnits"]`);
  await task.click();
  await page.keyboard.insertText('直接输入的责任单位');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('第3项重点任务的“责任单位”');
  await expect(task).toHaveText('直接输入的责任单位');
  await page.keyboard.press('Control+z');
  await expect(task).not.toHaveText('直接输入的责任单位');
  // A task inserted below 第3项 is 第4项, picked, and takes typing; deleted, the ones after move up; undone, back.
  const tasksToolbar = page.getByRole('toolbar', { name: '重点任务编辑' });
  const count = Number(/（(\d+)）/u.exec(await page.getByRole('tab', { name: /重点任务/ }).innerText())![1]);
  await task.click();
  await tasksToolbar.getByRole('button', { name: '下方插入' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已插入' })).toContainText('已插入第4项重点任务');
  const added = page.locator('.ag-cell-focus[col-id="task"]');
  await expect(added).toHaveText('（新重点任务）');
  const newId = await added.evaluate((el) => el.closest('.ag-row')!.getAttribute('row-id'));
  await page.keyboard.insertText('推进基本公共服务标准化');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('第4项重点任务的“重点任务”');
  const newTask = page.locator(`.ag-row[row-id="${newId}"] .ag-cell[col-id="task"]`);
  await expect(newTask).toHaveText('推进基本公共服务标准化');
  await expect(page.locator(`.ag-row[row-id="${newId}"] .ag-cell[col-id="taskNo"]`)).toHaveText('4');
  await expect(page.getByRole('tab', { name: /重点任务/ })).toContainText(`（${count + 1}）`);
  await newTask.click();
  await tasksToolbar.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已删除' })).toContainText('已删除第4项重点任务');
  await expect(newTask).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(newTask).toHaveText('推进基本公共服务标准化');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('tab', { name: /重点任务/ })).toContainText(`（${count}）`);
});

test('the published catalogue offers no 领域 menu and no drag handle', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/hebei-13th`);
  await expect(page.locator('.ag-row[row-id="hebei-13th:001"]').first()).toBeVisible();
  await expect(page.locator('.domain-menu-button')).toHaveCount(0);
  await expect(page.locator('.ag-row-drag')).toHaveCount(0);
});

test('a 重点任务 edit is an undo step: Ctrl+Z in the 重点任务 tab puts it back; the published one cannot be edited', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/${draft}`);
  await page.getByRole('tab', { name: /重点任务/ }).click();
  const cell = page.locator(`.ag-row[row-id="${draft}:task-02"] .ag-cell[col-id="responsibleUnits"]`);
  await expect(cell).toHaveText('省教育厅牵头，其他有关部门按职责分工负责');
  await cell.dblclick();
  const editor = page.locator('.ag-large-text textarea');
  await editor.fill('省教育厅牵头，省财政厅配合');
  await editor.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('第2项重点任务的“责任单位”');
  const tasksToolbar = page.getByRole('toolbar', { name: '重点任务编辑' });
  await expect(tasksToolbar.getByRole('button', { name: '撤销' })).toHaveAttribute('title', '撤销修改第2项重点任务的“责任单位”');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toContainText('已撤销修改第2项重点任务的“责任单位”');
  await expect(cell).toHaveText('省教育厅牵头，其他有关部门按职责分工负责');
  await page.keyboard.press('Control+y');
  await expect(cell).toHaveText('省教育厅牵头，省财政厅配合');

  await page.goto(`${host.url}#/catalogue/hebei-13th`);
  await page.getByRole('tab', { name: /重点任务/ }).click();
  const published = page.locator('.ag-row[row-id="hebei-13th:task-02"] .ag-cell[col-id="responsibleUnits"]');
  await published.dblclick();
  await expect(page.locator('.ag-large-text textarea')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('已发布的清单只能查看');
});
