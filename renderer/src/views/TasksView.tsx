import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GetRowIdParams } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { MAX_CELL_CHARS } from '../../../shared/domain/catalogue';
import { TASK_FIELD_LABELS } from '../../../shared/domain/task';
import type { CatalogueTask, TaskField } from '../../../shared/domain/task';
import { normaliseCellText } from '../../../shared/domain/commands';
import { errorMessage, invoke } from '../api/client';
import { gridTheme } from '../grid/theme';
import type { HistoryState } from '../../../shared/domain/history';
import { TextCellRenderer } from '../grid/TextCellRenderer';

function textColumn(field: TaskField, flex: number, readOnly: boolean): ColDef<CatalogueTask> {
  return {
    colId: field,
    field,
    headerName: TASK_FIELD_LABELS[field],
    flex,
    wrapText: true,
    autoHeight: true,
    editable: !readOnly,
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength: MAX_CELL_CHARS, rows: 6, cols: 60 },
    cellRenderer: TextCellRenderer,
    cellClass: 'text-cell',
  };
}

const NO_HISTORY: HistoryState = { undo: null, redo: null, undoSteps: 0, redoSteps: 0 };

/**
 * 附件2 重点任务分工方案 of a catalogue: shown and edited through the same write path as items. A task edit is
 * a step of the catalogue's one history, so 撤销/重做 (and Ctrl+Z / Ctrl+Y) here undo the newest step of the
 * catalogue, whichever tab it was taken in, as the toolbar's title says.
 */
export function TasksView({ catalogueId, tasks, readOnly, onChanged }: { catalogueId: string; tasks: CatalogueTask[]; readOnly: boolean; onChanged: () => Promise<void> }) {
  const [status, setStatus] = useState<string>(readOnly ? '已发布的清单只能查看；如需修改，请先“基于此新建草案”。' : '双击单元格可修改；每次修改都会记录，可撤销。');
  const [history, setHistory] = useState<HistoryState>(NO_HISTORY);
  const refreshHistory = useCallback(async () => setHistory(await invoke('history.state', { catalogueId }).catch(() => NO_HISTORY)), [catalogueId]);
  useEffect(() => void refreshHistory(), [refreshHistory]);
  const columns = useMemo<ColDef<CatalogueTask>[]>(
    () => [
      { colId: 'taskNo', field: 'taskNo', headerName: '序号', width: 80, cellClass: 'num-cell' },
      textColumn('task', 3, readOnly),
      textColumn('responsibleUnits', 2, readOnly),
    ],
    [readOnly],
  );
  // Steps one after another, in the order asked.
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Steps queued and saves on their way: while any is, a Ctrl+Z / Ctrl+Y is queued too, not dropped for a
  // history state not yet refreshed (a Ctrl+Y right after Ctrl+Z must redo).
  const pending = useRef(0);
  const step = useCallback((direction: 'undo' | 'redo') => {
    pending.current += 1;
    queue.current = queue.current.then(async () => {
      try {
        const { did } = await invoke(direction === 'undo' ? 'history.undo' : 'history.redo', { catalogueId });
        await onChanged();
        setStatus(`已${did ?? ''}。`);
      } catch (error) {
        setStatus(`未能${direction === 'undo' ? '撤销' : '重做'}：${errorMessage(error)}`);
      } finally {
        await refreshHistory();
        pending.current -= 1;
      }
    });
  }, [catalogueId, onChanged, refreshHistory]);
  const keys = useRef({ step, history });
  keys.current = { step, history };
  useEffect(() => {
    if (readOnly) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (!(event.ctrlKey || event.metaKey) || event.altKey || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      const direction = key === 'z' && !event.shiftKey ? 'undo' : key === 'y' || (key === 'z' && event.shiftKey) ? 'redo' : null;
      if (!direction) return;
      event.preventDefault();
      if (keys.current.history[direction] || pending.current > 0) keys.current.step(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);
  const onCellEditRequest = useCallback(async (event: CellEditRequestEvent<CatalogueTask>) => {
    const row = event.data;
    if (!row) return;
    const field = event.column.getColId() as TaskField;
    const value = typeof event.newValue === 'string' ? event.newValue : '';
    if (normaliseCellText(value) === normaliseCellText(row[field])) return;
    const what = `第${row.taskNo}项重点任务的“${TASK_FIELD_LABELS[field]}”`;
    setStatus(`正在保存${what}……`);
    pending.current += 1;
    try {
      const { task } = await invoke('tasks.update', { taskId: row.id, field, value, expected: row[field] });
      event.api.applyTransaction({ update: [task] });
      setStatus(`已保存${what}。`);
    } catch (error) {
      setStatus(`未保存${what}：${errorMessage(error)}`);
    } finally {
      pending.current -= 1;
      void refreshHistory();
    }
  }, [refreshHistory]);
  if (tasks.length === 0) return <p className="status-note">这份清单没有重点任务分工方案。</p>;
  return (
    <>
      {!readOnly && (
        <div className="items-toolbar" role="toolbar" aria-label="重点任务编辑">
          <button type="button" disabled={!history.undo} title={history.undo ?? '没有可以撤销的操作'} onClick={() => step('undo')}>撤销</button>
          <button type="button" disabled={!history.redo} title={history.redo ?? '没有可以重做的操作'} onClick={() => step('redo')}>重做</button>
        </div>
      )}
      <p className="save-status" role="status">{status}</p>
      <div className="grid-wrap">
        <AgGridReact<CatalogueTask>
          theme={gridTheme}
          localeText={AG_GRID_LOCALE_CN}
          rowData={tasks}
          columnDefs={columns}
          getRowId={(p: GetRowIdParams<CatalogueTask>) => p.data.id}
          readOnlyEdit
          onCellEditRequest={(e) => void onCellEditRequest(e)}
          stopEditingWhenCellsLoseFocus
          suppressMovableColumns
        />
      </div>
    </>
  );
}
