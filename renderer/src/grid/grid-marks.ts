// What the grid draws beside the values: the picked range and the find hits. One mutable object the
// column class rules and the cell renderer read (AG Grid re-reads class rules on refreshCells), so a
// change redraws the cells on screen without rebuilding the columns.
import type { CellRange, RangeBox } from './cell-range';
import { rangeBox, rangeClasses } from './cell-range';
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

/** AG Grid cellClassRules for a column: the range's cells, its edges drawn as a frame. */
export function rangeClassRules(marks: GridMarks, colId: string) {
  type P = { node: { rowIndex: number | null } };
  // One cell alone is AG Grid's own focused cell: only a range of several is drawn.
  const has = (name: string) => (p: P) => {
    const box = marks.box;
    if (!box || (box.top === box.bottom && box.colIds.length < 2)) return false;
    return rangeClasses(box, p.node.rowIndex, colId).includes(name);
  };
  return {
    'in-range': has('in-range'),
    'range-top': has('range-top'),
    'range-bottom': has('range-bottom'),
    'range-left': has('range-left'),
    'range-right': has('range-right'),
  };
}
