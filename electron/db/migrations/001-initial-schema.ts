import type { Migration } from './index';

const provenance = `source VARCHAR NOT NULL, status VARCHAR NOT NULL CHECK (status IN ('sourced', 'derived', 'unverified'))`;

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema: documents, catalogues, domains, items, tasks, change log, indicators, reference tables',
  statements: [
    `CREATE TABLE documents (
      id VARCHAR PRIMARY KEY,
      title VARCHAR NOT NULL,
      issuer VARCHAR,
      doc_number VARCHAR,
      issued_on DATE,
      period VARCHAR NOT NULL,
      file_name VARCHAR NOT NULL,
      original_file VARCHAR NOT NULL,
      sha256 VARCHAR NOT NULL
    )`,
    `CREATE TABLE catalogues (
      id VARCHAR PRIMARY KEY,
      name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
      region_code VARCHAR,
      region_name VARCHAR NOT NULL,
      period VARCHAR NOT NULL,
      start_year INTEGER,
      end_year INTEGER,
      status VARCHAR NOT NULL CHECK (status IN ('published', 'draft', 'incomplete')),
      status_note VARCHAR,
      stated_item_count INTEGER,
      document_id VARCHAR REFERENCES documents (id),
      annex_label VARCHAR NOT NULL,
      annex_title VARCHAR NOT NULL,
      label_item_no VARCHAR NOT NULL,
      label_name VARCHAR NOT NULL,
      label_target_group VARCHAR NOT NULL,
      label_standard VARCHAR NOT NULL,
      label_funding VARCHAR NOT NULL,
      label_lead VARCHAR NOT NULL,
      created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
    `CREATE TABLE domains (
      catalogue_id VARCHAR NOT NULL REFERENCES catalogues (id),
      seq INTEGER NOT NULL CHECK (seq > 0),
      name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
      stated_item_count INTEGER,
      PRIMARY KEY (catalogue_id, seq)
    )`,
    // An item's id is stable for its whole life: edits, moves and (later) named versions keep it.
    // position orders items within their domain; the printed 序号 is derived, so inserting or moving a
    // row never rewrites the numbers of the others.
    `CREATE TABLE items (
      id VARCHAR PRIMARY KEY,
      catalogue_id VARCHAR NOT NULL REFERENCES catalogues (id),
      domain_seq INTEGER NOT NULL,
      position INTEGER NOT NULL,
      source_item_no INTEGER,
      name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
      target_group VARCHAR,
      standard VARCHAR,
      funding_responsibility VARCHAR,
      lead_department VARCHAR,
      created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
    `CREATE TABLE tasks (
      id VARCHAR PRIMARY KEY,
      catalogue_id VARCHAR NOT NULL REFERENCES catalogues (id),
      task_no INTEGER NOT NULL,
      task VARCHAR NOT NULL,
      responsible_units VARCHAR NOT NULL,
      UNIQUE (catalogue_id, task_no)
    )`,
    // Every write is a command recorded here with its inverse: the base of undo/redo across restarts,
    // cell history and version comparison.
    `CREATE SEQUENCE change_log_seq START 1`,
    `CREATE TABLE change_log (
      id BIGINT PRIMARY KEY DEFAULT nextval('change_log_seq'),
      recorded_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      catalogue_id VARCHAR,
      command VARCHAR NOT NULL,
      payload JSON NOT NULL,
      inverse JSON,
      origin VARCHAR NOT NULL
    )`,
    `CREATE TABLE plan_indicators (
      document_id VARCHAR NOT NULL REFERENCES documents (id),
      seq INTEGER NOT NULL,
      category VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      name_marks VARCHAR NOT NULL,
      baseline_year INTEGER NOT NULL,
      baseline_raw VARCHAR NOT NULL,
      baseline_value DECIMAL(18, 4),
      baseline_comparator VARCHAR,
      baseline_percent BOOLEAN NOT NULL,
      baseline_marks VARCHAR NOT NULL,
      target_year INTEGER NOT NULL,
      target_raw VARCHAR NOT NULL,
      target_value DECIMAL(18, 4),
      target_comparator VARCHAR,
      target_percent BOOLEAN NOT NULL,
      target_marks VARCHAR NOT NULL,
      attribute VARCHAR,
      PRIMARY KEY (document_id, seq)
    )`,
    `CREATE TABLE plan_indicator_notes (
      document_id VARCHAR NOT NULL REFERENCES documents (id),
      seq INTEGER NOT NULL,
      text VARCHAR NOT NULL,
      PRIMARY KEY (document_id, seq)
    )`,
    `CREATE TABLE ref_fiscal_tiers (
      province_code VARCHAR PRIMARY KEY,
      province VARCHAR NOT NULL,
      tier INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 5),
      central_share_pct DECIMAL(5, 2) NOT NULL CHECK (central_share_pct BETWEEN 0 AND 100),
      ${provenance}
    )`,
    `CREATE TABLE ref_population (
      region_code VARCHAR PRIMARY KEY,
      region VARCHAR NOT NULL,
      parent_code VARCHAR,
      level VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county')),
      census_date DATE NOT NULL,
      population BIGINT NOT NULL CHECK (population >= 0),
      share_0_14_pct DECIMAL(5, 2),
      share_15_59_pct DECIMAL(5, 2),
      share_60_plus_pct DECIMAL(5, 2),
      share_65_plus_pct DECIMAL(5, 2),
      ${provenance}
    )`,
    `CREATE TABLE ref_national_standards (
      standard VARCHAR NOT NULL,
      unit VARCHAR NOT NULL,
      year INTEGER NOT NULL,
      amount_text VARCHAR NOT NULL,
      amount DECIMAL(18, 2),
      ${provenance},
      PRIMARY KEY (standard, year)
    )`,
    `CREATE TABLE app_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  ],
};
