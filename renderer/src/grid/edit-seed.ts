// Text an edit starts with when it did not come from a single key press: what a Chinese input method
// composed on a picked cell, or keys typed faster than the editor opened. The keyboard sink leaves it
// here for one cell; that cell's editor takes it when it opens, and while it is open takes later text
// directly. Text left for one cell never opens another's edit: an editor of any other cell drops it (a
// row drawn again can take an editor away before it opened, and its text then went to the next cell typed in).
import type { CustomCellEditorProps } from 'ag-grid-react';
import { composing } from '../components/ime';

let seed: { cell: string; text: string } | null = null;
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

export function seedNextEdit(text: string, cell: string): void {
  seed = { cell, text: (seed?.cell === cell ? seed.text : '') + text };
}

/** Whether text is waiting for this cell's editor about to open (an editor may choose its form by it). */
export function hasEditSeed(cell: string): boolean {
  return seed?.cell === cell;
}

/** The text waiting for this cell, taken; text waiting for another cell is dropped. Without a cell: dropped. */
export function takeEditSeed(cell?: string): string | null {
  const out = seed && seed.cell === cell ? seed.text : null;
  seed = null;
  return out;
}

export function registerOpenEditor(append: (text: string) => void): void {
  openEditor = append;
}

/** An editor closing lets go, unless another one has opened since (it registered itself first). */
export function unregisterOpenEditor(append: (text: string) => void): void {
  if (openEditor === append) openEditor = null;
}

let typeOnGrid: ((text: string) => void) | null = null;

/** The keyboard sink's way in (useCellInput): text given to it goes to the picked cell as if typed on it. */
export function registerGridTyping(type: (text: string) => void): () => void {
  typeOnGrid = type;
  return () => {
    if (typeOnGrid === type) typeOnGrid = null;
  };
}

/**
 * From an editor's box `el` (its text put by `put`): once Enter, Tab or Esc has ended the edit, the editor takes
 * no more text, neither handed over by the sink nor typed into the box while it closes (the grid closes it after
 * the key): "甲⏎乙⏎" typed in one go on the last row was saved as 甲乙. What comes then goes to the picked cell,
 * which opens its own edit with it once this one has closed. Returns the cleanup.
 */
export function endWithKeys(el: HTMLElement, put: (text: string) => void): () => void {
  let ended = false;
  const onKeyDown = (event: KeyboardEvent) => {
    if (composing(event) || event.ctrlKey || event.metaKey) return;
    const ends = (event.key === 'Enter' && !event.altKey && !event.shiftKey) || event.key === 'Tab' || event.key === 'Escape';
    if (!ends) return;
    ended = true;
    unregisterOpenEditor(put);
  };
  const onBeforeInput = (event: InputEvent) => {
    if (!ended) return;
    event.preventDefault();
    if (event.data) typeOnGrid?.(event.data);
  };
  el.addEventListener('keydown', onKeyDown);
  el.addEventListener('beforeinput', onBeforeInput);
  return () => {
    el.removeEventListener('keydown', onKeyDown);
    el.removeEventListener('beforeinput', onBeforeInput);
    unregisterOpenEditor(put);
  };
}

/** What an editor opens with: the seed, else the key that opened it (Backspace or Delete: nothing), else the value. */
export function editStartText(props: CustomCellEditorProps): { text: string; caretAtEnd: boolean } {
  const { value, eventKey, cellStartedEdit } = props;
  const seeded = takeEditSeed(editorCell(props));
  if (seeded !== null) return { text: seeded, caretAtEnd: true };
  const current = value === null || value === undefined ? '' : String(value);
  if (!cellStartedEdit) return { text: current, caretAtEnd: true };
  if (eventKey === 'Backspace' || eventKey === 'Delete') return { text: '', caretAtEnd: true };
  if (eventKey && eventKey.length === 1) return { text: eventKey, caretAtEnd: true };
  return { text: current, caretAtEnd: true };
}
