// A cell editor offering a fixed list (a unit, a split rule) as a plain select: AG Grid Community's own select
// is no better, and its rich select is Enterprise. Free text with suggestions is LineCellEditor's.
import { useEffect, useRef } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { takeEditSeed } from './edit-seed';

export interface ChoiceOption {
  value: string;
  label: string;
}
export interface ChoiceEditorParams {
  options: () => readonly ChoiceOption[];
}

export function ChoiceCellEditor(props: CustomCellEditorProps & ChoiceEditorParams) {
  const { value, onValueChange, stopEditing, options } = props;
  const select = useRef<HTMLSelectElement>(null);
  // A pick with the mouse is the whole edit; arrow keys on a closed list only move through it, and
  // Enter (or leaving the cell) saves, so browsing the list never saves each option on the way.
  const picked = useRef(false);
  useEffect(() => {
    // Text typed on the picked cell opened this list; a list takes no text, and none may reach the next editor.
    takeEditSeed();
    select.current?.focus();
  }, []);
  const current = value === null || value === undefined ? '' : String(value);
  return (
    <select
      ref={select}
      className="choice-editor"
      value={current}
      aria-label={props.colDef.headerName}
      onPointerDown={() => (picked.current = true)}
      onKeyDown={() => (picked.current = false)}
      onChange={(e) => {
        onValueChange(e.target.value === '' ? null : e.target.value);
        if (picked.current) setTimeout(() => stopEditing(), 0);
      }}
    >
      <option value="">（不设置）</option>
      {options().map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}
