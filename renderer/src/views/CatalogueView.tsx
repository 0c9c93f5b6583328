import { useCallback, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, GetRowIdParams, IsFullWidthRowParams, RowHeightParams } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { CatalogueDetail, ItemField } from '../../../shared/domain/catalogue';
import { ApiError, errorMessage, invoke } from '../api/client';
import { normaliseCellText } from '../../../shared/domain/commands';
import { useLoad } from '../components/useLoad';
import { CatalogueStatusBadge } from '../components/StatusBadge';
import { catalogueRows } from '../grid/catalogue-rows';
import type { GridRow } from '../grid/catalogue-rows';
import { catalogueColumns } from '../grid/columns';
import { DomainRowRenderer } from '../grid/DomainRowRenderer';
import { gridTheme } from '../grid/theme';
import type { CatalogueTask } from '../../../shared/domain/task';
import { AnnexExportPanel } from './AnnexExportPanel';
import { TasksView } from './TasksView';
import { saveStatusText } from './save-status';
import type { SaveStatus } from './save-status';
import { CatalogueTabs } from './CatalogueTabs';
import type { CatalogueTab } from './CatalogueTabs';
import { PricingView } from './pricing/PricingView';

export function CatalogueView({ catalogueId }: { catalogueId: string }) {
  const [detail] = useLoad(
    () => Promise.all([invoke('catalogues.get', { catalogueId }), invoke('tasks.list', { catalogueId })]),
    [catalogueId],
  );
  if (detail.state === 'loading') return <p className="page muted">正在读取清单……</p>;
  if (detail.state === 'error') return <p className="page error" role="alert">{detail.message}</p>;
  return <CatalogueEditor detail={detail.data[0]} tasks={detail.data[1]} />;
}

const cellKey = (itemId: string, field: ItemField) => `${itemId}/${field}`;

function CatalogueEditor({ detail, tasks }: { detail: CatalogueDetail; tasks: CatalogueTask[] }) {
  const [tab, setTab] = useState<CatalogueTab>('items');
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  // Cells whose save has not come back yet: not editable until it does, so a second edit never starts
  // from a value the database has not confirmed.
  const saving = useRef(new Set<string>());
  const latestEdit = useRef(0);
  const rows = useMemo(() => catalogueRows(detail), [detail]);
  const columns = useMemo(
    () => catalogueColumns(detail.columnLabels, (row, field) => !saving.current.has(cellKey(row.id, field))),
    [detail.columnLabels],
  );
  const { summary } = detail;

  // The grid never changes its own data (readOnlyEdit): a cell shows a new value only once the
  // database has committed it, so a refused edit can never look saved.
  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<GridRow>) => {
      const row = event.data;
      if (!row || row.kind !== 'item') return;
      const field = event.column.getColId() as ItemField;
      const label = detail.columnLabels[field];
      const what = `第${row.itemNo}项的“${label}”`;
      const expected = row[field];
      const value = typeof event.newValue === 'string' ? event.newValue : null;
      if (normaliseCellText(value) === normaliseCellText(expected)) return;
      const key = cellKey(row.id, field);
      const edit = ++latestEdit.current;
      // Only the newest edit may speak in the status line: an older reply arriving late stays quiet.
      const report = (next: SaveStatus) => edit === latestEdit.current && setStatus(next);
      saving.current.add(key);
      report({ state: 'saving', what });
      try {
        const { item } = await invoke('items.update', { itemId: row.id, field, value, expected });
        event.api.applyTransaction({ update: [{ kind: 'item', ...item }] });
        report({ state: 'saved', what, at: new Date() });
      } catch (error) {
        report({ state: 'refused', what, message: errorMessage(error) });
        // After a conflict the row shows what the database now holds, so the next try can succeed.
        if (error instanceof ApiError && error.payload.code === 'conflict') {
          const fresh = await invoke('items.get', { itemId: row.id }).catch(() => null);
          if (fresh) event.api.applyTransaction({ update: [{ kind: 'item', ...fresh }] });
        }
      } finally {
        saving.current.delete(key);
      }
    },
    [detail.columnLabels],
  );

  return (
    <section className="catalogue-page">
      <div className="catalogue-toolbar">
        <div className="catalogue-title">
          <a href="#/" className="back">← 全部清单</a>
          <h1>{summary.name}</h1>
          <CatalogueStatusBadge status={summary.status} />
          <span className="muted">
            {summary.regionName} · {summary.period} · {summary.itemCount} 项
            {summary.documentNumber ? ` · ${summary.documentNumber}` : ''}
          </span>
        </div>
        <CatalogueTabs tab={tab} onChange={setTab} taskCount={tasks.length} />
        <div className="catalogue-actions">
          <AnnexExportPanel summary={summary} hasItems={detail.items.length > 0} hasTasks={tasks.length > 0} />
        </div>
      </div>
      {tab === 'tasks' && <TasksView tasks={tasks} />}
      {tab === 'pricing' && <PricingView detail={detail} />}
      {tab === 'items' && <>
      {summary.statusNote && <p className="status-note">{summary.statusNote}</p>}
      {detail.items.length === 0 && (
        <p className="status-note">这份清单还没有服务项目，因此也不能导出清单附件。</p>
      )}
      {detail.items.length > 0 && <p
        className={`save-status save-${status.state}`}
        data-save-state={status.state}
        role={status.state === 'refused' ? 'alert' : 'status'}
      >
        {saveStatusText(status)}
      </p>}
      <div className="grid-wrap">
        <AgGridReact<GridRow>
          theme={gridTheme}
          localeText={AG_GRID_LOCALE_CN}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p: GetRowIdParams<GridRow>) => p.data.id}
          isFullWidthRow={(p: IsFullWidthRowParams<GridRow>) => p.rowNode.data?.kind === 'domain'}
          fullWidthCellRenderer={DomainRowRenderer}
          getRowHeight={(p: RowHeightParams<GridRow>) => (p.data?.kind === 'domain' ? 40 : undefined)}
          readOnlyEdit
          onCellEditRequest={(e) => void onCellEditRequest(e)}
          stopEditingWhenCellsLoseFocus
          singleClickEdit={false}
          enterNavigatesVerticallyAfterEdit
          suppressMovableColumns
          overlayNoRowsTemplate="<span>这份清单还没有服务项目。</span>"
        />
      </div>
      </>}
    </section>
  );
}
