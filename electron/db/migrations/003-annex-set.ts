import type { Migration } from './index';

// The annex set's own data: the page header and footer a user set per catalogue (none stored means the
// default: the draft mark and date until published), and indicator tables drafted for a new plan,
// kept apart from the indicator tables the seed documents published.
export const annexSet: Migration = {
  version: 3,
  name: 'annex set: page header and footer per catalogue, draft indicator tables for a new plan',
  statements: [
    `CREATE TABLE annex_page_text (
      catalogue_id VARCHAR PRIMARY KEY,
      header VARCHAR,
      footer VARCHAR,
      updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
    `CREATE TABLE indicator_plans (
      id VARCHAR PRIMARY KEY,
      title VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
      period VARCHAR NOT NULL,
      baseline_year INTEGER NOT NULL,
      target_year INTEGER NOT NULL CHECK (target_year > baseline_year),
      based_on_document VARCHAR,
      created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
    `CREATE TABLE indicator_plan_rows (
      plan_id VARCHAR NOT NULL,
      seq INTEGER NOT NULL,
      category VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      baseline VARCHAR,
      target VARCHAR,
      attribute VARCHAR,
      PRIMARY KEY (plan_id, seq)
    )`,
    `CREATE TABLE indicator_plan_notes (
      plan_id VARCHAR NOT NULL,
      seq INTEGER NOT NULL,
      text VARCHAR NOT NULL,
      PRIMARY KEY (plan_id, seq)
    )`,
  ],
};
