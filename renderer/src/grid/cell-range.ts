// The cells a planner has picked, as in Excel: an anchor (where the pick began) and a far corner, by
// displayed row index and column. AG Grid Community has no cell ranges; this is ours, drawn by class rules.

export interface CellPos {
  rowIndex: number;
  colId: string;
}

export interface CellRange {
  anchor: CellPos;
  focus: CellPos;
}

export interface RangeBox {
  top: number;
  bottom: number;
  /** Column ids left to right. */
  colIds: string[];
}

export const singleCell = (pos: CellPos): CellRange => ({ anchor: pos, focus: pos });

/** The rectangle the range covers, in the order the columns are shown. */
export function rangeBox(range: CellRange, columnOrder: readonly string[]): RangeBox {
  const a = columnOrder.indexOf(range.anchor.colId);
  const f = columnOrder.indexOf(range.focus.colId);
  const left = Math.min(a, f);
  const right = Math.max(a, f);
  return {
    top: Math.min(range.anchor.rowIndex, range.focus.rowIndex),
    bottom: Math.max(range.anchor.rowIndex, range.focus.rowIndex),
    colIds: left < 0 ? [] : columnOrder.slice(left, right + 1),
  };
}

/**
 * The cells a copy, a paste or Delete acts on: the range, or the grid's active cell alone when the range no
 * longer holds it. As in Excel the active cell is always inside the pick; AG Grid tells a move of it late, and
 * Delete pressed at once (Shift+Tab out of an editor, then Delete) cleared the cell left behind.
 */
export function pickedBox(range: CellRange | null, active: CellPos | null, columnOrder: readonly string[]): RangeBox | null {
  if (range) {
    const box = rangeBox(range, columnOrder);
    if (!active || (active.rowIndex >= box.top && active.rowIndex <= box.bottom && box.colIds.includes(active.colId))) return box;
  }
  return active ? rangeBox(singleCell(active), columnOrder) : null;
}

export function isSingle(range: CellRange): boolean {
  return range.anchor.rowIndex === range.focus.rowIndex && range.anchor.colId === range.focus.colId;
}

/** The far corner moved one step, kept inside the grid (shift+arrow). */
export function extendBy(range: CellRange, key: string, columnOrder: readonly string[], rowCount: number): CellRange {
  const { focus } = range;
  const col = columnOrder.indexOf(focus.colId);
  const clampRow = (r: number) => Math.max(0, Math.min(rowCount - 1, r));
  const clampCol = (c: number) => columnOrder[Math.max(0, Math.min(columnOrder.length - 1, c))]!;
  switch (key) {
    case 'ArrowUp':
      return { ...range, focus: { ...focus, rowIndex: clampRow(focus.rowIndex - 1) } };
    case 'ArrowDown':
      return { ...range, focus: { ...focus, rowIndex: clampRow(focus.rowIndex + 1) } };
    case 'ArrowLeft':
      return { ...range, focus: { ...focus, colId: clampCol(col - 1) } };
    case 'ArrowRight':
      return { ...range, focus: { ...focus, colId: clampCol(col + 1) } };
    default:
      return range;
  }
}

/** Class names for a cell: inside the range, and which of the range's edges it lies on. */
export function rangeClasses(box: RangeBox | null, rowIndex: number | null, colId: string): string[] {
  if (!box || rowIndex === null || rowIndex < box.top || rowIndex > box.bottom) return [];
  const at = box.colIds.indexOf(colId);
  if (at < 0) return [];
  const out = ['in-range'];
  if (rowIndex === box.top) out.push('range-top');
  if (rowIndex === box.bottom) out.push('range-bottom');
  if (at === 0) out.push('range-left');
  if (at === box.colIds.length - 1) out.push('range-right');
  return out;
}
