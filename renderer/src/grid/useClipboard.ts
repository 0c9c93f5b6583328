// Copy, cut, paste and Delete on the picked cells, as Excel and WPS do them, kept out of the view: the
// native copy/cut/paste events (which work in Electron and without clipboard permissions) and the
// toolbar's buttons (the async Clipboard API) both end here. A paste or a clear is one `items.paste`
// request: one transaction, one undo step, shown once the database has it.
import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { CatalogueDetail } from '../../../shared/domain/catalogue';
import type { CellBlock } from '../../../shared/domain/clipboard-text';
import { cellCount, formatHtml, formatTsv, parseTsv } from '../../../shared/domain/clipboard-text';
import { invoke } from '../api/client';
import type { GridRow } from './catalogue-rows';
import type { CellRange, RangeBox } from './cell-range';
import { copyBlock, planClear, planPaste } from './clipboard-plan';
import type { PasteRequest } from './clipboard-plan';
import type { GridMarks } from './grid-marks';
import { blockFromHtml } from './html-table';
import { isSink } from './cell-input-sink';
import { columnOrderOf, pickedBoxOf } from './useCellRange';

export type StepRunner = (what: string, step: () => Promise<{ message: string; focusItem: string | null }>) => void;

export interface ClipboardOptions {
  api: RefObject<GridApi<GridRow> | null>;
  wrapper: RefObject<HTMLDivElement | null>;
  marks: GridMarks;
  detail: CatalogueDetail;
  readOnly: boolean;
  run: StepRunner;
  notify: (message: string) => void;
  /** Says a write is under way (a paste of hundreds of rows takes a while). */
  saving: (what: string) => void;
  refuse: (what: string, message: string) => void;
  setRange: (range: CellRange | null) => void;
}

/** The rows as the grid shows them (filtered, in catalogue order): index = displayed row index. */
export function shownRows<T>(api: GridApi<T>): T[] {
  const rows: T[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) rows.push(node.data);
  });
  return rows;
}

export function typingElsewhere(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !isSink(target) && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Whether a copy, cut or paste event is the grid's: a cell or the page has focus, no cell is being edited. */
export function clipboardEventInGrid(root: HTMLElement | null, event: Event): boolean {
  const target = event.target;
  if (!root || typingElsewhere(target)) return false;
  if (target instanceof Node && root.contains(target)) return !(target instanceof Element && target.closest('.ag-popup-editor, .ag-cell-inline-editing'));
  return target === document.body || target === document.documentElement;
}

export function useClipboard(options: ClipboardOptions) {
  const opts = useRef(options);
  opts.current = options;
  /** The range to show picked once the grid shows the catalogue after a paste. */
  const pendingRange = useRef<CellRange | null>(null);

  const currentBox = useCallback((): RangeBox | null => {
    const { api, marks } = opts.current;
    const grid = api.current;
    return grid ? pickedBoxOf(grid, marks.range) : null;
  }, []);

  const copied = useCallback((): { block: CellBlock; text: string; html: string } | null => {
    const grid = opts.current.api.current;
    const box = currentBox();
    if (!grid || !box) return null;
    const block = copyBlock(shownRows(grid), box);
    if (!block.length) return null;
    return { block, text: formatTsv(block), html: formatHtml(block) };
  }, [currentBox]);

  const send = useCallback((what: string, request: PasteRequest, notices: string[], range: CellRange | null) => {
    const { run, saving } = opts.current;
    const count = request.cells.length + (request.newRows?.rows.length ?? 0);
    saving(`${what}的 ${count} 处内容`);
    run(what, async () => {
      const result = await invoke('items.paste', request);
      pendingRange.current = range;
      const added = result.added.length ? `，新增 ${result.added.length} 行` : '';
      const verb = request.action === 'paste' ? '粘贴' : request.action === 'cut' ? '剪切' : '清除';
      return {
        message: `已${verb} ${result.cells} 个单元格${added}，可用“撤销”恢复${notices.length ? `；${notices.join('；')}` : ''}`,
        focusItem: null,
      };
    });
  }, []);

  const clear = useCallback(
    (action: 'cut' | 'clear') => {
      const { api, detail, readOnly, refuse } = opts.current;
      const grid = api.current;
      const box = currentBox();
      const what = action === 'cut' ? '剪切' : '清除';
      if (!grid || !box) return;
      if (readOnly) return refuse(what, '这份清单已发布，不能改动；如需修改，请基于它新建草案。');
      const request = planClear(shownRows(grid), box, detail.summary.id, action);
      if (!request.cells.length) return opts.current.notify('所选单元格都是空的（或是序号），没有要清除的内容');
      send(what, request, [], null);
    },
    [currentBox, send],
  );

  const paste = useCallback(
    (block: CellBlock | null) => {
      const { api, detail, readOnly, refuse } = opts.current;
      const grid = api.current;
      if (!grid) return;
      if (readOnly) return refuse('粘贴', '这份清单已发布，不能粘贴；如需修改，请基于它新建草案。');
      if (!block || cellCount(block) === 0 || (block.length === 1 && block[0]!.length === 1 && block[0]![0] === '')) {
        return refuse('粘贴', '剪贴板里没有可以粘贴的文字。');
      }
      const box = currentBox();
      if (!box || !box.colIds.length) return refuse('粘贴', '请先点选要粘贴到的单元格。');
      const rows = shownRows(grid);
      const lastOfDomain = (seq: number) => detail.items.filter((i) => i.domainSeq === seq).at(-1)?.id ?? null;
      const plan = planPaste(block, {
        catalogueId: detail.summary.id,
        rows,
        columnOrder: columnOrderOf(grid),
        labels: detail.columnLabels,
        startRow: box.top,
        startCol: box.colIds[0]!,
        lastItemOfDomain: lastOfDomain,
      });
      if (typeof plan === 'string') return refuse('粘贴', plan);
      const rowsAdded = plan.request.newRows?.rows.length ?? 0;
      const range: CellRange = {
        anchor: { rowIndex: box.top, colId: box.colIds[0]! },
        focus: { rowIndex: plan.lastRowIndex + rowsAdded, colId: plan.lastColId },
      };
      send('粘贴', plan.request, plan.notices, range);
    },
    [currentBox, send],
  );

  // The native events: Ctrl+C / Ctrl+X / Ctrl+V on the grid (the keyboard sink or a cell has focus).
  useEffect(() => {
    const inGrid = (event: Event) => clipboardEventInGrid(opts.current.wrapper.current, event);
    const onCopy = (event: ClipboardEvent) => {
      if (!inGrid(event) || !event.clipboardData) return;
      const out = copied();
      if (!out) return;
      event.clipboardData.setData('text/plain', out.text);
      event.clipboardData.setData('text/html', out.html);
      event.preventDefault();
      if (event.type === 'cut') clear('cut');
      else opts.current.notify(`已复制 ${cellCount(out.block)} 个单元格（${out.block.length} 行 × ${out.block[0]!.length} 列），可在 Excel 或 WPS 中粘贴`);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!inGrid(event) || !event.clipboardData) return;
      event.preventDefault();
      const text = event.clipboardData.getData('text/plain');
      const html = event.clipboardData.getData('text/html');
      paste(text ? parseTsv(text) : html ? blockFromHtml(html) : null);
    };
    const onKey = (event: KeyboardEvent) => {
      const grid = opts.current.api.current;
      if (!grid || event.key !== 'Delete' || event.ctrlKey || event.altKey || event.metaKey) return;
      const box = opts.current.marks.box;
      if (!box || (box.top === box.bottom && box.colIds.length < 2) || grid.getEditingCells().length || typingElsewhere(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      clear('clear');
    };
    const root = opts.current.wrapper.current;
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    root?.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
      root?.removeEventListener('keydown', onKey, true);
    };
  }, [copied, clear, paste]);

  /** The toolbar's buttons: the async Clipboard API (in the browser host over http://127.0.0.1). */
  const copyToClipboard = useCallback(
    async (cut: boolean) => {
      const out = copied();
      if (!out) return opts.current.refuse(cut ? '剪切' : '复制', '请先点选要复制的单元格。');
      try {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([out.text], { type: 'text/plain' }),
            'text/html': new Blob([out.html], { type: 'text/html' }),
          }),
        ]);
      } catch {
        return opts.current.refuse(cut ? '剪切' : '复制', '浏览器不允许写入剪贴板，请改用 Ctrl+C（剪切用 Ctrl+X）。');
      }
      if (cut) clear('cut');
      else opts.current.notify(`已复制 ${cellCount(out.block)} 个单元格（${out.block.length} 行 × ${out.block[0]!.length} 列），可在 Excel 或 WPS 中粘贴`);
    },
    [copied, clear],
  );
  const pasteFromClipboard = useCallback(async () => {
    try {
      const items = await navigator.clipboard.read();
      for (const item of items) {
        if (item.types.includes('text/plain')) {
          const text = await (await item.getType('text/plain')).text();
          if (text) return paste(parseTsv(text));
        }
        if (item.types.includes('text/html')) return paste(blockFromHtml(await (await item.getType('text/html')).text()));
      }
      paste(null);
    } catch {
      opts.current.refuse('粘贴', '浏览器不允许读取剪贴板，请改用 Ctrl+V 粘贴。');
    }
  }, [paste]);

  /** Called once the grid shows the reloaded catalogue: the pasted block is shown picked. */
  const afterReload = useCallback(() => {
    const range = pendingRange.current;
    pendingRange.current = null;
    if (range) opts.current.setRange(range);
  }, []);

  return { copyToClipboard, pasteFromClipboard, afterReload };
}
