// The 测算 grid: the items with their cost drivers and figures, cells picked as in Excel (click, shift+click,
// drag, shift+arrows) for copy, cut, paste and Delete of the drivers, typed into straight away.
import { useEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, IsFullWidthRowParams, RowHeightParams } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { MoneyUnit } from '../../../../shared/domain/pricing/money';
import type { SplitRule } from '../../../../shared/domain/pricing/split-rules';
import { newGridMarks } from '../../grid/grid-marks';
import type { DriverPaste } from '../../grid/pricing-clipboard-plan';
import { pricingColumns } from '../../grid/pricing-columns';
import type { PricingColumnSources } from '../../grid/pricing-columns';
import { FigureCell, PricingDomainRowRenderer } from '../../grid/pricing-cells';
import type { PricingGridContext } from '../../grid/pricing-context';
import type { PricingGridRow } from '../../grid/pricing-rows';
import { gridTheme } from '../../grid/theme';
import { useCellRange } from '../../grid/useCellRange';
import { useCellInput } from '../../grid/useCellInput';
import { usePricingClipboard } from './usePricingClipboard';
import { useShortWindow } from './useShortWindow';

// The catalogue's order is the document's, its items under their 领域: a header click never reorders them.
const DEFAULT_COLUMN: ColDef<PricingGridRow> = { wrapHeaderText: true, autoHeaderHeight: true, sortable: false };

interface Props {
  api: RefObject<GridApi<PricingGridRow> | null>;
  catalogueId: string;
  rows: PricingGridRow[];
  unit: MoneyUnit;
  sources: PricingColumnSources;
  rules: () => readonly SplitRule[];
  context: PricingGridContext;
  onCellEditRequest: (event: CellEditRequestEvent<PricingGridRow>) => void;
  send: (what: string, request: DriverPaste, note?: string) => void;
  notify: (message: string) => void;
  refuse: (what: string, message: string) => void;
  /** A published catalogue: its items' words are fixed everywhere, not only here. */
  published: boolean;
  /** True while an undo or redo is under way (typed keys wait for it, useCellInput). */
  stepping: () => boolean;
}

export function PricingGrid(p: Props) {
  const wrapper = useRef<HTMLDivElement | null>(null);
  const marks = useMemo(newGridMarks, []);
  const { setRange, onCellFocused } = useCellRange(p.api, wrapper, marks);
  // Typing on a picked cell starts its edit, a Chinese input method's first characters included.
  useCellInput(p.api, wrapper, true, (header, colId, row) => p.notify(fixedCellMessage(header, colId, row, p.published)), p.stepping);
  usePricingClipboard({ api: p.api, wrapper, marks, catalogueId: p.catalogueId, rules: p.rules, setRange, send: p.send, notify: p.notify, refuse: p.refuse });
  const { unit, sources } = p;
  const columns = useMemo(() => pricingColumns(unit, sources, marks), [unit, sources, marks]);
  // Item rows show three lines of their text, two in a short window (styles.css clamps the text to match).
  const short = useShortWindow();
  const itemHeight = short ? 48 : 66;
  useEffect(() => {
    if (p.api.current && !p.api.current.isDestroyed()) p.api.current.resetRowHeights();
  }, [itemHeight, p.api]);
  return (
    <div className={`grid-wrap pricing-grid${short ? ' short-rows' : ''}`} ref={wrapper}>
      <AgGridReact<PricingGridRow>
        theme={gridTheme}
        localeText={AG_GRID_LOCALE_CN}
        rowData={p.rows}
        columnDefs={columns}
        defaultColDef={DEFAULT_COLUMN}
        context={p.context}
        onGridReady={(e) => (p.api.current = e.api)}
        getRowId={(params: GetRowIdParams<PricingGridRow>) => params.data.id}
        isFullWidthRow={(params: IsFullWidthRowParams<PricingGridRow>) => params.rowNode.data?.kind === 'domain'}
        fullWidthCellRenderer={PricingDomainRowRenderer}
        getRowHeight={(params: RowHeightParams<PricingGridRow>) => (params.data?.kind === 'domain' ? 36 : itemHeight)}
        readOnlyEdit
        onCellEditRequest={p.onCellEditRequest}
        onCellFocused={onCellFocused}
        // Narrowed (an explanation opened beside it), the grid keeps the active cell, the figure clicked, in sight.
        onGridSizeChanged={(e) => {
          const active = e.api.getFocusedCell();
          if (active) e.api.ensureColumnVisible(active.column);
        }}
        // Enter on a figure (never edited) explains it, as a click on it does: the keyboard's way in.
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | null)?.key;
          if (key === 'Enter' && 'colDef' in e && e.data?.kind === 'item' && e.colDef.cellRenderer === FigureCell) p.context.explainItem(e.data.itemId);
        }}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        suppressMovableColumns
        tooltipShowDelay={400}
        // 22 columns and a hundred rows: all drawn, so every figure can be found and read.
        suppressColumnVirtualisation
        overlayNoRowsTemplate="<span>这份清单还没有服务项目。</span>"
      />
    </div>
  );
}

/** The item's own words (and its 序号), as against the figures, the status and the suggestions the drivers give. */
const ITEM_WORDS = new Set(['itemNo', 'name', 'targetGroup', 'standard']);

/** Why text typed on a cell of the 测算 grid that takes none went nowhere, and where to type it instead. */
function fixedCellMessage(header: string, colId: string, row: unknown, published: boolean): string {
  const drivers = '测算参数（服务人群到中央分担）';
  if ((row as PricingGridRow | undefined)?.kind === 'domain') return `领域标题行不能输入：请点选服务项目的${drivers}再输入。`;
  if (colId === 'suggestion') return `“建议”摘自服务指导标准与支出责任，不能修改：可点“采用建议”，或直接填写${drivers}。`;
  if (!ITEM_WORDS.has(colId)) return `“${header}”由测算参数算出，不能直接修改：请修改该项目的${drivers}。`;
  if (colId === 'itemNo') return `“序号”由系统按顺序编排，不能修改；测算表中只改${drivers}。`;
  return published
    ? `“${header}”是项目的文字，这份清单已发布，不能再改（要改请“基于此新建草案”）；测算表中只改${drivers}。`
    : `“${header}”是项目的文字，请在“条目”中修改；测算表中只改${drivers}。`;
}
