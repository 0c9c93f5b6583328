// Picking a range of cells as in Excel: click, shift+click, drag, shift+arrows. The range lives in the
// grid marks (drawn by class rules); the active cell stays AG Grid's focused cell.
import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import type { CellPos, CellRange } from './cell-range';
import { extendBy, singleCell } from './cell-range';
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

export function columnOrderOf(api: GridApi): string[] {
  return api.getAllDisplayedColumns().map((c) => c.getColId());
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

  const onCellFocused = useCallback(
    (event: CellFocusedEvent) => {
      const colId = event.column && typeof event.column !== 'string' ? event.column.getColId() : null;
      if (event.rowIndex === null || event.rowIndex === undefined || !colId || event.rowPinned) return;
      const shifted = shiftClicked.current;
      shiftClicked.current = null;
      if (shifted && shifted.rowIndex === event.rowIndex && shifted.colId === colId) return;
      const r = marks.range;
      // The grid giving focus back to the active cell (after a reload, an edit) keeps the range, as Excel does.
      if (r && r.anchor.rowIndex === event.rowIndex && r.anchor.colId === colId) return;
      setRange(singleCell({ rowIndex: event.rowIndex, colId }));
    },
    [marks, setRange],
  );

  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const down = (event: PointerEvent) => {
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
    el.addEventListener('pointerdown', down, true);
    el.addEventListener('pointermove', move);
    el.addEventListener('keydown', key, true);
    window.addEventListener('pointerup', up);
    return () => {
      el.removeEventListener('pointerdown', down, true);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('keydown', key, true);
      window.removeEventListener('pointerup', up);
    };
  }, [api, wrapper, marks, setRange]);

  return { setRange, onCellFocused };
}
