// One cost line of an explanation: who was counted, at what amount, and which rule row divided it.
import { plainDecimal } from '../../../../shared/domain/pricing/decimal';
import { coveragePercent } from '../../../../shared/domain/pricing/drivers';
import { formatCount, formatMoney } from '../../../../shared/domain/pricing/money';
import type { MoneyUnit } from '../../../../shared/domain/pricing/money';
import type { ExplainLine } from '../../../../shared/domain/pricing/results';
import { QualityMark } from '../../components/QualityMark';
import { SharesLine } from './SharesTable';
import { centralFromText, populationSourceText, populationText, weightsText } from './pricing-text';

export function ExplainLineCard({ line, unit, onOpen }: { line: ExplainLine; unit: MoneyUnit; onOpen: (() => void) | null }) {
  const where = [line.countyClass, line.grade === null ? null : `${line.grade}档`].filter(Boolean).join(' · ');
  const p = line.population;
  return (
    <article className="explain-line" data-region={line.regionCode} data-year={line.year}>
      <header>
        {onOpen ? (
          <button type="button" className="figure" onClick={onOpen} title="只看这个行政区这一年">
            {line.region}
          </button>
        ) : (
          <strong>{line.region}</strong>
        )}
        {where && <span className="muted">（{where}）</span>}
        <span className="explain-year">{line.year} 年</span>
      </header>
      {p && (
        <p>
          人口：{populationText(p, line.year)} <QualityMark quality={p.quality} />
          <span className="source">出处：{populationSourceText(p)}</span>
        </p>
      )}
      {line.beneficiaries !== null && (
        <p>
          受益人数 = {p ? formatCount(p.value) : '人口'} × 覆盖率 {coveragePercent(line.coverage ?? '1')} = <strong>{formatCount(line.beneficiaries)}</strong> 人
        </p>
      )}
      <p>
        费用 = {line.beneficiaries !== null ? `${formatCount(line.beneficiaries)} 人 × ` : ''}
        {formatMoney(line.amount, '元')} 元 × {plainDecimal(line.periods)} 期 = <strong>{formatMoney(line.cost, '元')} 元</strong>
      </p>
      <p>
        分担规则：{line.rule.name}，适用行“{line.rule.row}”；中央 {centralFromText(line.rule)}；地方部分按 {weightsText(line.rule.weights)} 分担
        {/* The weights shown are the ones applied: a 省直管县's city pays nothing, whatever the rule card gives it. */}
        {line.countyClass === '省直管县' && '（省直管县的市级不承担支出，规则中市级的权重不计）'} <QualityMark quality={line.rule.quality} />
        <span className="source">依据：{line.rule.source}</span>
        {line.rule.note && <span className="source">规则说明：{line.rule.note}</span>}
      </p>
      <SharesLine shares={line} unit={unit} />
    </article>
  );
}
