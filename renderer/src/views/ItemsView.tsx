// The 条目 tab: the catalogue grid as a planner edits it in Excel or WPS. Every change (a cell, a row
// inserted, deleted or moved) is one step of the catalogue's own undo history, kept in the database, so
// 撤销/重做 work across paste, insert, delete and move and after a restart.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, CellFocusedEvent, GetRowIdParams, GridApi, GridReadyEvent, IRowNode, IsFullWidthRowParams, RowHeightParams, RowSelectionOptions } from 'ag-grid-community';
import type { CatalogueDetail, CatalogueItem, ItemField } from '../../../shared/domain/catalogue';
import { useHistoryState } from './useHistorySteps';
import { ApiError, errorMessage, invoke } from '../api/client';
import { normaliseCellText } from '../../../shared/domain/commands';
import { catalogueRows } from '../grid/catalogue-rows';
import type { GridRow, ItemRow } from '../grid/catalogue-rows';
import { catalogueColumns } from '../grid/columns';
import { DomainRowRenderer } from '../grid/DomainRowRenderer';
import { gridTheme } from '../grid/theme';
import { GRID_LOCALE } from '../grid/locale';
import { saveStatusText } from './save-status';
import type { SaveStatus } from './save-status';
import { useStructure } from './items/useStructure';
import { newGridMarks } from '../grid/grid-marks';
import type { GridMarks } from '../grid/grid-marks';
import type { DomainRowContext } from '../grid/DomainRowRenderer';
import { useCellRange } from '../grid/useCellRange';
import { useCellInput } from '../grid/useCellInput';
import { retryWhereTyped } from '../grid/retry-edit';
import { CellSaves } from '../grid/cell-saves';
import { cellKey, typedKeysWaiting } from '../grid/edit-seed';
import { historyKeyDirection } from '../grid/history-key';
import { tabOverFixed } from '../grid/tab-wrap';
import { typingElsewhere, useClipboard } from '../grid/useClipboard';
import { NO_FILTER, isFiltering, visibleRowIds } from '../grid/item-filter';
import type { ItemFilter } from '../grid/item-filter';
import { FindBar } from './items/FindBar';
import { FilterBar } from './items/FilterBar';

/** No rows kept in view beyond what the filter passes. */
const NO_ROWS: ReadonlySet<string> = new Set();
// Grid options that never change, kept out of render: a new getRowHeight or rowSelection on each render
// would make the grid reset its measured (wrapped) row heights.
const getRowId = (p: GetRowIdParams<GridRow>) => p.data.id;
const tabToNextCell = tabOverFixed(['itemNo'], (data) => (data as GridRow | undefined)?.kind === 'item');
const isFullWidthRow = (p: IsFullWidthRowParams<GridRow>) => p.rowNode.data?.kind === 'domain';
const getRowHeight = (p: RowHeightParams<GridRow>) => (p.data?.kind === 'domain' ? 40 : undefined);
const ROW_SELECTION: RowSelectionOptions<GridRow> = {
  mode: 'multiRow',
  checkboxes: false,
  headerCheckbox: false,
  enableClickSelection: true,
  isRowSelectable: (node) => node.data?.kind === 'item',
};

/**
 * Keys typed into a text box keep their own meaning there (Ctrl+Z undoes typing, Delete deletes a character);
 * the grid's keyboard sink (the hidden box that lets an input method type into a picked cell) is the grid.
 */
/** The cell the cursor is on, for the history panel: its item and column, or nulls on a 领域 row. */
export type FocusedCell = { itemId: string | null; field: ItemField | null };

interface Props {
  detail: CatalogueDetail;
  readOnly: boolean;
  /** After a step that changes more than a row (insert, delete, move, undo): the catalogue is read again. */
  onChanged: () => Promise<void>;
  /** A cell saved: the item as the database now holds it, kept by the page when this grid is gone (another tab). */
  onSaved: (item: CatalogueItem) => void;
  onCellFocused?: (cell: FocusedCell) => void;
}

export function ItemsView({ detail, readOnly, onChanged, onSaved, onCellFocused }: Props) {
  const catalogueId = detail.summary.id;
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [busy, setBusy] = useState(false);
  const api = useRef<GridApi<GridRow> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  // The picked range and the find hits, read by the columns' class rules and the cell renderer.
  const marks = useRef(newGridMarks()).current;
  const { setRange, onCellFocused: onRangeFocus } = useCellRange(api, wrapper, marks);
  const hasItems = detail.items.length > 0;
  const [filter, setFilter] = useState<ItemFilter>(NO_FILTER);
  // Rows inserted or edited while a filter is on stay in view until it changes, as Excel keeps them until its
  // filter is applied again: the cursor goes to a new row and what is typed next lands there, not in the row
  // beside; a row edited so that it no longer passes does not vanish under the planner's eyes.
  const [kept, setKept] = useState<{ under: ItemFilter; ids: ReadonlySet<string> }>({ under: NO_FILTER, ids: new Set() });
  const keep = kept.under === filter ? kept.ids : NO_ROWS;
  const keepInView = useCallback(
    (itemId: string) => setKept((was) => (was.under === filter && was.ids.has(itemId) ? was : { under: filter, ids: new Set([...(was.under === filter ? was.ids : []), itemId]) })),
    [filter],
  );
  const [find, setFind] = useState<{ open: boolean; focusKey: number }>({ open: false, focusKey: 0 });
  // Cells whose save has not come back yet: not editable until it does, so a second edit never starts
  // from a value the database has not confirmed (and one AG Grid opened before telling the last waits for it).
  const saves = useRef(new CellSaves<CatalogueItem>());
  const latestEdit = useRef(0);
  /** The row (and column) to put the cursor on once the grid shows the reloaded catalogue. */
  const focusAfter = useRef<{ itemId: string | null; index: number; colId: string } | null>(null);
  const rows = useMemo(() => catalogueRows(detail), [detail]);
  const filtering = isFiltering(filter);
  const visible = useMemo(() => visibleRowIds(detail.items, filter, keep), [detail.items, filter, keep]);
  const shownList = useMemo(() => (filtering ? rows.filter((r) => visible.has(r.id)) : rows), [rows, visible, filtering]);
  const filterRef = useRef({ filtering, visible });
  filterRef.current = { filtering, visible };
  // Filtered again only when what passes changes: not for every saved cell (an open editor would close).
  const visibleKey = filtering ? [...visible].join('|') : '';
  useEffect(() => api.current?.onFilterChanged(), [filtering, visibleKey]);
  const isExternalFilterPresent = useCallback(() => filterRef.current.filtering, []);
  const doesExternalFilterPass = useCallback((node: IRowNode<GridRow>) => !!node.data && filterRef.current.visible.has(node.data.id), []);
  // Steps run one after another in the order asked: three quick Ctrl+Z are three undos, none lost. While one
  // is under way the rows may still show what it changes: a cell typed into waits (its text kept) rather than
  // start from a value about to go and be refused as changed elsewhere.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  // Built once per set of headings: a reload after an insert must not rebuild (and reset) the columns.
  const labelsKey = JSON.stringify(detail.columnLabels);
  const columns = useMemo(
    () => catalogueColumns(JSON.parse(labelsKey) as CatalogueDetail['columnLabels'], (row, field) => !readOnly && pending.current === 0 && !saves.current.busy(cellKey(row.id, field)), marks),
    [labelsKey, readOnly, marks],
  );

  const { history, known: knownHistory, refreshHistory } = useHistoryState(catalogueId);
  // Saves whose step is not yet in the history as last read: a Ctrl+Z meanwhile is queued, not dropped.
  const settling = useRef(0);

  // After a reload, the cursor goes back where the planner was working.
  useEffect(() => {
    const want = focusAfter.current;
    const grid = api.current;
    if (!want || !grid) return;
    focusAfter.current = null;
    const node = want.itemId ? grid.getRowNode(want.itemId) : null;
    let index = node?.rowIndex ?? Math.min(want.index, grid.getDisplayedRowCount() - 1);
    if (!node && grid.getDisplayedRowAtIndex(index)?.data?.kind === 'domain') index = Math.max(0, index - 1);
    if (index < 0) return;
    grid.ensureIndexVisible(index);
    grid.setFocusedCell(index, want.colId);
    clipboard.afterReload();
  }, [rows]);

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<GridRow>) => {
      const shown = event.data;
      if (!shown || shown.kind !== 'item' || readOnly) return;
      const field = event.column.getColId() as ItemField;
      const value = typeof event.newValue === 'string' ? event.newValue : null;
      const retry = retryWhereTyped(event.api, event.node.id, field);
      const save = async (before: CatalogueItem | undefined): Promise<CatalogueItem> => {
        const row = before ?? shown;
        const what = `第${row.itemNo}项的“${detail.columnLabels[field]}”`;
        const expected = row[field];
        if (normaliseCellText(value) === normaliseCellText(expected)) return row;
        const edit = ++latestEdit.current;
        // Only the newest edit may speak in the status line: an older reply arriving late stays quiet.
        const report = (next: SaveStatus) => edit === latestEdit.current && setStatus(next);
        settling.current += 1;
        report({ state: 'saving', what });
        try {
          const { item } = await invoke('items.update', { itemId: row.id, field, value, expected });
          if (filterRef.current.filtering) keepInView(item.id);
          // The grid may be gone meanwhile (its tab left with the editor open): the page keeps the item all the same.
          if (!event.api.isDestroyed()) event.api.applyTransaction({ update: [{ kind: 'item', ...item }] });
          onSaved(item);
          report({ state: 'saved', what, at: new Date() });
          return item;
        } catch (error) {
          report({ state: 'refused', what, message: errorMessage(error) });
          // After a conflict the row shows what the database now holds, so the next try can succeed.
          if (error instanceof ApiError && error.payload.code === 'conflict') {
            const fresh = await invoke('items.get', { itemId: row.id }).catch(() => null);
            if (fresh && !event.api.isDestroyed()) event.api.applyTransaction({ update: [{ kind: 'item', ...fresh }] });
            if (fresh) onSaved(fresh);
          } else retry(value ?? '');
          throw error;
        } finally {
          void refreshHistory().finally(() => {
            settling.current -= 1;
          });
        }
      };
      saves.current.run(cellKey(shown.id, field), save).catch(() => {});
    },
    [detail.columnLabels, readOnly, refreshHistory, keepInView, onSaved],
  );

  const onGridReady = useCallback((e: GridReadyEvent<GridRow>) => {
    api.current = e.api;
  }, []);
  const onCellFocusedEvent = useCallback((e: CellFocusedEvent<GridRow>) => {
    onRangeFocus(e);
    const data = e.rowIndex === null ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
    const colId = e.column && typeof e.column === 'object' ? e.column.getColId() : null;
    onCellFocused?.(data?.kind === 'item' ? { itemId: data.id, field: colId === 'itemNo' ? null : (colId as ItemField | null) } : { itemId: null, field: null });
  }, [onCellFocused, onRangeFocus]);

  /** The item rows the planner picked: the selected rows, or the row of the cursor. */
  const pickedRows = useCallback((): ItemRow[] => {
    const grid = api.current;
    if (!grid) return [];
    const selected = grid.getSelectedRows().filter((r): r is ItemRow => r.kind === 'item');
    if (selected.length) return selected;
    const cell = grid.getFocusedCell();
    const data = cell ? grid.getDisplayedRowAtIndex(cell.rowIndex)?.data : undefined;
    return data?.kind === 'item' ? [data] : [];
  }, []);

  /** Runs a structural step or an undo/redo, then shows the catalogue as the database now holds it. */
  const run = useCallback(
    (what: string, step: () => Promise<{ message: string; focusItem: string | null; focusField?: string | null }>) => {
      pending.current += 1;
      setBusy(true);
      queue.current = queue.current.then(async () => {
        const cell = api.current?.getFocusedCell();
        try {
          const { message, focusItem, focusField } = await step();
          focusAfter.current = { itemId: focusItem, index: cell?.rowIndex ?? 0, colId: (focusField && api.current?.getColumn(focusField) ? focusField : null) ?? cell?.column.getColId() ?? 'name' };
          api.current?.deselectAll();
          await onChanged();
          setStatus({ state: 'done', message, at: new Date() });
        } catch (error) {
          setStatus({ state: 'refused', what, message: errorMessage(error) });
        } finally {
          await refreshHistory();
          pending.current -= 1;
          if (pending.current === 0) setBusy(false);
        }
      });
    },
    [onChanged, refreshHistory],
  );

  const insert = (where: 'above' | 'below') => {
    const [anchor] = pickedRows();
    if (!anchor) return setStatus({ state: 'refused', what: '插入行', message: '请先点选一行服务项目，再插入。' });
    run('插入行', async () => {
      const item = await invoke('items.insert', { anchorItemId: anchor.id, where });
      if (filtering) keepInView(item.id);
      return { message: `已在第${anchor.itemNo}项${where === 'above' ? '上方' : '下方'}插入一行（第${item.itemNo}项）`, focusItem: item.id };
    });
  };
  const remove = () => {
    const picked = pickedRows();
    if (!picked.length) return setStatus({ state: 'refused', what: '删除行', message: '请先点选要删除的服务项目。' });
    run('删除行', async () => {
      const { deleted } = await invoke('items.delete', { itemIds: picked.map((r) => r.id) });
      return { message: `已删除 ${deleted} 项，可用“撤销”恢复`, focusItem: null };
    });
  };
  const move = (direction: 'up' | 'down') => {
    const [row] = pickedRows();
    if (!row) return setStatus({ state: 'refused', what: '移动行', message: '请先点选要移动的服务项目。' });
    run('移动行', async () => {
      const item = await invoke('items.move', { itemId: row.id, direction });
      // Moved past the end of its 领域, it is in the next one (or the one above): said, not left to be noticed.
      const domain = item.domainSeq === row.domainSeq ? '' : `，移入“${detail.domains.find((d) => d.seq === item.domainSeq)?.name ?? ''}”领域`;
      return { message: `已将“${item.name}”${direction === 'up' ? '上移' : '下移'}为第${item.itemNo}项${domain}`, focusItem: item.id };
    });
  };
  const step = (direction: 'undo' | 'redo') => {
    // Nothing to do and nothing queued or saving that could give something to do: a key press does nothing.
    // (A Ctrl+Z right after Enter must undo that edit: its save reaches the write queue first.)
    if (pending.current === 0 && settling.current === 0 && !knownHistory.current[direction]) return;
    run(direction === 'undo' ? '撤销' : '重做', async () => {
      const { did, catalogueRemoved, focus } = await invoke(direction === 'undo' ? 'history.undo' : 'history.redo', { catalogueId });
      // Undoing an import removes the catalogue itself: back to the list, which no longer shows it.
      if (catalogueRemoved) window.location.hash = '#/';
      // As in Excel, the cursor goes to what the step changed (and the grid scrolls there).
      return { message: `已${did ?? ''}`, focusItem: focus?.itemId ?? null, focusField: focus?.field ?? null };
    });
  };

  // The picked range, typing into a cell (a Chinese input method included), and the clipboard: their
  // protocols live in the grid's own hooks, not here.
  useCellInput(api, wrapper, !readOnly, (header) =>
    setStatus({ state: 'refused', what: header, message: `“${header}”由系统按顺序编排，不能输入，刚才输入的文字没有保存；请在“${detail.columnLabels.name}”等栏目中输入。` }),
    // Structure steps too: typed keys wait until the rows are read again and the cursor is where the step put it.
    () => pending.current > 0,
  );
  const clipboard = useClipboard({
    api,
    wrapper,
    marks,
    detail,
    readOnly,
    run,
    setRange,
    notify: (message) => setStatus({ state: 'done', message, at: new Date() }),
    saving: (what) => setStatus({ state: 'saving', what }),
    refuse: (what, message) => setStatus({ state: 'refused', what, message }),
  });

  // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) anywhere on this tab, except while typing in a text box; Ctrl+F
  // finds. (Ctrl+Home / Ctrl+End: useJumpKeys, through useCellInput.)
  const keys = useRef({ step });
  keys.current = { step };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'f' && !event.shiftKey) {
        event.preventDefault();
        setFind((f) => ({ open: true, focusKey: f.focusKey + 1 }));
        return;
      }
      if (typingElsewhere(event.target)) return;
      if (readOnly) return;
      const direction = historyKeyDirection(event);
      if (!direction) return;
      // Keys typed before it still waiting for their editor: it waits behind them (the cell input queues it).
      if (event.isTrusted && typedKeysWaiting()) return;
      event.preventDefault();
      // On the next task: AG Grid tells an edit Enter has just ended a task later, and the step must come after it.
      setTimeout(() => keys.current.step(direction), 0);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [readOnly]);

  // ── 领域 menu, dragging rows, 移到领域… (items/useStructure.tsx) ──
  const structure = useStructure({ detail, readOnly, run, pickedRows, refuse: (what, message) => setStatus({ state: 'refused', what, message }) });
  const columnDefs = useMemo(() => structure.withDragHandle(columns), [structure.withDragHandle, columns]);
  // One context for the grid: the marks the cells are drawn with, and the 领域 heading's menu.
  const gridContext: GridMarks & DomainRowContext = Object.assign(marks, { openDomainMenu: structure.gridProps.context.openDomainMenu });

  return (
    <>
      {!readOnly && (
        <div className="items-toolbar" role="toolbar" aria-label="条目编辑">
          <button type="button" disabled={busy || !history.undo} title={history.undo ?? '没有可以撤销的操作'} onClick={() => step('undo')}>撤销</button>
          <button type="button" disabled={busy || !history.redo} title={history.redo ?? '没有可以重做的操作'} onClick={() => step('redo')}>重做</button>
          <span className="sep" />
          <button type="button" disabled={busy} title="在所选行的上方插入一行" onClick={() => insert('above')}>上方插入行</button>
          <button type="button" disabled={busy} title="在所选行的下方插入一行" onClick={() => insert('below')}>下方插入行</button>
          <button type="button" disabled={busy} title="删除所选的行（可按住 Ctrl 或 Shift 点选多行）" onClick={remove}>删除行</button>
          <span className="sep" />
          <button type="button" disabled={busy} title="上移一行，可越过领域" onClick={() => move('up')}>上移</button>
          <button type="button" disabled={busy} title="下移一行，可越过领域" onClick={() => move('down')}>下移</button>
          <span className="sep" />
          <button type="button" title="复制所选单元格（Ctrl+C），可粘贴到 Excel 或 WPS" onClick={() => void clipboard.copyToClipboard(false)}>复制</button>
          <button type="button" disabled={busy} title="剪切所选单元格（Ctrl+X）" onClick={() => void clipboard.copyToClipboard(true)}>剪切</button>
          <button type="button" disabled={busy} title="从所选单元格起粘贴（Ctrl+V），行数不够时在领域末尾添加新行" onClick={() => void clipboard.pasteFromClipboard()}>粘贴</button>
          <button type="button" title="查找（Ctrl+F）" onClick={() => setFind((f) => ({ open: true, focusKey: f.focusKey + 1 }))}>查找</button>
          <span className="sep" />
          {structure.toolbar}
        </div>
      )}
      {structure.menu}
      {hasItems && <FilterBar detail={detail} filter={filter} shown={shownList.filter((r) => r.kind === 'item').length} onChange={setFilter} />}
      {find.open && <FindBar api={api} marks={marks} rows={shownList} focusKey={find.focusKey} onClose={() => setFind((f) => ({ ...f, open: false }))} />}
      {!readOnly && (
        <p className={`save-status save-${status.state}`} data-save-state={status.state} role={status.state === 'refused' ? 'alert' : 'status'}>
          {saveStatusText(status)}
        </p>
      )}
      <div className="grid-wrap" ref={wrapper}>
        <AgGridReact<GridRow>
          theme={gridTheme}
          localeText={GRID_LOCALE}
          rowData={rows}
          columnDefs={columnDefs}
          {...structure.gridProps}
          getRowId={getRowId}
          isFullWidthRow={isFullWidthRow}
          fullWidthCellRenderer={DomainRowRenderer}
          getRowHeight={getRowHeight}
          onGridReady={onGridReady}
          context={gridContext}
          isExternalFilterPresent={isExternalFilterPresent}
          doesExternalFilterPass={doesExternalFilterPass}
          rowSelection={ROW_SELECTION}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onCellFocused={onCellFocusedEvent}
          stopEditingWhenCellsLoseFocus
          tabToNextCell={tabToNextCell}
          singleClickEdit={false}
          enterNavigatesVerticallyAfterEdit
          enterNavigatesVertically
          suppressMovableColumns
          overlayNoRowsTemplate="<span>这份清单还没有服务项目。</span>"
        />
      </div>
    </>
  );
}
