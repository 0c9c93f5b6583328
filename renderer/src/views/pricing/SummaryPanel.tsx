// Totals of the catalogue from pricing.summary: by level and year, by domain, by city (with cost per
// resident), the items not yet priced and the problems met. Every figure opens its explanation.
import { useKeptState, oneOf } from '../../components/useKeptState';
import { useRef } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { formatMoney } from '../../../../shared/domain/pricing/money';
import type { MoneyUnit } from '../../../../shared/domain/pricing/money';
import { LEVELS, LEVEL_LABELS } from '../../../../shared/domain/pricing/results';
import type { PricingSummary, Shares } from '../../../../shared/domain/pricing/results';
import { QualityMark } from '../../components/QualityMark';
import { figure } from './explain-target';
import type { ExplainTarget } from './explain-target';
import { missingText, nothingPricedText } from './pricing-text';
import { SummarySplitter } from './SummarySplitter';

const VIEWS = [
  { id: 'year', label: '按年度' },
  { id: 'domain', label: '按领域' },
  { id: 'city', label: '按市' },
] as const;
type SummaryViewId = (typeof VIEWS)[number]['id'];

interface Props {
  summary: PricingSummary;
  unit: MoneyUnit;
  onOpen: (target: ExplainTarget) => void;
}

function Figure({ yuan, unit, onOpen, label }: { yuan: string; unit: MoneyUnit; onOpen: () => void; label: string }) {
  return (
    <button type="button" className="figure" onClick={onOpen} aria-label={label} title="查看测算过程">
      {formatMoney(yuan, unit)}
    </button>
  );
}

function ShareCells({ shares, unit, onOpen, what }: { shares: Shares; unit: MoneyUnit; onOpen: () => void; what: string }) {
  return (
    <>
      <td className="num strong"><Figure yuan={shares.cost} unit={unit} onOpen={onOpen} label={`${what}合计`} /></td>
      {LEVELS.map((level) => (
        <td key={level} className="num"><Figure yuan={shares[level]} unit={unit} onOpen={onOpen} label={`${what}${LEVEL_LABELS[level]}`} /></td>
      ))}
    </>
  );
}

function ShareHeads({ unit, first, extra }: { unit: MoneyUnit; first: string; extra?: ReactNode }) {
  return (
    <thead>
      <tr>
        <th>{first}</th>
        <th className="num">合计（{unit}）</th>
        {LEVELS.map((level) => (
          <th key={level} className="num">{LEVEL_LABELS[level]}</th>
        ))}
        {extra}
      </tr>
    </thead>
  );
}

function unpricedReason({ missing, set }: PricingSummary['unpriced'][number]): string {
  if (missing.length) return `缺${missingText(missing)}`;
  if (!set) return '尚未设置测算参数';
  return '参数齐全但未能测算，原因见“测算中的问题”';
}

export function SummaryPanel({ summary, unit, onOpen }: Props) {
  // The table picked and the folding are kept across a tab switch, another page and a reload.
  const [view, setView] = useKeptState<SummaryViewId>('pricing.summaryView', () => 'year', oneOf(VIEWS.map((v) => v.id)));
  // Folded, only the totals by level stay, and the grid gets the height: at first on a short screen (a
  // 1280×720 laptop would show the grid's rows one and a half at a time under the open tables).
  const [folded, setFolded] = useKeptState('pricing.summaryFolded', () => window.innerHeight < 820, oneOf([true, false]));
  // How tall the open tables are, dragged by the planner (SummarySplitter); null: as the window's height suits.
  const [height, setHeight] = useKeptState<number | null>('pricing.summaryHeight', () => null, isHeight, 'local');
  const body = useRef<HTMLDivElement>(null);
  const s = summary;
  const years = `${s.fromYear}—${s.toYear}年`;
  // Nothing priced yet: no total is shown as 0 (the items are not priced, not free).
  const none = s.pricedCount === 0;
  // Every table ends in the same 合计 row (the 按市 one with its per-resident figure and quality after it).
  const totalRow = (extra?: ReactNode) => (
    <tr className="row-strong">
      <td>合计</td>
      <ShareCells shares={s.total} unit={unit} what={years} onOpen={() => onOpen(figure(null))} />
      {extra}
    </tr>
  );
  return (
    <section className="pricing-summary" aria-label="测算汇总">
      <div className="summary-head">
        <div className="summary-total">
          <span className="muted">{s.regionName} · {years}合计</span>
          <QualityMark quality={s.quality} />
          {s.problems.length > 0 && (
            // Lines some regions could not have (a cohort without counts, counties missing) are not in the sums:
            // said where the totals are read, not only in the list below, folded on a short screen.
            <button type="button" className="incomplete-mark" onClick={() => setFolded(false)} title="部分地区或人群缺数据，未计入合计；点击查看“测算中的问题”">
              合计可能不完整（{s.problems.length} 个问题）
            </button>
          )}
          <span className="muted">已测算 {s.pricedCount} / {s.itemCount} 项</span>
          {s.perResident !== null && <span className="muted">人均 {formatMoney(s.perResident, '元')} 元/人/年</span>}
          {/* Before the long rounding note, so it stays on the first line when the note wraps. */}
          <button type="button" className="fold" onClick={() => setFolded(!folded)} aria-expanded={!folded}>
            {folded ? '展开汇总表' : '收起汇总表'}
          </button>
          {unit !== '元' && (
            <span className="muted" data-rounding-note>
              以{unit}显示时各数分别四舍五入，分项之和与合计可能差一个末位（尾差）；选“元”显示精确到分的值
            </span>
          )}
        </div>
        <div className="level-cards" aria-label="按级次合计">
          <LevelCard label="合计" yuan={none ? null : s.total.cost} unit={unit} onOpen={() => onOpen(figure(null))} />
          {LEVELS.map((level) => (
            <LevelCard key={level} label={LEVEL_LABELS[level]} yuan={none ? null : s.total[level]} unit={unit} onOpen={() => onOpen(figure(null))} />
          ))}
        </div>
      </div>
      {!folded && <div className={height === null ? 'summary-body' : 'summary-body sized'} ref={body} style={height === null ? undefined : ({ '--summary-h': `${height}px`, '--summary-lists-h': `${height + LISTS_EXTRA}px` } as CSSProperties)}>
        <div className="summary-tables">
          {none ? (
            <p className="muted summary-note" role="note">
              {nothingPricedText(s.problems.length)}
            </p>
          ) : (
          <>
          <div className="sub-tabs" role="tablist" aria-label="汇总方式">
            {VIEWS.map((v) => (
              <button key={v.id} type="button" role="tab" aria-selected={view === v.id} className={view === v.id ? 'active' : ''} onClick={() => setView(v.id)}>
                {v.label}
              </button>
            ))}
          </div>
          <div className="summary-scroll">
            {view === 'year' && (
              <table className="table compact" aria-label="按年度汇总">
                <ShareHeads unit={unit} first="年度" />
                <tbody>
                  {s.byYear.map((y) => (
                    <tr key={y.year}>
                      <td>{y.year} 年</td>
                      <ShareCells shares={y} unit={unit} what={`${y.year}年`} onOpen={() => onOpen(figure(null, null, y.year))} />
                    </tr>
                  ))}
                  {totalRow()}
                </tbody>
              </table>
            )}
            {view === 'domain' && (
              <table className="table compact" aria-label="按领域汇总">
                <ShareHeads unit={unit} first="领域" />
                <tbody>
                  {s.byDomain.map((d) => (
                    <tr key={d.domainSeq}>
                      <td>{d.name}</td>
                      <ShareCells shares={d} unit={unit} what={d.name} onOpen={() => onOpen({ kind: 'domain', domainSeq: d.domainSeq })} />
                    </tr>
                  ))}
                  {totalRow()}
                </tbody>
              </table>
            )}
            {view === 'city' && (
              <table className="table compact" aria-label="按市汇总">
                <ShareHeads unit={unit} first="市" extra={<><th className="num">人均（元/人/年）</th><th>数据</th></>} />
                <tbody>
                  {s.byCity.map((c) => (
                    <tr key={c.code} data-region={c.code}>
                      <td>{c.name}</td>
                      <ShareCells shares={c} unit={unit} what={c.name} onOpen={() => onOpen(figure(null, c.code))} />
                      <td className="num">
                        {c.perResident === null ? <span className="muted">人口未知</span> : <Figure yuan={c.perResident} unit="元" onOpen={() => onOpen(figure(null, c.code))} label={`${c.name}人均`} />}
                      </td>
                      <td><QualityMark quality={c.quality} /></td>
                    </tr>
                  ))}
                  {totalRow(
                    <>
                      <td className="num">{s.perResident === null ? '' : <Figure yuan={s.perResident} unit="元" onOpen={() => onOpen(figure(null))} label="全省人均" />}</td>
                      <td><QualityMark quality={s.quality} /></td>
                    </>,
                  )}
                </tbody>
              </table>
            )}
          </div>
          </>
          )}
        </div>
        <div className="summary-lists">
          <details open={s.unpriced.length > 0 && s.unpriced.length <= 12}>
            <summary>未测算项目（{s.unpriced.length} 项，不计入合计）</summary>
            <ul className="unpriced-list" aria-label="未测算项目">
              {s.unpriced.map((u) => (
                <li key={u.itemId}>第{u.itemNo}项 {u.name}：{unpricedReason(u)}</li>
              ))}
            </ul>
          </details>
          <details open={s.problems.length > 0}>
            <summary className={s.problems.length ? 'error' : ''}>测算中的问题（{s.problems.length} 条）</summary>
            <ul className="problem-list" aria-label="测算中的问题">
              {s.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </details>
        </div>
      </div>}
      {!folded && <SummarySplitter height={height} onChange={setHeight} current={() => height ?? tablesHeight(body.current)} most={() => tablesContentHeight(body.current)} />}
    </section>
  );
}

const isHeight = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0);

/** The lists beside the tables stand this much taller than the tables' scroll box (no sub-tabs above them). */
const LISTS_EXTRA = 26;

/** The height of the tables' scroll box now (the lists', less theirs, when nothing is priced and no table shows). */
function tablesHeight(body: HTMLElement | null): number {
  const scroll = body?.querySelector<HTMLElement>('.summary-scroll');
  if (scroll) return scroll.getBoundingClientRect().height;
  const lists = body?.querySelector<HTMLElement>('.summary-lists');
  return lists ? lists.getBoundingClientRect().height - LISTS_EXTRA : 0;
}

/**
 * The height the tables' scroll box would take to show them whole: dragged past it, the bar would only store a
 * height nothing shows, and the first moves back would do nothing visible.
 */
function tablesContentHeight(body: HTMLElement | null): number {
  const scroll = body?.querySelector<HTMLElement>('.summary-scroll');
  return scroll ? scroll.scrollHeight : Number.POSITIVE_INFINITY;
}

/** A level's total; none (`yuan` null) while no item is priced: 未测算, never a 0 that reads as a budget of nothing. */
function LevelCard({ label, yuan, unit, onOpen }: { label: string; yuan: string | null; unit: MoneyUnit; onOpen: () => void }) {
  return (
    <button type="button" className="level-card" onClick={onOpen} data-level={label} title="查看测算过程">
      <span className="level-label">{label}（{unit}）</span>
      <span className={yuan === null ? 'level-value muted' : 'level-value'}>{yuan === null ? '未测算' : formatMoney(yuan, unit)}</span>
    </button>
  );
}
