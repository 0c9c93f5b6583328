// Tab past a row's last column goes on to the next item's first column that takes text, Shift+Tab before that
// column to the last one of the item above, as a planner tabs along a row in Excel: never onto 序号 (numbered by
// the system: what was typed there next was dropped) nor onto a 领域 heading.
import type { CellPosition, TabToNextCellParams } from 'ag-grid-community';

/** The grid's tabToNextCell, for columns `fixed` that take no text and rows whose data `isItem` says hold cells. */
export function tabOverFixed(fixed: readonly string[], isItem: (data: unknown) => boolean) {
  return ({ api, backwards, previousCellPosition, nextCellPosition }: TabToNextCellParams): CellPosition | boolean => {
    // Past the last cell of the last row (AG Grid offers none) the cursor stays, not leaving the grid.
    if (!nextCellPosition) return true;
    const onItem = (rowIndex: number) => isItem(api.getDisplayedRowAtIndex(rowIndex)?.data);
    if (!fixed.includes(nextCellPosition.column.getColId()) && onItem(nextCellPosition.rowIndex)) return nextCellPosition;
    const columns = api.getAllDisplayedColumns().filter((c) => !fixed.includes(c.getColId()));
    const step = backwards ? -1 : 1;
    let rowIndex = previousCellPosition.rowIndex + step;
    while (rowIndex >= 0 && rowIndex < api.getDisplayedRowCount() && !onItem(rowIndex)) rowIndex += step;
    // Past the first or the last item the cursor stays where it is.
    if (rowIndex < 0 || rowIndex >= api.getDisplayedRowCount() || !columns.length) return true;
    return { rowIndex, rowPinned: null, column: (backwards ? columns.at(-1) : columns[0])! };
  };
}
