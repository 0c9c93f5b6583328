import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startHost } from './host-process';
import type { RunningHost } from './host-process';

const screens = join(process.cwd(), 'test-results', 'screens');
let dir: string;
let host: RunningHost;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-'));
  // A database that does not exist yet: the host builds it from the seeds on first start.
  host = await startHost(join(dir, 'qingdan.duckdb'));
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});


test.describe.configure({ mode: 'serial' });

/** The seeded catalogues are published, so read-only in the grid: edits are tried on a draft of Hebei's. */
let draftId: string | null = null;
async function hebeiDraft(): Promise<string> {
  if (draftId) return draftId;
  const url = new URL(host.url);
  const res = await fetch(`${url.origin}/api/catalogues.createDraft`, {
    method: 'POST',
    headers: { 'x-qingdan-token': url.searchParams.get('token')!, 'content-type': 'application/json' },
    body: JSON.stringify({ sourceId: 'hebei-13th', name: '河北省“十五五”基本公共服务清单（草案）' }),
  });
  const body = (await res.json()) as { ok: boolean; data: { id: string } };
  expect(body.ok).toBe(true);
  draftId = body.data.id;
  return draftId;
}

test('the home view lists the catalogues in Chinese', async ({ page }) => {
  await page.goto(host.url);
  const table = page.getByRole('table', { name: '清单列表' });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.locator('thead')).toContainText('清单名称');
  await expect(table.locator('thead')).toContainText('服务项目数');
  const hebei = table.locator('tr[data-catalogue-id="hebei-13th"]');
  await expect(hebei).toContainText('河北省');
  await expect(hebei).toContainText('十三五');
  await expect(hebei).toContainText('81');
  await expect(hebei).toContainText('已发布');
  await expect(table.locator('tr[data-catalogue-id="gansu-13th"]')).toContainText('文件称 80 项');
  await page.screenshot({ path: join(screens, 'home.png'), fullPage: true });
});

test('a catalogue opens in the grid, grouped under its domains with the six official columns', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: '河北省“十三五”基本公共服务清单' }).click();
  await expect(page.locator('.ag-header-cell-text')).toHaveText(['序号', '服务项目', '服务对象', '服务指导标准', '支出责任', '牵头负责部门']);
  await expect(page.locator('.domain-row').first()).toContainText('一、基本公共教育');
  await expect(page.locator('.domain-row').first()).toContainText('8 项');
  const standard = page.locator('.ag-row[row-id="hebei-13th:001"] .ag-cell[col-id="standard"]');
  await expect(standard).toContainText('年生均公用经费标准');
  // Long texts wrap: item 6’s long standard makes its row far taller than item 3’s two-line row.
  const short = await page.locator('.ag-row[row-id="hebei-13th:003"] .ag-cell[col-id="standard"]').boundingBox();
  const long = await page.locator('.ag-row[row-id="hebei-13th:006"] .ag-cell[col-id="standard"]').boundingBox();
  expect(long!.height).toBeGreaterThan(short!.height * 1.8);
  await page.screenshot({ path: join(screens, 'grid.png') });
});

test('an edit is saved to the database and survives a restart of the app', async ({ page }) => {
  const d = await hebeiDraft();
  await page.goto(`${host.url}#/catalogue/${d}`);
  const target = page.locator(`.ag-row[row-id="${d}:003"] .ag-cell[col-id="targetGroup"]`);
  await expect(target).toHaveText('城乡义务教育家庭经济困难寄宿学生');
  await target.dblclick();
  const editor = page.locator('.ag-large-text textarea');
  await expect(editor).toBeVisible();
  await editor.fill('城乡义务教育家庭经济困难寄宿学生（含进城务工人员随迁子女）');
  await editor.press('Enter');
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
  await expect(page.locator('[data-save-state]')).toContainText('已保存 第3项的“服务对象”');
  await expect(target).toHaveText('城乡义务教育家庭经济困难寄宿学生（含进城务工人员随迁子女）');
  await page.screenshot({ path: join(screens, 'edited.png') });

  await host.stop();
  host = await startHost(join(dir, 'qingdan.duckdb'));
  await page.goto(`${host.url}#/catalogue/${d}`);
  await expect(page.locator(`.ag-row[row-id="${d}:003"] .ag-cell[col-id="targetGroup"]`)).toHaveText(
    '城乡义务教育家庭经济困难寄宿学生（含进城务工人员随迁子女）',
  );
});

test('an edit the database refuses is shown as refused, never as saved', async ({ page }) => {
  const d = await hebeiDraft();
  await page.goto(`${host.url}#/catalogue/${d}`);
  const name = page.locator(`.ag-row[row-id="${d}:002"] .ag-cell[col-id="name"]`);
  await name.dblclick();
  const editor = page.locator('.ag-large-text textarea');
  await editor.fill('');
  await editor.press('Enter');
  const status = page.locator('[data-save-state]');
  await expect(status).toHaveAttribute('data-save-state', 'refused');
  await expect(status).toHaveText('未保存：第2项“农村义务教育学生营养改善”的“服务项目”不能为空（只有空格或看不见的字符也算空），本次修改没有保存。');
  await expect(name).toHaveText('农村义务教育学生营养改善');
  // Back in the cell's editor, as typed (Excel's 重试); Esc leaves the cell as it was.
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(name).toHaveText('农村义务教育学生营养改善');
  await page.screenshot({ path: join(screens, 'refused.png') });
});

test('a 服务项目 of only a zero-width space is refused as empty', async ({ page }) => {
  const d = await hebeiDraft();
  await page.goto(`${host.url}#/catalogue/${d}`);
  const name = page.locator(`.ag-row[row-id="${d}:004"] .ag-cell[col-id="name"]`);
  const before = await name.textContent();
  await name.dblclick();
  await page.locator('.ag-large-text textarea').fill('\u200B');
  await page.locator('.ag-large-text textarea').press('Enter');
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'refused');
  await expect(page.locator('[data-save-state]')).toContainText('不能为空');
  await expect(name).toHaveText(before!);
});

test('after a conflict the grid shows what the database holds, and the next edit saves', async ({ page }) => {
  const d = await hebeiDraft();
  await page.goto(`${host.url}#/catalogue/${d}`);
  const cell = page.locator(`.ag-row[row-id="${d}:005"] .ag-cell[col-id="leadDepartment"]`);
  const shown = (await cell.textContent())!;
  // Another window changes the cell after this grid read it.
  const url = new URL(host.url);
  const res = await fetch(`${url.origin}/api/items.update`, {
    method: 'POST',
    headers: { 'x-qingdan-token': url.searchParams.get('token')!, 'content-type': 'application/json' },
    body: JSON.stringify({ itemId: `${d}:005`, field: 'leadDepartment', value: '另一个窗口改的', expected: shown }),
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  await expect(cell).toHaveText(shown);
  await cell.dblclick();
  await page.locator('.ag-large-text textarea').fill('这个窗口改的');
  await page.locator('.ag-large-text textarea').press('Enter');
  const status = page.locator('[data-save-state]');
  await expect(status).toHaveAttribute('data-save-state', 'refused');
  await expect(status).toContainText('已被改动');
  // Recovered: the grid now shows the other window's value, and an edit from it is saved.
  await expect(cell).toHaveText('另一个窗口改的');
  await cell.dblclick();
  await page.locator('.ag-large-text textarea').fill('这个窗口改的');
  await page.locator('.ag-large-text textarea').press('Enter');
  await expect(status).toHaveAttribute('data-save-state', 'saved');
  await expect(cell).toHaveText('这个窗口改的');
});

test('the page reloads without the token in its address, and a browser without the cookie is refused', async ({ page, browser }) => {
  await page.goto(host.url);
  const origin = new URL(host.url).origin;
  // The address bar has dropped the token; a reload works from the session cookie.
  await page.goto(`${origin}/#/catalogue/hebei-13th`);
  await expect(page.locator('.ag-row[row-id="hebei-13th:001"]')).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toEqual([`qingdan_session_${new URL(host.url).port}`]);
  expect(cookies[0]!.value).not.toBe(new URL(host.url).searchParams.get('token'));
  const stranger = await browser.newPage();
  const response = await stranger.goto(`${origin}/`);
  expect(response?.status()).toBe(403);
  await expect(stranger.locator('body')).toContainText('需要访问令牌');
  await stranger.close();
});

test('导出附件 downloads the whole annex set as one .xlsx, a sheet each', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/${await hebeiDraft()}`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出附件' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('全部附件_河北省“十五五”基本公共服务清单（草案）.xlsx');
  const file = join(dir, 'download.xlsx');
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: '已导出' })).toContainText('全部附件_河北省');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  expect(book.worksheets.map((ws) => ws.name)).toEqual(['附件1 清单', '附件2 重点任务分工']);
  const sheet = book.worksheets[0]!;
  // The annex writer breaks Chinese lines itself (line feeds where a printed line ends): read without them.
  const texts = sheet.getSheetValues().flat().filter((v) => typeof v === 'string').map((v) => v.replaceAll('\n', ''));
  expect(texts).toContain('河北省“十五五”基本公共服务清单（草案）');
  // The edit made above (in the draft) is in the export.
  expect(texts).toContain('城乡义务教育家庭经济困难寄宿学生（含进城务工人员随迁子女）');
  expect(sheet.pageSetup.orientation).toBe('landscape');
});

test('a catalogue without items says so and offers only its tasks for export', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/gansu-13th`);
  await expect(page.locator('.domain-row')).toHaveCount(8);
  await expect(page.getByText('这份清单还没有服务项目，因此也不能导出清单附件。')).toBeVisible();
  await expect(page.getByText('附件1清单正文缺失；规划正文称八个领域80个项目')).toBeVisible();
  // 甘肃's annex 2 survived: its tasks can be seen and exported.
  await expect(page.getByRole('option', { name: '附件1 清单' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导出附件' })).toBeEnabled();
});

test('the 重点任务 tab shows annex 2 and saves an edit through the write path', async ({ page }) => {
  const d = await hebeiDraft();
  await page.goto(`${host.url}#/catalogue/${d}`);
  await page.getByRole('tab', { name: /重点任务/ }).click();
  const cell = page.locator(`.ag-row[row-id="${d}:task-02"] .ag-cell[col-id="responsibleUnits"]`);
  await expect(cell).toHaveText('省教育厅牵头，其他有关部门按职责分工负责');
  await cell.dblclick();
  const editor = page.locator('.ag-large-text textarea');
  await editor.fill('省教育厅牵头，省财政厅等有关部门按职责分工负责');
  await editor.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('第2项重点任务的“责任单位”');
  await page.reload();
  await page.getByRole('tab', { name: /重点任务/ }).click();
  await expect(cell).toHaveText('省教育厅牵头，省财政厅等有关部门按职责分工负责');
});

test('the reference data shows every row’s source and status', async ({ page }) => {
  await page.goto(`${host.url}#/reference`);
  await expect(page.getByRole('table', { name: '财政分档' }).locator('tbody tr')).toHaveCount(31);
  const population = page.getByRole('table', { name: '人口' });
  await expect(population.locator('tbody tr', { hasText: '秦皇岛市' })).toContainText('待核实');
  await expect(population.locator('tbody tr', { hasText: '秦皇岛市' })).toContainText('未找到公报原文');
  await expect(page.getByRole('table', { name: '十四五指标' }).locator('tbody tr')).toHaveCount(22);
  await expect(page.getByRole('list', { name: '专栏1注释' }).locator('li')).toHaveCount(6);
  await page.screenshot({ path: join(screens, 'reference.png') });
});

test('规划指标: a new plan’s table from 十四五 专栏1, baseline 2025 and target 2030, edited and kept', async ({ page }) => {
  await page.goto(`${host.url}#/indicators`);
  await expect(page.getByRole('tab', { name: /“十四五”社会发展与公共服务主要指标/ })).toBeVisible();
  await expect(page.locator('.ag-row')).toHaveCount(22);
  await page.getByRole('button', { name: /以“十四五”指标表为底新建（基期2025年，目标2030年）/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '已新建' })).toContainText('“十五五”社会发展与公共服务主要指标');
  await expect(page.locator('.ag-header-cell', { hasText: '2030年' })).toBeVisible();
  const target = page.locator('.ag-row[row-id="1"] .ag-cell[col-id="target"]');
  await target.dblclick();
  const editor = page.locator('.ag-large-text textarea');
  await editor.fill('6');
  await editor.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('第1行');
  await page.reload();
  await page.getByRole('tab', { name: /“十五五”/ }).click();
  await expect(page.locator('.ag-row[row-id="1"] .ag-cell[col-id="target"]')).toHaveText('6');
  // Ctrl+End and Ctrl+Home as in Excel: the last row's last cell, the first row's first.
  await page.locator('.ag-row[row-id="1"] .ag-cell[col-id="name"]').click();
  await page.keyboard.press('Control+End');
  const rows = await page.locator('.ag-row').count();
  await expect(page.locator('.ag-cell-focus')).toHaveAttribute('col-id', 'attribute');
  await expect(page.locator('.ag-row:has(.ag-cell-focus)')).toHaveAttribute('row-index', String(rows - 1));
  await page.keyboard.press('Control+Home');
  await expect(page.locator('.ag-row[row-index="0"] .ag-cell[col-id="category"]')).toHaveClass(/ag-cell-focus/u);
});

test('an address changed by hand to another tab of the open catalogue opens that tab', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/hebei-13th`);
  const tab = (name: string) => page.getByRole('tablist', { name: '清单视图' }).getByRole('tab', { name });
  await expect(tab('条目')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: '版本' }).click();
  // A tab switches just after its click (CatalogueTabs): the address is changed once it has, as a planner would.
  await expect(tab('版本')).toHaveAttribute('aria-selected', 'true');
  await page.evaluate(() => (window.location.hash = '#/catalogue/hebei-13th/pricing'));
  await expect(tab('测算')).toHaveAttribute('aria-selected', 'true');
  await page.evaluate(() => (window.location.hash = '#/catalogue/hebei-13th'));
  await expect(tab('条目')).toHaveAttribute('aria-selected', 'true');
});
