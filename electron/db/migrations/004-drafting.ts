import type { Migration } from './index';

// Drafting: commands applied together form one undo step (a history group per catalogue, kept in the file
// so undo survives a restart); a drafted item points at the item it was copied from; a draft has a stage.
export const drafting: Migration = {
  version: 4,
  name: 'drafting: undo groups, item lineage, draft stages',
  statements: [
    `ALTER TABLE change_log ADD COLUMN group_id BIGINT`,
    `CREATE SEQUENCE history_group_seq START 1`,
    // state: done (the next undo takes the newest), undone (the next redo takes the oldest), dropped (a new
    // edit after an undo ends the redo path, as in Excel).
    `CREATE TABLE history_groups (
      id BIGINT PRIMARY KEY DEFAULT nextval('history_group_seq'),
      catalogue_id VARCHAR NOT NULL,
      label VARCHAR NOT NULL,
      state VARCHAR NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
      recorded_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`,
    `ALTER TABLE items ADD COLUMN lineage_id VARCHAR`,
    `ALTER TABLE catalogues ADD COLUMN draft_stage VARCHAR`,
    `ALTER TABLE catalogues ADD COLUMN based_on VARCHAR`,
    // A removed draft keeps its catalogue row, hidden: DuckDB cannot delete a row whose referencing rows
    // were deleted in the same transaction, and a removal must be one transaction.
    `ALTER TABLE catalogues ADD COLUMN removed_at TIMESTAMPTZ`,
  ],
};
