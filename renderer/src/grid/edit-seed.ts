// Text an edit starts with when it did not come from a single key press: what a Chinese input method
// composed on a picked cell, or keys typed faster than the editor opened. The keyboard sink leaves it
// here for one cell; that cell's editor takes it when it opens, and while it is open takes later text
// directly. Text left for one cell never opens another's edit: an editor of any other cell drops it (a
// row drawn again can take an editor away before it opened, and its text then went to the next cell typed in).
import type { CustomCellEditorProps } from 'ag-grid-react';

/** `after`: the text goes after the cell's own (typed after F2, before its editor opened), not in its place. */
let seed: { cell: string; text: string; after: boolean } | null = null;
let openEditor: ((text: string) => void) | null = null;

/** A cell as seeds name it: its row's id (kept while rows are drawn again or move) and its column. */
export function cellKey(rowId: string | undefined, colId: string): string {
  return `${rowId ?? ''}/${colId}`;
}

/** The cell an editor edits. */
export const editorCell = (props: Pick<CustomCellEditorProps, 'node' | 'column'>) => cellKey(props.node.id, props.column.getColId());

/** Hands text to the open editor; returns false when none is open (the caller then opens one). */
export function typeIntoOpenEditor(text: string): boolean {
  if (!openEditor) return false;
  openEditor(text);
  return true;
}

export function seedNextEdit(text: string, cell: string, after = false): void {
  const same = seed?.cell === cell;
  seed = { cell, text: (same ? seed!.text : '') + text, after: same ? seed!.after : after };
}

/** Whether text is waiting for this cell's editor about to open (an editor may choose its form by it). */
export function hasEditSeed(cell: string): boolean {
  return seed?.cell === cell;
}

/** Whether typed text is waiting for some cell's editor to open (a key that would move away must not lose it). */
export function editSeedWaiting(): boolean {
  return seed !== null;
}

/** The text waiting for this cell, taken; text waiting for another cell is dropped. Without a cell: dropped. */
export function takeEditSeed(cell?: string): string | null {
  const out = seed && seed.cell === cell ? seed.text : null;
  seed = null;
  return out;
}

/** Told, in a microtask, each time an editor opens (registerOpenEditor): keys waiting for it are replayed at once. */
const openListeners = new Set<() => void>();

export function onEditorOpened(listener: () => void): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

export function registerOpenEditor(append: ((text: string) => void) | null): void {
  openEditor = append;
  // Before any further input reaches the page (input events are tasks of their own): an Enter typed right
  // after the text that opened this editor must end it before an input method's next word begins in it.
  if (append) for (const listener of openListeners) queueMicrotask(listener);
}

/** What an editor opens with: the seed, else the key that opened it (Backspace or Delete: nothing), else the value. */
export function editStartText(props: CustomCellEditorProps): { text: string; caretAtEnd: boolean } {
  const { value, eventKey, cellStartedEdit } = props;
  const cell = editorCell(props);
  const after = seed?.cell === cell && seed.after;
  const seeded = takeEditSeed(cell);
  const current = value === null || value === undefined ? '' : String(value);
  if (seeded !== null) return { text: after ? current + seeded : seeded, caretAtEnd: true };
  if (!cellStartedEdit) return { text: current, caretAtEnd: true };
  if (eventKey === 'Backspace' || eventKey === 'Delete') return { text: '', caretAtEnd: true };
  if (eventKey && eventKey.length === 1) return { text: eventKey, caretAtEnd: true };
  return { text: current, caretAtEnd: true };
}

/** Told by each grid's keyboard sink whether keys typed there are still waiting their turn (useCellInput). */
const waitingChecks = new Set<() => boolean>();

export function onKeysWaiting(check: () => boolean): () => void {
  waitingChecks.add(check);
  return () => waitingChecks.delete(check);
}

/**
 * Whether typed keys wait for an editor or a step: a Ctrl+Z or Ctrl+Y pressed then waits behind them (the sink
 * queues it), or it would undo the step before the one being typed (甲⏎ then Ctrl+Z undid the edit before 甲).
 */
export function typedKeysWaiting(): boolean {
  for (const check of waitingChecks) if (check()) return true;
  return false;
}
