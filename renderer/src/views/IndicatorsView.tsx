import { useCallback, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GetRowIdParams, GridApi } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { MAX_CELL_CHARS } from '../../../shared/domain/catalogue';
import { normaliseCellText } from '../../../shared/domain/commands';
import { INDICATOR_FIELD_LABELS } from '../../../shared/domain/indicator-plan';
import type { IndicatorField, IndicatorPlanRow, IndicatorPlanSummary, IndicatorPlanTable } from '../../../shared/domain/indicator-plan';
import { errorMessage, invoke } from '../api/client';
import { useLoad } from '../components/useLoad';
import { gridTheme } from '../grid/theme';
import { TextCellRenderer } from '../grid/TextCellRenderer';
import { useJumpKeys } from '../grid/useJumpKeys';
import { downloadFile } from './download';

/** The plans' indicator tables: the published one shown as printed, drafts for a new plan editable. */
export function IndicatorsView() {
  const [plans, reload] = useLoad(() => invoke('indicators.plans', {}), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (plans.state === 'loading') return <p className="page muted">正在读取指标表……</p>;
  if (plans.state === 'error') return <p className="page error" role="alert">{plans.message}</p>;
  const current = plans.data.find((p) => p.id === selected) ?? plans.data[0];
  const published = plans.data.filter((p) => p.source === 'document');

  const create = async (basedOn: IndicatorPlanSummary) => {
    try {
      const table = await invoke('indicators.plan.create', { basedOnDocument: basedOn.id });
      setSelected(table.plan.id);
      setMessage(`已新建“${table.plan.title}”：基期 ${table.plan.baselineYear} 年的数字暂取原规划的目标值，请核实后改为实际值，并填写 ${table.plan.targetYear} 年目标。`);
      reload();
    } catch (error) {
      setMessage(`新建失败：${errorMessage(error)}`);
    }
  };

  return (
    <section className="page indicators">
      <h1>规划主要指标</h1>
      <div className="indicator-plans" role="tablist">
        {plans.data.map((plan) => (
          <button key={plan.id} type="button" role="tab" aria-selected={plan.id === current?.id} onClick={() => setSelected(plan.id)}>
            {plan.title}（{plan.baselineYear}—{plan.targetYear}）{plan.source === 'draft' ? ' · 草稿' : ''}
          </button>
        ))}
        {published.map((plan) => (
          <button key={`new-${plan.id}`} type="button" className="secondary" onClick={() => void create(plan)}>
            以“{plan.period}”指标表为底新建（基期{plan.targetYear}年，目标{plan.targetYear + 5}年）
          </button>
        ))}
      </div>
      {message && <p className="status-note" role="status">{message}</p>}
      {current && <PlanTable key={current.id} planId={current.id} />}
    </section>
  );
}

function PlanTable({ planId }: { planId: string }) {
  const [table] = useLoad(() => invoke('indicators.plan.get', { planId }), [planId]);
  if (table.state === 'loading') return <p className="muted">正在读取……</p>;
  if (table.state === 'error') return <p className="error" role="alert">{table.message}</p>;
  return <PlanGrid table={table.data} />;
}

function PlanGrid({ table }: { table: IndicatorPlanTable }) {
  const editable = table.plan.source === 'draft';
  const [status, setStatus] = useState(editable ? '双击单元格修改；每次修改都会记录，可追溯。' : '已发布文件中的指标表，只读；如需编制新规划，请以它为底新建。');
  const [exporting, setExporting] = useState(false);
  const api = useRef<GridApi<IndicatorPlanRow> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  useJumpKeys(api, wrapper);
  const columns = useMemo<ColDef<IndicatorPlanRow>[]>(() => {
    const column = (field: IndicatorField, header: string, flex: number): ColDef<IndicatorPlanRow> => ({
      colId: field,
      field,
      headerName: header,
      flex,
      wrapText: true,
      autoHeight: true,
      editable,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: MAX_CELL_CHARS, rows: 4, cols: 40 },
      cellRenderer: TextCellRenderer,
      cellClass: 'text-cell',
    });
    return [
      column('category', '类别', 1),
      column('name', '指标', 3),
      column('baseline', `${table.plan.baselineYear}年`, 1),
      column('target', `${table.plan.targetYear}年`, 1),
      column('attribute', '属性', 1),
    ];
  }, [editable, table.plan]);

  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<IndicatorPlanRow>) => {
      const row = event.data;
      if (!row) return;
      const field = event.column.getColId() as IndicatorField;
      const value = typeof event.newValue === 'string' ? event.newValue : null;
      if (normaliseCellText(value) === normaliseCellText(row[field])) return;
      const what = `第${row.seq}行“${row.name}”的“${INDICATOR_FIELD_LABELS[field]}”`;
      setStatus(`正在保存${what}……`);
      try {
        const { row: saved } = await invoke('indicators.plan.update', { planId: table.plan.id, seq: row.seq, field, value, expected: row[field] });
        event.api.applyTransaction({ update: [saved] });
        setStatus(`已保存${what}。`);
      } catch (error) {
        setStatus(`未保存：${errorMessage(error)}`);
      }
    },
    [table.plan.id],
  );

  const exportTable = async () => {
    setExporting(true);
    try {
      const [file] = await invoke('annex.export', { catalogueId: table.plan.id, annex: 'indicators' });
      if (file) {
        downloadFile(file);
        setStatus(`已导出：${file.fileName}${file.warning ? `。注意：${file.warning}` : ''}`);
      }
    } catch (error) {
      setStatus(`导出失败：${errorMessage(error)}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div className="catalogue-actions indicator-actions">
        <p className="save-status" role="status">{status}</p>
        <button type="button" onClick={() => void exportTable()} disabled={exporting}>导出指标表</button>
      </div>
      <div className="grid-wrap indicator-grid" ref={wrapper}>
        <AgGridReact<IndicatorPlanRow>
          theme={gridTheme}
          onGridReady={(e) => (api.current = e.api)}
          localeText={AG_GRID_LOCALE_CN}
          rowData={table.rows}
          columnDefs={columns}
          getRowId={(p: GetRowIdParams<IndicatorPlanRow>) => String(p.data.seq)}
          readOnlyEdit
          onCellEditRequest={(e) => void onCellEditRequest(e)}
          stopEditingWhenCellsLoseFocus
          suppressMovableColumns
        />
      </div>
      {table.notes.length > 0 && (
        <ol className="indicator-notes" aria-label="指标注释">
          {table.notes.map((note) => <li key={note}>{note}</li>)}
        </ol>
      )}
    </>
  );
}
