// The 测算 view's controls: 撤销/重做, the years priced, the money unit, taking every suggestion, the rules page.
import { useEffect, useRef, useState } from 'react';
import type { HistoryState } from '../../../../shared/domain/history';
import { HistoryButtons } from '../HistoryButtons';
import type { Direction } from '../useHistorySteps';
import { MONEY_UNITS } from '../../../../shared/domain/pricing/money';
import type { MoneyUnit } from '../../../../shared/domain/pricing/money';

interface Props {
  history: HistoryState;
  onStep: (direction: Direction) => void;
  fromYear: number;
  toYear: number;
  /** Resolves false when the years were refused: the boxes then show the years still in force. */
  onYears: (fromYear: number, toYear: number) => Promise<boolean>;
  unit: MoneyUnit;
  onUnit: (unit: MoneyUnit) => void;
  openSuggestions: number;
  applyingAll: boolean;
  onApplyAll: () => void;
  showRules: boolean;
  onToggleRules: () => void;
  showImport: boolean;
  onToggleImport: () => void;
}

export function PricingToolbar(p: Props) {
  const [from, setFrom] = useState(String(p.fromYear));
  const [to, setTo] = useState(String(p.toYear));
  useEffect(() => {
    setFrom(String(p.fromYear));
    setTo(String(p.toYear));
  }, [p.fromYear, p.toYear]);
  const changed = from !== String(p.fromYear) || to !== String(p.toYear);
  const restore = () => {
    setFrom(String(p.fromYear));
    setTo(String(p.toYear));
  };
  // The years being saved: Enter, then a click elsewhere before the figures are back, applies them once.
  const inFlight = useRef<string | null>(null);
  const apply = () => {
    const years = `${from}—${to}`;
    if (inFlight.current === years) return;
    inFlight.current = years;
    // Read as the grid reads figures: ２０３２ typed full-width is 2032.
    const year = (text: string) => Number(text.normalize('NFKC'));
    void p.onYears(year(from), year(to)).then((saved) => {
      inFlight.current = null;
      if (!saved) restore();
    });
  };
  return (
    <div className="pricing-toolbar">
      <div className="history-buttons" role="group" aria-label="撤销与重做">
        <HistoryButtons history={p.history} onStep={p.onStep} />
      </div>
      <form
        className="years"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
        // Years typed and left (a click elsewhere) are applied, as a cell is saved on leaving it: before, the
        // boxes showed 2028 over totals still of 2026—2030, and a tab switch put 2030 back without a word. Going
        // from one box to the other, or to 重新测算, is not leaving.
        onBlur={(e) => {
          // Another window taking the focus (Alt+Tab to Excel) is not leaving the boxes: the years may be half typed.
          if (changed && document.hasFocus() && !e.currentTarget.contains(e.relatedTarget as Node | null)) apply();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') restore();
        }}
      >
        <label>
          测算年度
          <input aria-label="起始年度" inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value.trim())} size={5} />
        </label>
        —
        <input aria-label="截止年度" inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value.trim())} size={5} />
        <button type="submit" disabled={!changed} title={changed ? '按新的年度重新测算（也可在年度框中按 Enter）' : '改动测算年度后，点此（或按 Enter）按新的年度重新测算'}>
          重新测算
        </button>
      </form>
      <div className="unit-switch" role="radiogroup" aria-label="金额单位">
        <span>金额单位</span>
        {MONEY_UNITS.map((u) => (
          <button key={u} type="button" role="radio" aria-checked={p.unit === u} className={p.unit === u ? 'active' : ''} onClick={() => p.onUnit(u)}>
            {u}
          </button>
        ))}
      </div>
      <button type="button" onClick={p.onApplyAll} disabled={p.openSuggestions === 0 || p.applyingAll}>
        {p.applyingAll ? '正在采用……' : `采用全部建议（${p.openSuggestions} 项）`}
      </button>
      <button type="button" className={p.showRules ? 'active' : ''} onClick={p.onToggleRules} aria-pressed={p.showRules}>
        {p.showRules ? '返回测算表' : '分担规则'}
      </button>
      <button type="button" className={p.showImport ? 'active' : ''} onClick={p.onToggleImport} aria-pressed={p.showImport} disabled={p.showRules}>
        {p.showImport ? '返回测算表' : '导入测算参数'}
      </button>
    </div>
  );
}
