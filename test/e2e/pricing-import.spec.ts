// Importing a finance bureau's tables from the 测算 tab: an item's drivers and a province's split rule, each
// checked first with every problem named by row and column, written only when the planner confirms.
import { expect, test } from '@playwright/test';
import type { Page, Request } from '@playwright/test';
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
const DRIVERS_LABELS = '序号,服务人群,覆盖率,补助标准,单位,每年期数,标准年份,每年增减,分担规则';

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

/** 下载参数表 from the open 导入测算参数 box: the file's name and bytes. */
async function downloadDriversSheet(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const box = page.getByRole('region', { name: '导入测算参数' });
  const [download] = await Promise.all([page.waitForEvent('download'), box.getByRole('button', { name: /^下载参数表/u }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
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
  // The help speaks Chinese only: the header as a planner writes it, and the sheet to fill in.
  await expect(box).toContainText(`第一行须为表头：${DRIVERS_LABELS.replaceAll(',', '、')}。`);
  expect(await box.innerText()).not.toMatch(/[a-z]+_[a-z]+/u);
  // The sheet to fill: every item of the draft by 序号 and name, its drivers as they stand (none yet).
  const sheetFile = await downloadDriversSheet(page);
  expect(sheetFile.name).toMatch(/^测算参数_.*草案.*\.xlsx$/u);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(sheetFile.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '服务项目', ...DRIVERS_LABELS.split(',').slice(1)]);
  expect(sheet.actualRowCount).toBe(82);
  const row5 = sheet.getRow(6);
  expect([row5.getCell(1).value, row5.getCell(2).value]).toEqual([5, '中等职业教育国家助学金']);
  // 单位 and 分担规则 offer their lists in the cell.
  expect(row5.getCell(6).dataValidation?.type).toBe('list');

  const bad = file(
    '测算参数-有误.csv',
    `${DRIVERS_LABELS}\r\n5,常住人口,150,89,元/人/年,,2025,,中央按档分担，省市县按比例\r\n999,常住人口,1,89,元/人/年,,2025,,中央全额承担\r\n`,
  );
  await box.getByLabel('选择导入文件').setInputFiles(bad);
  const problems = box.getByRole('list', { name: '导入问题' });
  // Named as the file names them.
  await expect(problems).toContainText('测算参数-有误.csv 第2行“覆盖率”列');
  await expect(problems).toContainText('测算参数-有误.csv 第3行“序号”列');
  await expect(box.getByRole('table', { name: '文件内容预览' }).locator('tbody tr').nth(1)).toContainText('清单中没有此序号');
  await expect(box.getByRole('button', { name: '确认导入' })).toHaveCount(0);
  await page.screenshot({ path: join(screens, 'pricing-import-drivers-problems.png') });

  // Filled in as a planner fills it in Excel: two items' drivers typed; a third row slid onto the wrong 序号.
  row5.getCell(3).value = '常住人口';
  row5.getCell(4).value = 1;
  row5.getCell(5).value = 89;
  row5.getCell(6).value = '元/人/年';
  row5.getCell(8).value = 2025;
  row5.getCell(9).value = 5;
  row5.getCell(10).value = '中央按档分担，省市县按比例';
  const row6 = sheet.getRow(7);
  Object.entries({ 3: '常住人口', 4: 0.5, 5: 20, 6: '元/人/月', 7: 12, 8: 2025, 10: '市县负责' }).forEach(([c, v]) => (row6.getCell(Number(c)).value = v));
  const slid = sheet.getRow(8);
  const slidName = String(slid.getCell(2).value);
  slid.getCell(2).value = String(sheet.getRow(9).getCell(2).value);
  slid.getCell(5).value = 100;
  const xlsx = join(dir, '测算参数.xlsx');
  await workbook.xlsx.writeFile(xlsx);
  await box.getByLabel('选择导入文件').setInputFiles(xlsx);
  await expect(box.getByRole('list', { name: '导入问题' })).toContainText(`测算参数.xlsx 第8行“服务项目”列：第7项在`);
  await expect(box.getByRole('list', { name: '导入问题' })).toContainText(`是“${slidName}”`);
  await expect(box.getByRole('button', { name: '确认导入' })).toHaveCount(0);
  slid.getCell(2).value = slidName;
  slid.getCell(5).value = null;
  await workbook.xlsx.writeFile(xlsx);
  // Chosen again as it is, corrected: the picker lets go of a file once read, so the same name is read again.
  await expect(box.getByLabel('选择导入文件')).toHaveValue('');
  await box.getByLabel('选择导入文件').setInputFiles(xlsx);
  const shown = box.getByRole('table', { name: '文件内容预览' });
  await expect(shown.locator('thead')).toContainText('补助标准');
  // Of its 81 rows, the two that change, each with the row number the sheet shows and the item its 序号 names.
  await expect(box).toContainText('只列出将改动的 2 行（文件共 81 行）');
  await expect(shown.locator('tbody tr')).toHaveCount(2);
  await expect(shown.locator('tbody tr').first().locator('td').first()).toHaveText('6');
  await expect(shown.locator('tbody tr').nth(1)).toContainText('元/人/月');
  // The catalogue's 服务项目 (by the 序号) and the file's own, each headed as whose it is.
  await expect(shown.locator('thead th')).toContainText(['清单中的服务项目', '文件中的服务项目']);
  await expect(shown.locator('tbody tr').first()).toContainText('中等职业教育国家助学金');
  // Only the two rows filled in are written; the other 79 are as they stand.
  await expect(box).toContainText('为 2 个服务项目写入测算参数（其余 79 项与现有的相同，不改动）');
  await page.screenshot({ path: join(screens, 'pricing-import-xlsx-preview.png') });

  const good = file(
    '测算参数.csv',
    `${DRIVERS_HEADER}\r\n5,常住人口,1,89,元/人/年,,2025,5,中央按档分担，省市县按比例\r\n6,常住人口,0.5,20,元/人/月,12,2025,,市县负责\r\n`,
  );
  await box.getByLabel('选择导入文件').setInputFiles(good);
  await expect(box).toContainText('为 2 个服务项目写入测算参数');
  // Written, the figures are read once: its change event and its reply ask for the same change.
  const reads: string[] = [];
  const countRead = (request: Request) => void (request.url().endsWith('/api/pricing.items') && reads.push(request.postData() ?? ''));
  page.on('request', countRead);
  await box.getByRole('button', { name: '确认导入' }).click();
  await expect(box.getByRole('status')).toContainText('已导入');
  // The view's own status line says so too, not the edit before it (撤销 now takes back the import).
  await expect(page.locator('[data-save-state]')).toContainText('已导入测算参数：为 2 个服务项目写入测算参数');
  await page.waitForTimeout(1000);
  page.off('request', countRead);
  expect(reads).toHaveLength(1);

  await page.getByRole('button', { name: '返回测算表' }).click();
  await expect(await itemCell(page, 5, 'unitAmount')).toContainText('89');
  await expect(await itemCell(page, 6, 'unit')).toContainText('元/人/月');
  await expect(await itemCell(page, 6, 'coverage')).toContainText('50%');
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

  // Downloaded again, the sheet holds what was imported; imported unchanged, it changes nothing and asks nothing.
  await page.getByRole('button', { name: '导入测算参数' }).click();
  const again = await downloadDriversSheet(page);
  const round = join(dir, '测算参数-原样.xlsx');
  writeFileSync(round, again.bytes);
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(again.bytes as unknown as ArrayBuffer);
  expect((reread.worksheets[0]!.getRow(6).values as unknown[]).slice(1)).toEqual([5, '中等职业教育国家助学金', '常住人口', 1, 89, '元/人/年', undefined, 2025, 5, '中央按档分担，省市县按比例']);
  await box.getByLabel('选择导入文件').setInputFiles(round);
  await expect(box).toContainText('检查无误，不改变任何测算参数（文件中的参数与现有的相同），无需导入。');
  await expect(box.getByRole('button', { name: '确认导入' })).toHaveCount(0);
});

test('a province rule imported from the 分担规则 page, refused first when its weights leave a share unpaid', async ({ page }) => {
  await openDraftPricing(page);
  await page.getByRole('button', { name: '分担规则' }).click();
  // A 河北 draft: 河北's rules and the shared ones are shown; 河南's, which its items cannot use, are folded away.
  await expect(page.locator('.rule-card', { hasText: '河北·义务教育公用经费' })).toBeVisible();
  await expect(page.locator('.rule-card', { hasText: '中央全额承担' })).toBeVisible();
  const others = page.locator('.rules-others');
  await expect(others.locator('summary')).toContainText('其他省份的规则（');
  await expect(page.locator('.rule-card', { hasText: '河南·按财力分档' })).toBeHidden();
  await others.locator('summary').click();
  await expect(page.locator('.rule-card', { hasText: '河南·按财力分档' })).toBeVisible();
  const box = page.getByRole('region', { name: '导入分担规则' });
  const header = 'rule,class,grade,central_pct,provincial,city,county';
  await box.getByLabel('选择导入文件').setInputFiles(file('规则-有误.csv', `${header}\n某省试行规则,,,50,0,0,0\n`));
  await expect(box.getByRole('list', { name: '导入问题' })).toContainText('规则-有误.csv');
  await expect(box.getByRole('button', { name: '确认导入' })).toHaveCount(0);

  await box.getByLabel('选择导入文件').setInputFiles(file('规则.csv', `${header}\n某省试行规则,,,50,1,1,2\n某省试行规则,市辖区,,50,1,2,0\n`));
  await expect(box).toContainText('写入 1 条分担规则：新建 1 条（某省试行规则）');
  await box.getByRole('button', { name: '确认导入' }).click();
  await expect(box.getByRole('status')).toContainText('已导入');
  await expect(page.locator('.rule-card', { hasText: '某省试行规则' })).toBeVisible();
  await page.screenshot({ path: join(screens, 'pricing-import-rule.png') });
});
