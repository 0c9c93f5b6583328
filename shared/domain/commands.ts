// Every change a user makes is one of these commands. The Node side applies each in a transaction and
// records it with its inverse, so undo/redo, cell history and version comparison can be built on the log.
import type { ItemField } from './catalogue';

export interface SetItemFieldCommand {
  kind: 'item.setField';
  itemId: string;
  field: ItemField;
  /** null returns the cell to "not yet filled". */
  value: string | null;
  /** What the user saw before editing; a different stored value means someone else changed it. */
  expected: string | null;
}

export type Command = SetItemFieldCommand;

// The cell-text rule lives in one place; re-exported here for the views that compare edits.
export { normaliseCellText } from './cell-text';
