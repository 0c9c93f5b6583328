// Pasting into the 测算 grid, planned over the rows as shown: blocks land on the items from the picked cell
// down (领域 headings skipped), one value fills a picked range, only drivers are written, nothing unchanged.
import { describe, expect, it } from 'vitest';
import { EMPTY_DRIVER } from '../../../shared/domain/pricing/drivers';
import type { ItemDriver } from '../../../shared/domain/pricing/drivers';
import { planDriverClear, planDriverPaste } from '../../../renderer/src/grid/pricing-clipboard-plan';
import type { DriverPasteTarget } from '../../../renderer/src/grid/pricing-clipboard-plan';
import type { PricingGridRow } from '../../../renderer/src/grid/pricing-rows';

const item = (no: number, driver: Partial<ItemDriver> = {}): PricingGridRow => ({
  kind: 'item',
  id: `c:${no}`,
  itemId: `c:${no}`,
  itemNo: no,
  domainSeq: 1,
  name: `项目${no}`,
  targetGroup: null,
  standard: null,
  fundingResponsibility: null,
  driver: { ...EMPTY_DRIVER(`c:${no}`), ...driver },
  status: 'not_set',
  missing: [],
  suggestion: null,
  ruleSuggestion: null,
  beneficiaries: null,
  totals: null,
  quality: null,
  gapRegions: 0,
});
const heading = (seq: number): PricingGridRow => ({ kind: 'domain', id: `d${seq}`, heading: `领域${seq}`, itemCount: 1, pricedCount: 0 });

// Rows: 0 heading, 1 item 1, 2 item 2 (89 元 already), 3 heading, 4 item 3.
const rows = [heading(1), item(1), item(2, { unitAmount: '89' }), heading(2), item(3)];
const columnOrder = ['itemNo', 'name', 'cohort', 'coverage', 'unitAmount', 'unit', 'splitRuleId', 'cost'];
const target = (top: number, colIds: string[], bottom = top): DriverPasteTarget => ({
  catalogueId: 'c',
  rows,
  columnOrder,
  box: { top, bottom, colIds },
  headerOf: (c) => ({ cost: '合计（万元）' })[c] ?? c,
  ruleId: (text) => (text === '中央60%，省市县按比例' ? 'central-60' : text),
});

describe('a paste into the 测算 grid', () => {
  it('lands a column on the items below, past the 领域 headings, leaving unchanged cells out', () => {
    const plan = planDriverPaste([['100'], ['89.00'], ['120.5']], target(1, ['unitAmount']));
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.request.cells).toEqual([
      { itemId: 'c:1', field: 'unitAmount', value: '100', expected: null },
      { itemId: 'c:3', field: 'unitAmount', value: '120.5', expected: null },
    ]);
    expect([plan.lastRowIndex, plan.lastColId]).toEqual([4, 'unitAmount']);
  });

  it('leaves out a header row copied with the block (the columns named as the grid or a drivers file names them)', () => {
    const plan = planDriverPaste([['unitAmount', 'unit'], ['100', '元/人/年']], target(1, ['unitAmount']));
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.headerLeftOut).toBe(true);
    expect(plan.request.cells).toEqual([
      { itemId: 'c:1', field: 'unitAmount', value: '100', expected: null },
      { itemId: 'c:1', field: 'unit', value: '元/人/年', expected: null },
    ]);
    // The grid's own header names, with their units, and the drivers file's labels alike.
    const labelled = { ...target(1, ['unitAmount']), headerOf: (c: string) => ({ unitAmount: '补助标准', cost: '合计（万元）' })[c] ?? c };
    const named = planDriverPaste([['补助标准', '单位'], ['100', '元/人/年']], labelled);
    expect(typeof named !== 'string' && named.headerLeftOut).toBe(true);
    // A planner's own sheet heads them with their units.
    const withUnits = planDriverPaste([['补助标准（元）', '单位(年)'], ['100', '元/人/年']], labelled);
    expect(typeof withUnits !== 'string' && withUnits.headerLeftOut).toBe(true);
    const coverage = planDriverPaste([['覆盖率（%）'], ['50%']], { ...target(1, ['coverage']), headerOf: (c: string) => ({ coverage: '覆盖率' })[c] ?? c });
    expect(typeof coverage !== 'string' && coverage.headerLeftOut).toBe(true);
    // A row of values is no header, nor is a single row.
    const values = planDriverPaste([['100', '元/人/年'], ['120', '元/人/年']], target(1, ['unitAmount']));
    expect(typeof values !== 'string' && values.headerLeftOut).toBe(false);
    expect(planDriverPaste([['补助标准']], labelled)).toEqual(expect.stringContaining('补助标准'));
  });

  it('repeats a block over a picked range that holds it a whole number of times, as Excel does; else lays it once', () => {
    const four = [heading(1), item(1), item(2), heading(2), item(3), item(4)];
    const onto = (bottom: number) => ({ ...target(1, ['cohort', 'coverage'], bottom), rows: four });
    const block = [['常住人口', '10%'], ['60岁及以上', '20%']];
    const tiled = planDriverPaste(block, onto(5));
    if (typeof tiled === 'string') throw new Error(tiled);
    expect(tiled.request.cells.map((c) => `${c.itemId} ${c.field} ${c.value}`)).toEqual([
      'c:1 cohort 常住人口', 'c:1 coverage 10%', 'c:2 cohort 60岁及以上', 'c:2 coverage 20%',
      'c:3 cohort 常住人口', 'c:3 coverage 10%', 'c:4 cohort 60岁及以上', 'c:4 coverage 20%',
    ]);
    expect([tiled.lastRowIndex, tiled.lastColId]).toEqual([5, 'coverage']);
    // Three items picked: not a whole number of two-row blocks, so the block is laid once.
    const once = planDriverPaste(block, onto(4));
    if (typeof once === 'string') throw new Error(once);
    expect(once.request.cells.map((c) => c.itemId)).toEqual(['c:1', 'c:1', 'c:2', 'c:2']);
    // One item's row of drivers onto a column of picked items (one cell wide): each picked item gets the row.
    const row = planDriverPaste([['常住人口', '10%', '89']], { ...target(1, ['cohort'], 5), rows: four });
    if (typeof row === 'string') throw new Error(row);
    expect(row.request.cells.map((c) => `${c.itemId} ${c.field} ${c.value}`)).toEqual(
      ['c:1', 'c:2', 'c:3', 'c:4'].flatMap((id) => [`${id} cohort 常住人口`, `${id} coverage 10%`, `${id} unitAmount 89`]),
    );
    expect([row.lastRowIndex, row.lastColId]).toEqual([5, 'unitAmount']);
    // A column of values onto a row of picked cells (one item high) fills each column down from it.
    const column = planDriverPaste([['0.1'], ['0.2']], { ...target(1, ['coverage', 'unitAmount'], 1), rows: four });
    if (typeof column === 'string') throw new Error(column);
    expect(column.request.cells.map((c) => `${c.itemId} ${c.field} ${c.value}`)).toEqual(['c:1 coverage 0.1', 'c:1 unitAmount 0.1', 'c:2 coverage 0.2', 'c:2 unitAmount 0.2']);
    // A column of values onto the last item, picked across two columns: more rows than items below, refused whole.
    expect(planDriverPaste([['0.1'], ['0.2'], ['0.3']], { ...target(5, ['coverage', 'unitAmount'], 5), rows: four })).toBe(
      '粘贴的内容有 3 行，从第4项往下只有 1 项，没有粘贴任何内容。',
    );
    // One value over a range with a figure in it fills the drivers and skips the figure; a block is refused there.
    const one = planDriverPaste([['中央60%，省市县按比例']], { ...target(1, ['splitRuleId', 'cost'], 2), rows: four });
    if (typeof one === 'string') throw new Error(one);
    expect(one.request.cells.map((c) => `${c.itemId} ${c.field} ${c.value}`)).toEqual(['c:1 splitRuleId central-60', 'c:2 splitRuleId central-60']);
    expect(planDriverPaste([['1', '2'], ['3', '4']], { ...target(1, ['splitRuleId', 'cost'], 2), rows: four })).toEqual(expect.stringContaining('合计'));
  });

  it('takes a rule by the name the grid shows, and one value fills the picked range', () => {
    const plan = planDriverPaste([['中央60%，省市县按比例']], target(1, ['splitRuleId'], 4));
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.request.cells.map((c) => [c.itemId, c.value])).toEqual([['c:1', 'central-60'], ['c:2', 'central-60'], ['c:3', 'central-60']]);
  });

  it('refuses, whole and in Chinese, a block running past the last item, onto a figure, or with a bad value', () => {
    expect(planDriverPaste([['1'], ['2'], ['3'], ['4']], target(1, ['unitAmount']))).toBe('粘贴的内容有 4 行，从第1项往下只有 3 项，没有粘贴任何内容。');
    expect(planDriverPaste([['1', '元/人/年', 'central-60', '5']], target(1, ['unitAmount']))).toContain('包含“合计（万元）”列');
    expect(planDriverPaste([['0.5'], ['200']], target(1, ['coverage']))).toMatch(/^第2项“项目2”的“覆盖率”：.*没有粘贴任何内容。$/u);
  });

  it('clears only the filled driver cells of the picked range', () => {
    expect(planDriverClear(rows, { top: 0, bottom: 4, colIds: ['name', 'unitAmount', 'unit'] }, 'c', 'clear').cells).toEqual([
      { itemId: 'c:2', field: 'unitAmount', value: null, expected: '89' },
    ]);
  });
});
