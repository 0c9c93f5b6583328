// A cell editor offering a list: a plain select, or a text box with suggestions when free text is allowed
// (AG Grid Community's own select allows no free text, and its rich select is Enterprise).
import { useEffect, useId, useRef } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';

export interface ChoiceOption {
  value: string;
  label: string;
}
export interface ChoiceEditorParams {
  options: () => readonly ChoiceOption[];
  /** Free text allowed beside the options (a cohort the list does not know yet). */
  free: boolean;
}

export function ChoiceCellEditor(props: CustomCellEditorProps & ChoiceEditorParams) {
  const { value, onValueChange, stopEditing, options, free } = props;
  const listId = useId();
  const select = useRef<HTMLSelectElement>(null);
  const input = useRef<HTMLInputElement>(null);
  // A pick with the mouse is the whole edit; arrow keys on a closed list only move through it, and
  // Enter (or leaving the cell) saves, so browsing the list never saves each option on the way.
  const picked = useRef(false);
  useEffect(() => {
    (free ? input.current : select.current)?.focus();
  }, [free]);
  const current = value === null || value === undefined ? '' : String(value);
  if (free) {
    return (
      <>
        <input ref={input} className="choice-editor" list={listId} value={current} onChange={(e) => onValueChange(e.target.value)} aria-label={props.colDef.headerName} />
        <datalist id={listId}>
          {options().map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </datalist>
      </>
    );
  }
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
