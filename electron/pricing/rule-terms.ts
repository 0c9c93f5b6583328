// The split terms of every rule in every leaf region: the rule row that applies there (the most specific:
// class and grade, then class, then grade, then the default row), its central share (the rule's, or the
// province's tier) and the weights of province, city and county, as integers. Derived, kept as a table:
// every reprice joins it, and an edit of one item then needs no rule arithmetic of its own. Rebuilt with
// the leaves (regions, classes, grades) and whenever a rule is saved.
import type { Tx } from '../db/database';
import { qualitySql } from './sql-values';

/** Rows choose the most specific match: class counts 2, grade 1. */
const SPECIFICITY = `(CASE WHEN r.county_class IS NOT NULL THEN 2 ELSE 0 END) + (CASE WHEN r.grade IS NOT NULL THEN 1 ELSE 0 END)`;

/** The terms of the rules `ruleFilter` selects (a condition on split_rule_rows r), in every leaf region. */
export function ruleLeafTermsSql(ruleFilter: string): string {
  // The row that applies is chosen with its values (one struct), so neither the rows nor the leaves are
  // joined a second time.
  return `
  WITH chosen AS (
    SELECT r.rule_id, l.region, l.code, l.top_code, l.city_code, l.province_code, l.county_class,
           arg_max({'seq': r.seq, 'central_by_tier': r.central_by_tier, 'central_pct': r.central_pct,
                    'provincial': r.provincial, 'city': r.city, 'county': r.county}, ${SPECIFICITY}) AS r
    FROM split_rule_rows r JOIN leaf_regions l
      ON (r.county_class IS NULL OR r.county_class = l.county_class) AND (r.grade IS NULL OR r.grade = l.grade)
    WHERE ${ruleFilter}
    GROUP BY ALL)
  SELECT ch.rule_id, ch.region, ch.code, ch.top_code, ch.city_code, CAST(ch.r.seq AS INTEGER) AS seq,
         CAST(CASE WHEN ch.r.central_by_tier THEN t.central_share_pct ELSE ch.r.central_pct END * 10000 AS BIGINT) AS central_u,
         CAST(ch.r.provincial * 10000 AS BIGINT) AS wp,
         -- A 省直管县's city pays nothing for it.
         CASE WHEN ch.county_class = '省直管县' THEN 0 ELSE CAST(ch.r.city * 10000 AS BIGINT) END AS wc,
         CAST(ch.r.county * 10000 AS BIGINT) AS wx,
         CAST(greatest(${qualitySql('sr.status')}, CASE WHEN ch.r.central_by_tier THEN ${qualitySql('t.status')} ELSE 0 END) AS TINYINT) AS rule_quality,
         CAST(${qualitySql('sr.status')} AS TINYINT) AS own_quality
  FROM chosen ch
  JOIN split_rules sr ON sr.id = ch.rule_id
  LEFT JOIN ref_fiscal_tiers t ON t.province_code = ch.province_code`;
}

/** Every rule's terms again (after the leaves changed). */
export async function rebuildRuleTerms(tx: Tx): Promise<void> {
  await tx.run('DELETE FROM rule_leaf_terms');
  await tx.run(`INSERT INTO rule_leaf_terms ${ruleLeafTermsSql('true')} ORDER BY 1, 2`);
}

/** One rule's terms again (after it was saved). */
export async function rebuildOneRuleTerms(tx: Tx, ruleId: string): Promise<void> {
  await tx.run('DELETE FROM rule_leaf_terms WHERE rule_id = $1', [ruleId]);
  await tx.run(`INSERT INTO rule_leaf_terms ${ruleLeafTermsSql('r.rule_id = $1')}`, [ruleId]);
}
