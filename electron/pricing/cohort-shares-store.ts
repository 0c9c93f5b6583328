// Cohort shares as the 行政区与人口 page shows them: those of a province and of every region under it.
import { plainDecimal } from '../../shared/domain/pricing/decimal';
import { compareCohorts } from '../../shared/domain/pricing/regions';
import type { CohortShareRow } from '../../shared/domain/pricing/results';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

const SHARE_SQL = `
  SELECT s.region_code, r.name AS region_name, r.level, s.cohort, s.base_cohort, CAST(s.share_pct AS VARCHAR) AS share_pct, s.source, s.status
  FROM cohort_shares s JOIN regions r ON r.code = s.region_code`;

function toShareRow(r: PlainRow): CohortShareRow {
  return {
    regionCode: String(r.region_code),
    regionName: String(r.region_name),
    cohort: String(r.cohort),
    baseCohort: String(r.base_cohort),
    sharePct: plainDecimal(String(r.share_pct)),
    source: String(r.source),
    status: String(r.status),
  };
}

/** The shares of the province `rootCode`, its cities and their counties: the province's first, then by region and cohort. */
export async function listCohortShares(db: Reader, rootCode: string): Promise<CohortShareRow[]> {
  const rows = await db.all(
    `${SHARE_SQL}
     WHERE r.code = $1 OR r.parent_code = $1 OR r.parent_code IN (SELECT code FROM regions WHERE parent_code = $1)
     ORDER BY CASE r.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END, s.region_code`,
    [rootCode],
  );
  // Each region's shares together, in the province-city-county order above; within one, by cohort.
  const shares = rows.map(toShareRow);
  const rank = new Map<string, number>();
  shares.forEach((row, i) => rank.has(row.regionCode) || rank.set(row.regionCode, i));
  return shares.sort((a, b) => rank.get(a.regionCode)! - rank.get(b.regionCode)! || compareCohorts(a.cohort, b.cohort));
}

export async function getCohortShare(db: Reader, regionCode: string, cohort: string): Promise<CohortShareRow | null> {
  const [row] = await db.all(`${SHARE_SQL} WHERE s.region_code = $1 AND s.cohort = $2`, [regionCode, cohort]);
  return row ? toShareRow(row) : null;
}

/**
 * Each cohort's bases in the province of `regionCode` (a share applies within its province only: a leaf's own,
 * its city's or its province's), as stored, with `replacing` (shares about to be written, by region and
 * cohort) in place of the ones they replace: for shareCycleProblem.
 */
export async function shareBases(
  db: Reader,
  regionCode: string,
  replacing: readonly { regionCode: string; cohort: string; base: string }[],
): Promise<Map<string, Set<string>>> {
  const province = regionCode.slice(0, 2);
  const replaced = new Set(replacing.map((r) => `${r.regionCode}|${r.cohort}`));
  const bases = new Map<string, Set<string>>();
  const link = (cohort: string, base: string) => bases.set(cohort, (bases.get(cohort) ?? new Set<string>()).add(base));
  for (const r of await db.all('SELECT region_code, cohort, base_cohort FROM cohort_shares WHERE substr(region_code, 1, 2) = $1', [province])) {
    if (!replaced.has(`${String(r.region_code)}|${String(r.cohort)}`)) link(String(r.cohort), String(r.base_cohort));
  }
  for (const r of replacing) if (r.regionCode.slice(0, 2) === province) link(r.cohort, r.base);
  return bases;
}
