// Named versions, the history panel and the comparison, as a planner meets them in Debian's Chromium
// against the real browser host: a version saved, the draft edited, the version opened unchanged and
// read-only; a cell's history with 恢复; a comparison with its 对照表 downloaded and read back.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startHost } from './host-process';
import type { RunningHost } from './host-process';
import { settled } from './grid-support';

const screens = join(process.cwd(), 'test-results', 'screens');
let dir: string;
let host: RunningHost;
let draft = '';
let versionId = '';
let original = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-versions-'));
  host = await startHost(join(dir, 'qingdan.duckdb'));
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});
test.describe.configure({ mode: 'serial' });

const cell = (page: Page, id: string, col: string) => page.locator(`.ag-row[row-id="${id}"] .ag-cell[col-id="${col}"]`);
const status = (page: Page) => page.locator('[data-save-state]');
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: '清单视图' }).getByRole('tab', { name });

/** Edits a text cell as a planner does: F2, select all, type, Enter. */
async function edit(page: Page, id: string, col: string, value: string) {
  await cell(page, id, col).click();
  await page.keyboard.press('F2');
  const editor = page.locator('.ag-large-text textarea');
  await editor.fill(value);
  await editor.press('Enter');
  await expect(cell(page, id, col)).toHaveText(value);
}

test('a version is saved, the draft edited, and the version opens unchanged and read-only', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/hebei-13th`);
  await page.getByRole('button', { name: '基于此新建草案' }).click();
  await expect(page).toHaveURL(/#\/catalogue\/draft-[0-9a-f]{8}$/u);
  draft = decodeURIComponent(new URL(page.url()).hash.replace('#/catalogue/', ''));
  const target = `${draft}:003`;
  await expect(cell(page, target, 'targetGroup')).toBeVisible();
  original = await cell(page, target, 'targetGroup').innerText();

  await tab(page, '版本').click();
  const form = page.getByRole('form', { name: '保存版本' });
  await expect(form.getByLabel('版本名称')).toHaveValue(/^草稿 \d{4}-\d{2}-\d{2}$/u);
  await form.getByLabel('版本名称').fill('征求意见稿 2026-03-01');
  await form.getByRole('button', { name: '保存版本' }).click();
  await expect(page.getByRole('status')).toContainText('已保存版本“征求意见稿 2026-03-01”（81 项）');
  const list = page.getByRole('table', { name: '版本列表' });
  await expect(list.locator('tbody tr')).toHaveCount(1);
  versionId = (await list.locator('tbody tr').first().getAttribute('data-version-id'))!;
  expect(versionId).toBe(`${draft}@1`);
  await page.screenshot({ path: join(screens, 'versions-list.png') });

  await tab(page, '条目').click();
  await edit(page, target, 'targetGroup', '第一次修改');
  await expect(status(page)).toContainText('已保存');
  await edit(page, target, 'targetGroup', '第二次修改');

  await page.goto(`${host.url}#/catalogue/${encodeURIComponent(versionId)}`);
  await expect(page.locator('.version-badge')).toHaveText('版本：征求意见稿 2026-03-01 只读');
  await expect(cell(page, target, 'targetGroup')).toHaveText(original);
  await expect(page.getByRole('toolbar', { name: '条目编辑' })).toHaveCount(0);
  // Read-only: typing on a cell opens no editor and changes nothing.
  await cell(page, target, 'targetGroup').click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('x');
  await expect(page.locator('.ag-large-text textarea')).toHaveCount(0);
  await expect(cell(page, target, 'targetGroup')).toHaveText(original);
  await settled(page);
  await page.screenshot({ path: join(screens, 'versions-readonly.png') });

  // Its annex, as saved.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出此版本的附件' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toContain('征求意见稿 2026-03-01');
  const file = join(dir, 'version.xlsx');
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  // The annex writer breaks Chinese lines itself (line feeds where a printed line ends): read without them.
  const texts = book.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'string').map((v) => v.replaceAll('\n', ''));
  expect(texts).toContain(original);
  expect(texts).not.toContain('第二次修改');

  await page.locator('.version-note').getByRole('link', { name: '返回当前清单' }).click();
  await expect(cell(page, target, 'targetGroup')).toHaveText('第二次修改');
});

test('the history panel lists a cell’s changes newest first; 恢复 brings an old value back as a new, undoable change', async ({ page }) => {
  const target = `${draft}:003`;
  await page.goto(`${host.url}#/catalogue/${draft}`);
  await page.getByRole('button', { name: '修改历史' }).click();
  const panel = page.getByRole('complementary', { name: '修改历史' });
  await expect(panel).toContainText('在表格中点选一个单元格');
  await cell(page, target, 'targetGroup').click();
  await expect(panel.locator('.history-target')).toContainText('“服务对象”一栏');
  const entries = panel.locator('.history-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('修改前第一次修改');
  await expect(entries.nth(0)).toContainText('修改后第二次修改');
  await expect(entries.nth(1)).toContainText(`修改前${original}`);
  await settled(page);
  await page.screenshot({ path: join(screens, 'versions-history.png') });

  await entries.nth(1).getByRole('button', { name: '恢复' }).click();
  await expect(panel.getByRole('status')).toContainText('已将第3项的“服务对象”恢复为');
  await expect(cell(page, target, 'targetGroup')).toHaveText(original);
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('修改前第二次修改');
  const undo = page.getByRole('toolbar', { name: '条目编辑' }).getByRole('button', { name: '撤销' });
  await expect(undo).toHaveAttribute('title', '撤销修改第3项的“服务对象”');

  // The whole item: its structure too.
  await page.getByRole('tablist', { name: '历史范围' }).getByRole('tab', { name: '本项' }).click();
  await expect(panel.locator('.history-entry').last()).toContainText('新建草案时从“河北省“十三五”基本公共服务清单”的第3项“寄宿生生活补助”复制');

  // Undo takes the restore back, and the panel follows.
  await undo.click();
  await expect(cell(page, target, 'targetGroup')).toHaveText('第二次修改');
  await page.getByRole('tablist', { name: '历史范围' }).getByRole('tab', { name: '本格' }).click();
  await expect(entries.nth(0)).toContainText('已撤销');
  await page.screenshot({ path: join(screens, 'versions-history-undone.png') });
});

test('a comparison of the draft with its source, and its 对照表 downloaded', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/${draft}`);
  await tab(page, '对照').click();
  const sides = page.getByRole('form', { name: '选择对照的两方' });
  await expect(sides.getByLabel('原文')).toHaveValue('hebei-13th');
  await expect(sides.getByLabel('修改后')).toHaveValue(draft);
  await sides.getByRole('button', { name: '对照', exact: true }).click();
  await expect(page.locator('.compare-counts')).toContainText('新增 0 项，删除 0 项，修改 1 项');
  await expect(page.locator('.compare-counts')).toContainText('按来源项对应 81 项');
  const changed = page.locator('tr[data-kind="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText('修改了服务对象');
  await expect(changed.locator('ins')).toHaveText(['第二次修改']);
  await expect(changed.locator('del').first()).toContainText(original.slice(0, 4));
  await page.screenshot({ path: join(screens, 'versions-compare.png') });
  // No English on the view (the file name of an export, said later, is the only Latin it shows).
  const words = await page.locator('.compare-view').innerText();
  expect(words.match(/.{0,20}[A-Za-z]{2,}.{0,20}/gu)).toBeNull();

  // The saved version against the live draft, from the 版本 tab.
  await tab(page, '版本').click();
  await page.locator(`tr[data-version-id="${versionId}"]`).getByRole('button', { name: '与当前清单对照' }).click();
  await expect(sides.getByLabel('原文')).toHaveValue(versionId);
  await expect(page.locator('.compare-counts')).toContainText('修改 1 项');

  const downloading = page.waitForEvent('download');
  await sides.getByRole('button', { name: '导出对照表' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^对照表_.*\.xlsx$/u);
  const file = join(dir, 'compare.xlsx');
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('对照表')!;
  expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['序号', '服务项目', '原文', '修改后', '说明']);
  // The writer breaks Chinese lines itself (line feeds where a printed line ends): read without them.
  const text = (address: string) => sheet.getCell(address).text.replaceAll('\n', '');
  expect(text('E7')).toBe('修改了服务对象');
  expect(text('D7')).toContain('第二次修改');
  expect(text('C7')).toContain(original);

  // Two unrelated catalogues: their items paired by name.
  await sides.getByLabel('原文').selectOption('hebei-13th');
  await sides.getByLabel('修改后').selectOption('henan-13th');
  await sides.getByRole('button', { name: '对照', exact: true }).click();
  await expect(page.locator('.compare-counts')).toContainText('按来源项对应 0 项');
  await expect(page.locator('.compare-counts')).toContainText(/按名称对应 [1-9]\d* 项/u);
  await expect(page.locator('tr[data-kind="added"]').first()).toBeVisible();
  await page.screenshot({ path: join(screens, 'versions-compare-henan.png') });
});

test('a version is deleted only on a second click, asked in the page (no system dialog)', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a system dialog appeared: ${dialog.message()}`);
  });
  await page.goto(`${host.url}#/catalogue/${draft}`);
  await tab(page, '版本').click();
  const form = page.getByRole('form', { name: '保存版本' });
  await form.getByLabel('版本名称').fill('临时版本');
  await form.getByRole('button', { name: '保存版本' }).click();
  const list = page.getByRole('table', { name: '版本列表' });
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await list.getByRole('button', { name: '删除版本“临时版本”' }).click();
  const ask = list.getByRole('group', { name: '删除版本“临时版本”' });
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await list.getByRole('button', { name: '删除版本“临时版本”' }).click();
  await ask.getByRole('button', { name: /^确认删除/u }).click();
  await expect(page.getByRole('status')).toContainText('已删除版本“临时版本”');
  await expect(list.locator('tbody tr')).toHaveCount(1);
});
