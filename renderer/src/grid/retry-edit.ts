// Excel's 重试: a value refused as typed goes back into its cell's editor, as typed, to be put right where it
// was typed (Esc then gives the cell back as it was); before, the text was gone and the cursor on the next
// row. Only for an edit ended by Enter or Tab in its editor, and only while the planner has not moved on: an
// edit ended by a click elsewhere stays ended, and a refusal arriving late never takes the cursor back.
import type { GridApi } from 'ag-grid-community';
import { cellKey, seedNextEdit } from './edit-seed';
import { composing } from '../components/ime';

let endedByKey: string | null = null;

/** As an editor opens: how an earlier edit ended (Enter on an unchanged value asks nothing) is no longer news. */
export function noteEditStart(): void {
  endedByKey = null;
}

/** From an editor's keydown, before the grid's own handler: whether Enter or Tab is ending this cell's edit. */
export function noteEditEnd(event: KeyboardEvent, cell: string | null): void {
  endedByKey = cell !== null && (event.key === 'Enter' || event.key === 'Tab') && !composing(event) ? cell : null;
}

const focusedAt = (api: GridApi): string | null => {
  const focused = api.getFocusedCell();
  return focused ? `${focused.rowIndex}/${focused.column.getColId()}` : null;
};

/**
 * For the edit of a cell (its row's id and column) whose value the grid has just asked to save: a function
 * that opens the cell's editor again with `text`, to call when that value is refused.
 */
export function retryWhereTyped(api: GridApi, rowId: string | undefined, colId: string): (text: string) => void {
  const cell = cellKey(rowId, colId);
  const byKey = endedByKey === cell;
  endedByKey = null;
  // Where Enter or Tab took the cursor, once the grid's own handler has run (after this request).
  let movedTo: string | null = null;
  setTimeout(() => (movedTo = focusedAt(api)));
  return (text) => {
    if (!byKey || rowId === undefined) return;
    setTimeout(() => {
      if (api.isDestroyed() || api.getEditingCells().length > 0 || focusedAt(api) !== movedTo) return;
      const rowIndex = api.getRowNode(rowId)?.rowIndex;
      if (rowIndex === null || rowIndex === undefined) return;
      api.setFocusedCell(rowIndex, colId);
      seedNextEdit(text, cell);
      api.startEditingCell({ rowIndex, colKey: colId });
    });
  };
}
