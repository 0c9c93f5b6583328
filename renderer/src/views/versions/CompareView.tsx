// The 对照 tab: two sides (any catalogue, or a saved version of this one), the items added, removed and
// changed grouped by 领域, the changed characters marked, and the 对照表 exported as .xlsx.
import { useCallback, useEffect, useState } from 'react';
import { ITEM_FIELDS } from '../../../../shared/domain/catalogue';
import type { CatalogueSummary, ColumnLabels } from '../../../../shared/domain/catalogue';
import type { ComparedRow, Comparison, DiffPart } from '../../../../shared/domain/compare';
import type { VersionSummary } from '../../../../shared/domain/versions';
import { errorMessage, invoke } from '../../api/client';
import { downloadFile } from '../download';
import './versions.css';

export interface CompareSides {
  before: string;
  after: string;
}

const KIND_LABELS: Record<ComparedRow['kind'], string> = { added: '新增', removed: '删除', changed: '修改', unchanged: '未改动' };

function Diff({ parts, side }: { parts: readonly DiffPart[]; side: 'before' | 'after' }) {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          side === 'before' ? <del key={i}>{part.text}</del> : null
        ) : side === 'after' ? (
          <ins key={i}>{part.text}</ins>
        ) : null,
      )}
    </>
  );
}

/** 原文 or 修改后 of a row: each changed field a paragraph, the changed characters marked; a whole item where added or removed. */
function SideText({ row, side, labels }: { row: ComparedRow; side: 'before' | 'after'; labels: ColumnLabels }) {
  const item = side === 'before' ? row.before : row.after;
  if (!item) return <span className="muted">{side === 'before' ? '（无）' : '（删除）'}</span>;
  if (row.kind === 'added' || row.kind === 'removed') {
    const fields = ITEM_FIELDS.filter((f) => f !== 'name' && item[f] !== null);
    if (!fields.length) return <span className="muted">（各栏尚未填写）</span>;
    return <>{fields.map((f) => <p key={f} className="compare-para"><span className="compare-label">{labels[f]}：</span>{item[f]}</p>)}</>;
  }
  return (
    <>
      {row.changes.map((change) => (
        <p key={change.field} className="compare-para">
          <span className="compare-label">{change.label}：</span>
          {(side === 'before' ? change.before : change.after) === null ? <span className="muted">（空）</span> : <Diff parts={change.parts} side={side} />}
        </p>
      ))}
      {row.movedDomain && (
        <p className="compare-para">
          <span className="compare-label">领域：</span>
          {side === 'before' ? <del>{row.movedDomain.from}</del> : <ins>{row.movedDomain.to}</ins>}
        </p>
      )}
      {!row.movedDomain && row.reordered && <p className="compare-para"><span className="compare-label">序号：</span>{item.itemNo}</p>}
    </>
  );
}

export function CompareView({ summary, preset }: { summary: CatalogueSummary; preset: CompareSides | null }) {
  const [catalogues, setCatalogues] = useState<CatalogueSummary[]>([]);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [sides, setSides] = useState<CompareSides>(preset ?? { before: summary.basedOn ?? '', after: summary.id });
  const [result, setResult] = useState<Comparison | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void Promise.all([invoke('catalogues.list', {}), invoke('versions.list', { catalogueId: summary.id })]).then(
      ([list, saved]) => {
        setCatalogues(list);
        setVersions(saved);
        setSides((s) => (s.before ? s : { ...s, before: saved[0]?.id ?? list.find((c) => c.id !== summary.id)?.id ?? '' }));
      },
      (error: unknown) => setMessage({ text: errorMessage(error), error: true }),
    );
  }, [summary.id]);

  const run = useCallback(async (wanted: CompareSides) => {
    if (!wanted.before || !wanted.after) return;
    setBusy(true);
    setMessage(null);
    try {
      setResult(await invoke('compare.run', wanted));
    } catch (error) {
      setResult(null);
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setBusy(false);
    }
  }, []);
  // A comparison asked for from the 版本 tab runs at once.
  useEffect(() => {
    if (preset) void run(preset);
  }, [preset, run]);

  const exportTable = async () => {
    setBusy(true);
    try {
      const file = await invoke('compare.export', sides);
      downloadFile(file);
      setMessage({ text: `已导出 ${file.fileName}`, error: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const options = (
    <>
      <optgroup label="清单">
        {catalogues.map((c) => <option key={c.id} value={c.id}>{c.name}{c.id === summary.id ? '（当前）' : ''}</option>)}
      </optgroup>
      {versions.length > 0 && (
        <optgroup label={`“${summary.name}”的版本`}>
          {versions.map((v) => <option key={v.id} value={v.id}>版本：{v.name}</option>)}
        </optgroup>
      )}
    </>
  );
  const c = result?.counts;
  return (
    <section className="compare-view" aria-label="对照">
      <form
        className="compare-sides"
        aria-label="选择对照的两方"
        onSubmit={(e) => {
          e.preventDefault();
          void run(sides);
        }}
      >
        <label>原文<select value={sides.before} onChange={(e) => setSides({ ...sides, before: e.target.value })}><option value="">（请选择）</option>{options}</select></label>
        <span aria-hidden="true">→</span>
        <label>修改后<select value={sides.after} onChange={(e) => setSides({ ...sides, after: e.target.value })}>{options}</select></label>
        <button type="submit" disabled={busy || !sides.before}>对照</button>
        <button type="button" disabled={busy || !result} onClick={() => void exportTable()}>导出对照表</button>
        <label className="compare-all"><input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />显示未改动的项目</label>
      </form>
      {message && <p className={message.error ? 'error' : 'version-message'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {c && (
        <p className="compare-counts" role="status">
          新增 <b>{c.added}</b> 项，删除 <b>{c.removed}</b> 项，修改 <b>{c.changed}</b> 项（其中改名 {c.renamed}、移动 {c.moved}），未改动 {c.unchanged} 项。
          <span className="muted">按来源项对应 {c.byLineage} 项，按名称对应 {c.byName} 项{c.ambiguous ? `（其中 ${c.ambiguous} 项同名，按顺序对应）` : ''}。</span>
        </p>
      )}
      {result && (
        <div className="compare-table-wrap">
          <table className="compare-table" aria-label="对照结果">
            <thead>
              <tr><th>序号</th><th>服务项目</th><th>变化</th><th>原文</th><th>修改后</th><th>说明</th></tr>
            </thead>
            {result.domains.map((domain) => {
              const rows = domain.rows.filter((r) => showAll || r.kind !== 'unchanged');
              if (!rows.length) return null;
              return (
                <tbody key={domain.heading}>
                  <tr className="compare-domain"><th colSpan={6}>{domain.heading}</th></tr>
                  {rows.map((row) => {
                    const item = (row.after ?? row.before)!;
                    return (
                      <tr key={`${row.before?.id ?? ''}>${row.after?.id ?? ''}`} className={`compare-${row.kind}`} data-kind={row.kind}>
                        <td className="compare-no">{row.after ? row.after.itemNo : `原${row.before!.itemNo}`}</td>
                        <td>{row.renamed ? <Diff parts={row.changes.find((x) => x.field === 'name')!.parts} side="after" /> : item.name}</td>
                        <td><span className={`compare-badge badge-${row.kind}`}>{KIND_LABELS[row.kind]}</span></td>
                        <td className="compare-side"><SideText row={row} side="before" labels={result.columnLabels} /></td>
                        <td className="compare-side"><SideText row={row} side="after" labels={result.columnLabels} /></td>
                        <td>{row.note}</td>
                      </tr>
                    );
                  })}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </section>
  );
}
