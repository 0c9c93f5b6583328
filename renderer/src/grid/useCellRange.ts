// Picking a range of cells as in Excel: click, shift+click, drag, shift+arrows. The range lives in the
// grid marks (drawn by class rules); the active cell stays AG Grid's focused cell.
import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import type { CellPos, CellRange, RangeBox } from './cell-range';
import { extendBy, pickedBox, singleCell } from './cell-range';
import type { GridMarks } from './grid-marks';
import { setMarkedRange } from './grid-marks';

/** The cell an event happened on, from the DOM AG Grid draws (full-width 领域 rows have no cells). */
export function cellOfTarget(target: EventTarget | null): CellPos | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest('.ag-cell');
  const row = target.closest('.ag-row');
  const colId = cell?.getAttribute('col-id');
  const index = row?.getAttribute('row-index');
  if (!cell || !colId || index === null || index === undefined) return null;
  return { rowIndex: Number(index), colId };
}

/** Whether a displayed row is a full-width 领域 heading, as the grid's own isFullWidthRow tells. */
function isHeadingRow(api: GridApi, rowIndex: number): boolean {
  const rowNode = api.getDisplayedRowAtIndex(rowIndex);
  const isFullWidthRow = api.getGridOption('isFullWidthRow');
  return !!rowNode && !!isFullWidthRow?.({ rowNode, api, context: api.getGridOption('context') });
}

/** The first row past `rowIndex`, going by `step`, that is not a heading; null at the grid's end. */
function itemRowBeyond(api: GridApi, rowIndex: number, step: number): number | null {
  for (let i = rowIndex + step; i >= 0 && i < api.getDisplayedRowCount(); i += step) if (!isHeadingRow(api, i)) return i;
  return null;
}

export function columnOrderOf(api: GridApi): string[] {
  return api.getAllDisplayedColumns().map((c) => c.getColId());
}

/** The cells a copy, a paste or Delete in this grid acts on (pickedBox): the range, or the active cell. */
export function pickedBoxOf(api: GridApi, range: CellRange | null): RangeBox | null {
  const cell = api.getFocusedCell();
  return pickedBox(range, cell ? { rowIndex: cell.rowIndex, colId: cell.column.getColId() } : null, columnOrderOf(api));
}

export function useCellRange(api: RefObject<GridApi | null>, wrapper: RefObject<HTMLDivElement | null>, marks: GridMarks) {
  /** The cell a shift+click landed on: AG Grid focusing it must not collapse the range just grown to it. */
  const shiftClicked = useRef<CellPos | null>(null);
  const dragging = useRef(false);

  const setRange = useCallback(
    (range: CellRange | null) => {
      const grid = api.current;
      if (!grid) return;
      setMarkedRange(marks, range, columnOrderOf(grid));
      grid.refreshCells();
    },
    [api, marks],
  );

  /** The cell the keyboard was last in, and whether the pointer just went down on a 领域 heading. */
  const lastCell = useRef<CellPos | null>(null);
  const pointerOnHeading = useRef(false);
  /**
   * Enter after a run of Tabs along a row goes down to the next row in the column the run started from, as in
   * Excel and WPS: a row typed in cell by cell, the next begins under its first cell. `tabStart`: where the run
   * started; `moveKey`: the key that moves the cursor next (Tab, Enter, or another that ends a run).
   */
  const tabStart = useRef<CellPos | null>(null);
  /** With the cell it was pressed on: a key that moved nothing (Enter on the last row) is not taken for a later move. */
  const moveKey = useRef<{ key: 'Tab' | 'Enter' | 'other'; on: CellPos | null } | null>(null);

  const onCellFocused = useCallback(
    (event: CellFocusedEvent) => {
      const colId = event.column && typeof event.column !== 'string' ? event.column.getColId() : null;
      if (event.rowIndex === null || event.rowIndex === undefined || !colId || event.rowPinned) return;
      const grid = api.current;
      // A heading holds no cells to pick (and Enter or an arrow has gone on past it: see focusIn below).
      if (grid && !grid.isDestroyed() && isHeadingRow(grid, event.rowIndex)) return setRange(null);
      const shifted = shiftClicked.current;
      shiftClicked.current = null;
      if (shifted && shifted.rowIndex === event.rowIndex && shifted.colId === colId) return;
      const r = marks.range;
      // The grid giving focus back to the active cell (after a reload, an edit) keeps the range, as Excel does.
      if (r && r.anchor.rowIndex === event.rowIndex && r.anchor.colId === colId) return;
      setRange(singleCell({ rowIndex: event.rowIndex, colId }));
    },
    [api, marks, setRange],
  );

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const down = (event: PointerEvent) => {
      pointerOnHeading.current = event.target instanceof Element && event.target.closest('.ag-full-width-row') !== null;
      // A cell clicked is no Tab or Enter (one that moved nothing, at a row's end, must not count for the click).
      moveKey.current = null;
      tabStart.current = null;
      if (event.button !== 0) return;
      const pos = cellOfTarget(event.target);
      if (!pos) return;
      if (event.target instanceof Element && event.target.closest('.ag-cell-inline-editing, .ag-popup-editor')) return;
      if (event.shiftKey && marks.range) {
        shiftClicked.current = pos;
        setRange({ anchor: marks.range.anchor, focus: pos });
      } else {
        shiftClicked.current = null;
        setRange(singleCell(pos));
      }
      dragging.current = true;
    };
    const move = (event: PointerEvent) => {
      if (!dragging.current || !(event.buttons & 1) || !marks.range) return;
      const pos = cellOfTarget(event.target);
      if (!pos || (pos.rowIndex === marks.range.focus.rowIndex && pos.colId === marks.range.focus.colId)) return;
      setRange({ anchor: marks.range.anchor, focus: pos });
    };
    const up = () => (dragging.current = false);
    const key = (event: KeyboardEvent) => {
      const grid = api.current;
      const plain = !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
      const cell = grid && !grid.isDestroyed() ? grid.getFocusedCell() : null;
      const on = cell ? { rowIndex: cell.rowIndex, colId: cell.column.getColId() } : null;
      if (event.key === 'Tab' || event.key === 'Enter') moveKey.current = { key: plain ? event.key : 'other', on };
      else if (event.key.startsWith('Arrow') || ['Home', 'End', 'PageUp', 'PageDown'].includes(event.key)) moveKey.current = { key: 'other', on };
      // Ctrl+A picks every cell, as in Excel (to copy the whole table into a workbook); in an editor it is the editor's.
      if (grid && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
        if (grid.getEditingCells().length) return;
        const columns = columnOrderOf(grid);
        const count = grid.getDisplayedRowCount();
        if (!columns.length || count === 0) return;
        event.preventDefault();
        event.stopPropagation();
        setRange({ anchor: { rowIndex: 0, colId: columns[0]! }, focus: { rowIndex: count - 1, colId: columns.at(-1)! } });
        return;
      }
      if (!grid || !event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
      if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
      if (grid.getEditingCells().length) return;
      const focused = grid.getFocusedCell();
      if (!focused) return;
      const start = marks.range ?? singleCell({ rowIndex: focused.rowIndex, colId: focused.column.getColId() });
      const next = extendBy(start, event.key, columnOrderOf(grid), grid.getDisplayedRowCount());
      setRange(next);
      grid.ensureIndexVisible(next.focus.rowIndex);
      grid.ensureColumnVisible(next.focus.colId);
      event.preventDefault();
      event.stopPropagation();
    };
    /**
     * Enter or an arrow stepping onto a 领域 heading goes on to the next item, as typing down a column in Excel
     * does: the heading takes no input, and what was typed next on it was lost. Done as the heading takes the
     * browser's focus (AG Grid tells its own cellFocused event late, after keys typed meanwhile), once AG Grid
     * has finished its move and before the next key is handled.
     */
    const focusIn = (event: FocusEvent) => {
      const grid = api.current;
      const focused = grid && !grid.isDestroyed() ? grid.getFocusedCell() : null;
      if (!grid || !focused || focused.rowPinned) return;
      if (!(event.target instanceof Element) || !event.target.closest('.ag-full-width-row')) {
        const to = { rowIndex: focused.rowIndex, colId: focused.column.getColId() };
        const from = lastCell.current;
        lastCell.current = to;
        // The same cell taking the focus again (its editor opening or closing) is no move.
        if (!from || (from.rowIndex === to.rowIndex && from.colId === to.colId)) return;
        const pressed = moveKey.current;
        moveKey.current = null;
        const moved = pressed && pressed.on?.rowIndex === from.rowIndex && pressed.on.colId === from.colId ? pressed.key : null;
        const start = tabStart.current;
        if (moved === 'Tab' && to.rowIndex === from.rowIndex) {
          if (!start || start.rowIndex !== from.rowIndex) tabStart.current = from;
          return;
        }
        tabStart.current = null;
        if (moved === 'Enter' && start && start.rowIndex === from.rowIndex && to.rowIndex > from.rowIndex && to.colId !== start.colId) {
          queueMicrotask(() => {
            if (grid.isDestroyed() || grid.getFocusedCell()?.rowIndex !== to.rowIndex) return;
            grid.ensureColumnVisible(start.colId);
            grid.setFocusedCell(to.rowIndex, start.colId);
          });
        }
        return;
      }
      const clicked = pointerOnHeading.current;
      pointerOnHeading.current = false;
      const from = lastCell.current;
      const heading = focused.rowIndex;
      const step = from ? heading - from.rowIndex : 0;
      if (clicked || !from || (step !== 1 && step !== -1) || !isHeadingRow(grid, heading)) return;
      const to = itemRowBeyond(grid, heading, step) ?? from.rowIndex;
      queueMicrotask(() => {
        if (grid.isDestroyed() || grid.getFocusedCell()?.rowIndex !== heading) return;
        grid.ensureIndexVisible(to);
        grid.setFocusedCell(to, from.colId);
      });
    };
    el.addEventListener('focusin', focusIn, true);
    el.addEventListener('pointerdown', down, true);
    el.addEventListener('pointermove', move);
    el.addEventListener('keydown', key, true);
    window.addEventListener('pointerup', up);
    return () => {
      el.removeEventListener('focusin', focusIn, true);
      el.removeEventListener('pointerdown', down, true);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('keydown', key, true);
      window.removeEventListener('pointerup', up);
    };
  }, [api, wrapper, marks, setRange]);

  return { setRange, onCellFocused };
}
