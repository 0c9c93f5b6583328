// The regions costs are computed for: those without children. Each knows the province whose tier applies
// (from its code), the top of its tree and the city it counts under (from its parents), and a growth rate
// inherited from above when it has none. Kept as a table, rebuilt whenever regions change, since every
// pricing query joins it.
import type { Tx } from '../db/database';
import { rebuildRuleTerms } from './rule-terms';

/** leaf_regions from the regions; `growth_from`: whose rate `growth_pct` is, when not the leaf's own (for the explanation). */
export const LEAVES_SQL = `CREATE OR REPLACE TABLE leaf_regions AS
    SELECT r.code, CAST(r.code AS INTEGER) AS region, r.name, r.level, r.county_class, r.grade,
           substr(r.code, 1, 2) || '0000' AS province_code,
           CASE r.level WHEN 'county' THEN r.parent_code WHEN 'city' THEN r.code END AS city_code,
           coalesce(g.code, p.code, r.code) AS top_code,
           CAST(coalesce(r.growth_pct, p.growth_pct, g.growth_pct, 0) AS DECIMAL(9, 4)) AS growth_pct,
           CASE WHEN r.growth_pct IS NOT NULL THEN NULL WHEN p.growth_pct IS NOT NULL THEN p.name WHEN g.growth_pct IS NOT NULL THEN g.name END AS growth_from
    FROM regions r
    LEFT JOIN regions p ON p.code = r.parent_code
    LEFT JOIN regions g ON g.code = p.parent_code
    WHERE NOT EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = r.code)
    ORDER BY region`;

export async function rebuildLeaves(tx: Tx): Promise<void> {
  await tx.run(LEAVES_SQL);
  await rebuildRuleTerms(tx);
}
