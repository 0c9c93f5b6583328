import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { CatalogueDetail, CatalogueItem } from '../../../shared/domain/catalogue';
import { invoke } from '../api/client';
import { useLoad } from '../components/useLoad';
import type { CatalogueTask } from '../../../shared/domain/task';
import { AnnexExportPanel } from './AnnexExportPanel';
import { CatalogueTabs, catalogueAddress, rememberTab } from './CatalogueTabs';
import type { CatalogueTab } from './CatalogueTabs';
import { ItemsView } from './ItemsView';
import { CatalogueName } from './CatalogueName';
import { PublishedNote, StageControl } from './StageControl';
import type { FocusedCell } from './ItemsView';
import type { CompareSides } from './versions/CompareView';

// The grid's first paint waits only for what it shows: the other tabs and panels load when first opened.
const TasksView = lazy(() => import('./TasksView').then((m) => ({ default: m.TasksView })));
const PricingView = lazy(() => import('./pricing/PricingView').then((m) => ({ default: m.PricingView })));
const VersionView = lazy(() => import('./versions/VersionView').then((m) => ({ default: m.VersionView })));
const VersionsPanel = lazy(() => import('./versions/VersionsPanel').then((m) => ({ default: m.VersionsPanel })));
const CompareView = lazy(() => import('./versions/CompareView').then((m) => ({ default: m.CompareView })));
const HistoryPanel = lazy(() => import('./versions/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const LOADING = <p className="page muted">正在加载……</p>;

export function CatalogueView({ catalogueId, tab = 'items' }: { catalogueId: string; tab?: CatalogueTab }) {
  // "<catalogue>@<number>" is a saved version, opened read-only.
  if (catalogueId.includes('@')) {
    return (
      <Suspense fallback={LOADING}>
        <VersionView versionId={catalogueId} />
      </Suspense>
    );
  }
  return <LiveCatalogueView catalogueId={catalogueId} tab={tab} />;
}

function LiveCatalogueView({ catalogueId, tab }: { catalogueId: string; tab: CatalogueTab }) {
  const [detail] = useLoad(
    () => Promise.all([invoke('catalogues.get', { catalogueId }), invoke('tasks.list', { catalogueId })]),
    [catalogueId],
  );
  if (detail.state === 'loading') return <p className="page muted">正在读取清单……</p>;
  if (detail.state === 'error') return <p className="page error" role="alert">{detail.message}</p>;
  return <CatalogueEditor detail={detail.data[0]} tasks={detail.data[1]} initialTab={tab} />;
}

function CatalogueEditor({ detail: loaded, tasks: loadedTasks, initialTab }: { detail: CatalogueDetail; tasks: CatalogueTask[]; initialTab: CatalogueTab }) {
  const [tab, setTab] = useState<CatalogueTab>(initialTab);
  // Rows inserted, deleted or moved (and undo/redo) change more than one row: the catalogue is read again.
  const [detail, setDetail] = useState(loaded);
  const catalogueId = loaded.summary.id;
  useEffect(() => rememberTab(catalogueId, tab), [catalogueId, tab]);
  // The address typed or changed by hand (or Back) names another tab of this catalogue: it opens.
  useEffect(() => {
    const follow = () => {
      const address = catalogueAddress(window.location.hash);
      if (address?.id === catalogueId) setTab(address.tab);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [catalogueId]);
  const reload = useCallback(async () => setDetail(await invoke('catalogues.get', { catalogueId })), [catalogueId]);
  // An undo in the 重点任务 tab may undo a step of any tab: both are read again.
  const [tasks, setTasks] = useState(loadedTasks);
  const reloadAll = useCallback(async () => {
    const [next, nextTasks] = await Promise.all([invoke('catalogues.get', { catalogueId }), invoke('tasks.list', { catalogueId })]);
    setDetail(next);
    setTasks(nextTasks);
  }, [catalogueId]);
  // A cell saved in a grid is kept here too: the grid's own rows go with it when its tab is left.
  const itemSaved = useCallback((item: CatalogueItem) => setDetail((d) => ({ ...d, items: d.items.map((i) => (i.id === item.id ? item : i)) })), []);
  const taskSaved = useCallback((task: CatalogueTask) => setTasks((list) => list.map((t) => (t.id === task.id ? task : t))), []);
  const { summary } = detail;
  // Versions, history and comparison: the cell the history panel follows, and the sides the 对照 tab opens with.
  const [historyOpen, setHistoryOpen] = useState(false);
  const [focused, setFocused] = useState<FocusedCell>({ itemId: null, field: null });
  const [compareSides, setCompareSides] = useState<CompareSides | null>(null);

  return (
    <section className={`catalogue-page${tab === 'items' && historyOpen ? ' with-history' : ''}`}>
      <div className="catalogue-toolbar">
        <div className="catalogue-title">
          <a href="#/" className="back">← 全部清单</a>
          <CatalogueName summary={summary} onChanged={reloadAll} />
          <StageControl summary={summary} onChanged={reload} />
          <span className="muted">
            {summary.regionName} · {summary.period} · {summary.itemCount} 项
            {summary.documentNumber ? ` · ${summary.documentNumber}` : ''}
          </span>
        </div>
        <CatalogueTabs tab={tab} onChange={setTab} taskCount={tasks.length} />
        <div className="catalogue-actions">
          {tab === 'items' && (
            <button type="button" className={`history-toggle${historyOpen ? ' active' : ''}`} aria-pressed={historyOpen} onClick={() => setHistoryOpen(!historyOpen)}>修改历史</button>
          )}
          <AnnexExportPanel summary={summary} hasItems={detail.items.length > 0} hasTasks={tasks.length > 0} />
        </div>
      </div>
      <Suspense fallback={LOADING}>
      {tab === 'tasks' && <TasksView catalogueId={catalogueId} tasks={tasks} readOnly={summary.stage === 'published'} onChanged={reloadAll} onSaved={taskSaved} />}
      {tab === 'pricing' && <PricingView detail={detail} />}
      {tab === 'versions' && <VersionsPanel summary={summary} onCompare={(before, after) => { setCompareSides({ before, after }); setTab('compare'); }} />}
      {tab === 'compare' && <CompareView summary={summary} preset={compareSides} />}
      {tab === 'items' && historyOpen && (
        <HistoryPanel catalogueId={catalogueId} cell={focused} labels={detail.columnLabels} readOnly={summary.stage === 'published'} refreshKey={detail} onRestored={reload} onClose={() => setHistoryOpen(false)} />
      )}
      </Suspense>
      {tab === 'items' && <>
      {summary.statusNote && <p className="status-note">{summary.statusNote}</p>}
      {detail.items.length === 0 && (
        <p className="status-note">这份清单还没有服务项目，因此也不能导出清单附件。</p>
      )}
      {summary.stage === 'published' && <PublishedNote summary={summary} />}
      <ItemsView detail={detail} readOnly={summary.stage === 'published'} onChanged={reloadAll} onSaved={itemSaved} onCellFocused={setFocused} />
      </>}
    </section>
  );
}
