// Regions as the planner sees them in the 行政区与人口 page: the tree under a province with class, grade,
// growth rate and the latest counted residents.
import { plainDecimal } from '../../shared/domain/pricing/decimal';
import type { RegionRow } from '../../shared/domain/pricing/results';
import type { CountyClass, RegionLevel } from '../../shared/domain/pricing/regions';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

const REGION_SQL = `
  SELECT r.*, NOT EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code) AS is_leaf,
         (SELECT arg_max(value, year) FROM population p WHERE p.region_code = r.code AND p.cohort = '常住人口') AS residents,
         (SELECT max(year) FROM population p WHERE p.region_code = r.code AND p.cohort = '常住人口') AS residents_year,
         (SELECT arg_max(source, year) FROM population p WHERE p.region_code = r.code AND p.cohort = '常住人口') AS residents_source,
         (SELECT arg_max(status, year) FROM population p WHERE p.region_code = r.code AND p.cohort = '常住人口') AS residents_status
  FROM regions r`;

function toRegionRow(r: PlainRow): RegionRow {
  return {
    code: String(r.code),
    name: String(r.name),
    parentCode: r.parent_code === null ? null : String(r.parent_code),
    level: String(r.level) as RegionLevel,
    countyClass: r.county_class === null ? null : (String(r.county_class) as CountyClass),
    grade: r.grade === null ? null : Number(r.grade),
    growthPct: r.growth_pct === null ? null : plainDecimal(String(r.growth_pct)),
    residents: r.residents === null ? null : String(r.residents),
    residentsYear: r.residents_year === null ? null : Number(r.residents_year),
    residentsSource: r.residents_source === null ? null : String(r.residents_source),
    residentsStatus: r.residents_status === null ? null : String(r.residents_status),
    source: String(r.source),
    status: String(r.status),
    isLeaf: Boolean(r.is_leaf),
  };
}

/** The province (or city) and everything under it, in tree order. */
export async function listRegions(db: Reader, rootCode: string): Promise<RegionRow[]> {
  const rows = await db.all(
    `${REGION_SQL} WHERE r.code = $1 OR r.parent_code = $1 OR r.parent_code IN (SELECT code FROM regions WHERE parent_code = $1)
     ORDER BY CASE r.level WHEN 'province' THEN 0 ELSE 1 END, coalesce(CASE WHEN r.level = 'county' THEN r.parent_code END, r.code), r.level, r.code`,
    [rootCode],
  );
  return rows.map(toRegionRow);
}

export async function getRegion(db: Reader, code: string): Promise<RegionRow | null> {
  const [row] = await db.all(`${REGION_SQL} WHERE r.code = $1`, [code]);
  return row ? toRegionRow(row) : null;
}

/**
 * The code of the province or city a catalogue names ("河北省", or "河北" as a planner may write it), so it is
 * priced over that region's counties alone; null when none or more than one matches (then every region).
 */
export async function regionCodeOfName(db: Reader, name: string): Promise<string | null> {
  const text = name.trim();
  if (text === '') return null;
  const rows = await db.all(
    `SELECT code FROM regions WHERE level IN ('province', 'city') AND (name = $1 OR name IN ($1 || '省', $1 || '市', $1 || '自治区'))`,
    [text],
  );
  return rows.length === 1 ? String(rows[0]!.code) : null;
}
