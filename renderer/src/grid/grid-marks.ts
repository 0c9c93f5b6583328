// What the grid draws beside the values: the picked range and the find hits. One mutable object the
// column class rules and the cell renderer read (AG Grid re-reads class rules on refreshCells), so a
// change redraws the cells on screen without rebuilding the columns.
import type { CellRange, RangeBox } from './cell-range';
import { rangeBox } from './cell-range';
import type { FindHit } from './find';

export interface GridMarks {
  range: CellRange | null;
  box: RangeBox | null;
  columnOrder: readonly string[];
  findQuery: string;
  currentHit: FindHit | null;
}

export function newGridMarks(): GridMarks {
  return { range: null, box: null, columnOrder: [], findQuery: '', currentHit: null };
}

export function setMarkedRange(marks: GridMarks, range: CellRange | null, columnOrder: readonly string[]): void {
  marks.range = range;
  marks.columnOrder = columnOrder;
  marks.box = range ? rangeBox(range, columnOrder) : null;
}

function inBox(marks: GridMarks, rowIndex: number | null, colId: string): number {
  const box = marks.box;
  // One cell alone is AG Grid's own focused cell: only a range of several is drawn.
  if (!box || (box.top === box.bottom && box.colIds.length < 2)) return -1;
  if (rowIndex === null || rowIndex < box.top || rowIndex > box.bottom) return -1;
  return box.colIds.indexOf(colId);
}

/** AG Grid cellClassRules for a column: the range's cells, its edges drawn as a frame. */
export function rangeClassRules(marks: GridMarks, colId: string) {
  type P = { node: { rowIndex: number | null } };
  return {
    'in-range': (p: P) => inBox(marks, p.node.rowIndex, colId) >= 0,
    'range-top': (p: P) => inBox(marks, p.node.rowIndex, colId) >= 0 && p.node.rowIndex === marks.box!.top,
    'range-bottom': (p: P) => inBox(marks, p.node.rowIndex, colId) >= 0 && p.node.rowIndex === marks.box!.bottom,
    'range-left': (p: P) => inBox(marks, p.node.rowIndex, colId) === 0,
    'range-right': (p: P) => {
      const at = inBox(marks, p.node.rowIndex, colId);
      return at >= 0 && at === marks.box!.colIds.length - 1;
    },
  };
}
