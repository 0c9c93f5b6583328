// The 条目 grid's clipboard as Excel and WPS use it, in Debian's Chromium against the real browser host:
// a range picked with the mouse and the keyboard, Ctrl+C to the real clipboard (text and HTML), a block
// pasted from an Excel payload (quoted multi-line cells, CRLF) that adds rows, one undo step that survives
// a restart of the host, refusals that change nothing, and typing through a Chinese input method.
import { expect, test } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTsv } from '../../shared/domain/clipboard-text';
import type { CatalogueItem } from '../../shared/domain/catalogue';
import { startHost } from './host-process';
import type { RunningHost } from './host-process';
import { catalogue, cellOf, history, newHebeiDraft, settled, status } from './grid-support';

const screens = join(process.cwd(), 'test-results', 'screens');
let dir: string;
let dbPath: string;
let host: RunningHost;
let draft = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-clipboard-'));
  dbPath = join(dir, 'qingdan.duckdb');
  host = await startHost(dbPath);
  draft = await newHebeiDraft(host, '剪贴板测试草案');
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});
test.describe.configure({ mode: 'serial' });

const cell = (page: Page, tail: string, col: string) => cellOf(page, `${draft}:${tail}`, col);

async function open(page: Page, context: BrowserContext) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  await page.goto(`${host.url}#/catalogue/${draft}`);
  await expect(cell(page, '001', 'name')).toBeVisible();
}

/** A paste as Excel or WPS hands it to the page: a real ClipboardEvent with both formats. */
async function pasteEvent(page: Page, text: string | null, html: string | null) {
  await page.evaluate(
    ([t, h]) => {
      const data = new DataTransfer();
      if (t !== null) data.setData('text/plain', t);
      if (h !== null) data.setData('text/html', h);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [text, html] as const,
  );
}

/** What a planner sees of the items (not when each was last written). */
const content = (items: CatalogueItem[]) => items.map(({ updatedAt: _, ...rest }) => rest);
const contents = async () => content((await catalogue(host, draft)).items);

const shownCells = (page: Page) => page.locator('.ag-cell.in-range');

test('a range is picked by shift+click, by dragging and by shift+arrows, and drawn', async ({ page, context }) => {
  await open(page, context);
  await cell(page, '003', 'name').click();
  await cell(page, '005', 'standard').click({ modifiers: ['Shift'] });
  await expect(shownCells(page)).toHaveCount(9);
  await expect(cell(page, '003', 'name')).toHaveClass(/range-top/u);
  await expect(cell(page, '005', 'standard')).toHaveClass(/range-bottom/u);
  await expect(cell(page, '005', 'standard')).toHaveClass(/range-right/u);
  await settled(page);
  await page.screenshot({ path: join(screens, 'clipboard-range.png') });

  // Dragging from one cell to another.
  const from = await cell(page, '002', 'targetGroup').boundingBox();
  const to = await cell(page, '003', 'standard').boundingBox();
  await page.mouse.move(from!.x + 10, from!.y + 10);
  await page.mouse.down();
  await page.mouse.move(to!.x + 20, to!.y + 10, { steps: 5 });
  await page.mouse.up();
  await expect(shownCells(page)).toHaveCount(4);

  // A plain click picks one cell (nothing drawn); shift+arrows grow the range from it.
  await cell(page, '001', 'name').click();
  await expect(shownCells(page)).toHaveCount(0);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(shownCells(page)).toHaveCount(4);
  await expect(cell(page, '002', 'targetGroup')).toHaveClass(/in-range/u);
  await expect(cell(page, '001', 'name')).toHaveClass(/ag-cell-focus/u);
});

test('Ctrl+C puts the range on the clipboard as Excel does: tab-separated text with CRLF, and an HTML table', async ({ page, context }) => {
  await open(page, context);
  await cell(page, '001', 'name').click();
  await cell(page, '002', 'standard').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await expect(status(page)).toContainText('已复制 6 个单元格（2 行 × 3 列）');
  const items = (await catalogue(host, draft)).items;
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const quote = (s: string | null) => (/[\t\n"]/u.test(s ?? '') ? `"${(s ?? '').replaceAll('"', '""')}"` : (s ?? ''));
  const expected = items.slice(0, 2).map((i) => `${quote(i.name)}\t${quote(i.targetGroup)}\t${quote(i.standard)}\r\n`).join('');
  expect(text).toBe(expected);
  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item!.types.includes('text/html') ? (await item!.getType('text/html')).text() : '';
  });
  // Chromium hands the HTML back as it sanitised it (attributes may be added): read its table.
  const table = await page.evaluate((h) => {
    const doc = new DOMParser().parseFromString(h, 'text/html');
    return [...doc.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
  }, html);
  expect(table).toEqual(items.slice(0, 2).map((i) => [i.name, i.targetGroup, i.standard]));
});

test('a published catalogue is copied from, never pasted into', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  await page.goto(`${host.url}#/catalogue/hebei-13th`);
  const source = cellOf(page, 'hebei-13th:003', 'targetGroup');
  await source.click();
  await page.keyboard.press('Control+c');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${await source.innerText()}\r\n`);
  await pasteEvent(page, '改不了\r\n', null);
  await expect(source).toHaveText('城乡义务教育家庭经济困难寄宿学生');
  expect((await catalogue(host, 'hebei-13th')).items[2]!.targetGroup).toBe('城乡义务教育家庭经济困难寄宿学生');
});

// An Excel block of 4 rows × 2 columns: a quoted cell with a CRLF line break, one with doubled quotes, CRLF
// row ends and the trailing line break Excel adds.
const EXCEL_TEXT = '学前教育资助\t"家庭经济困难儿童\r\n孤儿和残疾儿童"\r\n义务教育"两免一补"\t"他说""免费""的学生"\r\n新增服务甲\t甲对象\r\n新增服务乙\t乙对象\r\n';
const EXCEL_HTML =
  '<html><body><table><tr><td>学前教育资助</td><td>家庭经济困难儿童<br style="mso-data-placement:same-cell;">孤儿和残疾儿童</td></tr>' +
  '<tr><td>义务教育"两免一补"</td><td>他说"免费"的学生</td></tr><tr><td>新增服务甲</td><td>甲对象</td></tr><tr><td>新增服务乙</td><td>乙对象</td></tr></table></body></html>';

let before: CatalogueItem[] = [];
let pasted: CatalogueItem[] = [];
let lastTwo: CatalogueItem[] = [];

test('Ctrl+V pastes an Excel block across and down, adds the rows the 领域 lacks, all in one undo step', async ({ page, context }) => {
  await open(page, context);
  const detail = await catalogue(host, draft);
  before = detail.items;
  const domainItems = detail.items.filter((i) => i.domainSeq === detail.domains[0]!.seq);
  lastTwo = domainItems.slice(-2);
  const steps = (await history(host, draft)).undoSteps;

  await cellOf(page, lastTwo[0]!.id, 'name').click();
  await pasteEvent(page, EXCEL_TEXT, EXCEL_HTML);
  await expect(status(page)).toContainText('已粘贴 8 个单元格，新增 2 行');
  await expect(page.getByRole('button', { name: '撤销' })).toHaveAttribute('title', '撤销粘贴 8 个单元格（新增 2 行）');

  // In the database: the two rows overwritten, two new ones at the end of the 领域, nothing else touched.
  const after = (await catalogue(host, draft)).items;
  pasted = after;
  expect(after).toHaveLength(before.length + 2);
  const at = after.findIndex((i) => i.id === lastTwo[0]!.id);
  expect(after.slice(at, at + 4).map((i) => [i.name, i.targetGroup, i.domainSeq])).toEqual([
    ['学前教育资助', '家庭经济困难儿童\n孤儿和残疾儿童', lastTwo[0]!.domainSeq],
    ['义务教育"两免一补"', '他说"免费"的学生', lastTwo[0]!.domainSeq],
    ['新增服务甲', '甲对象', lastTwo[0]!.domainSeq],
    ['新增服务乙', '乙对象', lastTwo[0]!.domainSeq],
  ]);
  expect(after.slice(at, at + 4).map((i) => i.standard)).toEqual([lastTwo[0]!.standard, lastTwo[1]!.standard, null, null]);
  expect(after.slice(at + 4).map((i) => [i.id, i.name])).toEqual(before.slice(at + 2).map((i) => [i.id, i.name]));
  expect((await history(host, draft)).undoSteps).toBe(steps + 1);

  // The grid shows it, with the pasted block picked.
  await expect(cellOf(page, lastTwo[1]!.id, 'name')).toHaveText('义务教育"两免一补"');
  await expect(cellOf(page, after[at + 3]!.id, 'targetGroup')).toHaveText('乙对象');
  await expect(cellOf(page, after[at + 3]!.id, 'itemNo')).toHaveText(String(lastTwo[1]!.itemNo + 2));
  await expect(shownCells(page)).toHaveCount(8);
  // The line break inside the pasted cell shows as one.
  expect(await cellOf(page, lastTwo[0]!.id, 'targetGroup').innerText()).toBe('家庭经济困难儿童\n孤儿和残疾儿童');
  const grid = await page.locator('.grid-wrap').boundingBox();
  await page.mouse.move(grid!.x + 400, grid!.y + 300);
  await page.mouse.wheel(0, 400);
  await settled(page);
  await page.screenshot({ path: join(screens, 'clipboard-pasted.png') });

  // Copied back, the block is the same block (line breaks inside a cell as Excel writes them).
  await page.keyboard.press('Control+c');
  const back = await page.evaluate(() => navigator.clipboard.readText());
  expect(parseTsv(back)).toEqual(parseTsv(EXCEL_TEXT));
});

test('Ctrl+Z restores every cell and removes the added rows; Ctrl+Y redoes; both survive a restart of the host', async ({ page, context }) => {
  await open(page, context);
  await cell(page, '001', 'standard').click();
  await page.keyboard.press('Control+z');
  await expect(status(page)).toContainText('已撤销粘贴 8 个单元格（新增 2 行）');
  expect(await contents()).toEqual(content(before));
  await expect(cellOf(page, lastTwo[0]!.id, 'name')).toHaveText(lastTwo[0]!.name);
  await page.keyboard.press('Control+y');
  await expect(status(page)).toContainText('已重做粘贴 8 个单元格（新增 2 行）');
  expect(await contents()).toEqual(content(pasted));

  await host.stop();
  host = await startHost(dbPath);
  await open(page, context);
  await expect(cellOf(page, lastTwo[1]!.id, 'name')).toHaveText('义务教育"两免一补"');
  await expect(page.getByRole('button', { name: '撤销' })).toHaveAttribute('title', '撤销粘贴 8 个单元格（新增 2 行）');
  await cell(page, '001', 'standard').click();
  await page.keyboard.press('Control+z');
  await expect(status(page)).toContainText('已撤销粘贴');
  expect(await contents()).toEqual(content(before));
});

test('the real clipboard: text written by another program, pasted with Ctrl+V; an HTML-only payload is read as a table', async ({ page, context }) => {
  await open(page, context);
  const startSteps = (await history(host, draft)).undoSteps;
  const target = cell(page, '004', 'leadDepartment');
  await page.evaluate(() => navigator.clipboard.writeText('省教育厅\r\n省民政厅\r\n'));
  await target.click();
  await page.keyboard.press('Control+v');
  await expect(status(page)).toContainText('已粘贴 2 个单元格');
  await expect(target).toHaveText('省教育厅');
  await expect(cell(page, '005', 'leadDepartment')).toHaveText('省民政厅');

  await cell(page, '004', 'fundingResponsibility').click();
  await pasteEvent(page, null, '<table><tr><td>中央财政<br>全额承担</td></tr><tr><td>省级财政</td></tr></table>');
  await expect(cell(page, '005', 'fundingResponsibility')).toHaveText('省级财政');
  const items = (await catalogue(host, draft)).items;
  expect(items.slice(3, 5).map((i) => i.fundingResponsibility)).toEqual(['中央财政\n全额承担', '省级财政']);
  // Two pastes, two undo steps: two Ctrl+Z take the catalogue back, and no more are spent.
  for (let step = 0; step < 2; step += 1) await page.keyboard.press('Control+z');
  await expect.poll(contents).toEqual(content(before));
  await expect.poll(async () => (await history(host, draft)).undoSteps).toBe(startSteps);
  await expect(page.getByRole('button', { name: '重做' })).toBeEnabled();
});

test('a paste into 序号 or past the last column is clipped with a notice; a refused paste changes nothing and says why', async ({ page, context }) => {
  await open(page, context);
  await cell(page, '002', 'itemNo').click();
  await pasteEvent(page, '99\t新名称\r\n', null);
  await expect(status(page)).toContainText('已粘贴 1 个单元格');
  await expect(status(page)).toContainText('“序号”由系统按顺序编排，不能粘贴，所粘内容的第 1 列没有粘贴');
  await expect(cell(page, '002', 'name')).toHaveText('新名称');
  await expect(cell(page, '002', 'itemNo')).toHaveText('2');
  // A block copied from an annex with its header row: the names are not pasted as an item's text.
  await cell(page, '002', 'itemNo').click();
  await pasteEvent(page, '序号\t服务项目\r\n2\t又一个名称\r\n', null);
  await expect(status(page)).toContainText('第一行是表头，没有粘贴');
  await expect(cell(page, '002', 'name')).toHaveText('又一个名称');
  await expect(cell(page, '003', 'name')).not.toHaveText('服务项目');

  await cell(page, '002', 'leadDepartment').click();
  await pasteEvent(page, '甲\t乙\t丙\r\n', null);
  await expect(status(page)).toContainText('超出最后一栏');
  await expect(status(page)).toContainText('的 2 列没有粘贴');
  await expect(cell(page, '002', 'leadDepartment')).toHaveText('甲');

  const held = (await catalogue(host, draft)).items;
  const steps = (await history(host, draft)).undoSteps;
  await cell(page, '006', 'name').click();
  await pasteEvent(page, '改过的名称\tx\r\n\ty\r\n', null);
  await expect(status(page)).toHaveAttribute('data-save-state', 'refused');
  await expect(status(page)).toContainText(`粘贴没有执行，没有改动任何单元格：第7项“${held[6]!.name}”的“服务项目”不能为空`);
  expect(await contents()).toEqual(content(held));
  expect((await history(host, draft)).undoSteps).toBe(steps);
  for (let step = 0; step < 3; step += 1) await page.keyboard.press('Control+z');
  await expect.poll(contents).toEqual(content(before));
  await expect(page.getByRole('button', { name: '重做' })).toBeEnabled();
});

test('Delete clears a whole range and Ctrl+X cuts it, each one undo step', async ({ page, context }) => {
  await open(page, context);
  const startSteps = (await history(host, draft)).undoSteps;
  await cell(page, '003', 'targetGroup').click();
  await cell(page, '005', 'standard').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Delete');
  await expect(status(page)).toContainText('已清除 6 个单元格');
  let items = (await catalogue(host, draft)).items;
  expect(items.slice(2, 5).flatMap((i) => [i.targetGroup, i.standard])).toEqual([null, null, null, null, null, null]);
  await expect(cell(page, '004', 'standard')).toHaveText('未填写');
  await page.keyboard.press('Control+z');
  await expect(status(page)).toContainText('已撤销清除 6 个单元格');
  expect(await contents()).toEqual(content(before));

  await cell(page, '007', 'fundingResponsibility').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+x');
  await expect(status(page)).toContainText('已剪切 2 个单元格');
  const cut = await page.evaluate(() => navigator.clipboard.readText());
  expect(parseTsv(cut)).toEqual([[before[6]!.fundingResponsibility], [before[7]!.fundingResponsibility]]);
  items = (await catalogue(host, draft)).items;
  expect([items[6]!.fundingResponsibility, items[7]!.fundingResponsibility]).toEqual([null, null]);
  await cell(page, '010', 'fundingResponsibility').click();
  await page.keyboard.press('Control+v');
  await expect(status(page)).toContainText('已粘贴 2 个单元格');
  items = (await catalogue(host, draft)).items;
  expect([items[9]!.fundingResponsibility, items[10]!.fundingResponsibility]).toEqual([before[6]!.fundingResponsibility, before[7]!.fundingResponsibility]);
  // The cut and the paste, two steps (the clear was undone above).
  for (let step = 0; step < 2; step += 1) await page.keyboard.press('Control+z');
  await expect.poll(contents).toEqual(content(before));
  await expect.poll(async () => (await history(host, draft)).undoSteps).toBe(startSteps);
  await expect(page.getByRole('button', { name: '重做' })).toBeEnabled();
});

test('typing through a Chinese input method starts the edit with what it composed; Alt+Enter breaks the line; Enter saves', async ({ page, context }) => {
  await open(page, context);
  const target = cell(page, '004', 'targetGroup');
  await target.click();
  // The picked cell's keyboard sink takes the focus once the grid has settled: the input method composes there.
  await expect(target.locator('.cell-input-sink')).toBeFocused();
  const cdp = await context.newCDPSession(page);
  // The first keystrokes of pinyin compose (no editor yet); choosing the characters commits them.
  await cdp.send('Input.imeSetComposition', { text: 'n', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'ni h', selectionStart: 4, selectionEnd: 4 });
  await expect(page.locator('.cell-input-sink.composing')).toHaveValue('ni h');
  await page.screenshot({ path: join(screens, 'clipboard-ime-composing.png') });
  await cdp.send('Input.insertText', { text: '你好' });
  const editor = page.locator('.text-editor textarea');
  await expect(editor).toBeVisible();
  await expect(editor).toHaveValue('你好');
  // The composition goes on in the editor, and its Enter (choosing a candidate) does not save the cell.
  await cdp.send('Input.imeSetComposition', { text: 'shijie', selectionStart: 6, selectionEnd: 6 });
  await cdp.send('Input.insertText', { text: '世界' });
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.type('第二行');
  await expect(editor).toHaveValue('你好世界\n第二行');
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('已保存 第4项的“服务对象”');
  expect((await catalogue(host, draft)).items[3]!.targetGroup).toBe('你好世界\n第二行');
  await expect(cell(page, '005', 'targetGroup')).toHaveClass(/ag-cell-focus/u);

  // A Latin key still starts an edit with that key; Tab goes right after it.
  await page.keyboard.press('a');
  await expect(editor).toHaveValue('a');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(status(page)).toContainText('已撤销修改第4项的“服务对象”');
  expect(await contents()).toEqual(content(before));
});

test('Ctrl+Home and Ctrl+End go to the first and the last cell; Home and End to the ends of the row', async ({ page, context }) => {
  await open(page, context);
  await cell(page, '003', 'standard').click();
  await page.keyboard.press('End');
  await expect(cell(page, '003', 'leadDepartment')).toHaveClass(/ag-cell-focus/u);
  await page.keyboard.press('Home');
  await expect(cell(page, '003', 'itemNo')).toHaveClass(/ag-cell-focus/u);
  await cell(page, '003', 'standard').click();
  await page.keyboard.press('Control+End');
  const last = before.at(-1)!;
  await expect(cellOf(page, last.id, 'leadDepartment')).toHaveClass(/ag-cell-focus/u);
  await page.keyboard.press('Control+Home');
  await expect(cell(page, '001', 'itemNo')).toHaveClass(/ag-cell-focus/u);
});

test('Enter and the arrows step over a 领域 heading: what is typed on lands on the next item, not the heading', async ({ page, context }) => {
  await open(page, context);
  // Items 8 and 9 stand either side of the second 领域's heading.
  await cell(page, '008', 'targetGroup').click();
  await expect(cell(page, '008', 'targetGroup').locator('.cell-input-sink')).toBeFocused();
  // Typed with keys, as fast as the test can (a Chinese input method's text comes the same way once composed).
  await page.keyboard.type('eight');
  await page.keyboard.press('Enter');
  await page.keyboard.type('nine');
  await page.keyboard.press('Enter');
  await expect(cell(page, '008', 'targetGroup')).toHaveText('eight');
  await expect(cell(page, '009', 'targetGroup')).toHaveText('nine');
  await expect(cell(page, '010', 'targetGroup')).toHaveClass(/ag-cell-focus/u);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, '008', 'targetGroup')).toHaveClass(/ag-cell-focus/u);
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, '009', 'targetGroup')).toHaveClass(/ag-cell-focus/u);
  // A click on the heading still picks it (its menu is there).
  await page.locator('.ag-row[row-id="domain-2"]').click({ position: { x: 40, y: 10 } });
  await expect(page.locator('.ag-row[row-id="domain-2"]')).toHaveClass(/ag-row-focus/u);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(status(page)).toContainText('已撤销修改第8项的“服务对象”');
  expect(await contents()).toEqual(content(before));
});
