// Cells of the 测算 grid: figures that open their explanation, the status, and the suggestion with its button.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { PricingGridContext } from './pricing-context';
import type { PricingGridRow } from './pricing-rows';
import { statusText, suggestionText } from '../views/pricing/pricing-text';
import { QualityMark } from '../components/QualityMark';
import { INPUT_QUALITY_HINTS, INPUT_QUALITY_LABELS } from '../../../shared/domain/pricing/results';
import { impliedPeriods } from '../../../shared/domain/pricing/drivers';

type Props = CustomCellRendererProps<PricingGridRow, unknown, PricingGridContext>;

export function PricingDomainRowRenderer({ data }: Props) {
  if (!data || data.kind !== 'domain') return null;
  return (
    <div className="domain-row" role="rowheader">
      <span className="domain-heading">{data.heading}</span>
      <span className="domain-count">已测算 {data.pricedCount} / {data.itemCount} 项</span>
    </div>
  );
}

/** A computed figure: "未测算" when the item is not priced (never 0), else a link to its explanation. */
/** A figure: a click explains it; Shift or Ctrl with the click picks cells (a block to copy), as in Excel. */
export function FigureCell({ data, value, valueFormatted, context, colDef }: Props) {
  if (!data || data.kind !== 'item') return null;
  if (data.status !== 'priced' || value === null || value === undefined) return <span className="unpriced">未测算</span>;
  return (
    <button type="button" className="figure" data-figure={colDef?.colId} onClick={(e) => !(e.shiftKey || e.ctrlKey || e.metaKey) && context.explainItem(data.itemId)} title="查看测算过程（按住 Shift 或 Ctrl 点击为选取单元格）">
      {valueFormatted ?? String(value)}
    </button>
  );
}

export function StatusCell({ data }: Props) {
  if (!data || data.kind !== 'item') return null;
  // The column is narrow on a laptop screen: the whole of it on hover.
  const quality = data.quality && data.quality !== 'sourced' ? `（${INPUT_QUALITY_LABELS[data.quality]}：${INPUT_QUALITY_HINTS[data.quality]}）` : '';
  return (
    <span className={`pricing-status pricing-${data.status}${data.gapRegions ? ' pricing-partial' : ''}`} data-status={data.status} title={`${statusText(data)}${quality}`}>
      {statusText(data)}
      <QualityMark quality={data.quality} />
    </span>
  );
}

export function SuggestionCell({ data, context }: Props) {
  if (!data || data.kind !== 'item') return null;
  const text = suggestionText(data, context.rules(), context.countedCohorts());
  if (!text) return null;
  const busy = context.applying().has(data.itemId);
  return (
    <div className="suggestion" title={text}>
      <button type="button" className="apply-suggestion" disabled={busy} onClick={() => context.applySuggestion(data.itemId)}>
        {busy ? '正在采用……' : '采用建议'}
      </button>
      <span className="suggestion-text">{text}</span>
    </div>
  );
}

/** Long read-only texts, cut to a few lines; the whole text is in the tooltip. */
export function ShortTextCell({ value }: Props) {
  if (value === null || value === undefined || value === '') return <span className="unfilled">未填写</span>;
  return <span className="short-text">{String(value)}</span>;
}

/**
 * A driver as the grid shows it (its formatted value), in an element of its own beside the keyboard sink. An
 * empty 每年期数 shows, in grey, the periods its unit implies, which the pricing uses: a cell left blank while
 * 200 school days were still counted misled the planner who had cleared it.
 */
export function DriverCell({ value, valueFormatted, data, colDef }: Props) {
  if (value === null || value === undefined) {
    const periods = colDef?.colId === 'periodsPerYear' && data?.kind === 'item' ? impliedPeriods(data.driver) : null;
    if (periods === null || data?.kind !== 'item') return null;
    return (
      <span className="driver-implied" title={`未填写，按单位“${data.driver.unit ?? ''}”每年 ${periods} 期计算；填写后以填写的为准`}>
        {periods}
      </span>
    );
  }
  return <span className="driver-value">{valueFormatted ?? String(value)}</span>;
}
