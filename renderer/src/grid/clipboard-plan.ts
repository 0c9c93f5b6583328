// What a copy takes from the grid and what a paste asks the Node side to write: pure, over the rows as
// shown, so the view component keeps none of this protocol.
import type { Request } from '../../../shared/contract';
import { isHeaderRow } from '../../../shared/domain/clipboard-text';
import type { CellBlock } from '../../../shared/domain/clipboard-text';
import { fieldOfHeading, normaliseHeading } from '../../../shared/domain/catalogue-import/columns';
import { ITEM_FIELDS } from '../../../shared/domain/catalogue';
import type { ColumnLabels, ItemField } from '../../../shared/domain/catalogue';
import type { GridRow, ItemRow } from './catalogue-rows';
import type { RangeBox } from './cell-range';

const isField = (colId: string): colId is ItemField => (ITEM_FIELDS as readonly string[]).includes(colId);

function shown(row: ItemRow, colId: string): string {
  if (colId === 'itemNo') return String(row.itemNo);
  return isField(colId) ? (row[colId] ?? '') : '';
}

/** The item rows of the box (domain heading rows are not cells), top to bottom, as text. */
export function copyBlock(rows: readonly GridRow[], box: RangeBox): CellBlock {
  const block: CellBlock = [];
  for (let r = box.top; r <= box.bottom; r += 1) {
    const row = rows[r];
    if (row?.kind === 'item') block.push(box.colIds.map((c) => shown(row, c)));
  }
  return block;
}

export type PasteRequest = Request<'items.paste'>;

export interface PastePlan {
  request: PasteRequest;
  /** What was left out and why (a column that cannot be pasted into), in Chinese; empty when nothing. */
  notices: string[];
  /** Rows of the grid the block covers (existing ones), to show it picked afterwards. */
  lastRowIndex: number;
  lastColId: string;
}

export interface PasteTarget {
  catalogueId: string;
  rows: readonly GridRow[];
  /** Column ids as shown, 序号 first. */
  columnOrder: readonly string[];
  labels: ColumnLabels;
  startRow: number;
  startCol: string;
  /** The last item of each domain in the catalogue, where rows beyond the block's end go. */
  lastItemOfDomain: (domainSeq: number) => string | null;
}

const cellValue = (text: string): string | null => (text.trim() === '' ? null : text);

/** A heading names a column when it is this catalogue's label for it or one the annexes print for it (序号, 服务标准 …). */
const namesColumn = (text: string, colId: string, labels: ColumnLabels) =>
  fieldOfHeading(text) === colId || (colId in labels && normaliseHeading(labels[colId as keyof ColumnLabels]) === normaliseHeading(text));

/**
 * The block laid at the start cell, across and down, as Excel pastes: over the item rows shown below it
 * in the same 领域, then as new rows at the end of that 领域. A column that cannot take text (序号) or
 * lies beyond the last is left out with a notice. Returns a refusal (a sentence) when nothing can go.
 */
export function planPaste(pasted: CellBlock, target: PasteTarget, action: 'paste' | 'cut' | 'clear' = 'paste'): PastePlan | string {
  const start = target.rows[target.startRow];
  if (!start || start.kind !== 'item') return '请先选中一个服务项目的单元格（不是领域标题行），再粘贴。';
  const startAt = target.columnOrder.indexOf(target.startCol);
  const notices: string[] = [];
  // A range copied with its header row (序号, 服务项目 …): the names are not an item.
  const landsOn = target.columnOrder.slice(startAt);
  const headerLeftOut = pasted.length > 1 && isHeaderRow(pasted[0]!, (text, j) => landsOn[j] !== undefined && namesColumn(text, landsOn[j]!, target.labels));
  if (headerLeftOut) notices.push('第一行是表头，没有粘贴');
  const block = headerLeftOut ? pasted.slice(1) : pasted;
  const width = Math.max(0, ...block.map((r) => r.length));
  // Which block column lands on which field (null: left out).
  const fieldOf: (ItemField | null)[] = [];
  const clippedNo: number[] = [];
  let beyond = 0;
  for (let c = 0; c < width; c += 1) {
    const colId = target.columnOrder[startAt + c];
    if (colId === undefined) {
      beyond += 1;
      fieldOf.push(null);
    } else if (!isField(colId)) {
      clippedNo.push(c + 1);
      fieldOf.push(null);
    } else fieldOf.push(colId);
  }
  if (clippedNo.length) notices.push(`“${target.labels.itemNo}”由系统按顺序编排，不能粘贴，所粘内容的第 ${clippedNo.join('、')} 列没有粘贴`);
  if (beyond) notices.push(`超出最后一栏“${target.labels.leadDepartment}”的 ${beyond} 列没有粘贴`);
  if (!fieldOf.some((f) => f !== null)) return `这里没有可以粘贴的栏目：${notices.join('；')}。请选中“${target.labels.name}”等栏目的单元格再粘贴。`;

  const cells: PasteRequest['cells'] = [];
  const newRows: NonNullable<PasteRequest['newRows']>['rows'] = [];
  let r = target.startRow;
  let lastRowIndex = target.startRow;
  for (const line of block) {
    while (r < target.rows.length && target.rows[r]?.kind !== 'item') r += 1;
    const row = target.rows[r];
    const inDomain = row?.kind === 'item' && row.domainSeq === start.domainSeq;
    if (inDomain) {
      line.forEach((text, c) => {
        const field = fieldOf[c];
        if (field) cells.push({ itemId: row.id, field, value: cellValue(text), expected: row[field] });
      });
      lastRowIndex = r;
      r += 1;
    } else {
      const fresh: Partial<Record<ItemField, string | null>> = {};
      line.forEach((text, c) => {
        const field = fieldOf[c];
        if (field) fresh[field] = cellValue(text);
      });
      newRows.push(fresh);
    }
  }
  const afterItemId = newRows.length ? target.lastItemOfDomain(start.domainSeq) : null;
  const lastField = [...fieldOf].reverse().find((f) => f !== null)!;
  return {
    request: {
      catalogueId: target.catalogueId,
      action,
      cells,
      newRows: newRows.length && afterItemId ? { afterItemId, rows: newRows } : null,
    },
    notices,
    lastRowIndex,
    lastColId: lastField,
  };
}

/** Every editable cell of the box emptied (Delete on a range, the second half of a cut). */
export function planClear(rows: readonly GridRow[], box: RangeBox, catalogueId: string, action: 'cut' | 'clear'): PasteRequest {
  const cells: PasteRequest['cells'] = [];
  for (let r = box.top; r <= box.bottom; r += 1) {
    const row = rows[r];
    if (row?.kind !== 'item') continue;
    for (const colId of box.colIds) {
      if (isField(colId) && row[colId] !== null) cells.push({ itemId: row.id, field: colId, value: null, expected: row[colId] });
    }
  }
  return { catalogueId, action, cells, newRows: null };
}
