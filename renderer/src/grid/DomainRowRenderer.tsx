import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridRow } from './catalogue-rows';

/** What the grid's context offers a 领域 heading: its menu (absent when the catalogue is read-only). */
export interface DomainRowContext {
  openDomainMenu?: (seq: number, at: { x: number; y: number }) => void;
}

export function DomainRowRenderer({ data, context }: CustomCellRendererProps<GridRow, unknown, DomainRowContext>) {
  if (!data || data.kind !== 'domain') return null;
  const mismatch = data.statedItemCount !== null && data.statedItemCount !== data.itemCount;
  const open = context?.openDomainMenu;
  return (
    <div
      className="domain-row"
      role="rowheader"
      data-domain-seq={data.seq}
      onContextMenu={open && ((e) => { e.preventDefault(); open(data.seq, { x: e.clientX, y: e.clientY }); })}
    >
      <span className="domain-heading">{data.heading}</span>
      <span className="domain-tools">
        <span className="domain-count">
          {data.itemCount} 项{mismatch && `（文件称 ${data.statedItemCount} 项）`}
        </span>
        {open && (
          <button
            type="button"
            className="domain-menu-button"
            aria-label={`领域操作：${data.heading}`}
            title="领域操作（也可在领域行上点右键）"
            onClick={(e) => { const r = e.currentTarget.getBoundingClientRect(); open(data.seq, { x: r.left, y: r.bottom + 2 }); }}
          >
            领域 ▾
          </button>
        )}
      </span>
    </div>
  );
}
