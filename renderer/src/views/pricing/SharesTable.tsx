// A figure's four shares and its cost, in the chosen unit.
import { formatMoney } from '../../../../shared/domain/pricing/money';
import type { MoneyUnit } from '../../../../shared/domain/pricing/money';
import { LEVELS, LEVEL_LABELS } from '../../../../shared/domain/pricing/results';
import type { Shares } from '../../../../shared/domain/pricing/results';

export function SharesLine({ shares, unit }: { shares: Shares; unit: MoneyUnit }) {
  return (
    <dl className="shares-line">
      <div className="share-total">
        <dt>合计</dt>
        <dd data-share="cost">{formatMoney(shares.cost, unit)} {unit}</dd>
      </div>
      {LEVELS.map((level) => (
        <div key={level}>
          <dt>{LEVEL_LABELS[level]}</dt>
          <dd data-share={level}>{formatMoney(shares[level], unit)}</dd>
        </div>
      ))}
    </dl>
  );
}
