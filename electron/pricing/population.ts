// The population of every leaf region, cohort and year the model prices, found set-based: a count given
// for that year; else the nearest counted year grown at the region's rate (estimated); else a share of
// another cohort, the region's own or inherited from its city or province (estimated).
import { growthFactor } from '../../shared/domain/pricing/growth';
import { compareCohorts } from '../../shared/domain/pricing/regions';
import type { Database, Tx } from '../db/database';
import { qualitySql } from './sql-values';

/** Chains of shares (60岁及以上 of 常住人口, 低保对象 of 60岁及以上 …) resolved up to this depth. */
const SHARE_DEPTH = 4;
const MAX_OFFSET = 40;
/** Growth factors are kept below tenfold (10^13 at twelve places), so a grown count stays inside 64 bits. */
const MAX_FACTOR = 10n ** 13n;

/**
 * round(count × factor / 10^12) in 64-bit integers: with factor = h·10^6 + l and count·h = q·10^6 + r, the
 * product is q·10^12 + (r·10^6 + count·l), so the result is q plus the rest rounded half up. Exact, and every
 * term stays far inside 64 bits for counts below 2^31 and factors below MAX_FACTOR.
 */
function grownSql(count: string, factor: string): string {
  const high = `(${count} * (${factor} // 1000000))`;
  return `(${high} // 1000000 + (((${high} % 1000000) * 1000000 + ${count} * (${factor} % 1000000)) * 2 + 1000000000000) // 2000000000000)`;
}

/** The longest chain of cohorts defined one as a share of the next (a cycle counts once round). */
function chainLength(links: [string, string][]): number {
  const base = new Map<string, string[]>();
  for (const [cohort, of] of links) base.set(cohort, [...(base.get(cohort) ?? []), of]);
  const depth = (cohort: string, seen: Set<string>): number => {
    if (seen.has(cohort)) return 0;
    const next = base.get(cohort) ?? [];
    return next.length === 0 ? 0 : 1 + Math.max(...next.map((b) => depth(b, new Set([...seen, cohort]))));
  };
  return Math.max(0, ...[...base.keys()].map((c) => depth(c, new Set())));
}

/** How the figure in population_resolved row `p` was found: counted for its year, grown from another, or a share. */
export const populationMethodSql = (p: string) =>
  `CASE WHEN ${p}.share_from IS NOT NULL THEN 'share' WHEN ${p}.from_year = ${p}.year THEN 'counted' ELSE 'grown' END`;

/** The population again (the leaves as they are: rebuildLeaves first when the regions changed). */
export async function rebuildPopulation(tx: Tx, fromYear: number, toYear: number): Promise<void> {
  const rates = (await tx.all('SELECT DISTINCT CAST(growth_pct AS VARCHAR) AS rate FROM leaf_regions')).map((r) => String(r.rate));
  const factors: string[] = [];
  for (const rate of rates) {
    for (let years = -MAX_OFFSET; years <= MAX_OFFSET; years += 1) {
      // Beyond tenfold no estimate is made: the region then has no count for that year, and the summary says so.
      if (growthFactor(rate, years) >= MAX_FACTOR) continue;
      factors.push(`(CAST('${rate}' AS DECIMAL(9,4)), ${years}, CAST('${growthFactor(rate, years).toString()}' AS BIGINT))`);
    }
  }
  await tx.run('CREATE OR REPLACE TEMP TABLE growth_factors (rate DECIMAL(9,4), years INTEGER, factor BIGINT)');
  if (factors.length) await tx.run(`INSERT INTO growth_factors VALUES ${factors.join(', ')}`);

  // Counted or grown from the nearest counted year (the later one on a tie). The table is emptied and
  // refilled, not created anew: DuckDB scans a table created in the same transaction on one thread only (it
  // has no committed rows to divide), and the reprice that follows reads it million-fold. It is not sorted by
  // cohort: that took a quarter of this statement, and an edit reading one cohort's 14,000 rows out of 285,000
  // was no slower for it.
  await tx.run('DELETE FROM population_resolved');
  await tx.run(
    `INSERT INTO population_resolved (region, cohort, year, value, from_year, share_from, quality)
     WITH years AS (SELECT CAST(range AS INTEGER) AS year FROM range($1, $2 + 1)),
     -- Counted by a grouping joined back, not a window over the region and cohort: that took 90 ms of CPU
     -- for a national model's 57,000 counts, a third of this statement.
     counts AS (SELECT region_code, cohort, count(*) AS counts FROM population GROUP BY ALL),
     counted AS (
       SELECT l.region, l.growth_pct, p.cohort, p.year, p.value, ${qualitySql('p.status')} AS quality, k.counts
       FROM population p JOIN leaf_regions l ON l.code = p.region_code
       JOIN counts k ON k.region_code = p.region_code AND k.cohort = p.cohort),
     -- Most regions have one counted year per cohort: it is the nearest for every year, no search needed.
     nearest AS (
       SELECT region, growth_pct, cohort, y.year AS target, {'year': c.year, 'value': c.value, 'quality': c.quality} AS n
       FROM counted c CROSS JOIN years y WHERE c.counts = 1
       UNION ALL
       SELECT region, growth_pct, cohort, y.year AS target,
              arg_min({'year': c.year, 'value': c.value, 'quality': c.quality}, abs(c.year - y.year) * 10000 - c.year) AS n
       FROM counted c CROSS JOIN years y WHERE c.counts > 1
       GROUP BY ALL)
     SELECT region, cohort, CAST(target AS SMALLINT) AS year,
            CASE WHEN n.year = target THEN n.value
                 ELSE ${grownSql('n.value', 'f.factor')} END AS value,
            n.year AS from_year, CAST(NULL AS VARCHAR) AS share_from,
            CAST(greatest(n.quality, CASE WHEN n.year = target THEN 0 ELSE 1 END) AS TINYINT) AS quality
     FROM nearest
     JOIN growth_factors f ON f.rate = growth_pct AND f.years = target - n.year`,
    [fromYear, toYear],
  );

  // Shares: the leaf's own, else its city's, else its province's (the nearest wins), of a cohort already found;
  // one pass per link of the longest chain of shares (60岁及以上 of 常住人口, 低保老人 of 60岁及以上 …).
  const links = await tx.all('SELECT DISTINCT cohort, base_cohort FROM cohort_shares');
  for (let depth = 0; depth < Math.min(SHARE_DEPTH, chainLength(links.map((l) => [String(l.cohort), String(l.base_cohort)]))); depth += 1) {
    await tx.run(
      `INSERT INTO population_resolved
       WITH chain AS (
         SELECT l.code AS leaf, l.code AS holder, 0 AS distance FROM leaf_regions l
         UNION ALL SELECT l.code, l.city_code, 1 FROM leaf_regions l WHERE l.city_code IS NOT NULL AND l.city_code <> l.code
         UNION ALL SELECT l.code, l.province_code, 2 FROM leaf_regions l WHERE l.province_code <> l.code),
       chosen AS (
         SELECT c.leaf, s.cohort, arg_min(s.region_code, c.distance) AS holder, min(c.distance) AS distance
         FROM chain c JOIN cohort_shares s ON s.region_code = c.holder
         GROUP BY ALL)
       SELECT l.region, s.cohort, b.year,
              CAST((CAST(b.value AS HUGEINT) * CAST(s.share_pct * 10000 AS BIGINT) * 2 + 1000000) // 2000000 AS BIGINT),
              NULL, s.region_code,
              greatest(b.quality, ${qualitySql('s.status')}, CASE WHEN ch.distance > 0 THEN 1 ELSE 0 END)
       FROM chosen ch
       JOIN cohort_shares s ON s.region_code = ch.holder AND s.cohort = ch.cohort
       JOIN leaf_regions l ON l.code = ch.leaf
       JOIN population_resolved b ON b.region = l.region AND b.cohort = s.base_cohort
       WHERE NOT EXISTS (SELECT 1 FROM population_resolved r WHERE r.region = l.region AND r.cohort = s.cohort)`,
    );
  }
}

/**
 * The cohorts the planner can name: those with counts or a share (counted) and those only named by an
 * item's drivers so far (their population not yet imported), in the order compareCohorts gives.
 */
export async function knownCohorts(db: Pick<Database, 'all'>): Promise<{ cohort: string; counted: boolean }[]> {
  const rows = await db.all(
    `SELECT cohort, bool_or(counted) AS counted FROM (
       SELECT DISTINCT cohort, true AS counted FROM population UNION ALL SELECT DISTINCT cohort, true FROM cohort_shares UNION ALL
       SELECT DISTINCT cohort, false FROM item_drivers WHERE cohort IS NOT NULL)
     GROUP BY cohort`,
  );
  return rows.map((r) => ({ cohort: String(r.cohort), counted: r.counted === true })).sort((a, b) => compareCohorts(a.cohort, b.cohort));
}

/**
 * Of `cohorts`, each once in the order given, those with neither counts nor a share yet (misspelt, or their
 * figures not imported); `counting` are taken as counted too (the cohorts a file being imported gives shares of).
 */
export async function uncountedCohorts(db: Pick<Database, 'all'>, cohorts: readonly (string | null)[], counting: readonly string[] = []): Promise<string[]> {
  const counted = new Set([...(await knownCohorts(db)).filter((k) => k.counted).map((k) => k.cohort), ...counting]);
  return [...new Set(cohorts.filter((c): c is string => c !== null && !counted.has(c)))];
}
