// Importing a finance bureau's tables from the 测算 tab: an item's drivers and a province's split rule, each
// checked first with every problem named by row and column, written only when the planner confirms.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startHost } from './host-process';
import type { RunningHost } from './host-process';

const screens = join(process.cwd(), 'test-results', 'screens');
let dir: string;
let host: RunningHost;
let draft: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-pricing-import-'));
  host = await startHost(join(dir, 'qingdan.duckdb'));
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test.describe.configure({ mode: 'serial' });

// A script's file names the columns by their fixed names, a planner's by their Chinese labels: both are read.
const DRIVERS_HEADER = 'item_no,cohort,coverage,unit_amount,unit,periods_per_year,base_year,yearly_change,split_rule';
const DRIVERS_LABELS = '序号,人群,覆盖率,补助标准,单位,每年期数,标准年份,每年增减,分担规则';

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
}

/** A cell of the item numbered `no` (序号 is pinned left, so the row is found by its id across both halves). */
async function itemCell(page: Page, no: number, col: string) {
  const pinned = page.locator(`.pricing-grid .ag-row:has(.ag-cell[col-id="itemNo"]:text-is("${no}"))`).first();
  const rowId = await pinned.getAttribute('row-id');
  return page.locator(`.pricing-grid .ag-row[row-id="${rowId}"] .ag-cell[col-id="${col}"]`);
}

async function openDraftPricing(page: Page) {
  await page.goto(`${host.url}#/catalogue/${draft}`);
  await page.getByRole('tab', { name: '测算' }).click();
  await expect(page.getByRole('region', { name: '测算汇总' })).toBeVisible();
}

test('drivers imported into a draft: a bad file is refused with its rows named, a good one prices the items', async ({ page }) => {
  await page.goto(`${host.url}#/catalogue/hebei-13th`);
  await page.getByRole('button', { name: '基于此新建草案' }).click();
  await expect(page).toHaveURL(/#\/catalogue\/draft-[0-9a-f]{8}$/u);
  draft = decodeURIComponent(new URL(page.url()).hash.replace('#/catalogue/', ''));
  await openDraftPricing(page);

  await page.getByRole('button', { name: '导入测算参数' }).click();
  const box = page.getByRole('region', { name: '导入测算参数' });
  // The help speaks Chinese only: the header as a planner writes it, and an empty table to fill in.
  await expect(box).toContainText(`第一行须为表头：${DRIVERS_LABELS.replaceAll(',', '、')}。`);
  expect(await box.innerText()).not.toMatch(/[a-z]+_[a-z]+/u);
  const [download] = await Promise.all([page.waitForEvent('download'), box.getByRole('button', { name: '下载空白模板' }).click()]);
  expect(download.suggestedFilename()).toBe('测算参数-模板.csv');
  const template = readFileSync((await download.path())!);
  expect(template.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(template.subarray(3).toString('utf8')).toBe(`${DRIVERS_LABELS}\r\n`);

  const bad = file(
    '测算参数-有误.csv',
    `${DRIVERS_LABELS}\r\n5,常住人口,1.5,89,元/人/年,,2025,,中央按档分担，省市县按比例\r\n999,常住人口,1,89,元/人/年,,2025,,中央全额承担\r\n`,
  );
  await box.getByLabel('选择导入文件').setInputFiles(bad);
  const problems = box.getByRole('list', { name: '导入问题' });
  // Named as the file names them.
  await expect(problems).toContainText('测算参数-有误.csv 第2行“覆盖率”列');
  await expect(problems).toContainText('测算参数-有误.csv 第3行“序号”列');
  await expect(box.getByRole('table', { name: '文件内容预览' }).locator('tbody tr').nth(1)).toContainText('清单中没有此序号');
  await expect(box.getByRole('button', { name: '确认导入' })).toHaveCount(0);
  await page.screenshot({ path: join(screens, 'pricing-import-drivers-problems.png') });

  // An .xlsx as Excel or WPS saves it is previewed as read, row numbers as the sheet shows them.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('测算参数');
  sheet.addRow(DRIVERS_LABELS.split(','));
  sheet.addRow([5, '常住人口', 1, 89, '元/人/年', null, 2025, 5, '中央按档分担，省市县按比例']);
  sheet.addRow([]);
  sheet.addRow([6, '常住人口', 0.5, 20, '元/人/月', 12, 2025, null, '市县负责']);
  const xlsx = join(dir, '测算参数.xlsx');
  await workbook.xlsx.writeFile(xlsx);
  await box.getByLabel('选择导入文件').setInputFiles(xlsx);
  const shown = box.getByRole('table', { name: '文件内容预览' });
  await expect(shown.locator('thead')).toContainText('补助标准');
  await expect(shown.locator('tbody tr')).toHaveCount(2);
  // The empty row 3 is skipped; row 4 keeps its number.
  await expect(shown.locator('tbody tr').nth(1).locator('td').first()).toHaveText('4');
  await expect(shown.locator('tbody tr').nth(1)).toContainText('元/人/月');
  // Each 序号 says which item it is, so a file numbered against another catalogue shows before it is written.
  await expect(shown.locator('thead')).toContainText('服务项目');
  await expect(shown.locator('tbody tr').first()).toContainText('中等职业教育国家助学金');
  await expect(box).toContainText('为 2 个服务项目写入测算参数');
  await page.screenshot({ path: join(screens, 'pricing-import-xlsx-preview.png') });

  const good = file(
    '测算参数.csv',
    `${DRIVERS_HEADER}\r\n5,常住人口,1,89,元/人/年,,2025,5,中央按档分担，省市县按比例\r\n6,常住人口,0.5,20,元/人/月,12,2025,,市县负责\r\n`,
  );
  await box.getByLabel('选择导入文件').setInputFiles(good);
  await expect(box).toContainText('为 2 个服务项目写入测算参数');
  await box.getByRole('button', { name: '确认导入' }).click();
  await expect(box.getByRole('status')).toContainText('已导入');

  await page.getByRole('button', { name: '返回测算表' }).click();
  await expect(await itemCell(page, 5, 'unitAmount')).toContainText('89');
  await expect(await itemCell(page, 6, 'unit')).toContainText('元/人/月');
  await expect(await itemCell(page, 6, 'coverage')).toContainText('0.5');
  // Both are priced now: their status is no longer 未测算.
  for (const no of [5, 6]) await expect(await itemCell(page, no, 'status')).not.toContainText('未测算');
  await page.screenshot({ path: join(screens, 'pricing-import-drivers-done.png') });

  // The import is one step of the history: 撤销 takes the whole file back.
  const undoButton = page.getByRole('group', { name: '撤销与重做' }).getByRole('button', { name: '撤销' });
  await expect(undoButton).toHaveAttribute('title', '撤销导入测算参数（测算参数.csv）');
  await undoButton.click();
  await expect(await itemCell(page, 5, 'unitAmount')).toHaveText('');
  await expect(await itemCell(page, 6, 'status')).toHaveText('未设置');
  await page.getByRole('group', { name: '撤销与重做' }).getByRole('button', { name: '重做' }).click();
  await expect(await itemCell(page, 5, 'unitAmount')).toContainText('89');
});

test('a province rule imported from the 分担规则 page, refused first when its weights leave a share unpaid', async ({ page }) => {
  await openDraftPricing(page);
  await page.getByRole('button', { name: '分担规则' }).click();
  const box = page.getByRole('region', { name: '导入分担规则' });
  const header = 'rule,class,grade,central_pct,provincial,city,county';
  await box.getByLabel('选择导入文件').setInputFiles(file('规则-有误.csv', `${header}\n某省试行规则,,,50,0,0,0\n`));
  await expect(box.getByRole('list', { name: '导入问题' })).toContainText('规则-有误.csv');
  await expect(box.getByRole('button', { name: '确认导入' })).toHaveCount(0);

  await box.getByLabel('选择导入文件').setInputFiles(file('规则.csv', `${header}\n某省试行规则,,,50,1,1,2\n某省试行规则,市辖区,,50,1,2,0\n`));
  await expect(box).toContainText('写入 1 条分担规则（某省试行规则）');
  await box.getByRole('button', { name: '确认导入' }).click();
  await expect(box.getByRole('status')).toContainText('已导入');
  await expect(page.locator('.rule-card', { hasText: '某省试行规则' })).toBeVisible();
  await page.screenshot({ path: join(screens, 'pricing-import-rule.png') });
});
