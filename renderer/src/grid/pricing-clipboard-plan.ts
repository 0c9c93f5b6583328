// What a paste, cut or Delete in the 测算 grid asks the Node side to write: pure, over the rows as shown.
// Only the cost drivers can be written; a block is pasted onto the items from the picked cell down (the
// full-width 领域 rows are headings, not rows of cells), as a list copied from Excel lands on the items.
import type { Request } from '../../../shared/contract';
import { isHeaderRow } from '../../../shared/domain/clipboard-text';
import type { CellBlock } from '../../../shared/domain/clipboard-text';
import { DRIVER_FIELDS, DRIVER_FIELD_LABELS, driverCellName, normalisedDriverText, parseDriverField } from '../../../shared/domain/pricing/drivers';
import type { DriverField } from '../../../shared/domain/pricing/drivers';
import type { RangeBox } from './cell-range';
import type { PricingGridItem, PricingGridRow } from './pricing-rows';

export type DriverPaste = Request<'drivers.paste'>;
type DriverCell = DriverPaste['cells'][number];

export const isDriverField = (colId: string): colId is DriverField => (DRIVER_FIELDS as readonly string[]).includes(colId);

function stored(row: PricingGridItem, field: DriverField): string | null {
  const value = row.driver[field];
  return value === null ? null : String(value);
}


/** The item rows of the box, top to bottom, with their displayed row index. */
function itemRowsIn(rows: readonly PricingGridRow[], top: number, bottom: number): { index: number; row: PricingGridItem }[] {
  const out: { index: number; row: PricingGridItem }[] = [];
  for (let index = top; index <= bottom; index += 1) {
    const row = rows[index];
    if (row?.kind === 'item') out.push({ index, row });
  }
  return out;
}

/** The item rows of the box as the grid shows them (`shown` gives a cell's displayed text). */
export function copyPricingBlock(rows: readonly PricingGridRow[], box: RangeBox, shown: (row: PricingGridItem, colId: string) => string): CellBlock {
  return itemRowsIn(rows, box.top, box.bottom).map(({ row }) => box.colIds.map((colId) => shown(row, colId)));
}

export interface DriverPastePlan {
  request: DriverPaste;
  /** The block's first row was its header (copied with the columns' names), and was left out. */
  headerLeftOut: boolean;
  /** The block as pasted, to show it picked afterwards. */
  lastRowIndex: number;
  lastColId: string;
}

export interface DriverPasteTarget {
  catalogueId: string;
  rows: readonly PricingGridRow[];
  columnOrder: readonly string[];
  /** The picked cells: a block starts at their top left; one value fills all of them, as in Excel. */
  box: RangeBox;
  headerOf: (colId: string) => string;
  /** A rule as the grid shows it (its name) or as stored (its id): the id. */
  ruleId: (text: string) => string;
}

/** A heading without the unit it ends with: 补助标准（元）, 覆盖率(%), 合计（万元）. */
const bare = (name: string) => name.replace(/[（(][^）)]*[）)]$/u, '').trim();

/**
 * A column's names as a header row copied with it gives them (服务人群, 补助标准, 合计（万元）…, with or without
 * the unit in brackets): from Excel, or from this grid with its headers.
 */
function columnNames(colId: string, headerOf: (colId: string) => string): string[] {
  return [headerOf(colId), isDriverField(colId) ? DRIVER_FIELD_LABELS[colId] : ''].filter(Boolean).flatMap((n) => [n, bare(n)]);
}

/** Whether a pasted heading names the column, as this grid heads it or as a planner's sheet does, with its unit. */
const namesColumn = (text: string, colId: string, headerOf: (colId: string) => string) => {
  const names = columnNames(colId, headerOf);
  return names.includes(text) || names.includes(bare(text));
};

/** The cells a block writes, each checked as one edit would be, or why it cannot be pasted (Chinese). */
export function planDriverPaste(pasted: CellBlock, target: DriverPasteTarget): DriverPastePlan | string {
  const { rows, columnOrder, box } = target;
  const startCol = columnOrder.indexOf(box.colIds[0]!);
  const landsOn = columnOrder.slice(startCol);
  const headerLeftOut = pasted.length > 1 && isHeaderRow(pasted[0]!, (text, j) => landsOn[j] !== undefined && namesColumn(text, landsOn[j]!, target.headerOf));
  const block = headerLeftOut ? pasted.slice(1) : pasted;
  const blockWidth = Math.max(...block.map((r) => r.length));
  // As Excel: a block onto a larger picked range that holds it a whole number of times across and down is
  // repeated over it (one value fills the range). A picked range one cell wide (or high) takes the block's width
  // (or height): one item's row of drivers onto a column of picked items fills each of them. Onto any other
  // range it is laid once, from its top left.
  const picked = itemRowsIn(rows, box.top, box.bottom);
  const across = box.colIds.length % blockWidth === 0 ? box.colIds.length : box.colIds.length === 1 ? blockWidth : null;
  const down = picked.length % block.length === 0 ? picked.length : picked.length === 1 ? block.length : null;
  const fill = across !== null && down !== null && (down > block.length || across > blockWidth);
  const single = block.length === 1 && blockWidth === 1;
  const width = fill ? across : blockWidth;
  const colIds = columnOrder.slice(startCol, startCol + width);
  if (colIds.length < width) return `粘贴的内容有 ${width} 列，从所选单元格往右只有 ${colIds.length} 列。`;
  const notDriver = colIds.filter((c) => !isDriverField(c));
  // One value over a range skips the figures in it; a block never lands on them.
  if (notDriver.length && !(fill && single)) {
    return `粘贴的区域包含“${target.headerOf(notDriver[0]!)}”列：测算表中只有测算参数（${DRIVER_FIELDS.map((f) => DRIVER_FIELD_LABELS[f]).join('、')}）可以粘贴，没有粘贴任何内容。`;
  }
  const need = fill ? down! : block.length;
  const targets = fill && down === picked.length ? picked : itemRowsIn(rows, box.top, rows.length - 1).slice(0, need);
  if (targets.length === 0) return '请先点选服务项目的单元格，再粘贴。';
  if (targets.length < need) return `粘贴的内容有 ${need} 行，从第${targets[0]!.row.itemNo}项往下只有 ${targets.length} 项，没有粘贴任何内容。`;
  const cells: DriverCell[] = [];
  for (const [i, { row }] of targets.entries()) {
    for (const [j, colId] of colIds.entries()) {
      if (!isDriverField(colId)) continue;
      const text = (block[i % block.length]![j % blockWidth] ?? '').trim();
      const value = text === '' ? null : colId === 'splitRuleId' ? target.ruleId(text) : text;
      const parsed = parseDriverField(colId, value);
      if (!parsed.ok) return `${driverCellName(row.itemNo, row.name, colId)}：${parsed.message}，没有粘贴任何内容。`;
      const expected = stored(row, colId);
      if (normalisedDriverText(colId, value) === normalisedDriverText(colId, expected)) continue;
      cells.push({ itemId: row.itemId, field: colId, value, expected });
    }
  }
  const last = targets.at(-1)!;
  return {
    request: { catalogueId: target.catalogueId, action: 'paste', cells },
    headerLeftOut,
    lastRowIndex: last.index,
    lastColId: colIds.at(-1)!,
  };
}

/** The filled driver cells of the box emptied (Delete, or the second half of a cut). */
export function planDriverClear(rows: readonly PricingGridRow[], box: RangeBox, catalogueId: string, action: 'cut' | 'clear'): DriverPaste {
  const cells: DriverCell[] = [];
  for (const { row } of itemRowsIn(rows, box.top, box.bottom)) {
    for (const colId of box.colIds) {
      if (!isDriverField(colId)) continue;
      const expected = stored(row, colId);
      if (expected !== null) cells.push({ itemId: row.itemId, field: colId, value: null, expected });
    }
  }
  return { catalogueId, action, cells };
}
