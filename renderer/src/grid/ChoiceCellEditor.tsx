// A cell editor offering a fixed list (a unit, a split rule). Opened by the mouse, F2 or Enter it is a plain
// select (AG Grid Community's own select is no better, and its rich select is Enterprise). Opened by typing on
// the picked cell, as a planner does in Excel, it is a line of text (a Chinese input method composes only
// into text) offering the list's names: what is typed is saved as the option it names, or sent as typed and
// refused with the reason, never dropped.
import { useEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { editorCell, hasEditSeed, takeEditSeed } from './edit-seed';
import { LineCellEditor } from './LineCellEditor';
import { tabFromEditor } from './tab-key';
import { resolveChoice } from '../../../shared/domain/choice';
import type { ChoiceOption } from '../../../shared/domain/choice';

export interface ChoiceEditorParams {
  options: () => readonly ChoiceOption[];
}

export function ChoiceCellEditor(props: CustomCellEditorProps & ChoiceEditorParams) {
  const { eventKey, cellStartedEdit } = props;
  const [typed] = useState(() => hasEditSeed(editorCell(props)) || (cellStartedEdit && typeof eventKey === 'string' && eventKey.length === 1));
  if (typed) return <TypedChoice {...props} />;
  return <ChoiceList {...props} />;
}

function TypedChoice(props: CustomCellEditorProps & ChoiceEditorParams) {
  const { options, onValueChange } = props;
  const names = () => options().map((o) => ({ value: o.label, label: o.label }));
  return <LineCellEditor {...props} maxLength={60} suggestions={names} onValueChange={(text: string | null) => onValueChange(resolveChoice(text ?? '', options()))} />;
}

function ChoiceList(props: CustomCellEditorProps & ChoiceEditorParams) {
  const { value, onValueChange, stopEditing, options } = props;
  const select = useRef<HTMLSelectElement>(null);
  // A pick with the mouse is the whole edit; arrow keys on a closed list only move through it, and
  // Enter (or leaving the cell) saves, so browsing the list never saves each option on the way.
  const picked = useRef(false);
  useEffect(() => {
    // No text may reach the next editor from here.
    takeEditSeed();
    const el = select.current;
    if (!el) return;
    el.focus();
    const onKeyDown = (event: KeyboardEvent) => tabFromEditor(event, props.api);
    el.addEventListener('keydown', onKeyDown);
    return () => el.removeEventListener('keydown', onKeyDown);
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
