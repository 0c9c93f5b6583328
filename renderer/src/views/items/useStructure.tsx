// 领域 changes and moving rows in the 条目 grid: the heading menu, dragging rows (AG Grid Community's row
// drag with rowDragManaged off: the grid only reports, the drop is ours), and 移到领域…. Each is one request,
// one undo step, run through the view's queue so it is committed before the grid shows it.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ColDef, IRowNode, RowDragEndEvent, RowDragMoveEvent } from 'ag-grid-community';
import type { CatalogueDetail } from '../../../../shared/domain/catalogue';
import { domainHeading } from '../../../../shared/domain/numerals';
import { invoke } from '../../api/client';
import type { GridRow, ItemRow } from '../../grid/catalogue-rows';
import type { DomainRowContext } from '../../grid/DomainRowRenderer';
import { DomainMenu } from './DomainMenu';
import type { DomainAction } from './DomainMenu';

type Step = () => Promise<{ message: string; focusItem: string | null }>;

interface Drop {
  domainSeq: number;
  /** Among the domain's items that are not being moved. */
  index: number;
  /** The row the marker is drawn on, and on which edge. */
  rowId: string;
  edge: 'before' | 'after';
}

/** Where dropped rows land: above or below the row under the pointer; on a heading, first in its domain. */
function dropOf(detail: CatalogueDetail, over: IRowNode<GridRow> | undefined, y: number, moving: Set<string>): Drop | null {
  const row = over?.data;
  if (!over || !row) return null;
  if (row.kind === 'domain') return { domainSeq: row.seq, index: 0, rowId: row.id, edge: 'after' };
  if (moving.has(row.id)) return null;
  const after = y > (over.rowTop ?? 0) + (over.rowHeight ?? 0) / 2;
  const others = detail.items.filter((i) => i.domainSeq === row.domainSeq && !moving.has(i.id)).map((i) => i.id);
  const at = others.indexOf(row.id);
  return { domainSeq: row.domainSeq, index: after ? at + 1 : at, rowId: row.id, edge: after ? 'after' : 'before' };
}

function mark(drop: Drop | null): void {
  for (const el of document.querySelectorAll('.drop-before, .drop-after')) el.classList.remove('drop-before', 'drop-after');
  if (!drop) return;
  for (const el of document.querySelectorAll(`.ag-row[row-id="${CSS.escape(drop.rowId)}"]`)) el.classList.add(`drop-${drop.edge}`);
}

export function useStructure(options: {
  detail: CatalogueDetail;
  readOnly: boolean;
  run: (what: string, step: Step) => void;
  pickedRows: () => ItemRow[];
  refuse: (what: string, message: string) => void;
}) {
  const { detail, readOnly, run, pickedRows, refuse } = options;
  const catalogueId = detail.summary.id;
  const [menu, setMenu] = useState<{ seq: number; at: { x: number; y: number } } | null>(null);
  const domainOf = useCallback((seq: number) => detail.domains.find((d) => d.seq === seq)!, [detail.domains]);

  const context = useMemo<DomainRowContext>(
    () => (readOnly ? {} : { openDomainMenu: (seq, at) => setMenu({ seq, at }) }),
    [readOnly],
  );

  const moveRows = useCallback(
    (rows: ItemRow[], domainSeq: number, index: number) => {
      const heading = domainHeading(domainSeq, domainOf(domainSeq).name);
      run('移动行', async () => {
        const item = await invoke('items.move', { itemIds: rows.map((r) => r.id), domainSeq, index });
        const what = rows.length === 1 ? `“${item.name}”移到“${heading}”，现为第${item.itemNo}项` : `${rows.length} 项移到“${heading}”，自第${item.itemNo}项起`;
        return { message: `已将${what}`, focusItem: item.id };
      });
    },
    [domainOf, run],
  );

  const onDomainAction = useCallback(
    (seq: number, action: DomainAction) => {
      const domain = domainOf(seq);
      const expected = domain.name;
      switch (action.kind) {
        case 'insert':
          return run('插入领域', async () => {
            const { domainSeq } = await invoke('domains.insert', { catalogueId, index: action.where === 'above' ? seq - 1 : seq, name: action.name });
            return { message: `已插入领域“${domainHeading(domainSeq!, action.name.trim())}”`, focusItem: null };
          });
        case 'rename':
          return run('重命名领域', async () => {
            await invoke('domains.rename', { catalogueId, domainSeq: seq, name: action.name, expected });
            return { message: `已将领域“${expected}”改名为“${action.name.trim()}”`, focusItem: null };
          });
        case 'move':
          return run('移动领域', async () => {
            const { domainSeq } = await invoke('domains.move', { catalogueId, domainSeq: seq, index: seq - 1 + action.by, expected });
            return { message: `已将领域“${expected}”${action.by < 0 ? '上移' : '下移'}为第 ${domainSeq} 个领域`, focusItem: null };
          });
        case 'addItem':
          return run('插入行', async () => {
            const item = await invoke('items.insert', { catalogueId, domainSeq: seq });
            return { message: `已在领域“${expected}”开头添加一行（第${item.itemNo}项）`, focusItem: item.id };
          });
        case 'delete':
          return run('删除领域', async () => {
            await invoke('domains.delete', { catalogueId, domainSeq: seq, expected, withItems: true }); // the menu asked first when it has items
            const count = detail.items.filter((i) => i.domainSeq === seq).length;
            return { message: `已删除领域“${expected}”${count ? `及其 ${count} 项` : ''}，可用“撤销”恢复`, focusItem: null };
          });
      }
    },
    [catalogueId, detail.items, domainOf, run],
  );

  // ── dragging rows ──
  const dragging = useRef<{ rows: ItemRow[]; drop: Drop | null } | null>(null);
  const draggedRows = (event: RowDragMoveEvent<GridRow> | RowDragEndEvent<GridRow>): ItemRow[] =>
    (event.nodes?.length ? event.nodes : [event.node]).map((n) => n.data).filter((d): d is ItemRow => d?.kind === 'item');
  const onRowDragMove = useCallback(
    (event: RowDragMoveEvent<GridRow>) => {
      const rows = draggedRows(event);
      const drop = dropOf(detail, event.overNode, event.y, new Set(rows.map((r) => r.id)));
      dragging.current = { rows, drop };
      mark(drop);
    },
    [detail],
  );
  const onRowDragEnd = useCallback(
    (event: RowDragEndEvent<GridRow>) => {
      const rows = draggedRows(event);
      const drop = dropOf(detail, event.overNode, event.y, new Set(rows.map((r) => r.id))) ?? dragging.current?.drop ?? null;
      dragging.current = null;
      mark(null);
      if (!drop || !rows.length) return;
      moveRows(rows, drop.domainSeq, drop.index);
    },
    [detail, moveRows],
  );
  const onRowDragLeave = useCallback(() => {
    dragging.current = null;
    mark(null);
  }, []);
  /** The 序号 cell carries the drag handle (item rows only, and only where the catalogue may change). */
  const withDragHandle = useCallback(
    (columns: ColDef<GridRow>[]) =>
      readOnly
        ? columns
        : columns.map((c) => (c.colId === 'itemNo' ? { ...c, width: 92, rowDrag: (p: { data?: GridRow }) => p.data?.kind === 'item' } : c)),
    [readOnly],
  );

  const moveToDomain = (seq: number) => {
    const rows = pickedRows();
    if (!rows.length) return refuse('移动行', '请先点选要移动的服务项目（可按住 Ctrl 或 Shift 点选多行），再选择要移到的领域。');
    moveRows(rows, seq, Number.MAX_SAFE_INTEGER);
  };

  const toolbar = readOnly ? null : (
    <>
      <select
        aria-label="移到领域"
        title="把所选的行移到另一个领域的末尾"
        value=""
        onChange={(e) => { const seq = Number(e.target.value); if (seq) moveToDomain(seq); }}
      >
        <option value="">移到领域…</option>
        {detail.domains.map((d) => <option key={d.seq} value={d.seq}>{domainHeading(d.seq, d.name)}</option>)}
      </select>
      <button type="button" title="在清单末尾添加一个领域" onClick={() => setMenu({ seq: -1, at: { x: 120, y: 160 } })}>添加领域</button>
    </>
  );

  const menuDomain = menu && menu.seq > 0 ? domainOf(menu.seq) : null;
  const menuElement = menu && (
    menuDomain ? (
      <DomainMenu
        domain={{ ...menuDomain, heading: domainHeading(menuDomain.seq, menuDomain.name), itemCount: detail.items.filter((i) => i.domainSeq === menuDomain.seq).length }}
        count={detail.domains.length}
        at={menu.at}
        onAction={(action) => onDomainAction(menuDomain.seq, action)}
        onClose={() => setMenu(null)}
      />
    ) : (
      <DomainMenu
        domain={{ seq: detail.domains.length + 1, name: '', heading: '清单末尾', itemCount: 0 }}
        count={detail.domains.length + 1}
        at={menu.at}
        start="name"
        onAction={(action) => action.kind === 'insert' && run('插入领域', async () => {
          const { domainSeq } = await invoke('domains.insert', { catalogueId, index: detail.domains.length, name: action.name });
          return { message: `已在清单末尾添加领域“${domainHeading(domainSeq!, action.name.trim())}”`, focusItem: null };
        })}
        onClose={() => setMenu(null)}
      />
    )
  );

  const rowDragText = useCallback((p: { rowNode?: IRowNode<GridRow> | null; rowNodes?: IRowNode<GridRow>[] | null }) => {
    const rows = (p.rowNodes?.length ? p.rowNodes : p.rowNode ? [p.rowNode] : []).map((n) => n.data).filter((d): d is ItemRow => d?.kind === 'item');
    return rows.length === 1 ? `第${rows[0]!.itemNo}项“${rows[0]!.name}”` : `${rows.length} 项`;
  }, []);
  const gridProps = { context, onRowDragMove, onRowDragEnd, onRowDragLeave, rowDragText, rowDragMultiRow: true, rowDragManaged: false } as const;
  return { gridProps, withDragHandle, toolbar, menu: menuElement };
}
