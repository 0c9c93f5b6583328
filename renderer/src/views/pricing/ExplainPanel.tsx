// The chain behind a clicked figure, read from pricing.explain; multi-item figures list their items'
// parts, each of which opens its own explanation (the panel keeps a trail to go back).
import { useEffect, useState } from 'react';
import type { Explanation, PricingItems, PricingSummary } from '../../../../shared/domain/pricing/results';
import { formatCount, formatMoney, yuanToFen } from '../../../../shared/domain/pricing/money';
import type { MoneyUnit } from '../../../../shared/domain/pricing/money';
import { LEVELS, worseQuality } from '../../../../shared/domain/pricing/results';
import type { ExplainLine, Shares } from '../../../../shared/domain/pricing/results';
import { errorMessage, invoke } from '../../api/client';
import { ExplainLineCard } from './ExplainLineCard';
import { SharesLine } from './SharesTable';
import { QualityMark } from '../../components/QualityMark';
import { figure } from './explain-target';
import { nothingPricedText, statusText } from './pricing-text';
import type { ExplainTarget } from './explain-target';

interface Props {
  catalogueId: string;
  trail: ExplainTarget[];
  unit: MoneyUnit;
  items: PricingItems | null;
  summary: PricingSummary | null;
  /** Bumped whenever the figures were read again, so the explanation follows. */
  generation: number;
  onOpen: (target: ExplainTarget) => void;
  onBack: () => void;
  onClose: () => void;
}

export function ExplainPanel(props: Props) {
  const target = props.trail[props.trail.length - 1];
  const { onClose } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  if (!target) return null;
  return (
    <aside className="explain-panel" role="dialog" aria-label="测算说明">
      <div className="explain-bar">
        {props.trail.length > 1 && (
          <button type="button" onClick={props.onBack}>
            ← 返回
          </button>
        )}
        <span className="explain-bar-title">测算说明</span>
        <button type="button" className="explain-close" onClick={props.onClose} aria-label="关闭测算说明">
          关闭
        </button>
      </div>
      {target.kind === 'domain' ? <DomainParts {...props} domainSeq={target.domainSeq} /> : <FigureExplanation key={JSON.stringify(target)} {...props} target={target} />}
    </aside>
  );
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: Explanation };

function FigureExplanation({ catalogueId, target, unit, generation, summary, items, onOpen }: Props & { target: Extract<ExplainTarget, { kind: 'figure' }> }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const { itemId, regionCode, year } = target;
  useEffect(() => {
    let live = true;
    invoke('pricing.explain', { catalogueId, itemId, regionCode, year }).then(
      (data) => live && setLoad({ state: 'ready', data }),
      (error: unknown) => live && setLoad({ state: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [catalogueId, itemId, regionCode, year, generation]);
  if (load.state === 'loading') return <p className="muted">正在读取测算过程……</p>;
  if (load.state === 'error') return <p className="error" role="alert">{load.message}</p>;
  const e = load.data;
  const specific = itemId !== null && regionCode !== null && year !== null;
  const openLine = (line: ExplainLine) => onOpen(figure(itemId, line.regionCode, line.year));
  // An item priced in some regions only: its total leaves the others out, and the explanation says so first.
  const row = itemId === null || regionCode !== null ? undefined : items?.items.find((i) => i.itemId === itemId);
  return (
    <div className="explain-body">
      <h2>{e.title}</h2>
      {row && row.gapRegions > 0 && (
        <p className="status-note" role="note">
          {statusText(row)}：这些地区没有计入下面的合计（不按 0 计）。请在“行政区与人口”导入这些地区的人数，或设置该人群占常住人口的比例；缺哪些地区见“测算中的问题”。
        </p>
      )}
      {/* A total nothing is priced into is no 0.00 (the level cards say 未测算): why, and what to do. */}
      {itemId === null && e.items.length === 0 && e.lines.length === 0 ? (
        <p className="status-note" role="note">
          {nothingPricedText(summary?.problems.length ?? 0)}
        </p>
      ) : (
        <SharesLine shares={e.total} unit={unit} />
      )}
      {e.beneficiaries !== null && (
        <p>
          {year === null && summary && summary.fromYear !== summary.toYear
            ? `受益人次：${formatCount(e.beneficiaries)} 人次（${summary.fromYear}—${summary.toYear}年各年受益人数相加）`
            : `受益人数：${formatCount(e.beneficiaries)} 人`}
        </p>
      )}
      {e.formula.length > 0 && (
        <>
          <h3>计算步骤</h3>
          <ol className="explain-formula">
            {e.formula.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {e.items.length > 0 && (
        <>
          <h3>各项目构成（点击查看该项目）</h3>
          <PartsTable
            unit={unit}
            parts={e.items.map((i) => ({ key: i.itemId, no: i.itemNo, name: i.name, shares: i.shares, open: () => onOpen(figure(i.itemId, regionCode, year)) }))}
          />
        </>
      )}
      {specific || e.lines.length === 1
        ? e.lines.map((line) => <ExplainLineCard key={`${line.regionCode}-${line.year}`} line={line} unit={unit} onOpen={specific ? null : () => openLine(line)} />)
        : e.lines.length > 0 && (
            <>
              {/* One line's whole chain, then every line's figures in a table by region and year: the cards of
                  forty lines repeated the same rule and source forty times and buried the figures. */}
              <h3>完整计算示例（金额最大的一行）</h3>
              <ExplainLineCard line={e.lines[0]!} unit={unit} onOpen={() => openLine(e.lines[0]!)} />
              <h3>明细（按行政区、年度；点击行政区看该行的完整计算）</h3>
              <ExplainLinesTable lines={[...e.lines].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.year - b.year)} unit={unit} onOpen={openLine} />
            </>
          )}
      {e.more > 0 && <p className="muted">另有 {e.more} 行未列出，合计已包含这些行。</p>}
    </div>
  );
}

function ExplainLinesTable({ lines, unit, onOpen }: { lines: ExplainLine[]; unit: MoneyUnit; onOpen: (line: ExplainLine) => void }) {
  return (
    <table className="table compact explain-lines" aria-label="测算明细">
      <thead>
        <tr>
          <th>行政区</th><th className="num">年度</th><th className="num">受益人数</th><th className="num">当年标准（元）</th><th className="num">合计（{unit}）</th><th className="num">中央</th><th className="num">省级</th><th className="num">市级</th><th className="num">县级</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={`${line.regionCode}-${line.year}`} data-region={line.regionCode} data-year={line.year}>
            <td>
              <button type="button" className="figure" onClick={() => onOpen(line)} title="看这一行的完整计算">
                {line.region}
              </button>{' '}
              <QualityMark quality={worseQuality(line.population?.quality ?? null, line.rule.quality)} />
            </td>
            <td className="num">{line.year}</td>
            <td className="num">{line.beneficiaries === null ? '—' : formatCount(line.beneficiaries)}</td>
            <td className="num">{formatMoney(line.amount, '元')}</td>
            <td className="num">{formatMoney(line.cost, unit)}</td>
            {LEVELS.map((level) => (
              <td key={level} className="num">{formatMoney(line[level], unit)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DomainParts({ items, summary, domainSeq, unit, onOpen }: Props & { domainSeq: number }) {
  const domain = summary?.byDomain.find((d) => d.domainSeq === domainSeq);
  const rows = (items?.items ?? []).filter((i) => i.domainSeq === domainSeq);
  const priced = rows.filter((i) => i.totals !== null).sort((a, b) => compareYuan(b.totals!.cost, a.totals!.cost));
  const unpriced = rows.filter((i) => i.totals === null);
  return (
    <div className="explain-body">
      <h2>{domain?.name ?? '本领域'}：{summary ? `${summary.fromYear}—${summary.toYear} 年合计` : ''}</h2>
      {domain && <SharesLine shares={domain} unit={unit} />}
      <h3>计算步骤</h3>
      <ol className="explain-formula">
        <li>领域合计 = 本领域已测算项目的费用之和（未测算的项目不计入，也不按 0 计）</li>
      </ol>
      <h3>各项目构成（点击查看该项目）</h3>
      <PartsTable unit={unit} parts={priced.map((i) => ({ key: i.itemId, no: i.itemNo, name: i.name, shares: i.totals!, open: () => onOpen(figure(i.itemId)) }))} />
      {unpriced.length > 0 && <p className="muted">未测算：{unpriced.map((i) => `第${i.itemNo}项 ${i.name}`).join('；')}</p>}
    </div>
  );
}

function compareYuan(a: string, b: string): number {
  const d = yuanToFen(a) - yuanToFen(b);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

interface Part {
  key: string;
  no: number;
  name: string;
  shares: Shares;
  open: () => void;
}

function PartsTable({ parts, unit }: { parts: Part[]; unit: MoneyUnit }) {
  return (
    <table className="table compact" aria-label="各项目构成">
      <thead>
        <tr>
          <th className="num">序号</th><th>服务项目</th><th className="num">合计（{unit}）</th><th className="num">中央</th><th className="num">省级</th><th className="num">市级</th><th className="num">县级</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <tr key={p.key}>
            <td className="num">{p.no}</td>
            <td>
              <button type="button" className="figure" onClick={p.open}>{p.name}</button>
            </td>
            <td className="num">{formatMoney(p.shares.cost, unit)}</td>
            {LEVELS.map((level) => (
              <td key={level} className="num">{formatMoney(p.shares[level], unit)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
