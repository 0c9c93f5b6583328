// The bar under the open summary tables: dragged (or moved with ↑/↓), it sets how tall they are, so on a
// 1366×768 laptop the planner chooses between more of the tables and more rows of the grid below, as with
// Excel's split bar. Double-click gives the default back.
import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

/** Tables lower than this show no row; higher than the window less this leave the grid no room. */
const MIN_HEIGHT = 80;
const ROOM_FOR_GRID = 420;
const STEP = 24;

/** Within the bounds above, and never past `most`, the tables' whole height: nothing would show the rest. */
const clamp = (height: number, most: number) => Math.round(Math.max(MIN_HEIGHT, Math.min(height, most, window.innerHeight - ROOM_FOR_GRID)));

interface Props {
  /** The tables' height now (px): what a drag starts from. */
  current: () => number;
  /** The tables' whole height (px). */
  most: () => number;
  height: number | null;
  onChange: (height: number | null) => void;
}

export function SummarySplitter({ current, most, height, onChange }: Props) {
  const drag = useRef<{ y: number; from: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    drag.current = { y: event.clientY, from: current() };
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onChange(clamp(drag.current.from + event.clientY - drag.current.y, most()));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    onChange(clamp(current() + (event.key === 'ArrowDown' ? STEP : -STEP), most()));
  };
  return (
    <div
      className="summary-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="汇总表高度"
      aria-valuenow={height ?? undefined}
      tabIndex={0}
      title="上下拖动可调整汇总表的高度（也可按 ↑ ↓ 键）；双击恢复默认"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => onChange(null)}
      onKeyDown={onKeyDown}
    />
  );
}
