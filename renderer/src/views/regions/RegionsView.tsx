// 行政区与人口: a province's regions as a tree, each county's class, grade and growth rate editable, the
// residents with their source and status, and the import of regions and population tables.
import { useCallback, useState } from 'react';
import type { RegionRow } from '../../../../shared/domain/pricing/results';
import { errorMessage, invoke } from '../../api/client';
import { useRegionsReload } from './useRegionsReload';
import { ImportBox } from './ImportBox';
import { RegionTreeTable } from './RegionTreeTable';
import { CohortSharesTable } from './CohortSharesTable';
import { CohortCountsTable } from './CohortCountsTable';

export const PROVINCES = [
  { code: '130000', name: '河北省' },
  { code: '410000', name: '河南省' },
  { code: '620000', name: '甘肃省' },
] as const;

export type RegionField = 'countyClass' | 'grade' | 'growthPct';
const FIELD_LABELS: Record<RegionField, string> = { countyClass: '类别', grade: '等级', growthPct: '人口年增长率' };

export function RegionsView() {
  const [rootCode, setRootCode] = useState<string>(PROVINCES[0].code);
  const [rows, setRows] = useState<RegionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await invoke('regions.list', { rootCode }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [rootCode]);

  useRegionsReload(load, () => setRows(null));

  const update = useCallback(async (region: RegionRow, field: RegionField, value: string | null): Promise<RegionRow | null> => {
    const what = `${region.name}的“${FIELD_LABELS[field]}”`;
    try {
      const saved = await invoke('regions.update', { code: region.code, field, value });
      setRows((current) => current?.map((r) => (r.code === saved.code ? saved : r)) ?? null);
      setStatus({ ok: true, text: `已保存 ${what}` });
      return saved;
    } catch (e) {
      setStatus({ ok: false, text: `未保存：${errorMessage(e)}` });
      return null;
    }
  }, []);

  return (
    <section className="page regions-page">
      <h1>行政区与人口</h1>
      <div className="form-line">
        <label>
          省份
          <select value={rootCode} onChange={(e) => setRootCode(e.target.value)} aria-label="省份">
            {PROVINCES.map((p) => (
              <option key={p.code} value={p.code}>{p.name}（{p.code}）</option>
            ))}
          </select>
        </label>
        <span className="muted">
          县的类别和等级决定适用的分担行；人口年增长率用于推算没有统计数的年份（空着则沿用上级）。本页的修改和导入不进入清单的“撤销”记录：改错了请在此直接改回（导入时新增的行政区和人数不会因再次导入而删除）。
        </span>
      </div>
      {status && (
        <p className={`save-status ${status.ok ? 'save-saved' : 'save-refused'}`} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      <ImportBox kinds={['regions', 'population', 'shares']} catalogueId={null} />
      <CohortSharesTable rootCode={rootCode} regions={rows} />
      <CohortCountsTable rootCode={rootCode} />
      <h2>行政区</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {!rows && !error && <p className="muted">正在读取行政区……</p>}
      {rows && <RegionTreeTable rows={rows} rootCode={rootCode} onUpdate={update} />}
    </section>
  );
}
