import type { Migration } from './index';
import { ruleLeafTermsSql } from '../../pricing/rule-terms';

// The split terms of every rule in every leaf region, derived from the rules and the leaves
// (electron/pricing/rule-terms.ts): an edit of one item's drivers then reprices without any rule arithmetic.
// And cost lines one column narrower: the county's share is what the other three leave.
export const ruleTerms: Migration = {
  version: 9,
  name: 'pricing: split terms per rule and leaf region; the county share computed where read',
  statements: [
    `CREATE TABLE rule_leaf_terms (
      rule_id VARCHAR NOT NULL,
      region INTEGER NOT NULL,
      code VARCHAR NOT NULL,
      top_code VARCHAR NOT NULL,
      city_code VARCHAR,
      seq INTEGER NOT NULL,
      central_u BIGINT,
      wp BIGINT NOT NULL,
      wc BIGINT NOT NULL,
      wx BIGINT NOT NULL,
      rule_quality TINYINT NOT NULL,
      own_quality TINYINT NOT NULL
    )`,
    `INSERT INTO rule_leaf_terms ${ruleLeafTermsSql('true')}`,
    // The county's share is the remainder by definition: computed where read, not stored a million times.
    `ALTER TABLE cost_lines DROP COLUMN county_fen`,
    `CREATE OR REPLACE VIEW item_cost_lines AS
      SELECT i.catalogue_id, d.item_id, c.*, c.cost_fen - c.central_fen - c.provincial_fen - c.city_fen AS county_fen,
             CAST(CAST(c.central_u AS DECIMAL(18,0)) * CAST(0.0001 AS DECIMAL(5,4)) AS DECIMAL(9,4)) AS central_pct
      FROM cost_lines c JOIN item_drivers d ON d.key = c.item_key JOIN items i ON i.id = d.item_id`,
  ],
};
