import type { Migration } from './index';
import { ruleLeafTermsSql } from '../../pricing/rule-terms';

// The split terms of every rule in every leaf region, derived from the rules and the leaves
// (electron/pricing/rule-terms.ts): an edit of one item's drivers then reprices without any rule arithmetic.
export const ruleTerms: Migration = {
  version: 9,
  name: 'pricing: split terms per rule and leaf region',
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
  ],
};
