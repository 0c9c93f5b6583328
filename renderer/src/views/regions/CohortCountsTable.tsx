// 人群人数: the counts imported for a province and the regions under it, one cohort at a time, a row per
// region and a column per year, with each count's source and status, so a planner can check an import against
// the statistics it came from. Years without a count are estimated when priced (the 测算 explanation says how).
import { useCallback, useMemo, useState } from 'react';
import { formatCount } from '../../../../shared/domain/pricing/money';
import { RESIDENTS } from '../../../../shared/domain/pricing/regions';
import type { CohortCountRow } from '../../../../shared/domain/pricing/results';
import { errorMessage, invoke } from '../../api/client';
import { useRegionsReload } from './useRegionsReload';
import { Provenance } from './RegionTreeTable';
import { PROVENANCE_STATUSES } from '../../../../shared/domain/provenance';

/** A region's counts of the cohort shown: by year, with the sources and the worst status among them. */
interface RegionCounts {
  regionCode: string;
  regionName: string;
  level: CohortCountRow['level'];
  byYear: Map<number, string>;
  sources: string[];
  status: string;
}

// From best to worst: a region's mark is the worst of its counts'.
const STATUS_RANK: readonly string[] = PROVENANCE_STATUSES;

function byRegion(rows: readonly CohortCountRow[], cohort: string): RegionCounts[] {
  const regions = new Map<string, RegionCounts>();
  for (const row of rows) {
    if (row.cohort !== cohort) continue;
    const region: RegionCounts = regions.get(row.regionCode) ?? { regionCode: row.regionCode, regionName: row.regionName, level: row.level, byYear: new Map(), sources: [], status: row.status };
    region.byYear.set(row.year, row.value);
    if (!region.sources.includes(row.source)) region.sources.push(row.source);
    if (STATUS_RANK.indexOf(row.status) > STATUS_RANK.indexOf(region.status)) region.status = row.status;
    regions.set(row.regionCode, region);
  }
  return [...regions.values()];
}

export function CohortCountsTable({ rootCode }: { rootCode: string }) {
  const [rows, setRows] = useState<CohortCountRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setRows(await invoke('population.list', { rootCode }));
      setError(null);
    } catch (e) {
      setError(`未能读取人群人数：${errorMessage(e)}`);
    }
  }, [rootCode]);
  useRegionsReload(load, () => setRows(null));

  const cohorts = useMemo(() => [...new Set((rows ?? []).map((r) => r.cohort))], [rows]);
  // The cohort last imported is what a planner comes to check: any but the census residents the seeds bring.
  const cohort = picked !== null && cohorts.includes(picked) ? picked : (cohorts.find((c) => c !== RESIDENTS) ?? cohorts[0] ?? null);
  const shown = useMemo(() => (rows && cohort ? byRegion(rows, cohort) : []), [rows, cohort]);
  const years = useMemo(() => [...new Set(shown.flatMap((r) => [...r.byYear.keys()]))].sort((a, b) => a - b), [shown]);

  return (
    <section className="cohort-counts" aria-label="人群人数">
      <h2>人群人数</h2>
      <p className="muted">导入的统计人数，按人群查看，可与原始统计核对；没有统计数的年份在测算时按人口年增长率推算（测算说明中标为“含估算”）。</p>
      {error && <p className="error" role="alert">{error}</p>}
      {!rows && !error && <p className="muted">正在读取人群人数……</p>}
      {rows && cohort === null && <p className="muted">这个省还没有导入任何人群的人数。</p>}
      {rows && cohort !== null && (
        <>
          <div className="form-line">
            <label>
              人群
              <select value={cohort} onChange={(e) => setPicked(e.target.value)} aria-label="查看人群">
                {cohorts.map((c) => (
                  <option key={c} value={c}>{c}</option>
                ))}
              </select>
            </label>
            <span className="muted">{shown.length} 个地区有“{cohort}”的统计数</span>
          </div>
          <div className="shares-scroll">
            <table className="table compact counts-table" aria-label="人群人数表">
              <thead>
                <tr>
                  <th>行政区</th>
                  {years.map((y) => <th key={y} className="num">{y}年</th>)}
                  <th>出处</th>
                  <th>状态</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.regionCode} className={`level-${r.level}`}>
                    <td className="region-name">{r.regionName}</td>
                    {years.map((y) => {
                      const value = r.byYear.get(y);
                      return <td key={y} className="num">{value === undefined ? <span className="muted">—</span> : formatCount(value)}</td>;
                    })}
                    <td className="source">{r.sources.join('；')}</td>
                    <td><Provenance status={r.status} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
