// Home / End and Ctrl+Home / Ctrl+End as in Excel and WPS, in every grid (the 指标表's too), editable or not:
// a planner reading a published catalogue jumps to its end the same way. AG Grid's own Ctrl+End landed on a
// 领域 heading, and End alone left the row.
import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import { composingSink, isSink } from './cell-input-sink';
import { editSeedWaiting } from './edit-seed';
import { composing } from '../components/ime';

/** The first or the last column of the picked cell's row. */
function jumpAlongRow(api: GridApi, where: 'first' | 'last'): void {
  const cell = api.getFocusedCell();
  const columns = api.getAllDisplayedColumns();
  const column = where === 'first' ? columns[0] : columns.at(-1);
  if (!cell || !column) return;
  api.ensureColumnVisible(column);
  api.setFocusedCell(cell.rowIndex, column);
}

/** A 领域 heading is passed over; rows of a grid without headings (重点任务) all count. */
const isHeading = (data: unknown) => (data as { kind?: string } | undefined)?.kind === 'domain';

/**
 * Ctrl+Home / Ctrl+End: the first cell of the first row, the last cell of the last. Rows of wrapped text take
 * their height once drawn, so the grid's first scroll, made with heights it estimated, can leave the row short
 * of the edge or out of sight: it is scrolled to again once the rows it brought into view are drawn.
 */
export function jumpToEnd(api: GridApi, where: 'first' | 'last'): void {
  const count = api.getDisplayedRowCount();
  const columns = api.getAllDisplayedColumns();
  const indices = where === 'first' ? [...Array(count).keys()] : [...Array(count).keys()].reverse();
  const index = indices.find((i) => !isHeading(api.getDisplayedRowAtIndex(i)?.data));
  const column = where === 'first' ? columns[0] : columns.at(-1);
  if (index === undefined || !column) return;
  const position = where === 'first' ? 'top' : 'bottom';
  api.ensureColumnVisible(column);
  api.ensureIndexVisible(index, position);
  api.setFocusedCell(index, column);
  let tries = 0;
  const settle = () => {
    // Only while the planner is still on that cell and doing nothing else there (not typing, not editing).
    const cell = api.isDestroyed() ? null : api.getFocusedCell();
    if (!cell || cell.rowIndex !== index || cell.column !== column || api.getEditingCells().length || composingSink()) return;
    api.ensureIndexVisible(index, position);
    // Focused before its row was drawn, the cell had no element to take the browser's focus: given it now.
    if (document.activeElement === null || document.activeElement === document.body) api.setFocusedCell(index, column);
    if ((tries += 1) < 3) requestAnimationFrame(() => requestAnimationFrame(settle));
  };
  requestAnimationFrame(() => requestAnimationFrame(settle));
}

/** Listens on the grid's box `wrapper` for the keys, before AG Grid's own handlers. */
export function useJumpKeys(api: RefObject<GridApi | null>, wrapper: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.key !== 'Home' && event.key !== 'End') || event.altKey || event.shiftKey || composing(event)) return;
      // Text typed on a cell is still waiting for its editor: moving away now would drop it.
      if (editSeedWaiting()) return;
      const target = event.target;
      // On a cell or the cell input box only; in an editor, a filter box or the header the keys are theirs.
      if (!(target instanceof HTMLElement) || !(isSink(target) || (target.closest('.ag-cell') && !target.closest('input, textarea, select')))) return;
      const grid = api.current;
      if (!grid || grid.isDestroyed() || grid.getEditingCells().length) return;
      event.preventDefault();
      event.stopPropagation();
      const where = event.key === 'Home' ? 'first' : 'last';
      if (event.ctrlKey || event.metaKey) {
        jumpToEnd(grid, where);
        // A grid below the open summary (测算 on a laptop) reaches past the window: the page scrolls it into view too.
        root.scrollIntoView({ block: 'nearest' });
      } else jumpAlongRow(grid, where);
    };
    root.addEventListener('keydown', onKeyDown, true);
    return () => root.removeEventListener('keydown', onKeyDown, true);
  }, [api, wrapper]);
}
