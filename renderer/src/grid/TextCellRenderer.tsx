import type { CustomCellRendererProps } from 'ag-grid-react';

/** Shows a not-yet-filled cell as such, so it is not mistaken for a published blank. */
export function TextCellRenderer({ value }: CustomCellRendererProps) {
  if (value === null || value === undefined) return <span className="unfilled">未填写</span>;
  return <>{String(value)}</>;
}
