// 导入清单 as a planner does it: a WPS-style annex picked on the home page, its preview with the problem the
// file has (row and column named), a name given, confirmed; the new draft opens with the file's items, and
// Ctrl+Z in it removes the whole import. A file that is not a catalogue is refused in Chinese. Driven in
// Debian's Chromium against the real browser host.
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './host-process';
import type { RunningHost } from './host-process';

const fixtures = join(process.cwd(), 'test/fixtures');
const screens = join(process.cwd(), 'test-results', 'screens');
let dir: string;
let host: RunningHost;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-import-'));
  host = await startHost(join(dir, 'qingdan.duckdb'));
  mkdirSync(screens, { recursive: true });
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const NAME = '某省基本公共服务标准（导入）';

test('an annex in the WPS layout: preview with its problem, confirm, the draft opens, Ctrl+Z removes it', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: '导入清单' }).click();
  const box = page.getByRole('region', { name: '导入清单' });
  await box.getByLabel('选择清单文件').setInputFiles(join(fixtures, 'catalogue-import/wps-annex.xlsx'));

  const preview = box.getByLabel('导入预览');
  await expect(preview).toContainText('“wps-annex.xlsx”：Excel 工作簿（.xlsx），工作表“Sheet1”，表头在第 4 行；共 2 个领域、5 项。 另保留的列：服务内容、备注。');
  const problems = preview.getByRole('table', { name: '导入问题' });
  await expect(problems.locator('tbody tr')).toHaveCount(1);
  await expect(problems.locator('tbody tr').first()).toContainText('提示16第16行“义务教育免费提供教科书”：服务对象为空，导入后可在表格中补上。');
  const items = preview.getByRole('table', { name: '将导入的服务项目' });
  await expect(items.locator('tr.import-domain')).toHaveText(['幼有所育', '学有所教']);
  await expect(items.locator('tbody tr:not(.import-domain) td:nth-child(2)')).toHaveText([
    '农村妇女孕前和孕早期增补叶酸', '孕产妇健康服务', '预防接种', '学前教育幼儿资助', '义务教育免费提供教科书',
  ]);
  await expect(preview.getByLabel('文件中的注释')).toContainText('注：本标准所列服务项目的支出责任按有关规定执行');
  await expect(preview.getByLabel('名称')).toHaveValue('某省基本公共服务标准（2026年版）');
  await page.screenshot({ path: join(screens, 'import-preview.png'), fullPage: true });

  await preview.getByLabel('名称').fill(NAME);
  await preview.getByLabel('行政区').fill('某省');
  await preview.getByRole('button', { name: '确认导入' }).click();

  await expect(page).toHaveURL(/#\/catalogue\/draft-[0-9a-f]{8}$/u);
  const id = decodeURIComponent(page.url().split('/').at(-1)!);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NAME);
  const names = page.locator('.ag-row .ag-cell[col-id="name"]');
  await expect(names).toHaveText(['农村妇女孕前和孕早期增补叶酸', '孕产妇健康服务', '预防接种', '学前教育幼儿资助', '义务教育免费提供教科书'], { timeout: 20_000 });
  await expect(page.locator(`.ag-row[row-id="${id}:003"] .ag-cell[col-id="standard"]`)).toHaveText('接种率以乡镇为单位保持在90%以上');
  const undo = page.getByRole('toolbar', { name: '条目编辑' }).getByRole('button', { name: '撤销' });
  await expect(undo).toHaveAttribute('title', `撤销导入清单“${NAME}”（5 项）`);
  await page.screenshot({ path: join(screens, 'import-opened.png'), fullPage: true });

  await page.locator('.ag-row .ag-cell[col-id="itemNo"]').first().click();
  await page.keyboard.press('Control+z');
  await expect(page).toHaveURL(/#\/$/u);
  const list = page.getByRole('table', { name: '清单列表' });
  await expect(list).toContainText('河北省“十三五”基本公共服务清单');
  await expect(list).not.toContainText(NAME);
  await expect(page.locator(`tr[data-catalogue-id="${id}"]`)).toHaveCount(0);
});

test('a PDF renamed .xlsx is refused in one Chinese sentence and nothing is added', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('table[aria-label="清单列表"] tbody tr').first()).toBeVisible();
  const before = await page.locator('table[aria-label="清单列表"] tbody tr').count();
  await page.getByRole('button', { name: '导入清单' }).click();
  const box = page.getByRole('region', { name: '导入清单' });
  await box.getByLabel('选择清单文件').setInputFiles(join(fixtures, 'malformed/catalogue-import/pdf-renamed.xlsx'));
  await expect(box.getByRole('alert')).toHaveText(
    '“pdf-renamed.xlsx”其实是 PDF 文件，不是 .xlsx 工作簿（只是改了扩展名）；请用 Excel 或 WPS 打开原表格另存为 .xlsx 后再导入，没有导入任何内容。',
  );
  await box.getByLabel('选择清单文件').setInputFiles(join(fixtures, 'malformed/catalogue-import/duplicate-item.xlsx'));
  const problems = box.getByRole('table', { name: '导入问题' });
  await expect(problems).toContainText('第5行B列“服务项目”：服务项目“最低生活保障”在领域“基本社会服务”中与第3行重名');
  await expect(box.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await page.screenshot({ path: join(screens, 'import-refused.png'), fullPage: true });
  await page.reload();
  await expect(page.locator('table[aria-label="清单列表"] tbody tr')).toHaveCount(before);
});
