import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GetRowIdParams, GridApi } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { MAX_CELL_CHARS } from '../../../shared/domain/catalogue';
import { TASK_FIELD_LABELS } from '../../../shared/domain/task';
import type { CatalogueTask, TaskField } from '../../../shared/domain/task';
import { normaliseCellText } from '../../../shared/domain/commands';
import { errorMessage, invoke } from '../api/client';
import { gridTheme } from '../grid/theme';
import { TextCellRenderer } from '../grid/TextCellRenderer';
import { TextCellEditor } from '../grid/TextCellEditor';
import type { TextEditorParams } from '../grid/TextCellEditor';
import { useCellInput } from '../grid/useCellInput';
import { cellKey } from '../grid/edit-seed';
import { CellSaves } from '../grid/cell-saves';
import { HistoryButtons } from './HistoryButtons';
import { useHistorySteps } from './useHistorySteps';

/** `canEdit`: whether a task's cell can be edited now (not while its last edit is being saved). */
function textColumn(field: TaskField, flex: number, canEdit: (task: CatalogueTask, field: TaskField) => boolean): ColDef<CatalogueTask> {
  return {
    colId: field,
    field,
    headerName: TASK_FIELD_LABELS[field],
    flex,
    wrapText: true,
    autoHeight: true,
    editable: (params) => params.data !== undefined && canEdit(params.data, field),
    // The 条目 grid's editor: typing on a picked cell opens it (a Chinese input method too), Alt+Enter breaks the line.
    cellEditor: TextCellEditor,
    cellEditorPopup: true,
    cellEditorParams: { maxLength: MAX_CELL_CHARS } satisfies TextEditorParams,
    cellRenderer: TextCellRenderer,
    cellClass: 'text-cell',
  };
}

/**
 * 附件2 重点任务分工方案 of a catalogue: shown and edited through the same write path as items. A task edit is
 * a step of the catalogue's one history, so 撤销/重做 (and Ctrl+Z / Ctrl+Y) here undo the newest step of the
 * catalogue, whichever tab it was taken in, as the toolbar's title says.
 */
/** `onSaved`: a task as saved, kept by the page when this grid is gone (another tab). */
export function TasksView(p: { catalogueId: string; tasks: CatalogueTask[]; readOnly: boolean; onChanged: () => Promise<void>; onSaved: (task: CatalogueTask) => void }) {
  const { catalogueId, tasks, readOnly, onChanged, onSaved } = p;
  const api = useRef<GridApi<CatalogueTask> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<string>(readOnly ? '已发布的清单只能查看；如需修改，请先“基于此新建草案”。' : '选中单元格直接输入，或双击修改；每次修改都会记录，可撤销。');
  const { history, step, track, stepping } = useHistorySteps(catalogueId, {
    enabled: !readOnly,
    onChanged,
    report: (outcome) => setStatus(outcome.ok ? `已${outcome.did}。` : `未能${outcome.direction === 'undo' ? '撤销' : '重做'}：${outcome.message}`),
  });
  useCellInput(api, wrapper, !readOnly, (header) => setStatus(`“${header}”由系统按顺序编排，不能修改；请在“${TASK_FIELD_LABELS.task}”或“${TASK_FIELD_LABELS.responsibleUnits}”中输入。`), stepping);
  // A cell whose edit is being saved is not edited again until it is: the next edit is checked against the
  // value saved, not refused as a change made elsewhere (typing on it meanwhile waits, useCellInput).
  const saves = useRef(new CellSaves<CatalogueTask>());
  const columns = useMemo<ColDef<CatalogueTask>[]>(() => {
    const canEdit = (task: CatalogueTask, field: TaskField) => !readOnly && !saves.current.busy(cellKey(task.id, field));
    return [
      { colId: 'taskNo', field: 'taskNo', headerName: '序号', width: 80, cellClass: 'num-cell' },
      textColumn('task', 3, canEdit),
      textColumn('responsibleUnits', 2, canEdit),
    ];
  }, [readOnly]);
  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<CatalogueTask>) => {
      const shown = event.data;
      if (!shown) return;
      const field = event.column.getColId() as TaskField;
      const value = typeof event.newValue === 'string' ? event.newValue : '';
      const save = async (before: CatalogueTask | undefined): Promise<CatalogueTask> => {
        const row = before ?? shown;
        if (normaliseCellText(value) === normaliseCellText(row[field])) return row;
        const what = `第${row.taskNo}项重点任务的“${TASK_FIELD_LABELS[field]}”`;
        setStatus(`正在保存${what}……`);
        try {
          const { task } = await track(invoke('tasks.update', { taskId: row.id, field, value, expected: row[field] }));
          if (!event.api.isDestroyed()) event.api.applyTransaction({ update: [task] });
          onSaved(task);
          setStatus(`已保存${what}。`);
          return task;
        } catch (error) {
          setStatus(`未保存：${errorMessage(error)}`);
          throw error;
        }
      };
      saves.current.run(cellKey(shown.id, field), save).catch(() => {});
    },
    [track, onSaved],
  );
  // After a task is inserted or deleted and the list read again, the cursor goes to the new task (or the one
  // that took the deleted one's place): when the rows arrive, or when the grid does (the first task inserted).
  const focusAfter = useRef<string | null>(null);
  const focusPending = useCallback(() => {
    const grid = api.current;
    const rowIndex = focusAfter.current && grid ? grid.getRowNode(focusAfter.current)?.rowIndex : null;
    if (!grid || rowIndex === null || rowIndex === undefined) return;
    focusAfter.current = null;
    grid.ensureIndexVisible(rowIndex);
    grid.setFocusedCell(rowIndex, 'task');
  }, []);
  useEffect(focusPending, [tasks, focusPending]);
  const picked = (): CatalogueTask | null => {
    const cell = api.current?.getFocusedCell();
    return (cell && api.current?.getDisplayedRowAtIndex(cell.rowIndex)?.data) || null;
  };
  const change = async (what: string, run: () => Promise<CatalogueTask>, done: (task: CatalogueTask) => { message: string; focus: string | null }) => {
    try {
      const task = await track(run());
      const { message, focus } = done(task);
      focusAfter.current = focus;
      await onChanged();
      setStatus(message);
    } catch (error) {
      setStatus(`未能${what}：${errorMessage(error)}`);
    }
  };
  const insert = (where: 'above' | 'below') => {
    const at = picked();
    if (!at && tasks.length) return setStatus('请先点选一项重点任务，再插入。');
    void change('插入重点任务', () => invoke('tasks.insert', at ? { anchorTaskId: at.id, where } : { catalogueId }), (task) => ({
      message: `已插入第${task.taskNo}项重点任务，请填写任务和责任单位；可撤销。`,
      focus: task.id,
    }));
  };
  const remove = () => {
    const at = picked();
    if (!at) return setStatus('请先点选要删除的重点任务。');
    const index = tasks.findIndex((t) => t.id === at.id);
    const next = tasks[index + 1] ?? tasks[index - 1] ?? null;
    void change('删除重点任务', () => invoke('tasks.delete', { taskId: at.id }), (task) => ({
      message: `已删除第${task.taskNo}项重点任务，可用“撤销”恢复。`,
      focus: next?.id ?? null,
    }));
  };
  const toolbar = !readOnly && (
    <div className="items-toolbar" role="toolbar" aria-label="重点任务编辑">
      <HistoryButtons history={history} onStep={step} />
      <span className="sep" />
      <button type="button" onClick={() => insert('above')} title="在所选任务的上方插入一项">上方插入</button>
      <button type="button" onClick={() => insert('below')} title="在所选任务的下方插入一项">下方插入</button>
      <button type="button" onClick={remove} disabled={tasks.length === 0}>删除</button>
    </div>
  );
  // The status line and the grid's box are there with no tasks too: typing on the cells (useCellInput) is
  // wired to the box once, and the first task inserted must find it.
  return (
    <>
      {toolbar}
      <p className="save-status" role="status">{status}</p>
      <div className={tasks.length === 0 ? 'grid-wrap grid-wrap-empty' : 'grid-wrap'} ref={wrapper}>
        {tasks.length === 0 ? (
          <p className="status-note">这份清单没有重点任务分工方案{readOnly ? '' : '；可点“上方插入”添加第一项'}。</p>
        ) : (
        <AgGridReact<CatalogueTask>
          theme={gridTheme}
          onGridReady={(e) => {
            api.current = e.api;
            focusPending();
          }}
          localeText={AG_GRID_LOCALE_CN}
          rowData={tasks}
          columnDefs={columns}
          getRowId={(p: GetRowIdParams<CatalogueTask>) => p.data.id}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          stopEditingWhenCellsLoseFocus
          // Enter saves and goes down, as in Excel and the 条目 grid.
          enterNavigatesVerticallyAfterEdit
          enterNavigatesVertically
          suppressMovableColumns
        />
        )}
      </div>
    </>
  );
}
