// The region tree as a table: cities fold open to their counties; class, grade and growth edit in place.
import { useState } from 'react';
import { useEditBox } from '../../components/useEditBox';
import { COUNTY_CLASSES, REGION_LEVEL_LABELS } from '../../../../shared/domain/pricing/regions';
import type { RegionRow } from '../../../../shared/domain/pricing/results';
import { plainDecimal } from '../../../../shared/domain/pricing/decimal';
import { formatCount } from '../../../../shared/domain/pricing/money';
import { PROVENANCE_STATUS_LABELS } from '../../../../shared/domain/provenance';
import type { ProvenanceStatus } from '../../../../shared/domain/provenance';
import { treeLines } from './region-tree';
import type { RegionField } from './RegionsView';

interface Props {
  rows: RegionRow[];
  rootCode: string;
  onUpdate: (region: RegionRow, field: RegionField, value: string | null) => Promise<RegionRow | null>;
}

export function RegionTreeTable({ rows, rootCode, onUpdate }: Props) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const lines = treeLines(rows, rootCode, expanded);
  return (
    <table className="table compact region-tree" aria-label="行政区">
      <thead>
        <tr>
          <th>行政区</th><th>代码</th><th>层级</th><th>类别</th><th>等级</th><th className="num">人口年增长率（%）</th><th className="num">常住人口</th><th>人口出处</th><th>区划出处</th><th>状态</th>
        </tr>
      </thead>
      <tbody>
        {lines.map(({ region: r, depth, childCount }) => (
          <tr key={r.code} data-region={r.code} className={depth === 0 ? 'row-strong' : ''}>
            <td style={{ paddingLeft: 10 + depth * 22 }}>
              {childCount > 0 && depth > 0 ? (
                <button type="button" className="tree-toggle" onClick={() => toggle(r.code)} aria-expanded={expanded.has(r.code)} aria-label={`${expanded.has(r.code) ? '收起' : '展开'}${r.name}`}>
                  {expanded.has(r.code) ? '▾' : '▸'}
                </button>
              ) : (
                <span className="tree-toggle-space" />
              )}
              {r.name}
              {childCount > 0 && depth > 0 && <span className="muted">（{childCount} 个县区）</span>}
            </td>
            <td>{r.code}</td>
            <td>{REGION_LEVEL_LABELS[r.level]}</td>
            <td>
              {r.level !== 'province' && (
                <select aria-label={`${r.name}类别`} value={r.countyClass ?? ''} onChange={(e) => void onUpdate(r, 'countyClass', e.target.value || null)}>
                  <option value="">未设置</option>
                  {COUNTY_CLASSES.map((c) => (
                    <option key={c} value={c}>{c}</option>
                  ))}
                </select>
              )}
            </td>
            <td>
              {r.level !== 'province' && (
                <select aria-label={`${r.name}等级`} value={r.grade === null ? '' : String(r.grade)} onChange={(e) => void onUpdate(r, 'grade', e.target.value || null)}>
                  <option value="">未设置</option>
                  {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((g) => (
                    <option key={g} value={String(g)}>{g}档</option>
                  ))}
                </select>
              )}
            </td>
            <td className="num">
              <GrowthInput region={r} onSave={(v) => onUpdate(r, 'growthPct', v)} />
            </td>
            <td className="num">
              {r.residents === null ? <span className="muted">未知</span> : `${formatCount(r.residents)}（${r.residentsYear ?? ''}年）`}
            </td>
            <td className="source">
              {r.residentsSource && (
                <>
                  {r.residentsSource} <Provenance status={r.residentsStatus ?? null} />
                </>
              )}
            </td>
            <td className="source">{r.source}</td>
            <td>
              <Provenance status={r.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Provenance({ status }: { status: string | null }) {
  if (status === null) return null;
  return <span className={`badge badge-prov-${status}`}>{PROVENANCE_STATUS_LABELS[status as ProvenanceStatus] ?? status}</span>;
}

/** A growth rate edited in place (useEditBox); empty means the parent's rate, a trailing % is taken off. */
function GrowthInput({ region, onSave }: { region: RegionRow; onSave: (value: string | null) => Promise<RegionRow | null> }) {
  const box = useEditBox(growthText(region), async (typed, expected) => {
    const value = typed.replace(/[%％]$/u, '').trim();
    if (value === expected) return value;
    const saved = await onSave(value === '' ? null : value);
    return saved && growthText(saved);
  });
  return <input className="growth-input" aria-label={`${region.name}人口年增长率`} placeholder={region.level === 'province' ? '0（不增长）' : '沿用上级'} size={7} {...box} />;
}

const growthText = (region: RegionRow) => (region.growthPct === null ? '' : plainDecimal(region.growthPct));
