import { useCallback, useMemo, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GetRowIdParams } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { MAX_CELL_CHARS } from '../../../shared/domain/catalogue';
import { TASK_FIELD_LABELS } from '../../../shared/domain/task';
import type { CatalogueTask, TaskField } from '../../../shared/domain/task';
import { normaliseCellText } from '../../../shared/domain/commands';
import { errorMessage, invoke } from '../api/client';
import { gridTheme } from '../grid/theme';
import { TextCellRenderer } from '../grid/TextCellRenderer';

function textColumn(field: TaskField, flex: number): ColDef<CatalogueTask> {
  return {
    colId: field,
    field,
    headerName: TASK_FIELD_LABELS[field],
    flex,
    wrapText: true,
    autoHeight: true,
    editable: true,
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength: MAX_CELL_CHARS, rows: 6, cols: 60 },
    cellRenderer: TextCellRenderer,
    cellClass: 'text-cell',
  };
}

/** 附件2 重点任务分工方案 of a catalogue: shown and edited through the same write path as items. */
export function TasksView({ tasks }: { tasks: CatalogueTask[] }) {
  const [status, setStatus] = useState<string>('双击单元格可修改；每次修改都会记录，可追溯。');
  const columns = useMemo<ColDef<CatalogueTask>[]>(
    () => [
      { colId: 'taskNo', field: 'taskNo', headerName: '序号', width: 80, cellClass: 'num-cell' },
      textColumn('task', 3),
      textColumn('responsibleUnits', 2),
    ],
    [],
  );
  const onCellEditRequest = useCallback(async (event: CellEditRequestEvent<CatalogueTask>) => {
    const row = event.data;
    if (!row) return;
    const field = event.column.getColId() as TaskField;
    const value = typeof event.newValue === 'string' ? event.newValue : '';
    if (normaliseCellText(value) === normaliseCellText(row[field])) return;
    const what = `第${row.taskNo}项重点任务的“${TASK_FIELD_LABELS[field]}”`;
    setStatus(`正在保存${what}……`);
    try {
      const { task } = await invoke('tasks.update', { taskId: row.id, field, value, expected: row[field] });
      event.api.applyTransaction({ update: [task] });
      setStatus(`已保存${what}。`);
    } catch (error) {
      setStatus(`未保存${what}：${errorMessage(error)}`);
    }
  }, []);
  if (tasks.length === 0) return <p className="status-note">这份清单没有重点任务分工方案。</p>;
  return (
    <>
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
