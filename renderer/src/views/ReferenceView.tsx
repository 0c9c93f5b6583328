import { invoke } from '../api/client';
import { useLoad } from '../components/useLoad';
import { ProvenanceBadge } from '../components/StatusBadge';
import type { ReferenceData } from '../../../shared/domain/reference';
import type { IndicatorTable } from '../../../shared/contract';

const LEVEL_LABELS = { province: '省', city: '市', county: '县' } as const;

async function loadAll(): Promise<{ reference: ReferenceData; indicators: IndicatorTable }> {
  const [reference, indicators] = await Promise.all([
    invoke('reference.get', {}),
    invoke('indicators.list', { documentId: 'national-14th-plan' }),
  ]);
  return { reference, indicators };
}

export function ReferenceView() {
  const [data] = useLoad(loadAll, []);
  if (data.state === 'loading') return <p className="page muted">正在读取参考数据……</p>;
  if (data.state === 'error') return <p className="page error" role="alert">{data.message}</p>;
  const { reference, indicators } = data.data;
  const unverified =
    reference.fiscalTiers.filter((r) => r.status !== 'sourced').length +
    reference.population.filter((r) => r.status !== 'sourced').length +
    reference.nationalStandards.filter((r) => r.status !== 'sourced').length;
  return (
    <section className="page reference">
      <h1>参考数据</h1>
      <p className="muted">
        每一行都注明出处与可靠程度。“推算”由有出处的数字算得，“待核实”尚未与正式文件核对：发布前请逐项核实。
        当前共有 <strong>{unverified}</strong> 行不是直接出自公开文件。
      </p>

      <h2>中央与地方共同财政事权分档（国办发〔2018〕6号）</h2>
      <table className="table" aria-label="财政分档">
        <thead>
          <tr><th>代码</th><th>省份</th><th className="num">档次</th><th className="num">中央分担比例（%）</th><th>出处</th><th>状态</th></tr>
        </thead>
        <tbody>
          {reference.fiscalTiers.map((r) => (
            <tr key={r.provinceCode}>
              <td>{r.provinceCode}</td><td>{r.province}</td><td className="num">第{r.tier}档</td>
              <td className="num">{r.centralSharePct}</td><td className="source">{r.source}</td><td><ProvenanceBadge status={r.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>第七次全国人口普查常住人口（2020-11-01）</h2>
      <table className="table" aria-label="人口">
        <thead>
          <tr><th>代码</th><th>行政区</th><th>层级</th><th className="num">常住人口</th><th className="num">0–14岁%</th><th className="num">60岁以上%</th><th className="num">65岁以上%</th><th>出处</th><th>状态</th></tr>
        </thead>
        <tbody>
          {reference.population.map((r) => (
            <tr key={r.regionCode} className={r.level === 'province' ? 'row-strong' : ''}>
              <td>{r.regionCode}</td><td>{r.region}</td><td>{LEVEL_LABELS[r.level]}</td>
              <td className="num">{r.population.toLocaleString('zh-CN')}</td>
              <td className="num">{r.share0to14Pct ?? ''}</td><td className="num">{r.share60PlusPct ?? ''}</td><td className="num">{r.share65PlusPct ?? ''}</td>
              <td className="source">{r.source}</td><td><ProvenanceBadge status={r.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>国家基础标准（逐年）</h2>
      <table className="table" aria-label="国家标准">
        <thead>
          <tr><th>标准</th><th>单位</th><th className="num">年份</th><th className="num">金额</th><th>出处</th><th>状态</th></tr>
        </thead>
        <tbody>
          {reference.nationalStandards.map((r) => (
            <tr key={`${r.standard}-${r.year}`}>
              <td>{r.standard}</td><td>{r.unit}</td><td className="num">{r.year}</td><td className="num">{r.amount ?? r.amountText}</td>
              <td className="source">{r.source}</td><td><ProvenanceBadge status={r.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>“十四五”社会发展与公共服务主要指标（专栏1）</h2>
      <table className="table" aria-label="十四五指标">
        <thead>
          <tr><th>类别</th><th>指标</th><th className="num">2020年</th><th className="num">2025年</th><th>属性</th></tr>
        </thead>
        <tbody>
          {indicators.indicators.map((i) => (
            <tr key={i.seq}>
              <td>{i.category}</td><td>{i.name}{i.nameMarks}</td><td className="num">{i.baseline.raw}</td><td className="num">{i.target.raw}</td><td>{i.attribute}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="table-notes" aria-label="专栏1注释">
        {indicators.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ol>
    </section>
  );
}
