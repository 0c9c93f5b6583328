// One item's (or one cell's) changes as the history panel shows them, newest first, read from change_log.
import type { ItemField } from './catalogue';

/** Whether the step a change belongs to still holds: undone steps stay listed, marked. */
export type HistoryEntryState = 'done' | 'undone' | 'dropped';

export const HISTORY_ENTRY_STATE_LABELS: Record<HistoryEntryState, string> = {
  done: '',
  undone: '已撤销',
  dropped: '已撤销（之后另有修改）',
};

export interface ItemHistoryEntry {
  changeId: number;
  /** ISO time the change was committed. */
  at: string;
  kind: 'field' | 'insert' | 'delete' | 'restore' | 'move' | 'driver' | 'copied';
  /** For a field change: which column. */
  field: ItemField | null;
  /** What happened, in Chinese: "修改“服务对象”", "插入到“一、基本公共教育”第3行", "移至“二、…”第1行". */
  description: string;
  /** Before and after, for a cell change (null is an empty cell). */
  before: string | null;
  after: string | null;
  state: HistoryEntryState;
  origin: string;
}

export interface ItemHistory {
  itemId: string;
  /** The item as it now stands, so 恢复 can send the value the user sees as `expected`. */
  current: Record<ItemField, string | null> | null;
  entries: ItemHistoryEntry[];
}
