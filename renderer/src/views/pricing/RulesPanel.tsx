// The split rules the catalogue's items can use, with their rows, and the form for a province's own.
import { useState } from 'react';
import { ImportBox } from '../regions/ImportBox';
import { plainDecimal } from '../../../../shared/domain/pricing/decimal';
import { TIER, ruleRowScope, rulesOfProvince } from '../../../../shared/domain/pricing/split-rules';
import type { SplitRule } from '../../../../shared/domain/pricing/split-rules';
import { RuleForm } from './RuleForm';
import { draftOf } from './rule-form';
import type { RuleDraft } from './rule-form';

const STATUS_LABELS: Record<SplitRule['status'], string> = { sourced: '有出处', derived: '推算', unverified: '待核实' };

interface Props {
  rules: readonly SplitRule[];
  /** Province names by code. */
  provinces: Readonly<Record<string, string>>;
  provinceCode: string | null;
  onSaved: () => void;
}

/** The rules a planner of this province writes and picks most first; a national catalogue's shared ones first. */
function rank(rule: SplitRule, provinceCode: string | null): number {
  if (rule.provinceCode !== null && rule.provinceCode === provinceCode) return 0;
  return rule.provinceCode === null ? 1 : 2;
}

export function RulesPanel({ rules, provinces, provinceCode, onSaved }: Props) {
  const own = rulesOfProvince(rules, provinceCode).sort((a, b) => rank(a, provinceCode) - rank(b, provinceCode));
  const others = rules.filter((r) => !own.includes(r));
  const [editing, setEditing] = useState<RuleDraft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const card = (rule: SplitRule) => (
    <article key={rule.id} className="rule-card" data-rule={rule.id}>
      <header>
        <strong>{rule.name}</strong>
        <span className={`badge badge-prov-${rule.status}`}>{STATUS_LABELS[rule.status]}</span>
        <span className="muted">{rule.provinceCode ? `适用于${provinces[rule.provinceCode] ?? rule.provinceCode}` : '各省通用'} · 依据：{rule.source}</span>
        <button type="button" onClick={() => setEditing(draftOf(rule, provinceCode))} disabled={editing !== null}>修改</button>
        <button type="button" onClick={() => setEditing(draftOf(rule, provinceCode, true))} disabled={editing !== null}>复制为本省规则</button>
      </header>
      {rule.note && <p className="muted">{rule.note}</p>}
      <table className="table compact">
        <thead>
          <tr><th>适用</th><th className="num">中央分担</th><th className="num">省级权重</th><th className="num">市级权重</th><th className="num">县级权重</th></tr>
        </thead>
        <tbody>
          {rule.rows.map((row) => (
            <tr key={ruleRowScope(row.countyClass, row.grade)}>
              <td>{ruleRowScope(row.countyClass, row.grade, rule.rows.length === 1)}</td>
              <td className="num">{row.centralPct === TIER ? '按省份分档' : `${plainDecimal(row.centralPct)}%`}</td>
              <td className="num">{plainDecimal(row.provincial)}</td>
              <td className="num">{plainDecimal(row.city)}</td>
              <td className="num">{plainDecimal(row.county)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
  return (
    <section className="rules-panel" aria-label="分担规则">
      <div className="rules-head">
        <h2>分担规则</h2>
        <button type="button" onClick={() => setEditing(draftOf(null, provinceCode))} disabled={editing !== null}>
          新建本省规则
        </button>
        {message && <span className="save-status save-saved" role="status">{message}</span>}
      </div>
      <p className="muted">规则是各清单共用的，改动不进入清单的“撤销”记录：改错了请在此改回。</p>
      {editing && (
        <RuleForm
          key={editing.id ?? 'new'}
          initial={editing}
          onDone={(done) => {
            setEditing(null);
            setMessage(done);
            if (done) onSaved();
          }}
        />
      )}
      {own.map(card)}
      {others.length > 0 && (
        // Another province's rules cannot be picked for this catalogue's items (the grid offers its own and the
        // shared ones): kept out of the way, still there to copy from.
        <details className="rules-others">
          <summary>其他省份的规则（{others.length} 条，本清单的条目不能选用；可“复制为本省规则”后修改）</summary>
          {others.map(card)}
        </details>
      )}
      <ImportBox kinds={['rules']} catalogueId={null} title="导入分担规则" onApplied={onSaved} />
    </section>
  );
}
