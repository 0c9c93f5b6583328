// What undo and redo will do next in a catalogue, in the words the toolbar shows.
export interface HistoryState {
  /** "撤销修改第3项的“服务对象”", or null when there is nothing to undo. */
  undo: string | null;
  redo: string | null;
  undoSteps: number;
  redoSteps: number;
  /** After an undo or redo: what it just did ("撤销插入第5项"). */
  did?: string;
  /**
   * After an undo or redo: the item it put back or changed (the first still in the catalogue) and, when the
   * step was of one column, that column, so the view shows it as Excel does.
   */
  focus?: { itemId: string; field: string | null };
  /** The step removed the catalogue itself (undoing its import): the view goes back to the list. */
  catalogueRemoved?: boolean;
  /** After an undo or redo: the number its change was told under (ChangeEvent.seq), so a view reads it once. */
  changeSeq?: number;
  /** After an undo or redo of driver edits alone: the items whose drivers it changed (no other row changed). */
  driverItems?: string[];
}
