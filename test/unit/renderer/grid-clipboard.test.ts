// The grid's pure parts of ranges, copy, paste planning, find and filter, over a small catalogue of two
// domains: what goes to the clipboard, what a paste asks the Node side to write, what is found and shown.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_LABELS } from '../../../shared/domain/catalogue';
import type { CatalogueItem } from '../../../shared/domain/catalogue';
import type { GridRow } from '../../../renderer/src/grid/catalogue-rows';
import { extendBy, pickedBox, rangeBox, rangeClasses, singleCell } from '../../../renderer/src/grid/cell-range';
import { copyBlock, planClear, planPaste } from '../../../renderer/src/grid/clipboard-plan';
import type { PastePlan, PasteTarget } from '../../../renderer/src/grid/clipboard-plan';
import { findHits, occurrences, splitByQuery } from '../../../renderer/src/grid/find';
import { departmentChoices, departmentsOf, visibleRowIds } from '../../../renderer/src/grid/item-filter';

const COLUMNS = ['itemNo', 'name', 'targetGroup', 'standard', 'fundingResponsibility', 'leadDepartment'];

function item(n: number, domainSeq: number, name: string, lead: string | null = null, standard: string | null = null): CatalogueItem {
  return {
    id: `c:${n}`,
    catalogueId: 'c',
    domainSeq,
    itemNo: n,
    sourceItemNo: null,
    name,
    targetGroup: `对象${n}`,
    standard,
    fundingResponsibility: null,
    leadDepartment: lead,
    updatedAt: null,
  };
}

const items = [
  item(1, 1, '学前教育资助', '省教育厅、省财政厅', '每生每年 1000 元'),
  item(2, 1, '义务教育', '省教育厅', '免除学杂费，残疾儿童同等'),
  item(3, 2, '残疾人康复', '省残联、省卫生健康委', '康复训练'),
];
const rows: GridRow[] = [
  { kind: 'domain', id: 'domain-1', seq: 1, name: '教育', heading: '一、教育', itemCount: 2, statedItemCount: null },
  { kind: 'item', ...items[0]! },
  { kind: 'item', ...items[1]! },
  { kind: 'domain', id: 'domain-2', seq: 2, name: '残疾人', heading: '二、残疾人', itemCount: 1, statedItemCount: null },
  { kind: 'item', ...items[2]! },
];

const target = (startRow: number, startCol: string): PasteTarget => ({
  catalogueId: 'c',
  rows,
  columnOrder: COLUMNS,
  labels: DEFAULT_COLUMN_LABELS,
  startRow,
  startCol,
  lastItemOfDomain: (seq) => items.filter((i) => i.domainSeq === seq).at(-1)?.id ?? null,
});

describe('ranges', () => {
  it('a box from any two corners, and shift+arrows kept inside the grid', () => {
    const range = { anchor: { rowIndex: 4, colId: 'standard' }, focus: { rowIndex: 1, colId: 'name' } };
    expect(rangeBox(range, COLUMNS)).toEqual({ top: 1, bottom: 4, colIds: ['name', 'targetGroup', 'standard'] });
    const one = singleCell({ rowIndex: 0, colId: 'itemNo' });
    expect(extendBy(one, 'ArrowUp', COLUMNS, 5).focus).toEqual({ rowIndex: 0, colId: 'itemNo' });
    expect(extendBy(one, 'ArrowLeft', COLUMNS, 5).focus.colId).toBe('itemNo');
    expect(extendBy(extendBy(one, 'ArrowDown', COLUMNS, 5), 'ArrowRight', COLUMNS, 5)).toEqual({ anchor: one.anchor, focus: { rowIndex: 1, colId: 'name' } });
    const box = rangeBox(range, COLUMNS);
    expect(rangeClasses(box, 1, 'name')).toEqual(['in-range', 'range-top', 'range-left']);
    expect(rangeClasses(box, 4, 'standard')).toEqual(['in-range', 'range-bottom', 'range-right']);
    expect(rangeClasses(box, 2, 'leadDepartment')).toEqual([]);
  });
  it('acts on the range while it holds the active cell, else on the active cell alone (its move told late)', () => {
    const range = { anchor: { rowIndex: 4, colId: 'standard' }, focus: { rowIndex: 1, colId: 'name' } };
    expect(pickedBox(range, { rowIndex: 2, colId: 'targetGroup' }, COLUMNS)).toEqual(rangeBox(range, COLUMNS));
    expect(pickedBox(range, { rowIndex: 5, colId: 'name' }, COLUMNS)).toEqual({ top: 5, bottom: 5, colIds: ['name'] });
    expect(pickedBox(range, null, COLUMNS)).toEqual(rangeBox(range, COLUMNS));
    expect(pickedBox(null, { rowIndex: 0, colId: 'itemNo' }, COLUMNS)).toEqual({ top: 0, bottom: 0, colIds: ['itemNo'] });
    expect(pickedBox(null, null, COLUMNS)).toBeNull();
  });
});

describe('copy', () => {
  it('takes the item rows of the box (not the 领域 headings), 序号 as a number, an unfilled cell as empty', () => {
    const box = rangeBox({ anchor: { rowIndex: 2, colId: 'itemNo' }, focus: { rowIndex: 4, colId: 'fundingResponsibility' } }, COLUMNS);
    expect(copyBlock(rows, box)).toEqual([
      ['2', '义务教育', '对象2', '免除学杂费，残疾儿童同等', ''],
      ['3', '残疾人康复', '对象3', '康复训练', ''],
    ]);
  });
});

describe('paste', () => {
  it('lays the block over the rows of the 领域 and adds what is left as new rows at its end', () => {
    const plan = planPaste([['甲', '甲对象'], ['乙', ''], ['丙', '丙对象']], target(2, 'name')) as PastePlan;
    expect(plan.notices).toEqual([]);
    expect(plan.request.cells).toEqual([
      { itemId: 'c:2', field: 'name', value: '甲', expected: '义务教育' },
      { itemId: 'c:2', field: 'targetGroup', value: '甲对象', expected: '对象2' },
    ]);
    expect(plan.request.newRows).toEqual({
      afterItemId: 'c:2',
      rows: [
        { name: '乙', targetGroup: null },
        { name: '丙', targetGroup: '丙对象' },
      ],
    });
    expect(plan.lastColId).toBe('targetGroup');
  });
  it('clips a 序号 column and columns past the last with a notice; refuses when nothing can go', () => {
    const plan = planPaste([['9', '新名称']], target(1, 'itemNo')) as PastePlan;
    expect(plan.request.cells).toEqual([{ itemId: 'c:1', field: 'name', value: '新名称', expected: '学前教育资助' }]);
    expect(plan.notices).toEqual(['“序号”由系统按顺序编排，不能粘贴，所粘内容的第 1 列没有粘贴']);
    const wide = planPaste([['a', 'b', 'c']], target(4, 'leadDepartment')) as PastePlan;
    expect(wide.request.cells).toHaveLength(1);
    expect(wide.notices).toEqual(['超出最后一栏“牵头负责单位”的 2 列没有粘贴']);
    expect(planPaste([['9']], target(1, 'itemNo'))).toMatch(/^这里没有可以粘贴的栏目/u);
    expect(planPaste([['x']], target(0, 'name'))).toMatch(/领域标题行/u);
  });
  it('a block copied with its header row (as annexes or this catalogue name the columns) leaves the header out and says so', () => {
    const plan = planPaste([['序号', '服务项目', '服务对象', '服务标准'], ['9', '新名称', '新对象', '']], target(1, 'itemNo')) as PastePlan;
    expect(plan.request.cells).toEqual([
      { itemId: 'c:1', field: 'name', value: '新名称', expected: '学前教育资助' },
      { itemId: 'c:1', field: 'targetGroup', value: '新对象', expected: '对象1' },
      { itemId: 'c:1', field: 'standard', value: null, expected: '每生每年 1000 元' },
    ]);
    expect(plan.request.newRows).toBeNull();
    expect(plan.notices[0]).toBe('第一行是表头，没有粘贴');
    // Named differently by the catalogue (服务内容和保障标准 is an annex's own name for 服务标准), with blanks.
    const own = planPaste([['', '服务内容和保障标准'], ['甲', '乙']], { ...target(1, 'targetGroup'), labels: { ...DEFAULT_COLUMN_LABELS, targetGroup: '受益对象' } }) as PastePlan;
    expect(own.notices).toEqual(['第一行是表头，没有粘贴']);
    expect(planPaste([['受益对象'], ['甲']], { ...target(1, 'targetGroup'), labels: { ...DEFAULT_COLUMN_LABELS, targetGroup: '受益对象' } })).toMatchObject({ notices: ['第一行是表头，没有粘贴'] });
    // A name in the wrong column, or a header row alone, is text to paste.
    expect((planPaste([['服务对象', 'x'], ['a', 'b']], target(1, 'name')) as PastePlan).notices).toEqual([]);
    expect((planPaste([['服务项目']], target(1, 'name')) as PastePlan).request.cells).toEqual([{ itemId: 'c:1', field: 'name', value: '服务项目', expected: '学前教育资助' }]);
  });
  it('a ragged block writes only the cells it has', () => {
    const plan = planPaste([['a', 'b'], ['c']], target(1, 'standard')) as PastePlan;
    expect(plan.request.cells.map((c) => `${c.itemId}/${c.field}`)).toEqual(['c:1/standard', 'c:1/fundingResponsibility', 'c:2/standard']);
  });
  it('Delete on a range empties the filled cells only, never 序号', () => {
    const box = rangeBox({ anchor: { rowIndex: 1, colId: 'itemNo' }, focus: { rowIndex: 2, colId: 'fundingResponsibility' } }, COLUMNS);
    const request = planClear(rows, box, 'c', 'clear');
    expect(request.cells.map((c) => `${c.itemId}/${c.field}`)).toEqual([
      'c:1/name', 'c:1/targetGroup', 'c:1/standard', 'c:2/name', 'c:2/targetGroup', 'c:2/standard',
    ]);
    expect(request.cells.every((c) => c.value === null)).toBe(true);
  });
});

describe('find', () => {
  it('counts every occurrence in shown order, Latin letters in any case', () => {
    expect(occurrences('Abc abc ABC', 'abc')).toEqual([0, 4, 8]);
    expect(findHits(rows, '残疾').map((h) => `${h.itemId}/${h.field}/${h.nth}`)).toEqual(['c:2/standard/0', 'c:3/name/0']);
    expect(findHits(rows, '  ')).toEqual([]);
    expect(splitByQuery('残疾人康复残疾', '残疾')).toEqual([
      { text: '残疾', hit: 0 },
      { text: '人康复', hit: null },
      { text: '残疾', hit: 1 },
    ]);
  });
});

describe('filter', () => {
  it('splits the units of 牵头负责单位, most named first', () => {
    expect(departmentsOf('省教育厅、省财政厅，省残联')).toEqual(['省教育厅', '省财政厅', '省残联']);
    expect(departmentChoices(items)).toEqual(['省教育厅', '省财政厅', '省残联', '省卫生健康委']);
  });
  it('keeps the passing items and the 领域 headings they stand under', () => {
    expect([...visibleRowIds(items, { domainSeq: null, department: '省教育厅', text: '' })]).toEqual(['c:1', 'domain-1', 'c:2']);
    expect([...visibleRowIds(items, { domainSeq: null, department: null, text: '康复' })]).toEqual(['c:3', 'domain-2']);
    expect([...visibleRowIds(items, { domainSeq: 1, department: null, text: '残疾' })]).toEqual(['c:2', 'domain-1']);
    expect(visibleRowIds(items, { domainSeq: 2, department: '省教育厅', text: '' }).size).toBe(0);
    // A row inserted under the filter is kept in view with its heading, whatever it holds.
    expect([...visibleRowIds(items, { domainSeq: null, department: null, text: '康复' }, new Set(['c:1']))]).toEqual(['c:1', 'domain-1', 'c:3', 'domain-2']);
  });
});
