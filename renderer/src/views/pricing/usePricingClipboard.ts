// Copy, cut, paste and Delete in the 测算 grid, as Excel and WPS do them: the picked cells are copied as the
// grid shows them (figures in the unit shown); a paste, a cut or Delete writes the cost drivers it covers in
// one request (drivers.paste: one transaction, one undo step), shown once the database has it.
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import { cellCount, formatHtml, formatTsv, parseTsv } from '../../../../shared/domain/clipboard-text';
import type { CellBlock } from '../../../../shared/domain/clipboard-text';
import { ruleChoices } from '../../../../shared/domain/pricing/split-rules';
import type { SplitRule } from '../../../../shared/domain/pricing/split-rules';
import type { CellRange, RangeBox } from '../../grid/cell-range';
import type { GridMarks } from '../../grid/grid-marks';
import { blockFromHtml } from '../../grid/html-table';
import { copyPricingBlock, planDriverClear, planDriverPaste } from '../../grid/pricing-clipboard-plan';
import type { DriverPaste } from '../../grid/pricing-clipboard-plan';
import type { PricingGridItem, PricingGridRow } from '../../grid/pricing-rows';
import { clipboardEventInGrid, shownRows, typingElsewhere } from '../../grid/useClipboard';
import { columnOrderOf, pickedBoxOf } from '../../grid/useCellRange';
import { resolveChoice } from '../../../../shared/domain/choice';
import { impliedPeriods } from '../../../../shared/domain/pricing/drivers';

interface Options {
  api: RefObject<GridApi<PricingGridRow> | null>;
  wrapper: RefObject<HTMLDivElement | null>;
  marks: GridMarks;
  catalogueId: string;
  rules: () => readonly SplitRule[];
  setRange: (range: CellRange | null) => void;
  /** Writes the cells (the view shows the outcome and reads the figures again). */
  /** A write to send, what it is ('粘贴'), and a note for its message. */
  send: (what: string, request: DriverPaste, note?: string) => void;
  notify: (message: string) => void;
  refuse: (what: string, message: string) => void;
}

export function usePricingClipboard(options: Options) {
  const opts = useRef(options);
  opts.current = options;

  useEffect(() => {
    const box = (grid: GridApi<PricingGridRow>): RangeBox | null => pickedBoxOf(grid, opts.current.marks.range);
    const shown = (grid: GridApi<PricingGridRow>) => (row: PricingGridItem, colId: string) => {
      // An empty 每年期数 shows, in grey, the periods its unit implies (DriverCell): copied as shown.
      const implied = colId === 'periodsPerYear' ? impliedPeriods(row.driver) : null;
      if (implied !== null) return implied;
      const rowNode = grid.getRowNode(row.id);
      const value = rowNode ? grid.getCellValue({ rowNode, colKey: colId, useFormatter: true }) : null;
      return value === null || value === undefined ? '' : String(value);
    };
    const clear = (grid: GridApi<PricingGridRow>, picked: RangeBox, action: 'cut' | 'clear') => {
      const request = planDriverClear(shownRows(grid), picked, opts.current.catalogueId, action);
      if (request.cells.length === 0) return opts.current.notify('所选单元格中没有已填的测算参数，没有要清除的内容');
      opts.current.send(action === 'cut' ? '剪切' : '清除', request);
    };
    const paste = (grid: GridApi<PricingGridRow>, block: CellBlock | null) => {
      const { refuse, rules } = opts.current;
      if (!block || cellCount(block) === 0) return refuse('粘贴', '剪贴板里没有可以粘贴的文字。');
      const picked = box(grid);
      if (!picked || !picked.colIds.length) return refuse('粘贴', '请先点选要粘贴到的单元格。');
      const plan = planDriverPaste(block, {
        catalogueId: opts.current.catalogueId,
        rows: shownRows(grid),
        columnOrder: columnOrderOf(grid),
        box: picked,
        headerOf: (colId) => grid.getColumn(colId)?.getColDef().headerName ?? colId,
        // A rule pasted is read as one typed into the cell: its name, its id, or a part only it has.
        ruleId: (text) => resolveChoice(text, ruleChoices(rules())) ?? text,
      });
      if (typeof plan === 'string') return refuse('粘贴', plan);
      if (plan.request.cells.length === 0) return opts.current.notify('粘贴的内容与现有的测算参数相同，没有改动');
      opts.current.setRange({ anchor: { rowIndex: picked.top, colId: picked.colIds[0]! }, focus: { rowIndex: plan.lastRowIndex, colId: plan.lastColId } });
      opts.current.send('粘贴', plan.request, plan.headerLeftOut ? '第一行是表头，没有粘贴' : undefined);
    };

    const onCopy = (event: ClipboardEvent) => {
      const grid = opts.current.api.current;
      if (!grid || !event.clipboardData || !clipboardEventInGrid(opts.current.wrapper.current, event)) return;
      const picked = box(grid);
      if (!picked) return;
      const block = copyPricingBlock(shownRows(grid), picked, shown(grid));
      if (!block.length) return;
      event.clipboardData.setData('text/plain', formatTsv(block));
      event.clipboardData.setData('text/html', formatHtml(block));
      event.preventDefault();
      if (event.type === 'cut') clear(grid, picked, 'cut');
      else opts.current.notify(`已复制 ${cellCount(block)} 个单元格（${block.length} 行 × ${block[0]!.length} 列），可在 Excel 或 WPS 中粘贴`);
    };
    const onPaste = (event: ClipboardEvent) => {
      const grid = opts.current.api.current;
      if (!grid || !event.clipboardData || !clipboardEventInGrid(opts.current.wrapper.current, event)) return;
      event.preventDefault();
      const text = event.clipboardData.getData('text/plain');
      const html = event.clipboardData.getData('text/html');
      paste(grid, text ? parseTsv(text) : html ? blockFromHtml(html) : null);
    };
    // Delete empties the picked driver cells (one of them too: AG Grid's own Delete would go cell by cell).
    const onKey = (event: KeyboardEvent) => {
      const grid = opts.current.api.current;
      if (!grid || event.key !== 'Delete' || event.ctrlKey || event.altKey || event.metaKey) return;
      if (!(event.target instanceof Node) || !opts.current.wrapper.current?.contains(event.target)) return;
      if (grid.getEditingCells().length || typingElsewhere(event.target)) return;
      const picked = box(grid);
      if (!picked) return;
      event.preventDefault();
      event.stopPropagation();
      clear(grid, picked, 'clear');
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('keydown', onKey, true);
    };
  }, []);
}
