import type { Migration } from './index';

// The pricing model: regions with class and grade, population by cohort and year, cost drivers per item,
// split rules, and the derived table of cost lines (one per item, leaf region and year) kept in step
// with every edit in the edit's own transaction.
export const pricingSchema: Migration = {
  version: 2,
  name: 'pricing: regions, population, cohort shares, drivers, split rules, cost lines; 6-digit region codes',
  statements: [
    // The reference tables now use 6-digit GB/T 2260 codes and Chinese sources: they are reloaded from
    // the shipped seeds on the next open (electron/seeds/open-database.ts), and catalogues follow.
    `DELETE FROM ref_fiscal_tiers`,
    `DELETE FROM ref_population`,
    `DELETE FROM ref_national_standards`,
    `UPDATE catalogues SET region_code = region_code || '0000' WHERE length(region_code) = 2`,
    `CREATE TABLE regions (
      code VARCHAR PRIMARY KEY CHECK (regexp_full_match(code, '[0-9]{6}')),
      name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
      parent_code VARCHAR,
      level VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county')),
      county_class VARCHAR CHECK (county_class IN ('市辖区', '市管县', '省直管县')),
      grade INTEGER CHECK (grade BETWEEN 1 AND 9),
      growth_pct DECIMAL(9, 4) CHECK (growth_pct BETWEEN -50 AND 50),
      source VARCHAR NOT NULL,
      status VARCHAR NOT NULL CHECK (status IN ('sourced', 'derived', 'unverified'))
    )`,
    `CREATE TABLE population (
      region_code VARCHAR NOT NULL,
      cohort VARCHAR NOT NULL,
      year INTEGER NOT NULL,
      value BIGINT NOT NULL CHECK (value BETWEEN 0 AND 2000000000),
      source VARCHAR NOT NULL,
      status VARCHAR NOT NULL CHECK (status IN ('sourced', 'derived', 'unverified')),
      PRIMARY KEY (region_code, cohort, year)
    )`,
    // A cohort given as a share of another (60岁及以上 = 19.85% of 常住人口) for a region; a city without
    // its own inherits its province's, marked as estimated.
    `CREATE TABLE cohort_shares (
      region_code VARCHAR NOT NULL,
      cohort VARCHAR NOT NULL,
      base_cohort VARCHAR NOT NULL,
      share_pct DECIMAL(9, 4) NOT NULL CHECK (share_pct BETWEEN 0 AND 100),
      source VARCHAR NOT NULL,
      status VARCHAR NOT NULL CHECK (status IN ('sourced', 'derived', 'unverified')),
      PRIMARY KEY (region_code, cohort)
    )`,
    `CREATE TABLE split_rules (
      id VARCHAR PRIMARY KEY,
      name VARCHAR NOT NULL,
      province_code VARCHAR,
      source VARCHAR NOT NULL,
      status VARCHAR NOT NULL CHECK (status IN ('sourced', 'derived', 'unverified')),
      note VARCHAR
    )`,
    `CREATE TABLE split_rule_rows (
      rule_id VARCHAR NOT NULL,
      seq INTEGER NOT NULL,
      county_class VARCHAR CHECK (county_class IN ('市辖区', '市管县', '省直管县')),
      grade INTEGER,
      central_pct DECIMAL(9, 4) CHECK (central_pct BETWEEN 0 AND 100),
      central_by_tier BOOLEAN NOT NULL,
      provincial DECIMAL(12, 4) NOT NULL CHECK (provincial >= 0),
      city DECIMAL(12, 4) NOT NULL CHECK (city >= 0),
      county DECIMAL(12, 4) NOT NULL CHECK (county >= 0),
      PRIMARY KEY (rule_id, seq),
      CHECK (central_by_tier OR central_pct IS NOT NULL)
    )`,
    // Each driver row has a small integer key: the million cost lines carry it instead of the item's text id.
    `CREATE SEQUENCE item_driver_key_seq START 1`,
    `CREATE TABLE item_drivers (
      item_id VARCHAR PRIMARY KEY,
      key INTEGER NOT NULL UNIQUE DEFAULT nextval('item_driver_key_seq'),
      cohort VARCHAR,
      coverage DECIMAL(9, 6) CHECK (coverage BETWEEN 0 AND 1),
      unit_amount DECIMAL(18, 2) CHECK (unit_amount >= 0),
      unit VARCHAR,
      periods_per_year DECIMAL(7, 2) CHECK (periods_per_year > 0),
      base_year INTEGER,
      yearly_change DECIMAL(18, 2),
      split_rule_id VARCHAR,
      central_pct DECIMAL(9, 4) CHECK (central_pct BETWEEN 0 AND 100),
      updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
    `CREATE TABLE pricing_settings (
      catalogue_id VARCHAR PRIMARY KEY,
      from_year INTEGER NOT NULL,
      to_year INTEGER NOT NULL,
      CHECK (from_year <= to_year AND to_year - from_year < 20)
    )`,
    // Derived, rebuilt for what an edit touches: money in integer fen, so sums are exact and fast; only
    // integers, so a national model's 1.4 million lines are written and joined quickly.
    `CREATE TABLE cost_lines (
      item_key INTEGER NOT NULL,
      region INTEGER NOT NULL,
      year SMALLINT NOT NULL,
      beneficiaries BIGINT,
      amount_fen BIGINT NOT NULL,
      cost_fen BIGINT NOT NULL,
      central_fen BIGINT NOT NULL,
      provincial_fen BIGINT NOT NULL,
      city_fen BIGINT NOT NULL,
      county_fen BIGINT NOT NULL,
      rule_seq INTEGER NOT NULL,
      central_u INTEGER NOT NULL,
      quality TINYINT NOT NULL
    )`,
    // The lines as every reader wants them: with their catalogue and item, the central share as a percent.
    `CREATE VIEW item_cost_lines AS
      SELECT i.catalogue_id, d.item_id, c.*, CAST(CAST(c.central_u AS DECIMAL(18,0)) * CAST(0.0001 AS DECIMAL(5,4)) AS DECIMAL(9,4)) AS central_pct
      FROM cost_lines c JOIN item_drivers d ON d.key = c.item_key JOIN items i ON i.id = d.item_id`,
    // Derived from regions on every change of them (electron/pricing/leaves.ts): the regions costs are
    // computed for.
    `CREATE TABLE leaf_regions (
      code VARCHAR NOT NULL,
      region INTEGER NOT NULL,
      name VARCHAR NOT NULL,
      level VARCHAR NOT NULL,
      county_class VARCHAR,
      grade INTEGER,
      province_code VARCHAR NOT NULL,
      city_code VARCHAR,
      top_code VARCHAR NOT NULL,
      growth_pct DECIMAL(9, 4) NOT NULL
    )`,
    // Population of every leaf region, cohort and year the model needs, with how it was found.
    `CREATE TABLE population_resolved (
      region INTEGER NOT NULL,
      cohort VARCHAR NOT NULL,
      year SMALLINT NOT NULL,
      value BIGINT NOT NULL,
      method VARCHAR NOT NULL,
      from_year INTEGER,
      share_from VARCHAR,
      quality TINYINT NOT NULL
    )`,
  ],
};
