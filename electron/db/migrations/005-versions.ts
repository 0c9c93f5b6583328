import type { Migration } from './index';

// Named versions of a catalogue (征求意见稿 2026-03-01 …): a snapshot of its domains, items (with their ids
// and lineage, so comparison follows them) and tasks as they stood when saved. Nothing edits these rows
// after the save; a deleted version is only hidden, so its log entry still names what it held.
export const versions: Migration = {
  version: 5,
  name: 'versions: named snapshots of a catalogue (domains, items, tasks)',
  statements: [
    // id is "<catalogue id>@<number>"; numbers count up per catalogue and are never reused.
    `CREATE TABLE catalogue_versions (
      id VARCHAR PRIMARY KEY,
      catalogue_id VARCHAR NOT NULL,
      number INTEGER NOT NULL CHECK (number > 0),
      name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
      stage VARCHAR,
      catalogue_name VARCHAR NOT NULL,
      annex_label VARCHAR NOT NULL,
      annex_title VARCHAR NOT NULL,
      label_item_no VARCHAR NOT NULL,
      label_name VARCHAR NOT NULL,
      label_target_group VARCHAR NOT NULL,
      label_standard VARCHAR NOT NULL,
      label_funding VARCHAR NOT NULL,
      label_lead VARCHAR NOT NULL,
      item_count INTEGER NOT NULL,
      saved_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
      removed_at TIMESTAMPTZ,
      UNIQUE (catalogue_id, number)
    )`,
    `CREATE TABLE version_domains (
      version_id VARCHAR NOT NULL,
      seq INTEGER NOT NULL,
      name VARCHAR NOT NULL,
      stated_item_count INTEGER,
      PRIMARY KEY (version_id, seq)
    )`,
    `CREATE TABLE version_items (
      version_id VARCHAR NOT NULL,
      item_id VARCHAR NOT NULL,
      lineage_id VARCHAR,
      domain_seq INTEGER NOT NULL,
      position INTEGER NOT NULL,
      item_no INTEGER NOT NULL,
      source_item_no INTEGER,
      name VARCHAR NOT NULL,
      target_group VARCHAR,
      standard VARCHAR,
      funding_responsibility VARCHAR,
      lead_department VARCHAR,
      updated_at TIMESTAMPTZ,
      PRIMARY KEY (version_id, item_id)
    )`,
    `CREATE TABLE version_tasks (
      version_id VARCHAR NOT NULL,
      task_id VARCHAR NOT NULL,
      task_no INTEGER NOT NULL,
      task VARCHAR NOT NULL,
      responsible_units VARCHAR NOT NULL,
      PRIMARY KEY (version_id, task_id)
    )`,
  ],
};
