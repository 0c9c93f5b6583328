// Ctrl+F on the 条目 tab: find across the text columns of the rows shown, every occurrence marked in its
// cell, 第 3/17 处, Enter / Shift+Enter (or the arrows) to the next and previous, Esc to close.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { GridRow } from '../../grid/catalogue-rows';
import { FIND_FIELDS, findHits } from '../../grid/find';
import type { FindHit } from '../../grid/find';
import type { GridMarks } from '../../grid/grid-marks';

export interface FindBarProps {
  api: RefObject<GridApi<GridRow> | null>;
  marks: GridMarks;
  /** The rows shown (after the filter), in catalogue order. */
  rows: readonly GridRow[];
  /** Bumped by each Ctrl+F, to put the cursor back in the box. */
  focusKey: number;
  onClose: () => void;
}

export function FindBar({ api, marks, rows, focusKey, onClose }: FindBarProps) {
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const box = useRef<HTMLInputElement>(null);
  const hits = useMemo<FindHit[]>(() => findHits(rows, query), [rows, query]);
  const index = hits.length ? Math.min(at, hits.length - 1) : -1;
  const current = index >= 0 ? hits[index]! : null;

  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, [focusKey]);

  // Draw the hits and bring the current one into view.
  useEffect(() => {
    const grid = api.current;
    if (!grid || grid.isDestroyed()) return;
    marks.findQuery = query.trim();
    marks.currentHit = current;
    grid.refreshCells({ columns: [...FIND_FIELDS], force: true });
    if (current) {
      const node = grid.getRowNode(current.itemId);
      if (node) grid.ensureNodeVisible(node, 'middle');
      grid.ensureColumnVisible(current.field);
    }
  }, [api, marks, query, current]);

  const close = useCallback(() => {
    const grid = api.current;
    marks.findQuery = '';
    marks.currentHit = null;
    if (grid && !grid.isDestroyed()) {
      grid.refreshCells({ columns: [...FIND_FIELDS], force: true });
      const node = current ? grid.getRowNode(current.itemId) : null;
      if (node?.rowIndex !== null && node?.rowIndex !== undefined && current) grid.setFocusedCell(node.rowIndex, current.field);
    }
    onClose();
  }, [api, marks, current, onClose]);

  const step = (by: number) => hits.length && setAt((index + by + hits.length) % hits.length);

  return (
    <div className="find-bar" role="search" aria-label="查找">
      <input
        ref={box}
        type="search"
        value={query}
        placeholder="查找（所有栏目）"
        aria-label="查找内容"
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {!query.trim() ? '' : hits.length ? `第 ${index + 1}/${hits.length} 处` : '没有找到'}
      </span>
      <button type="button" title="上一处（Shift+回车）" aria-label="上一处" disabled={!hits.length} onClick={() => step(-1)}>↑</button>
      <button type="button" title="下一处（回车）" aria-label="下一处" disabled={!hits.length} onClick={() => step(1)}>↓</button>
      <button type="button" title="关闭（Esc）" aria-label="关闭查找" onClick={close}>×</button>
    </div>
  );
}
