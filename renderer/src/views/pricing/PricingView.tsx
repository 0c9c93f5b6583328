// The 测算 view of a catalogue: cost drivers beside each item, the figures they give over the years
// priced, the totals, and the explanation of any figure.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useKeptState, oneOf } from '../../components/useKeptState';
import type { GridApi } from 'ag-grid-community';
import type { CatalogueDetail } from '../../../../shared/domain/catalogue';
import type { MoneyUnit } from '../../../../shared/domain/pricing/money';
import { MONEY_UNITS } from '../../../../shared/domain/pricing/money';
import { errorMessage, invoke } from '../../api/client';
import type { PricingGridContext } from '../../grid/pricing-context';
import { pricingRows } from '../../grid/pricing-rows';
import type { PricingGridRow } from '../../grid/pricing-rows';
import { saveStatusText } from '../save-status';
import { ExplainPanel } from './ExplainPanel';
import { figure, sameTarget } from './explain-target';
import type { ExplainTarget } from './explain-target';
import { PricingToolbar } from './PricingToolbar';
import { RulesPanel } from './RulesPanel';
import { ImportBox } from '../regions/ImportBox';
import { SummaryPanel } from './SummaryPanel';
import { hasOpenSuggestion, adoptedText } from './pricing-text';
import { useDriverEdit } from './useDriverEdit';
import { usePricingData } from './usePricingData';
import { useHistorySteps } from '../useHistorySteps';
import { PricingGrid } from './PricingGrid';
import type { DriverPaste } from '../../grid/pricing-clipboard-plan';

export function PricingView({ detail }: { detail: CatalogueDetail }) {
  const catalogueId = detail.summary.id;
  const data = usePricingData(catalogueId);
  const { items, summary, refresh, showDriver, settled, saved } = data;
  // The unit a finance officer reads in stays theirs, in this window and at the next start.
  const [unit, setUnit] = useKeptState<MoneyUnit>('pricing.unit', () => '万元', oneOf(MONEY_UNITS), 'local');
  const [applying, setApplying] = useState<ReadonlySet<string>>(new Set());
  // The grid's cells and the saves read the latest state through these: columns are not rebuilt for each change.
  const latest = useRef({ items, unit, applying });
  latest.current = { items, unit, applying };
  const countedCohorts = useCallback(() => latest.current.items?.countedCohorts ?? [], []);
  // After 撤销/重做 the rows show the values from before the step until they are read again: a cell typed
  // into meanwhile would start from the old value, and its save be refused as changed elsewhere. Its edit
  // waits for the read (typed text is kept meanwhile, useCellInput).
  const afterStep = useRef(false);
  // 撤销/重做 step through the catalogue's one history: a driver edit here, or any edit in the other tabs.
  const steps = useHistorySteps(catalogueId, {
    enabled: true,
    onChanged: (step) => {
      afterStep.current = true;
      // Read once, for this reply or the step's change event, whichever comes first: only the rows of the
      // items whose drivers it changed, when that is all it changed.
      saved(step.changeSeq ?? 0, step.driverItems ?? []);
    },
    report: (outcome) =>
      setStatus({ state: 'done', message: outcome.ok ? `已${outcome.did}` : `未能${outcome.direction === 'undo' ? '撤销' : '重做'}：${outcome.message}`, at: new Date() }),
    onFocus: (focus) => showCell(focus),
  });
  // The wait starts at the key press: a step still queued behind a save has not changed the rows yet either.
  const { stepping } = steps;
  // A paste, cut or Delete on its way, and then until the rows are read again: a cell it changed shows the value
  // from before it, and typing on at once (Ctrl+V, then 300⏎) was sent against that value and refused.
  const pasting = useRef(0);
  const readingAfterStep = useCallback(() => {
    if (stepping() || pasting.current > 0) return true;
    if (afterStep.current && settled()) afterStep.current = false;
    return afterStep.current;
  }, [settled, stepping]);
  const { status, setStatus, canEdit, onCellEditRequest } = useDriverEdit(showDriver, refresh, steps.track, readingAfterStep, saved, countedCohorts);
  const [trail, setTrail] = useState<ExplainTarget[]>([]);
  const [showRules, setShowRules] = useState(false);
  const [showImport, setShowImport] = useState(false);
  const api = useRef<GridApi<PricingGridRow> | null>(null);
  /** As in Excel, after 撤销/重做 the cursor goes to the cell the step changed, scrolled into view. */
  function showCell(focus: { itemId: string; field: string | null }) {
    const grid = api.current;
    const index = grid?.getRowNode(focus.itemId)?.rowIndex;
    // Never while the planner is already typing into a cell.
    if (!grid || index === null || index === undefined || grid.getEditingCells().length) return;
    const colId = (focus.field && grid.getColumn(focus.field) ? focus.field : null) ?? grid.getFocusedCell()?.column.getColId() ?? 'name';
    grid.ensureIndexVisible(index);
    grid.setFocusedCell(index, colId);
  }

  const closeExplanation = useCallback(() => setTrail([]), []);
  const open = useCallback((target: ExplainTarget) => {
    setTrail((t) => (t.length && sameTarget(t[t.length - 1]!, target) ? t : [...t, target]));
  }, []);

  const apply = useCallback(
    async (itemIds: string[]) => {
      setApplying(new Set(itemIds));
      setStatus({ state: 'saving', what: itemIds.length === 1 ? '所采用的建议' : `${itemIds.length} 项建议` });
      try {
        const { value: outcome, changeSeq } = await steps.track(invoke('drivers.applySuggestions', { catalogueId, itemIds }));
        setStatus({ state: 'done', message: adoptedText(outcome), at: new Date() });
        saved(changeSeq, itemIds);
      } catch (error) {
        setStatus({ state: 'refused', what: '采用建议', message: errorMessage(error) });
        refresh(itemIds);
      } finally {
        setApplying(new Set());
      }
    },
    [catalogueId, setStatus, saved, refresh, steps.track],
  );

  // A paste, cut or Delete of driver cells: one request, one undo step, then the figures read again.
  const send = useCallback(
    async (what: string, request: DriverPaste, note?: string) => {
      setStatus({ state: 'saving', what: `${what}的 ${request.cells.length} 个测算参数` });
      const itemIds = [...new Set(request.cells.map((c) => c.itemId))];
      pasting.current += 1;
      try {
        const { value, changeSeq } = await steps.track(invoke('drivers.paste', request));
        setStatus({ state: 'done', message: `已${what} ${value.changed} 个测算参数${note ? `（${note}）` : ''}，可用“撤销”恢复`, at: new Date() });
        saved(changeSeq, itemIds);
      } catch (error) {
        setStatus({ state: 'refused', what, message: errorMessage(error) });
        refresh(itemIds);
      } finally {
        // The rows read again (asked for above) before a cell is edited.
        afterStep.current = true;
        pasting.current -= 1;
      }
    },
    [setStatus, saved, refresh, steps.track],
  );

  const context = useMemo<PricingGridContext>(
    () => ({
      unit: () => latest.current.unit,
      rules: () => latest.current.items?.rules ?? [],
      countedCohorts,
      explainItem: (itemId) => open(figure(itemId)),
      applySuggestion: (itemId) => void apply([itemId]),
      applying: () => latest.current.applying,
    }),
    [open, apply, countedCohorts],
  );

  const sources = useMemo(
    () => ({
      cohorts: () => latest.current.items?.cohorts ?? [],
      rules: () => latest.current.items?.rules ?? [],
      provinceCode: () => latest.current.items?.provinceCode ?? null,
      canEdit,
    }),
    [canEdit],
  );
  const rows = useMemo(() => (items ? pricingRows(detail.domains, items.items) : []), [detail.domains, items]);
  const openSuggestions = useMemo(() => (items?.items ?? []).filter(hasOpenSuggestion).map((i) => i.itemId), [items]);

  // The suggestion column depends on the rules' names and on which buttons wait.
  // (Not on a grid already destroyed by a tab switch: AG Grid warned of it in the console.)
  useEffect(() => {
    if (api.current && !api.current.isDestroyed()) api.current.refreshCells({ columns: ['suggestion', 'splitRuleId'], force: true });
  }, [applying, items?.rules]);

  const setYears = useCallback(
    async (fromYear: number, toYear: number) => {
      const ok = (y: number) => Number.isInteger(y) && y >= 2000 && y <= 2100;
      if (!ok(fromYear) || !ok(toYear) || fromYear > toYear) {
        setStatus({ state: 'refused', what: '测算年度', message: '测算年度应是 2000 到 2100 之间的四位年份，且起始年度不晚于截止年度，本次修改没有保存，仍按原年度测算。' });
        return false;
      }
      setStatus({ state: 'saving', what: '测算年度' });
      try {
        await invoke('pricing.setYears', { catalogueId, fromYear, toYear });
        setStatus({ state: 'saved', what: `测算年度（${fromYear}—${toYear}年）`, at: new Date() });
        return true;
      } catch (error) {
        setStatus({ state: 'refused', what: '测算年度', message: errorMessage(error) });
        return false;
      } finally {
        refresh();
      }
    },
    [catalogueId, setStatus, refresh],
  );

  if (data.error && !items) return <p className="error" role="alert">{data.error}</p>;
  if (!items || !summary) return <p className="muted">正在读取测算参数……</p>;

  return (
    // With an explanation open the view gives it room, so the figure clicked stays in sight beside it.
    <div className={trail.length > 0 ? 'pricing-view explaining' : 'pricing-view'}>
      <PricingToolbar
        history={steps.history}
        onStep={steps.step}
        fromYear={summary.fromYear}
        toYear={summary.toYear}
        onYears={setYears}
        unit={unit}
        onUnit={setUnit}
        openSuggestions={openSuggestions.length}
        applyingAll={applying.size > 1}
        onApplyAll={() => void apply(openSuggestions)}
        showRules={showRules}
        onToggleRules={() => {
          // A message about the page left behind does not follow to the other.
          setStatus({ state: 'idle' });
          setShowRules((s) => !s);
        }}
        showImport={showImport}
        onToggleImport={() => setShowImport((s) => !s)}
      />
      <p className={`save-status save-${status.state}`} data-save-state={status.state} role={status.state === 'refused' ? 'alert' : 'status'}>
        {/* The grid's hint only where the grid is. */}
        {status.state === 'idle' && (showRules || showImport) ? '' : saveStatusText(status)}
        {/* The 条目 tab says a published catalogue is fixed; here the planner may still price it. */}
        {status.state === 'idle' && !showRules && !showImport && detail.summary.stage === 'published' && (
          <span className="muted"> 这份清单已发布，条目不能修改；测算参数仍可调整，只影响测算结果，不改变已发布的清单。</span>
        )}
        {data.error && <span className="error">（测算结果未能刷新：{data.error}）</span>}
      </p>
      {showRules ? (
        <RulesPanel rules={items.rules} provinces={items.provinces} provinceCode={items.provinceCode} onSaved={refresh} />
      ) : showImport ? (
        <ImportBox
          kinds={['drivers']}
          catalogueId={catalogueId}
          title="导入测算参数"
          onApplied={(report) => {
            // Read once, for this reply or the import's change event, whichever comes first.
            saved(report.changeSeq ?? 0, []);
            // The import is a step of the history: 撤销 now names it, and the status line says what it did (not
            // the edit before it, which 撤销 no longer takes back).
            void steps.refreshHistory();
            setStatus({ state: 'done', message: `已导入测算参数：${report.summary}，可用“撤销”恢复`, at: new Date() });
          }}
        />
      ) : (
        <>
          <SummaryPanel summary={summary} unit={unit} onOpen={open} />
          <PricingGrid
            api={api}
            catalogueId={catalogueId}
            published={detail.summary.stage === 'published'}
            stepping={stepping}
            rows={rows}
            unit={unit}
            sources={sources}
            rules={sources.rules}
            context={context}
            onCellEditRequest={onCellEditRequest}
            send={(what, request, note) => void send(what, request, note)}
            notify={(message) => setStatus({ state: 'done', message, at: new Date() })}
            refuse={(what, message) => setStatus({ state: 'refused', what, message })}
          />
        </>
      )}
      {trail.length > 0 && (
        <ExplainPanel
          catalogueId={catalogueId}
          trail={trail}
          unit={unit}
          items={items}
          summary={summary}
          generation={data.generation}
          onOpen={open}
          onBack={() => setTrail((t) => t.slice(0, -1))}
          onClose={closeExplanation}
        />
      )}
    </div>
  );
}
