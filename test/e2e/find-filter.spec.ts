// Find (Ctrl+F) and the filter bar on the 条目 tab, in Debian's Chromium against the real browser host:
// hits counted and marked in their cells, next and previous, Esc; filters by 领域, by 牵头负责单位 and by
// text that keep the 领域 headings and the catalogue's order, and clearing them brings back the whole list.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogueDetail } from '../../shared/domain/catalogue';
import { startHost } from './host-process';
import type { RunningHost } from './host-process';
import { catalogue, cellOf, newHebeiDraft, settled } from './grid-support';

const screens = join(process.cwd(), 'test-results', 'screens');
let dir: string;
let host: RunningHost;
let draft = '';
let detail: CatalogueDetail;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-e2e-find-'));
  host = await startHost(join(dir, 'qingdan.duckdb'));
  draft = await newHebeiDraft(host, '查找筛选测试草案');
  detail = await catalogue(host, draft);
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});
test.describe.configure({ mode: 'serial' });

const FIELDS = ['name', 'targetGroup', 'standard', 'fundingResponsibility', 'leadDepartment'] as const;

/** Occurrences of `q` in the items' text columns, counted here from what the database holds. */
function occurrences(q: string, items = detail.items): number {
  return items.reduce((sum, item) => sum + FIELDS.reduce((n, f) => n + ((item[f] ?? '').split(q).length - 1), 0), 0);
}

async function open(page: Page) {
  await page.goto(`${host.url}#/catalogue/${draft}`);
  await expect(cellOf(page, `${draft}:001`, 'name')).toBeVisible();
}

/** The row ids the grid draws, top to bottom (the filtered lists here are short enough to be all drawn). */
function drawnRows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // A row is drawn once per column container (the pinned 序号 and the rest): one id each.
    const byIndex = new Map<number, string>();
    for (const r of document.querySelectorAll<HTMLElement>('.ag-row[row-id]')) byIndex.set(Number(r.getAttribute('row-index')), r.getAttribute('row-id')!);
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  });
}

test('Ctrl+F finds across the columns: hits marked, 第 n/N 处, Enter and Shift+Enter, the arrows, Esc', async ({ page }) => {
  await open(page);
  await cellOf(page, `${draft}:002`, 'standard').click();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: '查找' });
  const box = bar.getByLabel('查找内容');
  await expect(box).toBeFocused();
  const total = occurrences('残疾');
  expect(total).toBeGreaterThan(10);
  await box.fill('残疾');
  await expect(bar.locator('.find-count')).toHaveText(`第 1/${total} 处`);
  await expect(page.locator('mark.find-current')).toHaveCount(1);
  expect(await page.locator('mark.find-hit').count()).toBeGreaterThan(1);
  await expect(page.locator('mark.find-current')).toHaveText('残疾');
  await box.press('Enter');
  await expect(bar.locator('.find-count')).toHaveText(`第 2/${total} 处`);
  await box.press('Enter');
  await box.press('Shift+Enter');
  await expect(bar.locator('.find-count')).toHaveText(`第 2/${total} 处`);
  await bar.getByRole('button', { name: '上一处' }).click();
  await bar.getByRole('button', { name: '上一处' }).click();
  await expect(bar.locator('.find-count')).toHaveText(`第 ${total}/${total} 处`);
  // The last hit is far down the list: it was brought into view.
  await expect(page.locator('mark.find-current')).toBeInViewport();
  await settled(page);
  await page.screenshot({ path: join(screens, 'find-hits.png') });
  await bar.getByRole('button', { name: '下一处' }).click();
  await expect(bar.locator('.find-count')).toHaveText(`第 1/${total} 处`);

  await box.fill('不存在的词语');
  await expect(bar.locator('.find-count')).toHaveText('没有找到');
  await expect(page.locator('mark.find-hit')).toHaveCount(0);
  await box.fill('省残联');
  const first = detail.items.find((i) => FIELDS.some((f) => (i[f] ?? '').includes('省残联')))!;
  const field = FIELDS.find((f) => (first[f] ?? '').includes('省残联'))!;
  await expect(bar.locator('.find-count')).toHaveText(`第 1/${occurrences('省残联')} 处`);
  await box.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(page.locator('mark.find-hit')).toHaveCount(0);
  // The cursor is left on the hit, as Excel leaves it.
  await expect(cellOf(page, first.id, field)).toHaveClass(/ag-cell-focus/u);
});

test('the filter bar: by 领域, by 牵头负责单位, by text; headings of what is left stay, in catalogue order; clearing shows all', async ({ page }) => {
  await open(page);
  const bar = page.getByRole('group', { name: '筛选' });
  const domain = detail.domains[2]!;
  await bar.getByLabel('按领域筛选').selectOption(String(domain.seq));
  const inDomain = detail.items.filter((i) => i.domainSeq === domain.seq);
  await expect.poll(() => drawnRows(page)).toEqual([`domain-${domain.seq}`, ...inDomain.map((i) => i.id)]);
  await expect(bar.locator('.filter-count')).toHaveText(`显示 ${inDomain.length} / ${detail.items.length} 项`);
  // 序号 stays the catalogue's own.
  await expect(cellOf(page, inDomain[0]!.id, 'itemNo')).toHaveText(String(inDomain[0]!.itemNo));

  await bar.getByLabel('按领域筛选').selectOption('');
  await bar.getByLabel(/^按.*筛选$/u).nth(1).selectOption('省残联');
  const byUnit = detail.items.filter((i) => (i.leadDepartment ?? '').split(/[、，,；;\s]+/u).includes('省残联'));
  const headings = [...new Set(byUnit.map((i) => i.domainSeq))];
  const expected: string[] = [];
  for (const seq of headings) expected.push(`domain-${seq}`, ...byUnit.filter((i) => i.domainSeq === seq).map((i) => i.id));
  await expect.poll(() => drawnRows(page)).toEqual(expected);
  await settled(page);
  await page.screenshot({ path: join(screens, 'filter-bar.png') });

  // A header click still never sorts.
  await page.locator('.ag-header-cell[col-id="name"]').click();
  await expect.poll(() => drawnRows(page)).toEqual(expected);

  // Text and unit together.
  await bar.getByLabel('按文字筛选').fill('康复');
  const both = byUnit.filter((i) => FIELDS.some((f) => (i[f] ?? '').includes('康复')));
  expect(both.length).toBeGreaterThan(0);
  expect(both.length).toBeLessThan(byUnit.length);
  await expect.poll(async () => (await drawnRows(page)).filter((id) => !id.startsWith('domain-'))).toEqual(both.map((i) => i.id));

  await bar.getByRole('button', { name: '清除筛选' }).click();
  await expect(bar.locator('.filter-count')).toHaveCount(0);
  await expect(bar.getByLabel('按文字筛选')).toHaveValue('');
  // The grid redraws after the bar: polled, as the filtered rows may still be drawn for a moment.
  await expect.poll(async () => (await drawnRows(page)).slice(0, 3)).toEqual([`domain-${detail.domains[0]!.seq}`, detail.items[0]!.id, detail.items[1]!.id]);
  // Ctrl+End reaches the catalogue's last item again.
  await cellOf(page, detail.items[0]!.id, 'name').click();
  await page.keyboard.press('Control+End');
  await expect(cellOf(page, detail.items.at(-1)!.id, 'leadDepartment')).toHaveClass(/ag-cell-focus/u);
});

test('a row inserted under a filter stays in view and takes what is typed next, never the row beside it', async ({ page }) => {
  await open(page);
  const bar = page.getByRole('group', { name: '筛选' });
  await bar.getByLabel('按文字筛选').fill('助学金');
  const passing = detail.items.filter((i) => FIELDS.some((f) => (i[f] ?? '').includes('助学金')));
  await expect(bar.locator('.filter-count')).toHaveText(`显示 ${passing.length} / ${detail.items.length} 项`);
  const anchor = passing[0]!;
  await cellOf(page, anchor.id, 'name').click();
  await page.getByRole('button', { name: '下方插入行' }).click();
  await expect(page.locator('[data-save-state]')).toContainText(`已在第${anchor.itemNo}项下方插入一行（第${anchor.itemNo + 1}项）`);
  // The new row is shown under its anchor, the cursor on it, though its placeholder holds no 助学金.
  const after = await catalogue(host, draft);
  const added = after.items.find((i) => i.itemNo === anchor.itemNo + 1)!;
  await expect.poll(async () => (await drawnRows(page)).indexOf(added.id) - (await drawnRows(page)).indexOf(anchor.id)).toBe(1);
  await expect(cellOf(page, added.id, 'name')).toHaveClass(/ag-cell-focus/u);
  await page.keyboard.insertText('新增助学金项目');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-save-state]')).toContainText(`已保存 第${anchor.itemNo + 1}项的“服务项目”`);
  await expect(cellOf(page, added.id, 'name')).toHaveText('新增助学金项目');
  await expect(cellOf(page, anchor.id, 'name')).toHaveText(anchor.name);
  // A change of filter applies it afresh; cleared, everything is there.
  await bar.getByLabel('按文字筛选').fill('康复');
  await expect.poll(async () => (await drawnRows(page)).includes(added.id)).toBe(false);
  await bar.getByRole('button', { name: '清除筛选' }).click();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await catalogue(host, draft)).items.length).toBe(detail.items.length);
});

test('grid text wraps as Chinese typesetting allows: never inside a number and its unit, never 。，、 at a line start', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await open(page);
  await settled(page);
  // Every line of every drawn text cell: where each line starts, read from the layout itself.
  const lines = await page.evaluate(() => {
    const out: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('.ag-cell.text-cell')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      let lastTop: number | null = null;
      let line = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (lastTop !== null && rect.top > lastTop + 4) {
            out.push(line);
            line = '';
          }
          lastTop = rect.top;
          line += text[i];
        }
      }
      if (line) out.push(line);
    }
    return out;
  });
  expect(lines.length).toBeGreaterThan(50);
  const badStart = lines.filter((l) => /^[。，、；：）”]/u.test(l));
  expect(badStart).toEqual([]);
  // A line never ends inside a number, nor between a number and its unit.
  const text = lines.join('\n');
  expect(text.match(/\d\n\d/gu)).toBeNull();
  expect(text.match(/\d ?\n ?元/gu)).toBeNull();
  const money = cellOf(page, `${draft}:001`, 'standard');
  await expect(money).toContainText('885 元');
  await money.screenshot({ path: join(screens, 'wrap-narrow.png') });
});
