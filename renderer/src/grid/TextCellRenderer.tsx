import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridRow } from './catalogue-rows';
import { keepNumbersWithUnits } from './cjk-wrap';
import { splitByQuery } from './find';
import type { GridMarks } from './grid-marks';

/** Shows a not-yet-filled cell as such, so it is not mistaken for a published blank; marks find hits. */
export function TextCellRenderer({ value, data, colDef, context }: CustomCellRendererProps<GridRow, unknown, GridMarks | undefined>) {
  if (value === null || value === undefined) return <span className="unfilled">未填写</span>;
  const text = String(value);
  const query = context?.findQuery ?? '';
  if (!query || !data || data.kind !== 'item') return <>{keepNumbersWithUnits(text)}</>;
  const current = context?.currentHit;
  const here = current && current.itemId === data.id && current.field === colDef?.colId ? current.nth : -1;
  return (
    <>
      {splitByQuery(text, query).map((part, n) =>
        part.hit === null ? (
          <span key={n}>{keepNumbersWithUnits(part.text)}</span>
        ) : (
          <mark key={n} className={part.hit === here ? 'find-hit find-current' : 'find-hit'}>
            {part.text}
          </mark>
        ),
      )}
    </>
  );
}
