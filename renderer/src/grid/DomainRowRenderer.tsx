import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridRow } from './catalogue-rows';

export function DomainRowRenderer({ data }: CustomCellRendererProps<GridRow>) {
  if (!data || data.kind !== 'domain') return null;
  const mismatch = data.statedItemCount !== null && data.statedItemCount !== data.itemCount;
  return (
    <div className="domain-row" role="rowheader">
      <span className="domain-heading">{data.heading}</span>
      <span className="domain-count">
        {data.itemCount} 项{mismatch && `（文件称 ${data.statedItemCount} 项）`}
      </span>
    </div>
  );
}
