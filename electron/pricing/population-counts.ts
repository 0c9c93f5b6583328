// The counts imported for a province and the regions under it, as the 行政区与人口 page shows them: what the
// planner imported, to check it against the statistics it came from. Years without a count are estimated when
// priced (population.ts), not here.
import { compareCohorts } from '../../shared/domain/pricing/regions';
import type { CohortCountRow } from '../../shared/domain/pricing/results';
import type { Database } from '../db/database';

export async function listCohortCounts(db: Pick<Database, 'all'>, rootCode: string): Promise<CohortCountRow[]> {
  const rows = await db.all(
    `SELECT p.region_code, r.name AS region_name, r.level, p.cohort, p.year, CAST(p.value AS VARCHAR) AS value, p.source, p.status,
            CASE r.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END AS depth,
            coalesce(CASE WHEN r.level = 'county' THEN r.parent_code END, r.code) AS city
     FROM population p JOIN regions r ON r.code = p.region_code
     WHERE r.code = $1 OR r.parent_code = $1 OR r.parent_code IN (SELECT code FROM regions WHERE parent_code = $1)
     ORDER BY depth = 0 DESC, city, depth, p.region_code, p.year`,
    [rootCode],
  );
  const counts = rows.map((r) => ({
    regionCode: String(r.region_code),
    regionName: String(r.region_name),
    level: String(r.level) as CohortCountRow['level'],
    cohort: String(r.cohort),
    year: Number(r.year),
    value: String(r.value),
    source: String(r.source),
    status: String(r.status),
  }));
  // Regions in the tree's order (a city, then its counties), and within one the cohorts as the shares list them.
  const rank = new Map<string, number>();
  counts.forEach((row, i) => rank.has(row.regionCode) || rank.set(row.regionCode, i));
  return counts.sort((a, b) => rank.get(a.regionCode)! - rank.get(b.regionCode)! || compareCohorts(a.cohort, b.cohort) || a.year - b.year);
}
