// Text an edit starts with when it did not come from a single key press: what a Chinese input method
// composed on a picked cell, or keys typed faster than the editor opened. The keyboard sink leaves it
// here; the editor takes it when it opens, and while it is open takes later text directly.
import type { CustomCellEditorProps } from 'ag-grid-react';

let seed: string | null = null;
let openEditor: ((text: string) => void) | null = null;

/** Hands text to the open editor; returns false when none is open (the caller then opens one). */
export function typeIntoOpenEditor(text: string): boolean {
  if (!openEditor) return false;
  openEditor(text);
  return true;
}

export function seedNextEdit(text: string): void {
  seed = (seed ?? '') + text;
}

/** Whether text is waiting for the editor about to open (an editor may choose its form by it). */
export function hasEditSeed(): boolean {
  return seed !== null;
}

export function takeEditSeed(): string | null {
  const out = seed;
  seed = null;
  return out;
}

export function registerOpenEditor(append: ((text: string) => void) | null): void {
  openEditor = append;
}

/** What an editor opens with: the seed, else the key that opened it (Backspace or Delete: nothing), else the value. */
export function editStartText({ value, eventKey, cellStartedEdit }: CustomCellEditorProps): { text: string; caretAtEnd: boolean } {
  const seeded = takeEditSeed();
  if (seeded !== null) return { text: seeded, caretAtEnd: true };
  const current = value === null || value === undefined ? '' : String(value);
  if (!cellStartedEdit) return { text: current, caretAtEnd: true };
  if (eventKey === 'Backspace' || eventKey === 'Delete') return { text: '', caretAtEnd: true };
  if (eventKey && eventKey.length === 1) return { text: eventKey, caretAtEnd: true };
  return { text: current, caretAtEnd: true };
}
